package dev.switchboard.app.console.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's {@link TaskRunner}: work on the given worker pool, callbacks through {@link Platform#runLater}.
 * The executors belong to the composition root, which shuts them down.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    public FxTaskRunner(ExecutorService workers, ScheduledExecutorService timer) {
        this.workers = Objects.requireNonNull(workers);
        this.timer = Objects.requireNonNull(timer);
    }

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            workers.execute(() -> {
                if (cancelled.get()) {
                    return;
                }
                try {
                    T value = work.call();
                    onUi(() -> {
                        if (!cancelled.get()) {
                            onSuccess.accept(value);
                        }
                    });
                } catch (Throwable e) {
                    LOG.debug("Background work failed", e);
                    onUi(() -> {
                        if (!cancelled.get()) {
                            onFailure.accept(e);
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Work submitted after shutdown was dropped");
        }
        return () -> cancelled.set(true);
    }

    @Override
    public Cancellable later(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            ScheduledFuture<?> future = timer.schedule(() -> onUi(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> {
                cancelled.set(true);
                future.cancel(false);
            };
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
