package dev.switchboard.persistence;

/** What one committed batch did. */
public record BatchOutcome(int inserted, int updated, int unchanged, int rejected, int warned) {
}
