package dev.switchboard.app.console.common;

/** A handle on work that was started or scheduled; cancelling drops its callbacks. */
@FunctionalInterface
public interface Cancellable {
    Cancellable NONE = () -> { };

    void cancel();
}
