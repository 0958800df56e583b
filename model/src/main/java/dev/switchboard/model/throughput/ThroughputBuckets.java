package dev.switchboard.model.throughput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The throughput counters of {@link ThroughputPolicy} in memory: for a forecast, and for tests. (The engine keeps
 * them in the store, so that a restart cannot burst.) Thread-safe.
 */
public final class ThroughputBuckets implements ThroughputPolicy.Ledger {
    private final Map<String, ThroughputPolicy.Pace> paces = new HashMap<>();
    private final Map<String, ThroughputPolicy.Day> days = new HashMap<>();

    public synchronized ThroughputPolicy.Answer reserve(SenderLimits limits, Carrier carrier, int segments,
                                                        Instant now, Instant windowCloses) {
        return ThroughputPolicy.reserve(this, limits, carrier, segments, now, windowCloses);
    }

    /** Segments counted against T-Mobile's allowance of this sender's brand on the Pacific day of {@code at}. */
    public synchronized long tmobileUsed(SenderLimits limits, Instant at) {
        ThroughputPolicy.Day d = days.get(limits.tmobileKey() + " " + ThroughputPolicy.tmobileDay(at));
        return d == null ? 0 : d.used();
    }

    @Override
    public ThroughputPolicy.Pace pace(String key) {
        return paces.computeIfAbsent(key, k -> new ThroughputPolicy.Pace(0, 0));
    }

    @Override
    public ThroughputPolicy.Day day(String key, LocalDate day) {
        return days.computeIfAbsent(key + " " + day, k -> new ThroughputPolicy.Day(0, 0));
    }
}
