package dev.switchboard.model.sequence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned graph of steps; the first step is the entry. A published version is immutable: every {@code with…}
 * on it returns a new draft with the next version number, while on a draft it edits that draft in place.
 *
 * @param preferredChannelFirst when true, an enrollment whose contact has a preferred channel starts at the first
 *                              touch of that channel instead of the first step
 */
public record Sequence(String id, String name, int version, boolean published, boolean preferredChannelFirst,
        String description, List<Step> steps) {
    public Sequence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        steps = List.copyOf(steps);
    }

    /** A first draft, version 1. */
    public static Sequence draft(String id, String name, List<Step> steps) {
        return new Sequence(id, name, 1, false, false, "", steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Optional<Step> entry() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.getFirst());
    }

    /** This version, published; publishing a published version changes nothing. */
    public Sequence publish() {
        return published ? this : new Sequence(id, name, version, true, preferredChannelFirst, description, steps);
    }

    public Sequence withSteps(List<Step> newSteps) {
        return edit(name, preferredChannelFirst, description, newSteps);
    }

    public Sequence withName(String newName) {
        return edit(newName, preferredChannelFirst, description, steps);
    }

    public Sequence withDescription(String newDescription) {
        return edit(name, preferredChannelFirst, newDescription, steps);
    }

    public Sequence withPreferredChannelFirst(boolean flag) {
        return edit(name, flag, description, steps);
    }

    private Sequence edit(String n, boolean pcf, String d, List<Step> s) {
        return new Sequence(id, n, published ? version + 1 : version, false, pcf, d, s);
    }
}
