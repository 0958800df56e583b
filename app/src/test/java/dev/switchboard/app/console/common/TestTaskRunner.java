package dev.switchboard.app.console.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for plain JUnit: everything happens on the calling thread. Work runs at once unless the runner
 * is {@link #queued()}, in which case it waits for {@link #runNext()} / {@link #runAll()}; delayed actions wait for
 * {@link #fireTimers()}.
 */
public final class TestTaskRunner implements TaskRunner {
    private final boolean queued;
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    private int started;

    private record Timer(Duration delay, Runnable action, boolean[] cancelled) {
    }

    private TestTaskRunner(boolean queued) {
        this.queued = queued;
    }

    /** Runs work as soon as it is started. */
    public static TestTaskRunner immediate() {
        return new TestTaskRunner(false);
    }

    /** Keeps work until the test runs it. */
    public static TestTaskRunner queued() {
        return new TestTaskRunner(true);
    }

    @Override
    public <T> Cancellable run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        started++;
        Runnable job = () -> {
            if (cancelled[0]) {
                return;
            }
            T value;
            try {
                value = task.call();
            } catch (Throwable e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(value);
        };
        if (queued) {
            work.add(job);
        } else {
            job.run();
        }
        return () -> cancelled[0] = true;
    }

    @Override
    public Cancellable later(Duration delay, Runnable action) {
        Timer timer = new Timer(delay, action, new boolean[] {false});
        timers.add(timer);
        return () -> timer.cancelled()[0] = true;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    /** Runs the delayed actions that were not cancelled; returns how many ran. */
    public int fireTimers() {
        List<Timer> due = new ArrayList<>(timers);
        timers.clear();
        int fired = 0;
        for (Timer t : due) {
            if (!t.cancelled()[0]) {
                t.action().run();
                fired++;
            }
        }
        return fired;
    }

    public boolean runNext() {
        Runnable job = work.poll();
        if (job != null) {
            job.run();
        }
        return job != null;
    }

    /** Runs the queued work, including work that it queues. */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    public int queuedWork() {
        return work.size();
    }

    /** How many pieces of work were started, run or not. */
    public int started() {
        return started;
    }
}
