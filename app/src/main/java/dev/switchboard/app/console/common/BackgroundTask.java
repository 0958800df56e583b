package dev.switchboard.app.console.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A fluent builder over {@link TaskRunner#run}: work off the UI thread, then success or failure and finally on the
 * UI thread. A failure without a handler is logged.
 */
public final class BackgroundTask<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    private final TaskRunner runner;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> LOG.error("Background task failed", e);
    private Runnable andFinally = () -> { };

    BackgroundTask(TaskRunner runner, Callable<T> work) {
        this.runner = Objects.requireNonNull(runner);
        this.work = Objects.requireNonNull(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> andFinally(Runnable handler) {
        this.andFinally = Objects.requireNonNull(handler);
        return this;
    }

    public Cancellable start() {
        Consumer<? super T> success = onSuccess;
        Consumer<Throwable> failure = onFailure;
        Runnable last = andFinally;
        return runner.run(work, v -> {
            try {
                success.accept(v);
            } finally {
                last.run();
            }
        }, e -> {
            try {
                failure.accept(e);
            } finally {
                last.run();
            }
        });
    }
}
