package dev.switchboard.app.console.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a busy thread to the UI thread, latest wins: however often {@link #offer} is called, at most one
 * hand-over is queued on the UI thread at a time, and it delivers the newest value offered.
 */
public final class CoalescingUpdater<T> {
    private final Executor uiExecutor;
    private final Consumer<? super T> consumer;
    private final AtomicReference<T> latest = new AtomicReference<>();

    public CoalescingUpdater(Executor uiExecutor, Consumer<? super T> consumer) {
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.consumer = Objects.requireNonNull(consumer);
    }

    /** Called from any thread; {@code value} must not be null. */
    public void offer(T value) {
        Objects.requireNonNull(value);
        if (latest.getAndSet(value) == null) {
            uiExecutor.execute(this::drain);
        }
    }

    private void drain() {
        T value = latest.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}
