package dev.switchboard.genesys;

/**
 * A send the caller withdrew while it waited for the request budget: its condition to leave (for a text, the
 * contact's calling window) no longer held when the budget granted it. Nothing was written to the network.
 */
public class NotSentException extends GenesysException {

    private static final long serialVersionUID = 1L;

    public NotSentException(String message) {
        super(message);
    }
}
