package dev.switchboard.app.console.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view models get work done off the UI thread. Work runs on a background thread; exactly one of the
 * callbacks then runs on the UI thread, unless the returned handle was cancelled first. Work is never interrupted
 * (an interrupt closes H2's file channel), so cancelling only drops the callbacks.
 *
 * <p>The console uses {@link FxTaskRunner}; view-model tests use a runner that does everything on the caller's
 * thread.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> Cancellable run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled before. */
    Cancellable later(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread soon; may be called from any thread. */
    void onUi(Runnable action);

    /** Starts building a background task: {@code tasks.task(work).onSuccess(…).onFailure(…).start()}. */
    default <T> BackgroundTask<T> task(Callable<T> work) {
        return new BackgroundTask<>(this, work);
    }
}
