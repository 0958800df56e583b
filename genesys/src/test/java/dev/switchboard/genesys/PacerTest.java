package dev.switchboard.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PacerTest {

    private final ManualClock clock = new ManualClock();

    /** Timed waits move the virtual clock; untimed waits block until signalled. */
    private Pacer virtualPacer(int orgLimit) {
        return new Pacer(orgLimit, clock, (condition, nanos) -> {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
            } else {
                clock.advanceMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
            }
        });
    }

    private static void assertNoWindowExceeds(List<Long> grants, int budget) {
        List<Long> sorted = new ArrayList<>(grants);
        sorted.sort(null);
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) > Pacer.WINDOW_MILLIS) {
                j++;
            }
            assertThat(i - j + 1).as("grants in the closed 60 s window ending at grant %d", i)
                    .isLessThanOrEqualTo(budget);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 20, 100, 300, 1000, 10_000})
    void headroomIsAtMostFivePercent(int limit) {
        int budget = Pacer.budgetFor(limit);
        assertThat(budget).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo((int) Math.ceil(limit * 0.95));
    }

    @Test
    void neverExceedsTheBudgetInAnySixtySecondWindowAndUsesIt() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Pacer pacer = virtualPacer(100);
        int budget = pacer.budget();
        List<Long> grants = new ArrayList<>();
        long start = clock.millis();
        for (int i = 0; i < 2000; i++) {
            if (random.nextInt(10) == 0) {
                clock.advanceMillis(random.nextInt(3000));
            }
            pacer.acquire(Priority.values()[random.nextInt(3)]);
            grants.add(clock.millis());
        }
        assertNoWindowExceeds(grants, budget);
        double minutes = (clock.millis() - start) / 60_000.0;
        assertThat(2000 / minutes / budget).as("achieved vs allowed, seed " + seed).isGreaterThan(0.9);
    }

    @Test
    void threadsShareOneBudget() throws Exception {
        Pacer pacer = virtualPacer(50);
        List<Long> grants = new CopyOnWriteArrayList<>();
        pacer.grantObserver = (priority, at) -> grants.add(at);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Priority p = Priority.values()[t % 3];
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 100; i++) {
                    try {
                        pacer.acquire(p);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(20_000);
        }
        assertThat(grants).hasSize(400);
        assertNoWindowExceeds(grants, pacer.budget());
    }

    @Test
    void waitingCallersAreServedByPriority() throws Exception {
        Pacer pacer = new Pacer(300, clock, (condition, nanos) -> condition.await(
                Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(5)), TimeUnit.NANOSECONDS));
        pacer.pauseFor(Duration.ofSeconds(30));
        List<Priority> served = new CopyOnWriteArrayList<>();
        pacer.grantObserver = (priority, at) -> served.add(priority);
        List<Thread> threads = new ArrayList<>();
        int waiting = 0;
        for (Priority p : List.of(Priority.POLL, Priority.POLL, Priority.SEND, Priority.COMPLIANCE_WRITE,
                Priority.SEND)) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    pacer.acquire(p);
                } catch (InterruptedException ignored) {
                    // test ends
                }
            }));
            waiting++;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pacer.waitingCount() < waiting && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(served).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(served).containsExactly(Priority.COMPLIANCE_WRITE, Priority.SEND, Priority.SEND, Priority.POLL,
                Priority.POLL);
    }

    @Test
    void aPauseHoldsEveryoneUntilItEnds() throws Exception {
        Pacer pacer = virtualPacer(300);
        pacer.acquire(Priority.POLL);
        long start = clock.millis();
        pacer.pauseFor(Duration.ofSeconds(10));
        pacer.acquire(Priority.COMPLIANCE_WRITE);
        assertThat(clock.millis() - start).isGreaterThanOrEqualTo(10_000);
        assertThat(pacer.pausedUntil()).isNull();
    }

    @Test
    void shrinkingTheLimitKeepsRecentGrantsCounted() throws Exception {
        Pacer pacer = virtualPacer(300);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pacer.acquire(Priority.SEND);
            grants.add(clock.millis());
        }
        pacer.setOrgLimit(100);
        for (int i = 0; i < 200; i++) {
            pacer.acquire(Priority.SEND);
            grants.add(clock.millis());
        }
        assertNoWindowExceeds(grants.subList(200, 400), pacer.budget());
        assertThat(pacer.budget()).isEqualTo(97);
    }
}
