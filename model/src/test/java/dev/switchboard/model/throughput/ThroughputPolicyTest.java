package dev.switchboard.model.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.throughput.ThroughputPolicy.Answer;
import dev.switchboard.model.throughput.ThroughputPolicy.Slot;
import dev.switchboard.model.throughput.ThroughputPolicy.Wait;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acceptance test 14 of compliance-rules.md §8 on the pure policy: never exceeded, deferred, never dropped. */
class ThroughputPolicyTest {
    static final Instant T0 = Instant.parse("2026-03-10T17:00:00Z");
    static final String LONG = "+13177340100";

    /** One message offered to the buckets: due at {@code at}; granted slots are kept. */
    record Offer(Instant at, int id, SenderLimits limits, Carrier carrier, int segments) {
    }

    record Granted(Offer offer, Slot slot) {
    }

    /**
     * Offers every message the way the engine does: each told to wait comes back at its instant, until all have a
     * slot. Fails if a message is told to wait for nothing or the queue stops moving.
     */
    static List<Granted> drain(ThroughputBuckets b, List<Offer> offers) {
        PriorityQueue<Offer> q = new PriorityQueue<>((x, y) -> x.at().compareTo(y.at()) != 0
                ? x.at().compareTo(y.at()) : Integer.compare(x.id(), y.id()));
        q.addAll(offers);
        List<Granted> out = new ArrayList<>();
        long guard = 0;
        while (!q.isEmpty()) {
            Offer o = q.poll();
            Answer a = b.reserve(o.limits(), o.carrier(), o.segments(), o.at(), null);
            switch (a) {
                case Slot s -> {
                    assertThat(s.start()).isAfterOrEqualTo(o.at());
                    assertThat(Duration.between(o.at(), s.start())).isLessThanOrEqualTo(ThroughputPolicy.HORIZON);
                    out.add(new Granted(o, s));
                }
                case Wait w -> {
                    assertThat(w.until()).as("a wait moves time on").isAfter(o.at());
                    q.add(new Offer(w.until(), o.id(), o.limits(), o.carrier(), o.segments()));
                }
            }
            assertThat(++guard).as("the queue makes progress").isLessThan(offers.size() * 30L);
        }
        return out;
    }

    static List<Offer> burst(int messages, SenderLimits l, Carrier c, int segments) {
        return IntStream.range(0, messages).mapToObj(i -> new Offer(T0, i, l, c, segments)).toList();
    }

    /** The instants of every segment of the granted messages, each segment at its own place in its slot. */
    static List<Instant> segmentTimes(List<Granted> granted) {
        List<Instant> out = new ArrayList<>();
        for (Granted g : granted) {
            long each = Duration.between(g.slot().start(), g.slot().end()).toNanos() / g.slot().segments();
            for (int k = 0; k < g.slot().segments(); k++) {
                out.add(g.slot().start().plusNanos(k * each));
            }
        }
        out.sort(null);
        return out;
    }

    /** The most instants within any half-open window of this length. */
    static long maxIn(List<Instant> sorted, Duration window) {
        long best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.size(); hi++) {
            while (!sorted.get(lo).isAfter(sorted.get(hi).minus(window))) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}: {1} segments/s, {2}-segment messages")
    @CsvSource({"LONG_CODE, 1, 1", "LONG_CODE, 1, 3", "TOLL_FREE, 3, 1", "TOLL_FREE, 3, 2", "SHORT_CODE, 100, 1",
            "SHORT_CODE, 100, 3"})
    void eachNumberKeepsItsRateInSegments(NumberType type, int perSecond, int segments) {
        SenderLimits l = new SenderLimits(LONG, type, null, null, perSecond, 0, 0, null, null, "test");
        List<Granted> g = drain(new ThroughputBuckets(), burst(300, l, Carrier.OTHER, segments));
        assertThat(g).hasSize(300);
        List<Instant> times = segmentTimes(g);
        assertThat(maxIn(times, Duration.ofSeconds(1))).isLessThanOrEqualTo(perSecond);
        // and the number is kept busy: 300 messages take their segments' time, not more
        double seconds = 300.0 * segments / perSecond;
        assertThat(Duration.between(T0, g.stream().map(x -> x.slot().end()).max(Instant::compareTo).orElseThrow())
                .toMillis()).isBetween((long) (seconds * 1000) - 1, (long) (seconds * 1000) + 1000);
    }

    @Test
    void attClassEIs240SegmentsAMinuteAcrossTheNumbersOfOneCampaign() {
        List<Offer> offers = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            SenderLimits l = SenderLimits.of("+1317734010" + n, NumberType.LONG_CODE, TrustTier.HIGH, AttClass.E,
                    null, "test").sharing("BRAND", "CAMP1");
            for (int i = 0; i < 200; i++) {
                offers.add(new Offer(T0, n * 1000 + i, l, Carrier.ATT, 1));
            }
        }
        List<Granted> g = drain(new ThroughputBuckets(), offers);
        assertThat(g).hasSize(2000);
        assertThat(maxIn(segmentTimes(g), Duration.ofSeconds(60))).isLessThanOrEqualTo(240);
        // Verizon's recipients are not held to AT&T's limit: only to each number's 1 segment a second
        List<Offer> verizon = offers.stream().map(o -> new Offer(o.at(), o.id(), o.limits(), Carrier.OTHER, 1))
                .toList();
        assertThat(maxIn(segmentTimes(drain(new ThroughputBuckets(), verizon)), Duration.ofSeconds(60)))
                .isEqualTo(600);
    }

    @Test
    void tmobileDailyAllowanceResetsAtMidnightPacific() {
        // 1,000 segments a second, so that only the daily allowance binds
        SenderLimits l = new SenderLimits(LONG, NumberType.LONG_CODE, TrustTier.UNVETTED, null, 1000, 0, 2000,
                "BRAND", null, "test");
        List<Granted> g = drain(new ThroughputBuckets(), burst(5000, l, Carrier.TMOBILE, 1));
        Map<LocalDate, Long> perDay = g.stream().collect(Collectors.groupingBy(
                x -> ThroughputPolicy.tmobileDay(x.slot().start()), TreeMap::new, Collectors.counting()));
        assertThat(perDay.values()).containsExactly(2000L, 2000L, 1000L);
        ZonedDateTime la = g.get(2000).slot().start().atZone(ThroughputPolicy.TMOBILE_DAY);
        assertThat(la.toLocalDate()).isEqualTo(ThroughputPolicy.tmobileDay(T0).plusDays(1));
        assertThat(la.toLocalTime()).isBefore(LocalTime.of(0, 0, 10));
    }

    @ParameterizedTest(name = "the Pacific day of {0}")
    @CsvSource({"2026-03-07", "2026-03-08", "2026-10-31", "2026-11-01"})
    void theTmobileDayResetsAtPacificMidnightAcrossDaylightSaving(LocalDate day) {
        // a day of 23 h (spring forward), of 25 h (fall back), and the days before them
        Instant midnight = day.atStartOfDay(ThroughputPolicy.TMOBILE_DAY).toInstant();
        Instant nextMidnight = day.plusDays(1).atStartOfDay(ThroughputPolicy.TMOBILE_DAY).toInstant();
        SenderLimits l = new SenderLimits(LONG, NumberType.LONG_CODE, TrustTier.UNVETTED, null, 1000, 0, 10, "B",
                null, "test");
        ThroughputBuckets b = new ThroughputBuckets();
        Instant late = nextMidnight.minusSeconds(60);
        for (int i = 0; i < 10; i++) {
            assertThat(b.reserve(l, Carrier.TMOBILE, 1, late, null)).isInstanceOf(Slot.class);
        }
        Answer over = b.reserve(l, Carrier.TMOBILE, 1, late, null);
        assertThat(over).isInstanceOfSatisfying(Wait.class, w -> {
            assertThat(w.rule()).isEqualTo(ThroughputPolicy.RULE_TMOBILE);
            assertThat(w.until()).isEqualTo(nextMidnight);
        });
        // one nanosecond before midnight Pacific the day is still spent; at midnight it is new
        assertThat(b.reserve(l, Carrier.TMOBILE, 1, nextMidnight.minusNanos(1), null)).isInstanceOf(Wait.class);
        assertThat(b.reserve(l, Carrier.TMOBILE, 1, nextMidnight, null)).isInstanceOf(Slot.class);
        assertThat(Duration.between(midnight, nextMidnight).toHours()).isBetween(23L, 25L);
    }

    @Test
    void otherCarriersAreNotCountedAgainstTmobileButAnUnknownCarrierIs() {
        SenderLimits l = new SenderLimits(LONG, NumberType.LONG_CODE, TrustTier.UNVETTED, null, 1000, 0, 2000, "B",
                null, "test");
        ThroughputBuckets b = new ThroughputBuckets();
        assertThat(drain(b, burst(3000, l, Carrier.OTHER, 1))).allMatch(x -> x.slot().start()
                .isBefore(T0.plusSeconds(10)));
        assertThat(b.tmobileUsed(l, T0)).isZero();
        drain(b, burst(10, l, Carrier.UNKNOWN, 1));
        assertThat(b.tmobileUsed(l, T0)).isEqualTo(10);
    }

    @Test
    void nothingIsQueuedThatCannotLeaveBeforeTheWindowCloses() {
        SenderLimits l = SenderLimits.defaults(LONG, NumberType.LONG_CODE, "test");
        ThroughputBuckets b = new ThroughputBuckets();
        Instant closes = T0.plusSeconds(3);
        // 1 segment a second: slots at 0, 1, 2 end by 3; the fourth would end at 4
        for (int i = 0; i < 3; i++) {
            Answer a = b.reserve(l, Carrier.OTHER, 1, T0.plusSeconds(i), closes);
            assertThat(a).isInstanceOf(Slot.class);
        }
        assertThat(b.reserve(l, Carrier.OTHER, 1, T0.plusSeconds(2), closes)).isInstanceOfSatisfying(Wait.class,
                w -> assertThat(w.rule()).isEqualTo(ThroughputPolicy.RULE_WINDOW));
        // and Genesys' queue: 500 queued segments at 1/s leave 500 s before the window closes
        assertThat(ThroughputPolicy.latestQueueInstant(l, SenderLimits.GENESYS_QUEUE_PER_NUMBER - 1, 1, closes))
                .isEqualTo(closes.minusSeconds(500));
    }

    @Test
    void defaultsAreTheStrictestOfTheirType() {
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("local"), "d").describe())
                .isEqualTo("+13177340100: 10DLC long code (unvetted, AT&T class T), 1 segment/s, AT&T 75/min,"
                        + " T-Mobile 2000/day [d]");
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("tollfree"), "d").segmentsPerSecond())
                .isEqualTo(3);
        assertThat(SenderLimits.defaults(LONG, NumberType.fromGenesys("shortcode"), "d").segmentsPerSecond())
                .isEqualTo(100);
        assertThat(TrustTier.parse("40000")).isEqualTo(TrustTier.MEDIUM);
        assertThat(AttClass.parse("b").perMinute()).isEqualTo(4500);
        assertThat(Carrier.parse("AT&T Mobility")).isEqualTo(Carrier.ATT);
        assertThat(Carrier.parse("T-Mobile USA")).isEqualTo(Carrier.TMOBILE);
        assertThat(Carrier.parse("Verizon Wireless")).isEqualTo(Carrier.OTHER);
        assertThat(Carrier.parse("")).isEqualTo(Carrier.UNKNOWN);
    }
}
