package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.throughput.AttClass;
import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.ThroughputPolicy;
import dev.switchboard.model.throughput.TrustTier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-10T17:00:00Z");
    private static final SenderLimits LONG = SenderLimits.of("+13177340100", NumberType.LONG_CODE, TrustTier.MEDIUM,
            AttClass.B, null, "test").sharing("BRAND1", null);

    @Test
    void registeredLimitsRoundTripAndAreReplaced() {
        try (Store store = Store.inMemory()) {
            SenderRepository repo = new SenderRepository(store);
            assertThat(repo.find(LONG.number())).isEmpty();
            repo.put(LONG, "ada", T0);
            SenderLimits read = repo.find(LONG.number()).orElseThrow();
            assertThat(read).usingRecursiveComparison().ignoringFields("source").isEqualTo(LONG);
            assertThat(read.source()).isEqualTo("registered by ada at " + T0);
            repo.put(SenderLimits.defaults(LONG.number(), NumberType.TOLL_FREE, "x"), "bob", T0.plusSeconds(1));
            assertThat(repo.all()).singleElement().satisfies(l -> {
                assertThat(l.type()).isEqualTo(NumberType.TOLL_FREE);
                assertThat(l.segmentsPerSecond()).isEqualTo(3);
                assertThat(l.tier()).isNull();
            });
        }
    }

    /** The counters are durable: a store reopened after the slots were handed out goes on where they stopped. */
    @Test
    void countersSurviveAReopenSoARestartCannotBurst(@TempDir Path dir) {
        List<Instant> slots = new ArrayList<>();
        try (Store store = Store.openFile(dir)) {
            SenderRepository repo = new SenderRepository(store);
            for (int i = 0; i < 3; i++) {
                ThroughputPolicy.Answer a = repo.reserve(LONG, Carrier.UNKNOWN, 1, T0, null);
                assertThat(a).isInstanceOf(ThroughputPolicy.Slot.class);
                slots.add(((ThroughputPolicy.Slot) a).start());
            }
            // 1 segment a second: the fourth message at T0 would start 3 s later, past the 2 s horizon
            assertThat(repo.reserve(LONG, Carrier.UNKNOWN, 1, T0, null)).isInstanceOfSatisfying(
                    ThroughputPolicy.Wait.class, w -> {
                        assertThat(w.rule()).isEqualTo(ThroughputPolicy.RULE_NUMBER);
                        assertThat(w.until()).isEqualTo(T0.plusSeconds(3));
                    });
        }
        assertThat(slots).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        try (Store store = Store.openFile(dir)) {
            SenderRepository repo = new SenderRepository(store);
            // after the restart the next slot is the one after the booked place, never T0 again
            ThroughputPolicy.Answer a = repo.reserve(LONG, Carrier.UNKNOWN, 1, T0.plusSeconds(3), null);
            assertThat(a).isInstanceOfSatisfying(ThroughputPolicy.Slot.class,
                    s -> assertThat(s.start()).isEqualTo(T0.plusSeconds(3)));
            assertThat(repo.tmobileUsed(LONG.tmobileKey(), ThroughputPolicy.tmobileDay(T0))).isEqualTo(4);
        }
    }

    @Test
    void theTmobileDayIsSpentDurablyAndOldDaysArePruned() {
        SenderLimits tiny = new SenderLimits("+13177340101", NumberType.LONG_CODE, TrustTier.UNVETTED, null, 1000, 0,
                3, "B2", null, "test");
        try (Store store = Store.inMemory()) {
            SenderRepository repo = new SenderRepository(store);
            for (int i = 0; i < 3; i++) {
                assertThat(repo.reserve(tiny, Carrier.TMOBILE, 1, T0, null)).isInstanceOf(ThroughputPolicy.Slot.class);
            }
            Instant midnight = ThroughputPolicy.tmobileDay(T0).plusDays(1).atStartOfDay(ThroughputPolicy.TMOBILE_DAY)
                    .toInstant();
            assertThat(repo.reserve(tiny, Carrier.TMOBILE, 1, T0, null)).isInstanceOfSatisfying(
                    ThroughputPolicy.Wait.class, w -> assertThat(w.until()).isEqualTo(midnight));
            // Verizon's recipients do not count against T-Mobile's allowance
            assertThat(repo.reserve(tiny, Carrier.OTHER, 1, T0, null)).isInstanceOf(ThroughputPolicy.Slot.class);
            assertThat(repo.pruneDays(ThroughputPolicy.tmobileDay(T0))).isZero();
            assertThat(repo.pruneDays(ThroughputPolicy.tmobileDay(T0).plusDays(5))).isEqualTo(2);
        }
    }
}
