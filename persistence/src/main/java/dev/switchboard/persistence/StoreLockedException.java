package dev.switchboard.persistence;

/** Another process holds the store. */
public final class StoreLockedException extends StoreException {
    private final String holder;

    public StoreLockedException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    /** What the other process said it is, e.g. "the Switchboard console (pid 4242, since 2026-11-23T17:40:00Z)". */
    public String holder() {
        return holder;
    }
}
