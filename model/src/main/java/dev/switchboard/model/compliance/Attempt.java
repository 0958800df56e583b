package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the pressure ledger. UNKNOWN outcomes count as sent, so the ledger holds every intent.
 *
 * @param subjectKey null when the campaign has none
 * @param debtId     null unless a collections attempt
 */
public record Attempt(String attemptId, String personKey, Channel channel, Instant at, String subjectKey,
                      String debtId) {
    public Attempt {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
    }
}
