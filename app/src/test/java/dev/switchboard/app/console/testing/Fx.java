package dev.switchboard.app.console.testing;

import dev.switchboard.app.console.common.FxTaskRunner;
import dev.switchboard.app.console.common.NamedThreadFactory;
import dev.switchboard.app.console.common.TaskRunner;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** TestFX helpers: conditions checked on the FX thread, polled with a timeout; the console's executors for tests. */
public final class Fx {
    private final ExecutorService workers = Executors.newFixedThreadPool(3, new NamedThreadFactory("test-io"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("test-timer"));
    private final TaskRunner tasks = new FxTaskRunner(workers, timer);

    public TaskRunner tasks() {
        return tasks;
    }

    /** Stops the executors, waiting up to 10 s for running work. */
    public void close() {
        timer.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls {@code condition} on the FX thread until it holds; fails after {@code seconds}. Waits on a real store are
     * generous: its first open in a JVM (H2, Flyway, jOOQ warming up) takes seconds on a busy 2-core machine.
     */
    public static void waitUntil(int seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + what, e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code callable} on the FX thread and returns its result. */
    public static <T> T call(Callable<T> callable) {
        try {
            return WaitForAsyncUtils.asyncFx(callable).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }
}
