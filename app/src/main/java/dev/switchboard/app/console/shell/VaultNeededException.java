package dev.switchboard.app.console.shell;

/**
 * The store cannot be opened until the user answers for its vault: {@link Need#CHOOSE} when no OS keychain answers
 * and the data folder has made no choice (the console offers a passphrase vault), {@link Need#UNLOCK} when the folder
 * keeps its secrets in a passphrase vault and no passphrase was given. The message never holds a secret.
 */
public final class VaultNeededException extends RuntimeException {
    /** What the user has to do. */
    public enum Need {
        CHOOSE, UNLOCK
    }

    private final Need need;

    public VaultNeededException(Need need, String message) {
        super(message);
        this.need = need;
    }

    public Need need() {
        return need;
    }
}
