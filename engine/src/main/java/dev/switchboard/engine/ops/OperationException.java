package dev.switchboard.engine.ops;

/**
 * A refused or failed operation; the message is for the user. {@code kind} tells the command line which exit code
 * to use.
 */
public final class OperationException extends Exception {
    /** Why an operation failed. */
    public enum Kind {
        /** Wrong input: no such campaign, list or contact; a bad file. */
        INPUT,
        /** The profile may not do this, or the password is wrong. */
        DENIED,
        /** The campaign is not in a state that allows it; a launch check failed. */
        REFUSED,
        /** The store or the engine could not be reached. */
        UNAVAILABLE
    }

    private final Kind kind;

    public OperationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
