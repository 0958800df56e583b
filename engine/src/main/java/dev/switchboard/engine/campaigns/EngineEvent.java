package dev.switchboard.engine.campaigns;

import java.time.Instant;

/**
 * Something the engine did or decided, for listeners (the console's live view, the command line's progress).
 *
 * @param kind    SENT, DELIVERED, FAILED, BLOCKED, DEFERRED, SKIPPED, EXITED, UNKNOWN, SETTLED, CAMPAIGN, ENGINE
 * @param detail  human-readable; never a full phone number or email address
 */
public record EngineEvent(Instant at, String kind, long campaignId, long contactId, String step, String detail) {

    /** Receives engine events on engine threads; must return quickly and never throw. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(EngineEvent event);
    }
}
