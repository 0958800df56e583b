package dev.switchboard.app.console.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingUpdaterTest {
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final List<Integer> seen = new ArrayList<>();
    private final CoalescingUpdater<Integer> updater = new CoalescingUpdater<>(uiQueue::add, seen::add);

    @Test
    void manyOffersQueueOneHandOverThatDeliversTheLatest() {
        for (int i = 1; i <= 1000; i++) {
            updater.offer(i);
        }

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(seen).containsExactly(1000);
    }

    @Test
    void anOfferAfterTheHandOverQueuesAnother() {
        updater.offer(1);
        uiQueue.poll().run();
        updater.offer(2);
        updater.offer(3);

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(seen).containsExactly(1, 3);
    }

    @Test
    void offersFromAnotherThreadArriveLatestLast() throws InterruptedException {
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 10_000; i++) {
                updater.offer(i);
            }
        });
        producer.join();
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }

        assertThat(seen).isNotEmpty().last().isEqualTo(10_000);
        assertThat(seen).isSorted();
    }
}
