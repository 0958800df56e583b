package dev.switchboard.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random valid sequences, random outcome streams: the planner ends within a bound and never schedules the past. */
class PlannerPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Denver"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/London"), ZoneId.of("Pacific/Chatham"));
    private static final SequenceValidator VALIDATOR = SequenceValidator.withoutTemplates();

    @Test
    void terminatesAndNeverSchedulesBeforeNow() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("PlannerPropertiesTest seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        Random rnd = new Random(seed);
        int checked = 0;
        for (int round = 0; round < 2_000 && checked < 400; round++) {
            Sequence s = randomSequence(rnd);
            if (!VALIDATOR.validate(s).isEmpty()) {
                continue;
            }
            checked++;
            for (int stream = 0; stream < 5; stream++) {
                runOnce(s, rnd, seed);
            }
        }
        assertThat(checked).as("valid sequences generated, seed " + seed).isGreaterThan(50);
    }

    private static void runOnce(Sequence s, Random rnd, long seed) {
        int attempts = 0;
        int counters = 0;
        for (Step step : s.steps()) {
            if (step instanceof Step.Touch t) {
                attempts += t.maxAttempts();
            } else if (step instanceof Step.Branch b && b.on() == BranchOn.COUNTER) {
                counters += Integer.parseInt(b.condition());
            }
        }
        int bound = (attempts + counters + 1) * (s.steps().size() + 1);
        long capMod = 2 + rnd.nextInt(5);
        Planner planner = new Planner((person, channel, at) -> at.getEpochSecond() / 3600 % capMod == 0
                ? Optional.of(at.plus(Duration.ofHours(1 + at.getEpochSecond() % 30))) : Optional.empty());
        List<ZoneId> zones = new ArrayList<>();
        zones.add(ZONES.get(rnd.nextInt(ZONES.size())));
        if (rnd.nextBoolean()) {
            zones.add(ZONES.get(rnd.nextInt(ZONES.size())));
        }
        EnrollmentState state = EnrollmentState.start("p", s.version(), zones)
                .withAttributes(rnd.nextBoolean() ? Map.of("tier", "gold") : Map.of());
        if (rnd.nextBoolean()) {
            state = state.withPreferredChannel(Channel.values()[rnd.nextInt(3)]);
        }
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(rnd.nextInt(24 * 365)));
        PlanStep p = planner.plan(state, s, Signal.start(), now);
        String where = "seed " + seed + ", sequence " + s;
        int calls = 0;
        while (p instanceof PlanStep.Next n) {
            assertThat(n.due()).as(where).isAfterOrEqualTo(now);
            assertThat(++calls).as("calls, " + where).isLessThanOrEqualTo(bound);
            Instant at = n.due().plus(Duration.ofMinutes(rnd.nextInt(3) == 0 ? rnd.nextInt(600) : 0));
            if (rnd.nextInt(10) == 0) {
                Outcome event = Outcome.values()[rnd.nextInt(Outcome.values().length)];
                Instant early = now.plus(Duration.between(now, n.due()).dividedBy(2));
                PlanStep q = planner.plan(n.state(), s, Signal.event(event), early);
                if (q instanceof PlanStep.Next qn) {
                    assertThat(qn.due()).as(where).isAfterOrEqualTo(early);
                    assertThat(qn.stepId()).as(where).isEqualTo(n.stepId());
                    p = q;
                    n = qn;
                } else {
                    assertThat(event.isTerminal()).as(where).isTrue();
                    return;
                }
            }
            now = at;
            Step step = s.step(n.stepId()).orElseThrow();
            Signal signal;
            if (step instanceof Step.Touch) {
                Outcome o = Outcome.values()[rnd.nextInt(Outcome.values().length)];
                if (o.isTerminal() && rnd.nextInt(4) != 0) {
                    o = Outcome.NO_ANSWER;
                }
                signal = o == Outcome.FAILED && rnd.nextBoolean()
                        ? Signal.failed(FailureReason.values()[rnd.nextInt(FailureReason.values().length)])
                        : Signal.result(o);
            } else {
                signal = Signal.elapsed();
            }
            p = planner.plan(n.state(), s, signal, now);
        }
    }

    /** Steps in order; forward edges everywhere, back edges only from touches and counters' match edges. */
    static Sequence randomSequence(Random rnd) {
        int touches = 1 + rnd.nextInt(4);
        List<String> ids = new ArrayList<>();
        List<Character> kinds = new ArrayList<>();
        for (int i = 0; i < touches; i++) {
            ids.add("t" + i);
            kinds.add('t');
            if (rnd.nextBoolean()) {
                ids.add("w" + i);
                kinds.add('w');
            }
            if (rnd.nextInt(3) == 0) {
                ids.add("b" + i);
                kinds.add('b');
            }
        }
        int exits = 1 + rnd.nextInt(3);
        for (int i = 0; i < exits; i++) {
            ids.add("x" + i);
            kinds.add('x');
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            switch (kinds.get(i)) {
                case 't' -> {
                    List<Edge> edges = new ArrayList<>();
                    for (Label l : Label.values()) {
                        if (l.outcome().isPresent() && rnd.nextInt(3) == 0) {
                            edges.add(Edge.on(l, target(rnd, ids, i, rnd.nextInt(4) == 0)));
                        }
                    }
                    if (rnd.nextBoolean()) {
                        edges.add(Edge.onFailure(FailureReason.INVALID_DESTINATION, target(rnd, ids, i, false)));
                    }
                    edges.add(Edge.otherwise(target(rnd, ids, i, rnd.nextInt(5) == 0)));
                    Optional<StepWindow> window = rnd.nextBoolean() ? Optional.empty()
                            : Optional.of(new StepWindow(LocalTime.of(8 + rnd.nextInt(4), 0),
                                    LocalTime.of(14 + rnd.nextInt(8), 0), java.util.EnumSet.of(
                                            java.time.DayOfWeek.of(1 + rnd.nextInt(7)),
                                            java.time.DayOfWeek.of(1 + rnd.nextInt(7)))));
                    steps.add(new Step.Touch(id, Channel.values()[rnd.nextInt(3)], "tpl", 1 + rnd.nextInt(4),
                            Duration.ofMinutes(30 + rnd.nextInt(3000)), window, edges));
                }
                case 'w' -> steps.add(rnd.nextBoolean()
                        ? Step.Wait.of(id, Duration.ofMinutes(1 + rnd.nextInt(5000)), target(rnd, ids, i, false))
                        : Step.Wait.until(id, LocalTime.of(rnd.nextInt(24), 15 * rnd.nextInt(4)),
                                target(rnd, ids, i, false)));
                case 'b' -> {
                    BranchOn on = BranchOn.values()[rnd.nextInt(BranchOn.values().length)];
                    String condition = switch (on) {
                        case OUTCOME -> "";
                        case EVENT -> "CONVERTED";
                        case ATTRIBUTE -> "tier=gold";
                        case COUNTER -> String.valueOf(1 + rnd.nextInt(3));
                    };
                    List<Edge> edges = new ArrayList<>();
                    if (on == BranchOn.OUTCOME) {
                        edges.add(Edge.on(Outcome.DELIVERED, target(rnd, ids, i, false)));
                        edges.add(Edge.on(Outcome.NO_ANSWER, target(rnd, ids, i, false)));
                    } else {
                        edges.add(Edge.on(Label.MATCH, target(rnd, ids, i, on == BranchOn.COUNTER)));
                    }
                    edges.add(Edge.otherwise(target(rnd, ids, i, false)));
                    steps.add(new Step.Branch(id, on, condition, edges));
                }
                default -> steps.add(new Step.Exit(id, "end " + id));
            }
        }
        return new Sequence("random", "Random", 1, true, rnd.nextBoolean(), "", steps);
    }

    private static String target(Random rnd, List<String> ids, int from, boolean back) {
        if (back && from > 0) {
            return ids.get(rnd.nextInt(from + 1));
        }
        return ids.get(from + 1 + rnd.nextInt(ids.size() - from - 1));
    }
}
