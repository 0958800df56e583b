package dev.switchboard.model.sequence;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pure step function of an enrollment: (state, sequence version, signal, now) → the next step and its due
 * instant, or the end. Never schedules before {@code now}.
 *
 * <ul>
 * <li>CONVERTED and OPTED_OUT, as a result or an event, end the enrollment whatever the edges say.</li>
 * <li>A retryable result (no-answer, busy, timed-out, failed without a permanent reason) repeats the touch after its
 * retry spacing until it has had {@code maxAttempts}; then the edge for that result is followed.</li>
 * <li>Edges are chosen most specific first: failed with the reason, the outcome, failed (for any unsuccessful
 * outcome), else. A touch entered again after its attempts are spent is left at once as if timed out; attempts
 * count over the whole enrollment, which is what bounds loops through touches.</li>
 * <li>A touch's due instant moves into its step window (in every candidate zone) and past any cap; each move is a
 * visible {@link PlanStep.Deferral}. A cap of {@link Instant#MAX} ends the enrollment.</li>
 * <li>"Until local time" waits until the next occurrence of that time in every candidate zone; on a
 * spring-forward day a time in the gap means the instant the clocks jump to, on a fall-back day the first one.</li>
 * </ul>
 */
public final class Planner {
    /** More steps than this in one call means the sequence loops without waiting: the enrollment exits. */
    static final int MAX_HOPS = 1_000;

    private final CapCheck caps;

    public Planner(CapCheck caps) {
        this.caps = caps;
    }

    public PlanStep plan(EnrollmentState state, Sequence sequence, Signal signal, Instant now) {
        if (sequence.version() != state.sequenceVersion()) {
            throw new IllegalArgumentException("enrollment is pinned to version " + state.sequenceVersion()
                    + ", not " + sequence.version());
        }
        Optional<Step> current = state.currentStep().flatMap(sequence::step);
        switch (signal) {
            case Signal.Start s -> {
                return enter(state, sequence, startStep(state, sequence), now);
            }
            case Signal.Event e -> {
                EnrollmentState next = state.withEvent(e.event());
                if (e.event().isTerminal()) {
                    return exited(e.event(), next);
                }
                return stay(next, current.orElse(null), now);
            }
            case Signal.Elapsed el -> {
                if (current.orElse(null) instanceof Step.Wait w) {
                    return follow(state, sequence, w, Label.ELSE, Optional.empty(), now);
                }
                return stay(state, current.orElse(null), now);
            }
            case Signal.Result r -> {
                if (!(current.orElse(null) instanceof Step.Touch t)) {
                    return stay(state, current.orElse(null), now);
                }
                EnrollmentState next = state.withAttempt(t.id(), r);
                if (r.outcome().isTerminal()) {
                    return exited(r.outcome(), next);
                }
                boolean permanent = r.reason().map(FailureReason::isPermanent).orElse(false);
                if (r.outcome().isRetryable() && !permanent && next.attemptsAt(t.id()) < t.maxAttempts()) {
                    return schedule(next, t, now.plus(t.retrySpacing()), now);
                }
                return follow(next, sequence, t, Label.of(r.outcome()), r.reason(), now);
            }
        }
    }

    private static String startStep(EnrollmentState state, Sequence sequence) {
        if (sequence.preferredChannelFirst() && state.preferredChannel().isPresent()) {
            Channel preferred = state.preferredChannel().get();
            for (Step s : sequence.steps()) {
                if (s instanceof Step.Touch t && t.channel() == preferred) {
                    return t.id();
                }
            }
        }
        return sequence.entry().map(Step::id).orElseThrow(() -> new IllegalArgumentException("sequence has no steps"));
    }

    private PlanStep follow(EnrollmentState state, Sequence sequence, Step from, Label on,
            Optional<FailureReason> reason, Instant now) {
        Optional<Edge> edge = choose(from, on, reason);
        if (edge.isEmpty()) {
            return new PlanStep.Exited("no way on from step \"" + from.id() + "\" on " + on.display(),
                    Optional.empty(), state.at(from.id(), Optional.empty()));
        }
        return enter(state, sequence, edge.get().to(), now);
    }

    static Optional<Edge> choose(Step from, Label on, Optional<FailureReason> reason) {
        List<Edge> edges = from.edges();
        boolean unsuccessful = on.outcome().map(o -> !o.isSuccess()).orElse(false);
        if (reason.isPresent()) {
            Optional<Edge> exact = edges.stream().filter(e -> e.on() == on && e.reason().equals(reason)).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return edges.stream().filter(e -> e.on() == on && e.reason().isEmpty()).findFirst()
                .or(() -> unsuccessful
                        ? edges.stream().filter(e -> e.on() == Label.FAILED && e.reason().isEmpty()).findFirst()
                        : Optional.empty())
                .or(() -> edges.stream().filter(e -> e.on() == Label.ELSE).findFirst());
    }

    private PlanStep enter(EnrollmentState state, Sequence sequence, String stepId, Instant now) {
        EnrollmentState s = state;
        String id = stepId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<Step> step = sequence.step(id);
            if (step.isEmpty()) {
                return new PlanStep.Exited("step \"" + id + "\" does not exist", Optional.empty(),
                        s.at(null, Optional.empty()));
            }
            switch (step.get()) {
                case Step.Exit x -> {
                    return new PlanStep.Exited(x.reason(), Optional.of(x.id()), s.at(x.id(), Optional.empty()));
                }
                case Step.Wait w -> {
                    Instant due = w.duration().isPresent() ? now.plus(w.duration().get())
                            : nextLocal(w.untilLocalTime().orElseThrow(), s.zones(), now);
                    return new PlanStep.Next(w.id(), due, List.of(), s.at(w.id(), Optional.of(due)));
                }
                case Step.Touch t -> {
                    if (s.attemptsAt(t.id()) < t.maxAttempts()) {
                        return schedule(s, t, now, now);
                    }
                    return new PlanStep.Exited("came back to \"" + t.id() + "\", whose " + t.maxAttempts()
                            + " attempts are spent", Optional.empty(), s.at(t.id(), Optional.empty()));
                }
                case Step.Branch b -> {
                    Label label = evaluate(b, s);
                    if (b.on() == BranchOn.COUNTER) {
                        s = s.withCount(b.id());
                    }
                    Optional<FailureReason> reason = b.on() == BranchOn.OUTCOME
                            ? s.lastOutcome().flatMap(Signal.Result::reason) : Optional.empty();
                    Optional<Edge> e = choose(b, label, reason);
                    if (e.isEmpty()) {
                        return new PlanStep.Exited("no way on from step \"" + b.id() + "\" on " + label.display(),
                                Optional.empty(), s.at(b.id(), Optional.empty()));
                    }
                    id = e.get().to();
                }
            }
        }
        return new PlanStep.Exited("the sequence loops without waiting at step \"" + id + "\"", Optional.empty(),
                s.at(id, Optional.empty()));
    }

    private static Label evaluate(Step.Branch b, EnrollmentState s) {
        String c = b.condition().trim();
        return switch (b.on()) {
            case OUTCOME -> s.lastOutcome().map(r -> Label.of(r.outcome())).orElse(Label.ELSE);
            case EVENT -> s.events().stream().anyMatch(e -> e.name().equalsIgnoreCase(c)) ? Label.MATCH : Label.ELSE;
            case ATTRIBUTE -> {
                int eq = c.indexOf('=');
                String name = eq < 0 ? c : c.substring(0, eq).trim();
                String value = eq < 0 ? "" : c.substring(eq + 1).trim();
                yield s.attributes().entrySet().stream().anyMatch(a -> a.getKey().equalsIgnoreCase(name)
                        && a.getValue().trim().equalsIgnoreCase(value)) ? Label.MATCH : Label.ELSE;
            }
            case COUNTER -> {
                int limit;
                try {
                    limit = Integer.parseInt(c);
                } catch (NumberFormatException ex) {
                    limit = 0;
                }
                yield s.counters().getOrDefault(b.id(), 0) < limit ? Label.MATCH : Label.ELSE;
            }
        };
    }

    /** The touch at the first instant from {@code wanted} that its window and the caps allow. */
    private PlanStep schedule(EnrollmentState state, Step.Touch t, Instant wanted, Instant now) {
        Instant due = wanted.isBefore(now) ? now : wanted;
        List<PlanStep.Deferral> deferrals = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            Instant before = due;
            if (t.window().isPresent()) {
                Instant open = intoWindow(t.window().get(), state.zones(), due);
                if (open.isAfter(due)) {
                    deferrals.add(new PlanStep.Deferral("step window", due, open));
                    due = open;
                }
            }
            Optional<Instant> capped = caps.deferUntil(state.personId(), t.channel(), due);
            if (capped.isPresent() && capped.get().equals(Instant.MAX)) {
                return new PlanStep.Exited("capped: no more " + t.channel().name().toLowerCase(Locale.ROOT)
                        + " touches allowed", Optional.empty(), state.at(t.id(), Optional.empty()));
            }
            if (capped.isPresent() && capped.get().isAfter(due)) {
                deferrals.add(new PlanStep.Deferral("cap", due, capped.get()));
                due = capped.get();
            }
            if (due.equals(before)) {
                break;
            }
        }
        return new PlanStep.Next(t.id(), due, deferrals, state.at(t.id(), Optional.of(due)));
    }

    /** The first instant at or after {@code from} inside the window in every zone (UTC when none is known). */
    static Instant intoWindow(StepWindow w, List<ZoneId> zones, Instant from) {
        List<ZoneId> in = zones.isEmpty() ? List.of(ZoneId.of("UTC")) : zones;
        Instant t = from;
        for (int round = 0; round < 64; round++) {
            Instant latest = t;
            for (ZoneId z : in) {
                Instant open = openInZone(w, z, t);
                if (open.isAfter(latest)) {
                    latest = open;
                }
            }
            if (latest.equals(t)) {
                return t;
            }
            t = latest;
        }
        return t;
    }

    private static Instant openInZone(StepWindow w, ZoneId zone, Instant from) {
        ZonedDateTime local = from.atZone(zone);
        if (w.contains(local.getDayOfWeek(), local.toLocalTime())) {
            return from;
        }
        for (int day = 0; day <= 7; day++) {
            var date = local.toLocalDate().plusDays(day);
            if (!w.days().contains(date.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(date, w.start(), zone).toInstant();
            if (!open.isBefore(from)) {
                return open;
            }
        }
        return from;
    }

    /** The next instant strictly after {@code now} at which {@code time} has come in every zone. */
    static Instant nextLocal(LocalTime time, List<ZoneId> zones, Instant now) {
        List<ZoneId> in = zones.isEmpty() ? List.of(ZoneId.of("UTC")) : zones;
        Instant latest = now;
        for (ZoneId z : in) {
            ZonedDateTime local = now.atZone(z);
            // ZonedDateTime.of resolves a time in a spring-forward gap to the instant after the jump and an
            // ambiguous fall-back time to the earlier offset: one occurrence a day either way.
            ZonedDateTime at = ZonedDateTime.of(local.toLocalDate(), time, z);
            if (!at.toInstant().isAfter(now)) {
                at = ZonedDateTime.of(local.toLocalDate().plusDays(1), time, z);
            }
            if (at.toInstant().isAfter(latest)) {
                latest = at.toInstant();
            }
        }
        return latest;
    }

    private static PlanStep stay(EnrollmentState state, Step current, Instant now) {
        if (current == null) {
            return new PlanStep.Exited("the enrollment has not started", Optional.empty(), state);
        }
        Instant due = state.due().filter(d -> d.isAfter(now)).orElse(now);
        return new PlanStep.Next(current.id(), due, List.of(), state.at(current.id(), Optional.of(due)));
    }

    private static PlanStep exited(Outcome outcome, EnrollmentState state) {
        String reason = outcome == Outcome.CONVERTED ? "converted" : "opted out";
        return new PlanStep.Exited(reason, Optional.empty(), state.at(state.currentStep().orElse(null), Optional.empty()));
    }
}
