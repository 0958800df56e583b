package dev.switchboard.engine.rules;

import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.Evaluation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Turns a decision and its trace into text a supervisor can read: the verdict, then every rule evaluated. */
public final class ExplainFormatter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz");

    private ExplainFormatter() {
    }

    /** @param viewer the zone to show "until" in as well as UTC, or null for UTC only */
    public static String format(Decision decision, ZoneId viewer) {
        StringBuilder sb = new StringBuilder(512);
        switch (decision) {
            case Decision.Allowed a -> sb.append("ALLOWED");
            case Decision.Deferred d -> sb.append("DEFERRED by ").append(d.rule()).append(" until ")
                    .append(when(d.until(), viewer));
            case Decision.Blocked b -> sb.append("BLOCKED by ").append(b.rule());
        }
        sb.append("  (rule pack ").append(decision.packVersion()).append(')');
        if (decision.trace().lifeSafety()) {
            sb.append("  [LIFE-SAFETY override]");
        }
        sb.append('\n');
        for (Evaluation e : decision.trace().evaluations()) {
            sb.append("  ").append(String.format("%-14s", mark(e.verdict()))).append(e.ruleId()).append('\n')
                    .append("      ").append(e.reason()).append('\n')
                    .append("      inputs: ").append(e.inputs()).append('\n');
        }
        return sb.toString();
    }

    private static String mark(Evaluation.Verdict v) {
        return switch (v) {
            case PASS -> "ok";
            case DEFER -> "not now";
            case BLOCK -> "BLOCKS";
            case BYPASSED -> "bypassed";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    private static String when(Instant t, ZoneId viewer) {
        return viewer == null ? t.toString() : t + " (" + LOCAL.format(t.atZone(viewer)) + ")";
    }
}
