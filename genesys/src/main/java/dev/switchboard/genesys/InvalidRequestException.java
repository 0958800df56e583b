package dev.switchboard.genesys;

/** Refused locally before anything was sent, e.g. an SMS body over 765 characters or two email recipients. */
public class InvalidRequestException extends GenesysException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
