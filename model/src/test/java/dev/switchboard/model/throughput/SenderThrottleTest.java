package dev.switchboard.model.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.throughput.SenderThrottle.Answer;
import dev.switchboard.model.throughput.SenderThrottle.Slot;
import dev.switchboard.model.throughput.SenderThrottle.Wait;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acceptance test 14 of compliance-rules.md §8, on the pure buckets: never exceeded, deferred, never dropped. */
class SenderThrottleTest {
    private static final Instant T0 = Instant.parse("2026-03-10T17:00:00Z");
    private static final String LONG = "+13177340100";

    /**
     * Offers {@code messages} messages of {@code segments} segments, all due at T0, the way the engine does: each
     * told to wait comes back at its instant. Returns the slot starts, in the order granted.
     */
    private static List<Instant> drain(SenderThrottle t, SenderLimits l, Carrier c, int messages, int segments) {
        record Due(Instant at, int id) {
        }
        PriorityQueue<Due> q = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at())
                : Integer.compare(a.id(), b.id()));
        for (int i = 0; i < messages; i++) {
            q.add(new Due(T0, i));
        }
        List<Instant> slots = new ArrayList<>();
        int guard = 0;
        while (!q.isEmpty()) {
            Due d = q.poll();
            Answer a = t.reserve(l, c, segments, d.at());
            switch (a) {
                case Slot s -> {
                    assertThat(s.start()).isAfterOrEqualTo(d.at());
                    assertThat(Duration.between(d.at(), s.start())).isLessThanOrEqualTo(SenderThrottle.HORIZON);
                    slots.add(s.start());
                }
                case Wait w -> {
                    assertThat(w.until()).isAfter(d.at());
                    q.add(new Due(w.until(), d.id()));
                }
            }
            assertThat(++guard).as("the queue makes progress").isLessThan(messages * 20);
        }
        return slots;
    }

    /** The most segments in any window, each segment at its own instant within its message's slot. */
    private static long maxIn(List<Instant> starts, Duration window, int segments, double perSecond) {
        long each = (long) Math.ceil(1e9 / perSecond);
        List<Instant> s = starts.stream().flatMap(i -> java.util.stream.IntStream.range(0, segments)
                .mapToObj(k -> i.plusNanos(k * each))).sorted().toList();
        long best = 0;
        int lo = 0;
        for (int hi = 0; hi < s.size(); hi++) {
            while (!s.get(lo).isAfter(s.get(hi).minus(window))) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}: {1} segments/s")
    @CsvSource({"LONG_CODE, 1", "TOLL_FREE, 3", "SHORT_CODE, 100"})
    void perNumberRateInSegments(NumberType type, int perSecond) {
        SenderLimits l = new SenderLimits(LONG, type, null, perSecond, 0, 0, null, null, "test");
        for (int segments : new int[] {1, 3}) {
            List<Instant> slots = drain(new SenderThrottle(), l, Carrier.OTHER, 300, segments);
            assertThat(slots).hasSize(300);
            assertThat(maxIn(slots, Duration.ofSeconds(1), segments, perSecond)).isLessThanOrEqualTo(perSecond);
            // the number is kept busy: 300 messages take about their segments' time
            Duration span = Duration.between(T0, slots.getLast());
            assertThat(span.toMillis()).isBetween((long) (299_000.0 * segments / perSecond) - 1,
                    (long) (299_000.0 * segments / perSecond) + 1000);
        }
    }

    @Test
    void attClassEIs240SegmentsAMinuteAcrossNumbersOfOneCampaign() {
        SenderThrottle t = new SenderThrottle();
        List<Instant> all = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            SenderLimits l = new SenderLimits("+1317734010" + n, NumberType.LONG_CODE, TrustTier.LOW, 1, 240, 0,
                    null, "CAMP1", "test");
            all.addAll(drain(t, l, Carrier.ATT, 200, 1));
        }
        assertThat(all).hasSize(2000);
        assertThat(maxIn(all, Duration.ofSeconds(60), 1, 4)).isLessThanOrEqualTo(240);
    }

    @Test
    void tmobileDailyAllowanceResetsAtMidnightPacific() {
        SenderThrottle t = new SenderThrottle();
        // 1,000 segments/s so that only the daily allowance binds
        SenderLimits l = new SenderLimits(LONG, NumberType.LONG_CODE, TrustTier.UNVETTED, 1000, 0, 2000, "BRAND",
                null, "test");
        List<Instant> slots = drain(t, l, Carrier.TMOBILE, 5000, 1);
        assertThat(slots).hasSize(5000);
        var perDay = slots.stream().collect(java.util.stream.Collectors.groupingBy(
                i -> i.atZone(SenderThrottle.TMOBILE_DAY).toLocalDate(), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
        assertThat(perDay.values()).containsExactly(2000L, 2000L, 1000L);
        // the second day starts at 00:00 Pacific, not UTC
        Instant firstOfDay2 = slots.get(2000);
        ZonedDateTime la = firstOfDay2.atZone(SenderThrottle.TMOBILE_DAY);
        assertThat(la.toLocalTime().toSecondOfDay()).isLessThan(10);
        assertThat(la.toLocalDate()).isEqualTo(T0.atZone(SenderThrottle.TMOBILE_DAY).toLocalDate().plusDays(1));
    }

    @Test
    void otherCarriersAreNotCountedAgainstTmobileButUnknownIs() {
        SenderLimits l = new SenderLimits(LONG, NumberType.LONG_CODE, TrustTier.UNVETTED, 1000, 0, 2000, "BRAND",
                null, "test");
        SenderThrottle t = new SenderThrottle();
        assertThat(drain(t, l, Carrier.OTHER, 3000, 1)).allMatch(i -> i.isBefore(T0.plusSeconds(10)));
        assertThat(t.tmobileUsed(l, T0)).isZero();
        drain(t, l, Carrier.UNKNOWN, 10, 1);
        assertThat(t.tmobileUsed(l, T0)).isEqualTo(10);
    }

    @Test
    void aReplayedLedgerLeavesNoBurstAfterARestart() {
        SenderLimits l = SenderLimits.defaults(LONG, NumberType.LONG_CODE);
        SenderThrottle before = new SenderThrottle();
        List<Instant> first = drain(before, l, Carrier.UNKNOWN, 30, 2);
        // the engine restarts at the last slot: a new throttle knows only what the store recorded
        SenderThrottle after = new SenderThrottle();
        first.forEach(s -> after.replay(l, Carrier.UNKNOWN, 2, s));
        Answer next = after.reserve(l, Carrier.UNKNOWN, 2, first.getLast());
        Instant start = next instanceof Slot s ? s.start() : ((Wait) next).until();
        assertThat(start).isAfterOrEqualTo(first.getLast().plusSeconds(2));
    }

    @Test
    void defaultsFollowTheNumberType() {
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("local")).describe())
                .isEqualTo("+13177340100: 10DLC long code (unvetted), 1 segment/s, AT&T 240/min, T-Mobile 2000/day"
                        + " [defaults for a 10DLC long code]");
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("tollfree")).segmentsPerSecond()).isEqualTo(3);
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("shortcode")).segmentsPerSecond())
                .isEqualTo(100);
        assertThat(Carrier.parse("AT&T Mobility")).isEqualTo(Carrier.ATT);
        assertThat(Carrier.parse("T-Mobile USA")).isEqualTo(Carrier.TMOBILE);
        assertThat(Carrier.parse("Verizon Wireless")).isEqualTo(Carrier.OTHER);
        assertThat(Carrier.parse("")).isEqualTo(Carrier.UNKNOWN);
    }
}
