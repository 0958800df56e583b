package dev.switchboard.model.sequence;

import java.util.Optional;

/**
 * What an edge is taken on: an {@link Outcome}, {@code MATCH} (a branch's condition held) or {@code ELSE}
 * (nothing more specific matched; a wait's only edge).
 */
public enum Label {
    DELIVERED, ANSWERED, NO_ANSWER, BUSY, FAILED, OPTED_OUT, BOUNCED, CONVERTED, TIMED_OUT, MATCH, ELSE;

    /** The label of an outcome. */
    public static Label of(Outcome outcome) {
        return valueOf(outcome.name());
    }

    /** The outcome this label stands for, empty for MATCH and ELSE. */
    public Optional<Outcome> outcome() {
        return this == MATCH || this == ELSE ? Optional.empty() : Optional.of(Outcome.valueOf(name()));
    }

    /** Lower case with spaces, as a supervisor reads it. */
    public String display() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
