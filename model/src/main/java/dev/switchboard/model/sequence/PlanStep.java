package dev.switchboard.model.sequence;

import java.time.Instant;
import java.util.List;

/** The planner's answer: the next step and when, or the end; always with the state to store. */
public sealed interface PlanStep {
    EnrollmentState state();

    /**
     * Go to {@code stepId} at {@code due}: attempt it if it is a touch, call the planner with
     * {@link Signal.Elapsed} if it is a wait. {@code deferrals} say why {@code due} is later than asked.
     */
    record Next(String stepId, Instant due, List<Deferral> deferrals, EnrollmentState state) implements PlanStep {
        public Next {
            deferrals = List.copyOf(deferrals);
        }
    }

    /** The enrollment ends; {@code exitStep} is empty when it ended outside an Exit step (an opt-out, a cap). */
    record Exited(String reason, java.util.Optional<String> exitStep, EnrollmentState state) implements PlanStep { }

    /** A due instant moved later: {@code rule} is "cap" or "step window". */
    record Deferral(String rule, Instant from, Instant until) { }
}
