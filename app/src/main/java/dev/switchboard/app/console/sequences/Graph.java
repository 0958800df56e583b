package dev.switchboard.app.console.sequences;

import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the designer edits: a sequence and where each of its steps sits on the canvas. Immutable: every edit returns
 * a new graph, so that undo keeps the one before. The first step is the entry.
 */
public record Graph(Sequence sequence, Map<String, Point> positions) {
    public Graph {
        Objects.requireNonNull(sequence, "sequence");
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /** {@code sequence} with {@code stored} positions; laid out automatically when any step has none. */
    public static Graph of(Sequence sequence, Map<String, Point> stored) {
        boolean complete = sequence.steps().stream().allMatch(s -> stored.containsKey(s.id()));
        return new Graph(sequence, complete ? stored : AutoLayout.of(sequence));
    }

    public List<Step> steps() {
        return sequence.steps();
    }

    public java.util.Optional<Step> step(String id) {
        return sequence.step(id);
    }

    /** Where step {@code id} sits; the origin when it has no position yet. */
    public Point position(String id) {
        return positions.getOrDefault(id, new Point(AutoLayout.MARGIN, AutoLayout.MARGIN));
    }

    /** The entry step's id, or null when there are no steps. */
    public String entry() {
        return sequence.entry().map(Step::id).orElse(null);
    }

    /** A step id not used yet: {@code prefix-1}, {@code prefix-2} … */
    public String freshId(String prefix) {
        for (int n = 1; ; n++) {
            String id = prefix + "-" + n;
            if (step(id).isEmpty()) {
                return id;
            }
        }
    }

    public Graph withStep(Step step, Point at) {
        List<Step> steps = new ArrayList<>(steps());
        steps.add(step);
        Map<String, Point> p = new LinkedHashMap<>(positions);
        p.put(step.id(), at);
        return new Graph(withSteps(steps), p);
    }

    public Graph moved(String id, Point to) {
        if (step(id).isEmpty()) {
            return this;
        }
        Map<String, Point> p = new LinkedHashMap<>(positions);
        p.put(id, to);
        return new Graph(sequence, p);
    }

    /** Routes {@code from}'s output {@code port} to {@code to}, replacing where it went before. */
    public Graph connected(String from, Port port, String to) {
        if (step(to).isEmpty()) {
            return this;
        }
        return replaced(from, s -> {
            if (s instanceof Step.Exit) {
                return s;
            }
            List<Edge> edges = new ArrayList<>();
            boolean replaced = false;
            for (Edge e : s.edges()) {
                if (port.matches(e)) {
                    if (!replaced) {
                        edges.add(port.to(to));
                        replaced = true;
                    }
                } else {
                    edges.add(e);
                }
            }
            if (!replaced) {
                edges.add(port.to(to));
            }
            return Steps.withEdges(s, edges);
        });
    }

    /** Removes the edge of {@code from}'s output {@code port}. */
    public Graph disconnected(String from, Port port) {
        return replaced(from, s -> Steps.withEdges(s, s.edges().stream().filter(e -> !port.matches(e)).toList()));
    }

    /** Removes a step, the edges into it and its position. */
    public Graph without(String id) {
        List<Step> steps = new ArrayList<>();
        for (Step s : steps()) {
            if (!s.id().equals(id)) {
                steps.add(Steps.withEdges(s, s.edges().stream().filter(e -> !e.to().equals(id)).toList()));
            }
        }
        Map<String, Point> p = new LinkedHashMap<>(positions);
        p.remove(id);
        return new Graph(withSteps(steps), p);
    }

    /** Replaces step {@code id} with what {@code edit} makes of it (keeping its id). */
    public Graph replaced(String id, UnaryOperator<Step> edit) {
        List<Step> steps = new ArrayList<>();
        boolean changed = false;
        for (Step s : steps()) {
            if (s.id().equals(id)) {
                Step next = Steps.withId(edit.apply(s), id);
                changed |= !next.equals(s);
                steps.add(next);
            } else {
                steps.add(s);
            }
        }
        return changed ? new Graph(withSteps(steps), positions) : this;
    }

    /** Gives step {@code id} a new id, and the edges into it and its position with it. */
    public Graph renamed(String id, String newId) {
        if (id.equals(newId) || step(id).isEmpty()) {
            return this;
        }
        List<Step> steps = new ArrayList<>();
        for (Step s : steps()) {
            Step t = s.id().equals(id) ? Steps.withId(s, newId) : s;
            steps.add(Steps.withEdges(t, t.edges().stream()
                    .map(e -> e.to().equals(id) ? new Edge(e.on(), e.reason(), newId) : e).toList()));
        }
        Map<String, Point> p = new LinkedHashMap<>();
        positions.forEach((k, v) -> p.put(k.equals(id) ? newId : k, v));
        return new Graph(withSteps(steps), p);
    }

    /** Makes step {@code id} the entry (the first step). */
    public Graph withEntry(String id) {
        Step s = step(id).orElse(null);
        if (s == null || id.equals(entry())) {
            return this;
        }
        List<Step> steps = new ArrayList<>(steps());
        steps.remove(s);
        steps.addFirst(s);
        return new Graph(withSteps(steps), positions);
    }

    /** True when both have the same steps, name, description, flags and positions (ids and versions aside). */
    public boolean sameContentAs(Graph other) {
        Sequence o = other.sequence;
        return sequence.steps().equals(o.steps()) && sequence.name().equals(o.name())
                && sequence.description().equals(o.description())
                && sequence.preferredChannelFirst() == o.preferredChannelFirst() && positions.equals(other.positions);
    }

    public Graph laidOut() {
        return new Graph(sequence, AutoLayout.of(sequence));
    }

    public Graph withName(String name) {
        return new Graph(new Sequence(sequence.id(), name, sequence.version(), sequence.published(),
                sequence.preferredChannelFirst(), sequence.description(), sequence.steps()), positions);
    }

    public Graph withDescription(String description) {
        return new Graph(new Sequence(sequence.id(), sequence.name(), sequence.version(), sequence.published(),
                sequence.preferredChannelFirst(), description, sequence.steps()), positions);
    }

    public Graph withPreferredChannelFirst(boolean flag) {
        return new Graph(new Sequence(sequence.id(), sequence.name(), sequence.version(), sequence.published(), flag,
                sequence.description(), sequence.steps()), positions);
    }

    /** The same graph under another sequence id (a new sequence gets its id from its name when first saved). */
    public Graph withId(String id) {
        return new Graph(new Sequence(id, sequence.name(), sequence.version(), sequence.published(),
                sequence.preferredChannelFirst(), sequence.description(), sequence.steps()), positions);
    }

    private Sequence withSteps(List<Step> steps) {
        return new Sequence(sequence.id(), sequence.name(), sequence.version(), sequence.published(),
                sequence.preferredChannelFirst(), sequence.description(), steps);
    }
}
