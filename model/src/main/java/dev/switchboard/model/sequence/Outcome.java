package dev.switchboard.model.sequence;

/** What happened to one touch, or an event reported about the contact. */
public enum Outcome {
    DELIVERED, ANSWERED, NO_ANSWER, BUSY, FAILED, OPTED_OUT, BOUNCED, CONVERTED, TIMED_OUT;

    /** True for outcomes that count as the touch having reached the person. */
    public boolean isSuccess() {
        return this == DELIVERED || this == ANSWERED || this == CONVERTED;
    }

    /** True for outcomes worth another attempt of the same touch while attempts remain. */
    public boolean isRetryable() {
        return this == NO_ANSWER || this == BUSY || this == TIMED_OUT || this == FAILED;
    }

    /** True for outcomes that end the enrollment whatever the edges say. */
    public boolean isTerminal() {
        return this == CONVERTED || this == OPTED_OUT;
    }
}
