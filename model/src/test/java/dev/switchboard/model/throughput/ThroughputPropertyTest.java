package dev.switchboard.model.throughput;

import static dev.switchboard.model.throughput.ThroughputPolicyTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.throughput.ThroughputPolicyTest.Granted;
import dev.switchboard.model.throughput.ThroughputPolicyTest.Offer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties: over random mixes of senders (sharing brands and 10DLC campaigns), carriers, segment counts and
 * arrival times, every message gets a slot (deferred, never dropped), and no window of 1 s (a number), 60 s (an
 * AT&T campaign) or a Pacific day (a T-Mobile brand) ever holds more segments than its limit.
 */
class ThroughputPropertyTest {

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 2026L, 90210L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noLimitIsEverExceededAndNothingIsDropped(long seed) {
        Random r = new Random(seed);
        List<SenderLimits> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NumberType type = NumberType.values()[r.nextInt(3)];
            // a 10DLC campaign has one AT&T figure and a brand one T-Mobile allowance, whichever number sends
            int camp = r.nextInt(2);
            int brand = r.nextInt(2);
            SenderLimits l = type == NumberType.LONG_CODE
                    ? new SenderLimits("+1317734020" + i, type, TrustTier.UNVETTED, AttClass.E, 1 + r.nextInt(3),
                    camp == 0 ? 75 : 240, brand == 0 ? 300 : 800, "brand" + brand, "camp" + camp, "p")
                    : SenderLimits.defaults("+1888734020" + i, type, "p");
            senders.add(l);
        }
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Instant at = T0.plusMillis((long) (r.nextDouble() * Duration.ofHours(30).toMillis()));
            offers.add(new Offer(at, i, senders.get(r.nextInt(senders.size())), Carrier.values()[r.nextInt(4)],
                    1 + r.nextInt(4)));
        }
        List<Granted> granted = ThroughputPolicyTest.drain(new ThroughputBuckets(), offers);
        assertThat(granted).hasSize(offers.size());

        Map<String, List<Granted>> byNumber = granted.stream().collect(Collectors.groupingBy(g -> g.offer().limits()
                .number()));
        byNumber.forEach((n, g) -> {
            double rate = g.getFirst().offer().limits().segmentsPerSecond();
            assertThat(ThroughputPolicyTest.maxIn(ThroughputPolicyTest.segmentTimes(g), Duration.ofSeconds(1)))
                    .as("segments of %s in any second", n).isLessThanOrEqualTo((long) Math.ceil(rate));
        });
        Map<String, List<Granted>> byAtt = granted.stream().filter(g -> g.offer().limits().attPerMinute() > 0
                && g.offer().carrier().countsForAtt()).collect(Collectors.groupingBy(g -> g.offer().limits()
                .attKey()));
        byAtt.forEach((k, g) -> {
            int limit = g.getFirst().offer().limits().attPerMinute();
            long seen = ThroughputPolicyTest.maxIn(ThroughputPolicyTest.segmentTimes(g), Duration.ofSeconds(60));
            assertThat(seen).as("AT&T segments of %s in any minute", k).isLessThanOrEqualTo(limit);
        });
        Map<String, Map<LocalDate, Integer>> byBrandDay = granted.stream().filter(g -> g.offer().limits()
                .tmobilePerDay() > 0 && g.offer().carrier().countsForTmobile()).collect(Collectors.groupingBy(
                g -> g.offer().limits().tmobileKey(), Collectors.groupingBy(g -> ThroughputPolicy.tmobileDay(g.slot()
                        .start()), Collectors.summingInt(g -> g.slot().segments()))));
        byBrandDay.forEach((brand, days) -> {
            int cap = granted.stream().filter(g -> g.offer().limits().tmobileKey().equals(brand)).findFirst()
                    .orElseThrow().offer().limits().tmobilePerDay();
            assertThat(days.values()).as("T-Mobile segments of %s per Pacific day", brand).isNotEmpty()
                    .allMatch(v -> v <= cap);
        });
    }
}
