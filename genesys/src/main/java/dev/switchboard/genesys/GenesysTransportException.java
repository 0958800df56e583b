package dev.switchboard.genesys;

/**
 * A network failure. {@link #requestSent()} says whether any part of the request may have left: when false
 * (connect failure, DNS, TLS handshake) the call is safe to repeat.
 */
public class GenesysTransportException extends GenesysException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    public GenesysTransportException(String operation, boolean requestSent, Throwable cause) {
        super(operation + " failed on the network" + (requestSent ? " after the request was sent" : " before sending")
                + ": " + cause, cause);
        this.requestSent = requestSent;
    }

    /** Whether any part of the request may have been written. */
    public boolean requestSent() {
        return requestSent;
    }

    /** Whether repeating the call cannot duplicate an effect. */
    public boolean retryable() {
        return !requestSent;
    }
}
