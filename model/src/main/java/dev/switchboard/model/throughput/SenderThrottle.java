package dev.switchboard.model.throughput;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SMS throughput buckets of every sending number (compliance-rules.md §4, "Throughput"): limits count segments,
 * never API calls; excess waits, never drops.
 *
 * <ul>
 *   <li>per number: its segments per second, as a pace (each segment takes {@code 1/rate} of the number's time);</li>
 *   <li>AT&T, per 10DLC campaign: its segments per minute, as a pace of {@code 60/limit} seconds a segment, so no
 *       60 s window holds more than the limit; for recipients on AT&T or of unknown carrier;</li>
 *   <li>T-Mobile, per brand: a daily allowance that resets at 00:00 America/Los_Angeles; for recipients on
 *       T-Mobile or of unknown carrier.</li>
 * </ul>
 *
 * <p>{@link #reserve} hands out a slot, the instant the message may leave, when that slot starts within the
 * horizon; otherwise it says until when to wait, and books a place in the queue for that instant (in memory only:
 * a soft spread so that a thousand waiting messages come due one after another instead of all at once). Only
 * granted slots count. The owner rebuilds the buckets after a restart with {@link #replay} from the durable record
 * of the slots it handed out, so a restart cannot burst. Thread-safe.
 */
public final class SenderThrottle {
    /** How far ahead a slot may start and still be handed out (the caller waits until it starts). */
    public static final Duration HORIZON = Duration.ofSeconds(2);
    /** T-Mobile's day: the allowance resets at midnight Pacific. */
    public static final ZoneId TMOBILE_DAY = ZoneId.of("America/Los_Angeles");
    public static final String RULE_NUMBER = "throughput.number";
    public static final String RULE_ATT = "throughput.att";
    public static final String RULE_TMOBILE = "throughput.tmobile-daily";

    /** The answer to a reservation. */
    public sealed interface Answer {
    }

    /** The message may leave at {@code start}; the number is busy with it until {@code end}. */
    public record Slot(Instant start, Instant end) implements Answer {
    }

    /** Not now: come back at {@code until}; {@code rule} names the binding limit. */
    public record Wait(Instant until, String rule, String detail) implements Answer {
    }

    private static final long NANOS = 1_000_000_000L;

    private static final class Pace {
        long tat;
        long promised;
    }

    private static final class Daily {
        final Map<LocalDate, Long> used = new HashMap<>();
        final Map<LocalDate, Long> promised = new HashMap<>();
    }

    private record Use(String key, long interval, String rule) {
    }

    private final long horizon;
    private final Map<String, Pace> paces = new HashMap<>();
    private final Map<String, Daily> dailies = new HashMap<>();

    public SenderThrottle() {
        this(HORIZON);
    }

    public SenderThrottle(Duration horizon) {
        this.horizon = horizon.toNanos();
    }

    /** Asks for a slot for one message of {@code segments} segments from {@code limits}'s number at {@code now}. */
    public synchronized Answer reserve(SenderLimits limits, Carrier carrier, int segments, Instant now) {
        Objects.requireNonNull(limits, "limits");
        int n = Math.max(1, segments);
        long nowN = nanos(now);
        List<Use> uses = uses(limits, carrier);
        long start = nowN;
        Use binding = uses.getFirst();
        for (Use u : uses) {
            long tat = pace(u.key()).tat;
            if (tat > start) {
                start = tat;
                binding = u;
            }
        }
        if (limits.tmobilePerDay() > 0 && carrier.countsForTmobile()) {
            Daily d = daily(limits);
            LocalDate day = day(start);
            long cap = limits.tmobilePerDay();
            if (d.used.getOrDefault(day, 0L) + n > cap) {
                LocalDate next = day.plusDays(1);
                while (d.used.getOrDefault(next, 0L) + d.promised.getOrDefault(next, 0L) + n > cap) {
                    next = next.plusDays(1);
                }
                long queued = d.promised.merge(next, (long) n, Long::sum) - n;
                Instant until = next.atStartOfDay(TMOBILE_DAY).toInstant().plusNanos(queued * uses.getFirst()
                        .interval());
                prune(d, day);
                return new Wait(until, RULE_TMOBILE, "T-Mobile's daily allowance of " + limits.tmobileKey() + " ("
                        + cap + " segments a day, resets 00:00 America/Los_Angeles) is spent for " + day);
            }
        }
        if (start - nowN > horizon) {
            Pace p = pace(binding.key());
            long until = Math.max(start, p.promised);
            p.promised = until + n * binding.interval();
            return new Wait(instant(until), binding.rule(), binding.rule().equals(RULE_ATT)
                    ? "AT&T's limit of " + limits.attKey() + " (" + limits.attPerMinute() + " segments a minute) is"
                    + " taken until " + instant(start)
                    : "the number " + limits.number() + " (" + limits.type().label() + ", " + perSecond(limits)
                    + " segments/s) is taken until " + instant(start));
        }
        take(limits, carrier, n, start, uses);
        return new Slot(instant(start), instant(start + n * uses.getFirst().interval()));
    }

    /** Counts a slot handed out earlier (the durable record, after a restart), whatever the limits say now. */
    public synchronized void replay(SenderLimits limits, Carrier carrier, int segments, Instant slot) {
        take(limits, carrier, Math.max(1, segments), nanos(slot), uses(limits, carrier));
    }

    /** Segments counted against T-Mobile's allowance of this sender's brand on the Pacific day of {@code at}. */
    public synchronized long tmobileUsed(SenderLimits limits, Instant at) {
        Daily d = dailies.get(limits.tmobileKey());
        return d == null ? 0 : d.used.getOrDefault(day(nanos(at)), 0L);
    }

    private void take(SenderLimits limits, Carrier carrier, int n, long start, List<Use> uses) {
        for (Use u : uses) {
            Pace p = pace(u.key());
            p.tat = Math.max(p.tat, start + n * u.interval());
            p.promised = Math.max(p.promised, p.tat);
        }
        if (limits.tmobilePerDay() > 0 && carrier.countsForTmobile()) {
            Daily d = daily(limits);
            LocalDate day = day(start);
            d.used.merge(day, (long) n, Long::sum);
            prune(d, day);
        }
    }

    private static List<Use> uses(SenderLimits limits, Carrier carrier) {
        List<Use> uses = new ArrayList<>(2);
        uses.add(new Use("number " + limits.number(), (long) Math.ceil(NANOS / limits.segmentsPerSecond()),
                RULE_NUMBER));
        if (limits.attPerMinute() > 0 && carrier.countsForAtt()) {
            uses.add(new Use("att " + limits.attKey(), Math.ceilDiv(60 * NANOS, limits.attPerMinute()), RULE_ATT));
        }
        return uses;
    }

    private Pace pace(String key) {
        return paces.computeIfAbsent(key, k -> new Pace());
    }

    private Daily daily(SenderLimits limits) {
        return dailies.computeIfAbsent(limits.tmobileKey(), k -> new Daily());
    }

    private static void prune(Daily d, LocalDate today) {
        LocalDate keep = today.minusDays(2);
        d.used.keySet().removeIf(k -> k.isBefore(keep));
        d.promised.keySet().removeIf(k -> k.isBefore(keep));
    }

    private static String perSecond(SenderLimits l) {
        double r = l.segmentsPerSecond();
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    private static LocalDate day(long nanos) {
        return instant(nanos).atZone(TMOBILE_DAY).toLocalDate();
    }

    private static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NANOS), i.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
