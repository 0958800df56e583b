package dev.switchboard.model.sequence;

import java.util.Objects;
import java.util.Optional;

/**
 * A labelled edge to another step. A {@code FAILED} edge may name a {@link FailureReason}; it is then taken only
 * for that reason, before a plain {@code FAILED} edge.
 */
public record Edge(Label on, Optional<FailureReason> reason, String to) {
    public Edge {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(to, "to");
    }

    public static Edge on(Label on, String to) {
        return new Edge(on, Optional.empty(), to);
    }

    public static Edge on(Outcome on, String to) {
        return on(Label.of(on), to);
    }

    public static Edge onFailure(FailureReason reason, String to) {
        return new Edge(Label.FAILED, Optional.of(reason), to);
    }

    public static Edge otherwise(String to) {
        return on(Label.ELSE, to);
    }

    /** "no-answer", "failed (invalid destination)", "else". */
    public String display() {
        return on.display() + reason.map(r -> " (" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
                .orElse("");
    }
}
