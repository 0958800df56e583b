package dev.switchboard.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sandbox saw of its clients' traffic, for oracles and benchmarks: requests counted against the budget
 * (with their real times and their route, ids replaced by {@code {id}}), 429s for an exhausted budget, and 429s
 * injected as faults. Thread-safe.
 */
public final class SandboxMetrics {
    private static final int MAX_SAMPLES = 1 << 21;

    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong budgetRejected = new AtomicLong();
    private final AtomicLong injectedRejected = new AtomicLong();
    private final long[] times = new long[MAX_SAMPLES];
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> routes =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A counted request's route: {@code METHOD /path} with every id-like segment replaced by {@code {id}}. */
    void route(String method, String path) {
        StringBuilder key = new StringBuilder(method).append(' ');
        for (String seg : path.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            boolean id = seg.length() > 24 || seg.startsWith("sb-")
                    || seg.chars().filter(Character::isDigit).count() >= 3;
            key.append('/').append(id ? "{id}" : seg);
        }
        routes.computeIfAbsent(key.toString(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /**
     * Requests counted against the budget by route ({@code METHOD /api/v2/...}, ids as {@code {id}}), sorted by
     * route.
     */
    public java.util.SortedMap<String, Long> byRoute() {
        java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
        routes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    void counted(long epochMillis) {
        long i = counted.getAndIncrement();
        if (i < MAX_SAMPLES) {
            times[(int) i] = epochMillis;
        }
    }

    void budgetRejected() {
        budgetRejected.incrementAndGet();
    }

    void injectedRejected() {
        injectedRejected.incrementAndGet();
    }

    /** Requests counted against the budget (every authenticated request the budget let through). */
    public long counted() {
        return counted.get();
    }

    /** 429s answered because a client's budget for the minute was spent. */
    public long budgetRejections() {
        return budgetRejected.get();
    }

    /** 429s injected by {@link SandboxFaults#rate429(double)}. */
    public long injectedRejections() {
        return injectedRejected.get();
    }

    /** The most requests counted within any window of {@code window} length (sliding, to the millisecond). */
    public synchronized long peakIn(Duration window) {
        int n = (int) Math.min(counted.get(), MAX_SAMPLES);
        long[] sorted = java.util.Arrays.copyOf(times, n);
        java.util.Arrays.sort(sorted);
        long span = window.toMillis();
        long peak = 0;
        int start = 0;
        for (int end = 0; end < n; end++) {
            while (sorted[end] - sorted[start] >= span) {
                start++;
            }
            peak = Math.max(peak, end - start + 1);
        }
        return peak;
    }

    /** Forgets everything seen so far. */
    public synchronized void reset() {
        counted.set(0);
        budgetRejected.set(0);
        injectedRejected.set(0);
        routes.clear();
    }
}
