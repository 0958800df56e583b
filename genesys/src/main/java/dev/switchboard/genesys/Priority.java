package dev.switchboard.genesys;

/**
 * Who goes first when the request budget is short: compliance writes (DNC, opt-outs, making contacts
 * uncallable), then sends, then polling and reads. Declared in serving order.
 */
public enum Priority {
    COMPLIANCE_WRITE,
    SEND,
    POLL
}
