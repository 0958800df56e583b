package dev.switchboard.model.sequence;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a sequence before it is published. Messages are written for a supervisor and each names its step. The
 * rules: no duplicate step ids; edges reach existing steps; every step is reachable from the first; every path can
 * end in an Exit and no step is a dead end; every loop passes through a touch (its attempts are finite across the
 * enrollment) or a COUNTER branch's match edge (a counter whose else edge loops back bounds nothing); touches allow at least one attempt, use a template of their own channel and handle
 * success and failure (or have an else edge); waits are longer than zero; branches have a valid condition and an
 * else edge.
 */
public final class SequenceValidator {
    private final Function<String, Optional<Channel>> templates;

    /** @param templates the channel of a template id, empty when no such template exists */
    public SequenceValidator(Function<String, Optional<Channel>> templates) {
        this.templates = templates;
    }

    /** A validator that does not check templates beyond their being named. */
    public static SequenceValidator withoutTemplates() {
        return new SequenceValidator(null);
    }

    public List<SequenceProblem> validate(Sequence sequence) {
        List<SequenceProblem> out = new ArrayList<>();
        if (sequence.steps().isEmpty()) {
            out.add(new SequenceProblem("", "The sequence has no steps: add at least a touch and an exit."));
            return out;
        }
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step s : sequence.steps()) {
            if (s.id().isBlank()) {
                out.add(new SequenceProblem("", "A " + s.kind() + " step has no id."));
            } else if (byId.putIfAbsent(s.id(), s) != null) {
                out.add(problem(s, "is listed more than once: step ids must be unique."));
            }
        }
        for (Step s : byId.values()) {
            checkStep(s, byId, out);
        }
        checkGraph(sequence.steps().getFirst().id(), byId, out);
        return out;
    }

    private void checkStep(Step s, Map<String, Step> byId, List<SequenceProblem> out) {
        Set<String> labels = new HashSet<>();
        for (Edge e : s.edges()) {
            if (!byId.containsKey(e.to())) {
                out.add(problem(s, "goes to \"" + e.to() + "\" on " + e.display() + ", but there is no such step."));
            }
            if (!labels.add(e.display())) {
                out.add(problem(s, "has more than one edge for " + e.display() + "."));
            }
            if (e.reason().isPresent() && e.on() != Label.FAILED) {
                out.add(problem(s, "gives a failure reason on an " + e.on().display() + " edge; only failed edges take one."));
            }
        }
        switch (s) {
            case Step.Touch t -> checkTouch(t, out);
            case Step.Wait w -> checkWait(w, out);
            case Step.Branch b -> checkBranch(b, out);
            case Step.Exit x -> {
                if (x.reason().isBlank()) {
                    out.add(problem(s, "has no reason: say why the enrollment ends here."));
                }
            }
        }
    }

    private void checkTouch(Step.Touch t, List<SequenceProblem> out) {
        if (t.maxAttempts() < 1) {
            out.add(problem(t, "allows " + t.maxAttempts() + " attempts: it needs at least 1."));
        }
        if (t.retrySpacing().isNegative() || (t.maxAttempts() > 1 && t.retrySpacing().isZero())) {
            out.add(problem(t, "retries after " + human(t.retrySpacing()) + ": the spacing must be longer than zero."));
        }
        String channel = t.channel().name().toLowerCase(Locale.ROOT);
        if (t.templateId().isBlank()) {
            out.add(problem(t, "has no template: pick a " + channel + " template."));
        } else if (templates != null) {
            Optional<Channel> of = templates.apply(t.templateId());
            if (of.isEmpty()) {
                out.add(problem(t, "uses template \"" + t.templateId() + "\", which does not exist."));
            } else if (of.get() != t.channel()) {
                out.add(problem(t, "is a " + channel + " touch but its template \"" + t.templateId() + "\" is for "
                        + of.get().name().toLowerCase(Locale.ROOT) + "."));
            }
        }
        t.window().ifPresent(w -> {
            if (!w.start().isBefore(w.end())) {
                out.add(problem(t, "has a window from " + w.start() + " to " + w.end() + ": it must start before it ends."));
            }
            if (w.days().isEmpty()) {
                out.add(problem(t, "has a window on no day of the week."));
            }
        });
        boolean otherwise = has(t, Label.ELSE);
        boolean success = otherwise || t.edges().stream().anyMatch(e -> e.on().outcome().map(Outcome::isSuccess).orElse(false));
        boolean failure = otherwise || t.edges().stream().anyMatch(e -> e.on().outcome()
                .map(o -> !o.isSuccess() && o != Outcome.OPTED_OUT).orElse(false));
        if (!success) {
            out.add(problem(t, "does not say where to go on success (delivered, answered or converted); add that edge or an else edge."));
        }
        if (!failure) {
            out.add(problem(t, "does not say where to go when it fails (failed, no-answer, busy, bounced or timed-out); add that edge or an else edge."));
        }
    }

    private void checkWait(Step.Wait w, List<SequenceProblem> out) {
        if (w.duration().isPresent() == w.untilLocalTime().isPresent()) {
            out.add(problem(w, w.duration().isPresent()
                    ? "has both a duration and a local time: keep one."
                    : "needs a duration or a local time to wait until."));
        }
        w.duration().filter(d -> d.isNegative() || d.isZero())
                .ifPresent(d -> out.add(problem(w, "waits " + human(d) + ": a wait must be longer than zero.")));
        if (w.edges().size() != 1 || w.edges().getFirst().on() != Label.ELSE) {
            out.add(problem(w, "needs exactly one else edge: the step that follows the wait."));
        }
    }

    private void checkBranch(Step.Branch b, List<SequenceProblem> out) {
        String c = b.condition().trim();
        switch (b.on()) {
            case OUTCOME -> { }
            case EVENT -> {
                try {
                    Outcome.valueOf(c.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    out.add(problem(b, "waits for event \"" + c + "\", which is not an outcome (such as CONVERTED)."));
                }
            }
            case ATTRIBUTE -> {
                if (c.indexOf('=') < 1) {
                    out.add(problem(b, "tests \"" + c + "\": write the attribute test as name=value."));
                }
            }
            case COUNTER -> {
                int limit;
                try {
                    limit = Integer.parseInt(c);
                } catch (NumberFormatException ex) {
                    limit = 0;
                }
                if (limit < 1) {
                    out.add(problem(b, "counts to \"" + c + "\": the limit must be a whole number of at least 1."));
                }
            }
        }
        if (!has(b, Label.ELSE)) {
            out.add(problem(b, "has no else edge: say where to go when nothing matches."));
        }
        if (b.on() != BranchOn.OUTCOME && !has(b, Label.MATCH)) {
            out.add(problem(b, "has no match edge: say where to go when the condition holds."));
        }
    }

    private void checkGraph(String entry, Map<String, Step> byId, List<SequenceProblem> out) {
        Set<String> reachable = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entry));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Step s = byId.get(id);
            if (s != null && reachable.add(id)) {
                s.edges().forEach(e -> todo.push(e.to()));
            }
        }
        for (Step s : byId.values()) {
            if (!reachable.contains(s.id())) {
                out.add(problem(s, "can never be reached from the first step \"" + entry + "\"."));
            }
        }
        // Steps from which some Exit can be reached, by walking edges backwards from every Exit.
        Map<String, List<String>> into = new HashMap<>();
        byId.values().forEach(s -> s.edges().forEach(e -> into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(s.id())));
        Set<String> ends = new HashSet<>();
        byId.values().stream().filter(s -> s instanceof Step.Exit).forEach(s -> todo.push(s.id()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (ends.add(id)) {
                into.getOrDefault(id, List.of()).forEach(todo::push);
            }
        }
        for (String id : reachable) {
            Step s = byId.get(id);
            if (!(s instanceof Step.Exit) && s.edges().isEmpty()) {
                out.add(problem(s, "is a dead end: every path must end in an exit step."));
            } else if (!ends.contains(id)) {
                out.add(problem(s, "never leads to an exit step: every path must end."));
            }
        }
        // A touch is entered at most maxAttempts times (the planner ends an enrollment that comes back to a spent
        // touch) and a counter's match edge is taken at most its limit: a loop left once those are removed never ends.
        Set<String> unbounded = new LinkedHashSet<>(reachable);
        unbounded.removeIf(id -> byId.get(id) instanceof Step.Touch);
        for (List<String> loop : loops(unbounded, byId)) {
            out.add(new SequenceProblem(loop.getFirst(), "Steps \"" + String.join("\" → \"", loop)
                    + "\" form a loop with no touch or counter to end it."));
        }
    }

    private static boolean counted(Step from, Edge e) {
        return from instanceof Step.Branch b && b.on() == BranchOn.COUNTER && e.on() == Label.MATCH;
    }

    /** Strongly connected components of {@code nodes} that contain a cycle, counter match edges left out (Tarjan). */
    private static List<List<String>> loops(Set<String> nodes, Map<String, Step> byId) {
        var tarjan = new Object() {
            int index;
            final Map<String, Integer> idx = new HashMap<>();
            final Map<String, Integer> low = new HashMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> on = new HashSet<>();
            final List<List<String>> found = new ArrayList<>();

            void visit(String v) {
                idx.put(v, index);
                low.put(v, index++);
                stack.push(v);
                on.add(v);
                for (Edge e : byId.get(v).edges()) {
                    String w = e.to();
                    if (!nodes.contains(w) || counted(byId.get(v), e)) {
                        continue;
                    }
                    if (!idx.containsKey(w)) {
                        visit(w);
                        low.put(v, Math.min(low.get(v), low.get(w)));
                    } else if (on.contains(w)) {
                        low.put(v, Math.min(low.get(v), idx.get(w)));
                    }
                }
                if (low.get(v).equals(idx.get(v))) {
                    List<String> comp = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        on.remove(w);
                        comp.add(w);
                    } while (!w.equals(v));
                    boolean selfLoop = byId.get(v).edges().stream()
                            .anyMatch(e -> e.to().equals(v) && !counted(byId.get(v), e));
                    if (comp.size() > 1 || selfLoop) {
                        List<String> ordered = new ArrayList<>(nodes);
                        ordered.retainAll(comp);
                        found.add(ordered);
                    }
                }
            }
        };
        for (String n : nodes) {
            if (!tarjan.idx.containsKey(n)) {
                tarjan.visit(n);
            }
        }
        return tarjan.found;
    }

    private static boolean has(Step s, Label label) {
        return s.edges().stream().anyMatch(e -> e.on() == label);
    }

    private static SequenceProblem problem(Step s, String rest) {
        String kind = Character.toUpperCase(s.kind().charAt(0)) + s.kind().substring(1);
        return new SequenceProblem(s.id(), kind + " \"" + s.id() + "\" " + rest);
    }

    static String human(Duration d) {
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        if (d.isZero()) {
            return "0 minutes";
        }
        long m = d.toMinutes();
        if (m % (60 * 24) == 0) {
            return plural(m / (60 * 24), "day");
        }
        if (m % 60 == 0) {
            return plural(m / 60, "hour");
        }
        return m > 0 ? plural(m, "minute") : plural(d.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
