package dev.switchboard.genesys;

/** Base of every failure the Genesys client reports. Unchecked; carries no tokens or secrets. */
public class GenesysException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenesysException(String message) {
        super(message);
    }

    public GenesysException(String message, Throwable cause) {
        super(message, cause);
    }
}
