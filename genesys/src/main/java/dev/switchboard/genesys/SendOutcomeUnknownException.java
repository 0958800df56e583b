package dev.switchboard.genesys;

/**
 * A send (agentless SMS or email) may or may not have reached Genesys: the request was written and then
 * the read timed out, the connection reset, or Genesys answered 5xx. The client never retries it; the caller
 * records the attempt as UNKNOWN and reconciles.
 */
public class SendOutcomeUnknownException extends GenesysException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public SendOutcomeUnknownException(String operation, Throwable cause) {
        super("outcome unknown: " + operation + " may have been delivered to Genesys (" + cause + ")", cause);
        this.status = -1;
    }

    public SendOutcomeUnknownException(String operation, GenesysApiException cause) {
        super("outcome unknown: " + operation + " answered HTTP " + cause.status() + " after the request was sent"
                + (cause.contextId() == null ? "" : " (contextId " + cause.contextId() + ")"), cause);
        this.status = cause.status();
    }

    /** The HTTP status if Genesys answered (5xx/408), else -1 (timeout, reset). */
    public int status() {
        return status;
    }
}
