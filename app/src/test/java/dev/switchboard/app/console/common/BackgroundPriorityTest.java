package dev.switchboard.app.console.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundPriorityTest {

    /** The calling thread's nice value, from the kernel (field 19 of /proc/thread-self/stat). */
    private static int nice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // fields after "(comm)" start at field 3
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void backgroundThreadsAndTheThreadsTheyStartRunNicerThanTheThreadThatMadeThem() throws Exception {
        int mine = nice();
        AtomicInteger worker = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger priority = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor(new NamedThreadFactory("bg-test", true));
        try {
            pool.submit(() -> {
                worker.set(nice());
                priority.set(Thread.currentThread().getPriority());
                Thread started = Thread.ofPlatform().start(() -> {
                    try {
                        child.set(nice());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                started.join();
                return null;
            }).get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(worker.get()).isEqualTo(Math.min(19, mine + BackgroundPriority.NICE));
        assertThat(child.get()).as("the engine's and the store's threads, started from a worker").isEqualTo(
                worker.get());
        assertThat(priority.get()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(nice()).as("the caller itself is untouched").isEqualTo(mine);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void foregroundThreadsKeepTheirPriority() throws Exception {
        int mine = nice();
        AtomicInteger worker = new AtomicInteger(Integer.MIN_VALUE);
        ExecutorService pool = Executors.newSingleThreadExecutor(new NamedThreadFactory("fg-test"));
        try {
            pool.submit(() -> {
                worker.set(nice());
                return null;
            }).get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(worker.get()).isEqualTo(mine);
    }
}
