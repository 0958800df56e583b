package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the pressure ledger. UNKNOWN outcomes count as sent, so the ledger holds every intent.
 *
 * <p>A touch that has happened has one instant. A touch that may still happen at any moment of a span (a contact
 * waiting in a dialer's list: the dialer calls whenever it likes until the contact is withdrawn) is the span
 * {@code [at, latest]}: it counts in every window that overlaps the span, from the moment it was placed until a
 * window after the last moment it could happen.
 *
 * @param at         the touch, or the earliest moment it may happen
 * @param latest     the latest moment it may happen ({@code at} for a touch that happened)
 * @param subjectKey null when the campaign has none
 * @param debtId     null unless a collections attempt
 */
public record Attempt(String attemptId, String personKey, Channel channel, Instant at, Instant latest,
                      String subjectKey, String debtId) {
    public Attempt {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        latest = latest == null ? at : latest;
        if (latest.isBefore(at)) {
            throw new IllegalArgumentException("latest " + latest + " is before at " + at);
        }
    }

    /** A touch that happened at one instant. */
    public Attempt(String attemptId, String personKey, Channel channel, Instant at, String subjectKey,
                   String debtId) {
        this(attemptId, personKey, channel, at, at, subjectKey, debtId);
    }

    /** Whether the touch may fall in the window {@code (from, to]}. */
    public boolean mayFallIn(Instant from, Instant to) {
        return latest.isAfter(from) && !at.isAfter(to);
    }
}
