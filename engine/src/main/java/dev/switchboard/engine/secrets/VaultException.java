package dev.switchboard.engine.secrets;

/** A vault cannot be used: its message says why and what to do, and never contains a secret. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
