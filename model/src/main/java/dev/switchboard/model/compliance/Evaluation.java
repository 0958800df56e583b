package dev.switchboard.model.compliance;

/**
 * One rule the gate evaluated.
 *
 * @param inputs what it looked at, e.g. {@code zone=America/Chicago local=2026-03-08T07:30 window=08:00-21:00}
 * @param reason a sentence a user understands
 */
public record Evaluation(String ruleId, String inputs, Verdict verdict, String reason) {
    public enum Verdict { PASS, DEFER, BLOCK, BYPASSED, NOT_APPLICABLE }
}
