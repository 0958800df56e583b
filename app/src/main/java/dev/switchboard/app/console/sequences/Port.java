package dev.switchboard.app.console.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.sequence.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An output of a step on the canvas: the label (and, for a failed edge, the failure reason) an edge from it is taken
 * on. Each step shows the outputs its kind usually routes plus any its edges already use.
 */
public record Port(Label on, Optional<FailureReason> reason) {
    public Port {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }

    public static Port of(Label on) {
        return new Port(on, Optional.empty());
    }

    public static Port of(Edge edge) {
        return new Port(edge.on(), edge.reason());
    }

    public boolean matches(Edge edge) {
        return edge.on() == on && edge.reason().equals(reason);
    }

    public Edge to(String step) {
        return new Edge(on, reason, step);
    }

    /** How the output reads on the card: "no-answer", "failed (invalid destination)", a wait's "then". */
    public String display(Step from) {
        if (from instanceof Step.Wait && on == Label.ELSE) {
            return "then";
        }
        return to("").display();
    }

    /** The outputs of {@code step}, in the order the card lists them. */
    public static List<Port> of(Step step) {
        List<Port> out = new ArrayList<>();
        for (Label l : standard(step)) {
            out.add(of(l));
        }
        for (Edge e : step.edges()) {
            Port p = of(e);
            if (!out.contains(p)) {
                int at = out.indexOf(of(Label.ELSE));
                out.add(at < 0 ? out.size() : at, p);
            }
        }
        return out;
    }

    /**
     * Every output the model lets {@code step} route: the outcomes its channel (or, for a branch on the outcome, any
     * touch) can end in, failed with each {@link FailureReason}, and else; a branch on a condition has match and
     * else, a wait only its "then". Opted-out and converted are left out: they end the enrollment whatever the
     * edges say.
     */
    public static List<Port> supported(Step step) {
        List<Label> labels = switch (step) {
            case Step.Touch t when t.channel() == Channel.VOICE ->
                    List.of(Label.ANSWERED, Label.NO_ANSWER, Label.BUSY, Label.TIMED_OUT, Label.FAILED);
            case Step.Touch t when t.channel() == Channel.EMAIL ->
                    List.of(Label.DELIVERED, Label.BOUNCED, Label.TIMED_OUT, Label.FAILED);
            case Step.Touch t -> List.of(Label.DELIVERED, Label.TIMED_OUT, Label.FAILED);
            case Step.Wait w -> List.of();
            case Step.Branch b when b.on() == BranchOn.OUTCOME -> List.of(Label.ANSWERED, Label.DELIVERED,
                    Label.NO_ANSWER, Label.BUSY, Label.BOUNCED, Label.TIMED_OUT, Label.FAILED);
            case Step.Branch b -> List.of(Label.MATCH);
            case Step.Exit x -> List.of();
        };
        if (step instanceof Step.Exit) {
            return List.of();
        }
        List<Port> out = new ArrayList<>();
        labels.forEach(l -> out.add(of(l)));
        if (labels.contains(Label.FAILED)) {
            for (FailureReason r : FailureReason.values()) {
                out.add(new Port(Label.FAILED, Optional.of(r)));
            }
        }
        out.add(of(Label.ELSE));
        return out;
    }

    /** The outputs {@code step} supports that its card does not show yet, for "Add output". */
    public static List<Port> addable(Step step) {
        List<Port> shown = of(step);
        return supported(step).stream().filter(p -> !shown.contains(p)).toList();
    }

    private static List<Label> standard(Step step) {
        return switch (step) {
            case Step.Touch t when t.channel() == Channel.VOICE ->
                    List.of(Label.ANSWERED, Label.NO_ANSWER, Label.BUSY, Label.FAILED, Label.ELSE);
            case Step.Touch t when t.channel() == Channel.EMAIL ->
                    List.of(Label.DELIVERED, Label.BOUNCED, Label.FAILED, Label.ELSE);
            case Step.Touch t -> List.of(Label.DELIVERED, Label.FAILED, Label.ELSE);
            case Step.Wait w -> List.of(Label.ELSE);
            case Step.Branch b when b.on() == BranchOn.OUTCOME ->
                    List.of(Label.ANSWERED, Label.DELIVERED, Label.NO_ANSWER, Label.FAILED, Label.ELSE);
            case Step.Branch b -> List.of(Label.MATCH, Label.ELSE);
            case Step.Exit x -> List.of();
        };
    }
}
