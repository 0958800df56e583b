package dev.switchboard.engine.contacts;

/**
 * The input cannot be imported at all (missing or unreadable file, no header, no phone or email column, unknown
 * encoding, a bad mapping). Thrown before anything is written; the message is one sentence for the user.
 */
public final class ImportInputException extends Exception {
    public ImportInputException(String message) {
        super(message);
    }

    public ImportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
