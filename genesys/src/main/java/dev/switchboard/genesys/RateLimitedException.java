package dev.switchboard.genesys;

/** Genesys kept answering 429 and the wait would exceed the cap (180 s): surfaced instead of waiting longer. */
public class RateLimitedException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    private final long waitedSeconds;

    public RateLimitedException(GenesysApiException cause, long waitedSeconds) {
        super(cause);
        initCause(cause);
        this.waitedSeconds = waitedSeconds;
    }

    /** How long the request had already waited, in seconds, including the refused Retry-After. */
    public long waitedSeconds() {
        return waitedSeconds;
    }
}
