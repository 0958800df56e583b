package dev.switchboard.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request budget of one credential, shared by every thread that uses it.
 *
 * <p>A sliding-window log: a permit is granted only when fewer than {@link #budget()} permits were granted in
 * the last 60.5 seconds, so no 60 s window ever holds more than the budget, even with some latency jitter between
 * permit and wire. The budget is the org limit
 * ({@code client.credentials.token.rate.per.minute}, 300 if unknown) less a headroom of at most 5 %. Waiting
 * callers are served by {@link Priority} (then first come, first served): a waiting higher-priority caller always
 * goes first. A 429 or exhausted {@code inin-ratelimit-*} headers pause the whole bucket.
 *
 * <p>Thread-safe. Time comes from the injected clock; waits go through an {@link Awaiter} so tests can move a
 * virtual clock instead of sleeping.
 */
public final class Pacer {

    /** The documented default, used when the org's limits cannot be read. */
    public static final int DEFAULT_ORG_LIMIT = 300;
    static final long WINDOW_MILLIS = 60_000;
    /**
     * Extra spacing beyond the 60 s window: a request leaves some milliseconds after its permit, and a burst that
     * left late must not overlap the next burst on the wire (measured: 2 of 116 without it; costs under 1 %).
     */
    static final long GUARD_MILLIS = 500;

    /** Waits on the pacer's condition; {@code nanos == Long.MAX_VALUE} means until signalled. */
    @FunctionalInterface
    interface Awaiter {
        Awaiter REAL = (condition, nanos) -> {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
            } else {
                condition.awaitNanos(nanos);
            }
        };

        void await(Condition condition, long nanos) throws InterruptedException;
    }

    private record Ticket(Priority priority, long seq) implements Comparable<Ticket> {
        @Override
        public int compareTo(Ticket o) {
            int byPriority = priority.compareTo(o.priority);
            return byPriority != 0 ? byPriority : Long.compare(seq, o.seq);
        }
    }

    private final Clock clock;
    private final Awaiter awaiter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>();
    private long nextSeq;
    private long[] grants;
    private int oldest;
    private int count;
    private int orgLimit;
    private long pausedUntil;
    private long granted;
    /** Test hook, called under the lock at each grant with the priority and the grant time. */
    volatile java.util.function.ObjLongConsumer<Priority> grantObserver;

    /** A pacer for the default org limit (300/min) on the system clock. */
    public Pacer() {
        this(DEFAULT_ORG_LIMIT, Clock.systemUTC());
    }

    /** A pacer for an org limit (requests per minute per token) on a clock. */
    public Pacer(int orgLimitPerMinute, Clock clock) {
        this(orgLimitPerMinute, clock, Awaiter.REAL);
    }

    Pacer(int orgLimitPerMinute, Clock clock, Awaiter awaiter) {
        this.clock = clock;
        this.awaiter = awaiter;
        this.grants = new long[1];
        setOrgLimit(orgLimitPerMinute);
    }

    /** The budget for an org limit: the limit less a headroom of 3 % (at least 1, at most 5 %). */
    public static int budgetFor(int orgLimitPerMinute) {
        int headroom = Math.min((int) Math.floor(orgLimitPerMinute * 0.05),
                Math.max(1, (int) Math.ceil(orgLimitPerMinute * 0.03)));
        return Math.max(1, orgLimitPerMinute - headroom);
    }

    /** Sets the org limit (requests per minute per token); the budget follows. Grants so far stay counted. */
    public void setOrgLimit(int orgLimitPerMinute) {
        if (orgLimitPerMinute <= 0) {
            throw new IllegalArgumentException("org limit must be positive: " + orgLimitPerMinute);
        }
        lock.lock();
        try {
            int budget = budgetFor(orgLimitPerMinute);
            long[] next = new long[budget];
            int keep = Math.min(count, budget);
            for (int i = 0; i < keep; i++) {
                next[i] = grants[(oldest + count - keep + i) % grants.length];
            }
            grants = next;
            oldest = 0;
            count = keep;
            orgLimit = orgLimitPerMinute;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The org limit the budget was derived from. */
    public int orgLimit() {
        lock.lock();
        try {
            return orgLimit;
        } finally {
            lock.unlock();
        }
    }

    /** Permits per 60 s window. */
    public int budget() {
        lock.lock();
        try {
            return grants.length;
        } finally {
            lock.unlock();
        }
    }

    /** Permits granted since creation. */
    public long granted() {
        lock.lock();
        try {
            return granted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until this caller may send one request. Callers of a higher priority that are waiting go first.
     *
     * @throws InterruptedException if interrupted while waiting (no permit is consumed)
     */
    public void acquire(Priority priority) throws InterruptedException {
        lock.lock();
        Ticket ticket = new Ticket(priority, nextSeq++);
        waiting.add(ticket);
        changed.signalAll();
        try {
            while (true) {
                if (waiting.peek() == ticket) {
                    long now = clock.millis();
                    long wait = millisUntilPermit(now);
                    if (wait <= 0) {
                        waiting.poll();
                        record(now);
                        var observer = grantObserver;
                        if (observer != null) {
                            observer.accept(priority, now);
                        }
                        changed.signalAll();
                        return;
                    }
                    awaiter.await(changed, TimeUnit.MILLISECONDS.toNanos(wait));
                } else {
                    awaiter.await(changed, Long.MAX_VALUE);
                }
            }
        } finally {
            if (waiting.remove(ticket)) {
                changed.signalAll();
            }
            lock.unlock();
        }
    }

    /** Pauses the whole bucket until {@code until} (a 429's Retry-After); a later pause wins. */
    public void pauseUntil(Instant until) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, until.toEpochMilli());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Pauses the whole bucket for {@code duration} from now. */
    public void pauseFor(Duration duration) {
        pauseUntil(clock.instant().plus(duration));
    }

    /** When the bucket is paused until, or null if it is not paused. */
    public Instant pausedUntil() {
        lock.lock();
        try {
            return pausedUntil > clock.millis() ? Instant.ofEpochMilli(pausedUntil) : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the {@code inin-ratelimit-*} headers of a response into account: when the server says the allowance
     * is used up, the bucket pauses until its reset.
     */
    public void observe(long count, long allowed, long resetSeconds) {
        if (allowed > 0 && count >= allowed && resetSeconds > 0) {
            pauseFor(Duration.ofSeconds(Math.min(resetSeconds, 180)));
        }
    }

    /** Callers currently waiting (for tests and monitoring). */
    int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private long millisUntilPermit(long now) {
        long wait = pausedUntil - now;
        if (count == grants.length) {
            wait = Math.max(wait, grants[oldest] + WINDOW_MILLIS + GUARD_MILLIS - now);
        }
        return wait;
    }

    private void record(long now) {
        granted++;
        if (count == grants.length) {
            grants[oldest] = now;
            oldest = (oldest + 1) % grants.length;
        } else {
            grants[(oldest + count) % grants.length] = now;
            count++;
        }
    }
}
