package dev.switchboard.model.compliance;

import java.util.List;

/** Every rule the gate evaluated for one decision, in order, and the pack version it used. */
public record Trace(String packVersion, List<Evaluation> evaluations, boolean lifeSafety) {
    public Trace {
        evaluations = List.copyOf(evaluations);
    }
}
