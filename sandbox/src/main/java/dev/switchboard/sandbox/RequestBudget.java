package dev.switchboard.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-client request budget: a fixed window aligned to the minute of real time, like Genesys's
 * {@code client.credentials.token.rate.per.minute}.
 */
final class RequestBudget {

    /** The state of one client's window after a request was counted (or refused). */
    record Usage(boolean allowed, int count, int limit, int resetSeconds) {
    }

    private static final class Window {
        long minute;
        int count;
    }

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RequestBudget(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Counts one request of {@code clientId}; refused requests are not counted. */
    Usage take(String clientId) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        int reset = (int) Math.max(1, (60_000 - millis % 60_000 + 999) / 1000);
        Window w = windows.computeIfAbsent(clientId, k -> new Window());
        synchronized (w) {
            if (w.minute != minute) {
                w.minute = minute;
                w.count = 0;
            }
            if (w.count >= perMinute) {
                return new Usage(false, w.count, perMinute, reset);
            }
            w.count++;
            return new Usage(true, w.count, perMinute, reset);
        }
    }

    /** The window of {@code clientId} without counting. */
    Usage peek(String clientId) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        int reset = (int) Math.max(1, (60_000 - millis % 60_000 + 999) / 1000);
        Window w = clientId == null ? null : windows.get(clientId);
        if (w == null) {
            return new Usage(true, 0, perMinute, reset);
        }
        synchronized (w) {
            return new Usage(true, w.minute == minute ? w.count : 0, perMinute, reset);
        }
    }
}
