package dev.switchboard.model.throughput;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SMS sender throughput (compliance-rules.md §4, "Throughput"): limits count segments, never API calls; what is
 * over a limit waits, it is never dropped. Pure: the counters come from a {@link Ledger} (durable in the store, or
 * in memory for a forecast), which the policy updates and the caller writes back.
 *
 * <ul>
 *   <li>per number: its segments per second, as a pace: each segment holds the number for {@code 1/rate} s, so no
 *       window of any length holds more than the rate allows;</li>
 *   <li>AT&T, per 10DLC campaign: its segments per minute, as a pace of {@code 60/limit} s a segment, so no 60 s
 *       window holds more than the limit; for recipients on AT&T or of unknown carrier;</li>
 *   <li>T-Mobile, per brand: a daily allowance that resets at 00:00 America/Los_Angeles; for recipients on
 *       T-Mobile or of unknown carrier.</li>
 * </ul>
 *
 * <p>A reservation gets a slot, the instant the message may leave, when that slot starts within the
 * {@link #HORIZON}; otherwise it is told until when to wait, and booked a place in the queue at that instant (a
 * spread, so that a thousand waiting messages come due one after another instead of all at once; only slots count
 * against the limits). A slot that would end after the contact's window closes is not given: nothing is queued
 * that cannot leave the number before the window closes.
 */
public final class ThroughputPolicy {
    /** How far ahead a slot may start and still be handed out (the caller waits for it before the call). */
    public static final Duration HORIZON = Duration.ofSeconds(2);
    /** T-Mobile's day: the allowance resets at midnight Pacific. */
    public static final ZoneId TMOBILE_DAY = ZoneId.of("America/Los_Angeles");
    public static final String RULE_NUMBER = "throughput.number";
    public static final String RULE_ATT = "throughput.att";
    public static final String RULE_TMOBILE = "throughput.tmobile-daily";
    public static final String RULE_WINDOW = "throughput.window";

    private static final long NANOS = 1_000_000_000L;

    private ThroughputPolicy() {
    }

    /** A paced bucket: when it is free again, and until when waiting messages were booked (epoch nanoseconds). */
    public static final class Pace {
        private long freeAt;
        private long bookedUntil;

        public Pace(long freeAtNanos, long bookedUntilNanos) {
            this.freeAt = freeAtNanos;
            this.bookedUntil = bookedUntilNanos;
        }

        public long freeAtNanos() {
            return freeAt;
        }

        public long bookedUntilNanos() {
            return bookedUntil;
        }
    }

    /** A daily allowance's day: segments sent, and segments booked to wait for it. */
    public static final class Day {
        private long used;
        private long booked;

        public Day(long used, long booked) {
            this.used = used;
            this.booked = booked;
        }

        public long used() {
            return used;
        }

        public long booked() {
            return booked;
        }
    }

    /** The counters; each call returns the live state for the key (a new zero state when there is none yet). */
    public interface Ledger {
        Pace pace(String key);

        /** T-Mobile's counter of a brand ({@link SenderLimits#tmobileKey()}) on a Pacific day. */
        Day day(String key, LocalDate day);
    }

    /** The answer to a reservation. */
    public sealed interface Answer {
    }

    /** The message may leave at {@code start}; the number is busy with its segments until {@code end}. */
    public record Slot(Instant start, Instant end, int segments) implements Answer {
    }

    /**
     * Not now: come back at {@code until}; {@code rule} names the limit, {@link #detail()} says it in words (built
     * only when asked: a forecast makes millions of these).
     *
     * @param busyUntil   when the binding bucket is free (the number, AT&T), or the day that is spent (T-Mobile)
     * @param windowCloses the recipient's window end ({@link #RULE_WINDOW}), else null
     */
    public record Wait(Instant until, String rule, SenderLimits limits, Instant busyUntil, Instant windowCloses)
            implements Answer {
        public String detail() {
            return switch (rule) {
                case RULE_TMOBILE -> "T-Mobile's daily allowance of " + limits.tmobileKey() + " ("
                        + limits.tmobilePerDay() + " segments a day, reset at 00:00 America/Los_Angeles) is spent"
                        + " for " + tmobileDay(busyUntil);
                case RULE_WINDOW -> "the sender's next slot (" + busyUntil + ") would end after the recipient's"
                        + " window closes at " + windowCloses + "; nothing is queued that cannot leave before";
                case RULE_ATT -> "AT&T's limit of " + limits.attKey() + " (" + limits.attPerMinute()
                        + " segments a minute) is taken until " + busyUntil;
                default -> "the number " + limits.number() + " (" + limits.type().label() + ", "
                        + SenderLimits.rate(limits.segmentsPerSecond()) + " segments/s) is taken until " + busyUntil;
            };
        }
    }

    private record Use(String key, long interval, String rule) {
    }

    /**
     * Asks for a slot for one message of {@code segments} segments (at least 1) from {@code limits}'s number.
     *
     * @param windowCloses when the recipient's window closes (the last instant the message may leave), or null
     */
    public static Answer reserve(Ledger ledger, SenderLimits limits, Carrier carrier, int segments, Instant now,
                                 Instant windowCloses) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(carrier, "carrier");
        int n = Math.max(1, segments);
        long nowN = nanos(now);
        List<Use> uses = uses(limits, carrier);
        long start = nowN;
        Use binding = uses.getFirst();
        for (Use u : uses) {
            long free = ledger.pace(u.key()).freeAt;
            if (free > start) {
                start = free;
                binding = u;
            }
        }
        long numberInterval = uses.getFirst().interval();
        if (limits.tmobilePerDay() > 0 && carrier.countsForTmobile()) {
            LocalDate day = day(start);
            long cap = limits.tmobilePerDay();
            if (ledger.day(limits.tmobileKey(), day).used + n > cap) {
                LocalDate next = day.plusDays(1);
                Day d = ledger.day(limits.tmobileKey(), next);
                while (d.used + d.booked + n > cap) {
                    next = next.plusDays(1);
                    d = ledger.day(limits.tmobileKey(), next);
                }
                long ahead = d.booked;
                d.booked += n;
                Instant until = next.atStartOfDay(TMOBILE_DAY).toInstant().plusNanos(ahead * numberInterval);
                return new Wait(until, RULE_TMOBILE, limits, instant(start), null);
            }
        }
        long end = start + n * numberInterval;
        if (windowCloses != null && end > nanos(windowCloses)) {
            Instant until = windowCloses.isAfter(now) ? windowCloses : now.plusSeconds(1);
            return new Wait(until, RULE_WINDOW, limits, instant(start), windowCloses);
        }
        if (start - nowN > HORIZON.toNanos()) {
            Pace p = ledger.pace(binding.key());
            long until = Math.max(start, p.bookedUntil);
            p.bookedUntil = until + n * binding.interval();
            return new Wait(instant(until), binding.rule(), limits, instant(start), null);
        }
        for (Use u : uses) {
            Pace p = ledger.pace(u.key());
            p.freeAt = Math.max(p.freeAt, start + n * u.interval());
            p.bookedUntil = Math.max(p.bookedUntil, p.freeAt);
        }
        if (limits.tmobilePerDay() > 0 && carrier.countsForTmobile()) {
            ledger.day(limits.tmobileKey(), day(start)).used += n;
        }
        return new Slot(instant(start), instant(end), n);
    }

    /**
     * The latest instant a message of {@code segments} segments may be handed to Genesys behind
     * {@code queuedSegments} already queued at the number and still leave it before {@code windowCloses}.
     */
    public static Instant latestQueueInstant(SenderLimits limits, long queuedSegments, int segments,
                                             Instant windowCloses) {
        long interval = numberInterval(limits);
        return windowCloses.minusNanos((queuedSegments + Math.max(1, segments)) * interval);
    }

    /** The keys of the paced buckets a message from this sender to this carrier uses (number first). */
    public static List<String> paceKeys(SenderLimits limits, Carrier carrier) {
        return uses(limits, carrier).stream().map(Use::key).toList();
    }

    /** The Pacific day of an instant: the day of T-Mobile's allowance it counts in. */
    public static LocalDate tmobileDay(Instant at) {
        return at.atZone(TMOBILE_DAY).toLocalDate();
    }

    private static List<Use> uses(SenderLimits limits, Carrier carrier) {
        List<Use> uses = new ArrayList<>(2);
        uses.add(new Use("number " + limits.number(), numberInterval(limits), RULE_NUMBER));
        if (limits.attPerMinute() > 0 && carrier.countsForAtt()) {
            uses.add(new Use("att " + limits.attKey(), Math.ceilDiv(60 * NANOS, limits.attPerMinute()), RULE_ATT));
        }
        return uses;
    }

    private static long numberInterval(SenderLimits limits) {
        return (long) Math.ceil(NANOS / limits.segmentsPerSecond());
    }

    private static LocalDate day(long nanos) {
        return tmobileDay(instant(nanos));
    }

    public static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NANOS), i.getNano());
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
