package dev.switchboard.engine;

/** The store cannot be opened: held by another process, refused by a safety check, or unreadable. */
public final class StoreUnavailableException extends Exception {
    private final boolean heldByAnotherProcess;

    public StoreUnavailableException(String message, boolean heldByAnotherProcess, Throwable cause) {
        super(message, cause);
        this.heldByAnotherProcess = heldByAnotherProcess;
    }

    public boolean heldByAnotherProcess() {
        return heldByAnotherProcess;
    }
}
