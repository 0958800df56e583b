package dev.switchboard.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SequenceValidatorTest {
    private static final Map<String, Channel> TEMPLATES = Map.of("sms-t", Channel.SMS, "voice-t", Channel.VOICE,
            "email-t", Channel.EMAIL);
    private final SequenceValidator validator = new SequenceValidator(id -> Optional.ofNullable(TEMPLATES.get(id)));

    static Step.Touch touch(String id, Channel ch, String template, int max, Edge... edges) {
        return new Step.Touch(id, ch, template, max, Duration.ofHours(1), Optional.empty(), List.of(edges));
    }

    static Step.Touch sms(String id, Edge... edges) {
        return touch(id, Channel.SMS, "sms-t", 2, edges);
    }

    static Step.Exit exit(String id) {
        return new Step.Exit(id, "done");
    }

    /** A valid base: sms → wait → voice → exits. Each case swaps one step. */
    static List<Step> base() {
        return new ArrayList<>(List.of(
                sms("sms", Edge.on(Outcome.DELIVERED, "wait"), Edge.onFailure(FailureReason.INVALID_DESTINATION,
                        "voice"), Edge.otherwise("wait")),
                Step.Wait.of("wait", Duration.ofHours(24), "paid"),
                new Step.Branch("paid", BranchOn.EVENT, "CONVERTED",
                        List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("voice"))),
                touch("voice", Channel.VOICE, "voice-t", 3, Edge.on(Outcome.ANSWERED, "end"),
                        Edge.on(Outcome.NO_ANSWER, "end")),
                exit("end")));
    }

    static List<Step> replace(String id, Step... with) {
        List<Step> steps = base();
        int i = 0;
        while (!steps.get(i).id().equals(id)) {
            i++;
        }
        steps.remove(i);
        steps.addAll(i, List.of(with));
        return steps;
    }

    static Sequence seq(List<Step> steps) {
        return Sequence.draft("s", "S", steps);
    }

    @Test
    void theBaseIsValid() {
        assertThat(validator.validate(seq(base()))).isEmpty();
    }

    static Sequence broken(String rule) {
        return switch (rule) {
            case "duplicate" -> seq(replace("end", exit("end"), exit("end")));
            case "missing-target" -> seq(replace("wait", Step.Wait.of("wait", Duration.ofHours(1), "nowhere")));
            case "unreachable" -> seq(replace("end", exit("end"), exit("orphan")));
            case "zero-wait" -> seq(replace("wait", Step.Wait.of("wait", Duration.ZERO, "paid")));
            case "negative-wait" -> seq(replace("wait", Step.Wait.of("wait", Duration.ofHours(-2), "paid")));
            case "wait-both" -> seq(replace("wait", new Step.Wait("wait", Optional.of(Duration.ofHours(1)),
                    Optional.of(LocalTime.NOON), List.of(Edge.otherwise("paid")))));
            case "unknown-template" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-x", 3,
                    Edge.otherwise("end"))));
            case "wrong-channel" -> seq(replace("voice", touch("voice", Channel.VOICE, "sms-t", 3,
                    Edge.otherwise("end"))));
            case "no-template" -> seq(replace("voice", touch("voice", Channel.VOICE, "", 3, Edge.otherwise("end"))));
            case "zero-attempts" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 0,
                    Edge.otherwise("end"))));
            case "no-success" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 3,
                    Edge.on(Outcome.NO_ANSWER, "end"))));
            case "no-failure" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 3,
                    Edge.on(Outcome.ANSWERED, "end"))));
            case "dead-end" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 3)));
            case "no-exit" -> seq(replace("end", new Step.Branch("end", BranchOn.COUNTER, "2",
                    List.of(Edge.on(Label.MATCH, "voice"), Edge.otherwise("voice")))));
            case "unbounded-loop" -> seq(replace("wait", Step.Wait.of("wait", Duration.ofHours(1), "paid")).stream()
                    .map(s -> s.id().equals("paid") ? new Step.Branch("paid", BranchOn.EVENT, "CONVERTED",
                            List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("wait"))) : s).toList());
            case "branch-no-else" -> seq(replace("paid", new Step.Branch("paid", BranchOn.EVENT, "CONVERTED",
                    List.of(Edge.on(Label.MATCH, "end")))));
            case "branch-bad-event" -> seq(replace("paid", new Step.Branch("paid", BranchOn.EVENT, "PAID",
                    List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("voice")))));
            case "empty" -> seq(List.of());
            case "counter-else-loops" -> seq(replace("wait", Step.Wait.of("wait", Duration.ofHours(1), "paid")).stream()
                    .map(s -> s.id().equals("paid") ? new Step.Branch("paid", BranchOn.COUNTER, "3",
                            List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("wait"))) : s).toList());
            case "reason-on-answered" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 3,
                    new Edge(Label.ANSWERED, Optional.of(FailureReason.LANDLINE), "end"), Edge.otherwise("end"))));
            case "two-else" -> seq(replace("voice", touch("voice", Channel.VOICE, "voice-t", 3,
                    Edge.otherwise("end"), Edge.otherwise("end"))));
            case "zero-spacing" -> seq(replace("voice", new Step.Touch("voice", Channel.VOICE, "voice-t", 3,
                    Duration.ZERO, Optional.empty(), List.of(Edge.otherwise("end")))));
            case "wait-neither" -> seq(replace("wait", new Step.Wait("wait", Optional.empty(), Optional.empty(),
                    List.of(Edge.otherwise("paid")))));
            case "window-backwards" -> seq(replace("voice", new Step.Touch("voice", Channel.VOICE, "voice-t", 3,
                    Duration.ofHours(1), Optional.of(StepWindow.daily(LocalTime.of(21, 0), LocalTime.of(9, 0))),
                    List.of(Edge.otherwise("end")))));
            case "bad-attribute" -> seq(replace("paid", new Step.Branch("paid", BranchOn.ATTRIBUTE, "tier",
                    List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("voice")))));
            case "bad-counter" -> seq(replace("paid", new Step.Branch("paid", BranchOn.COUNTER, "many",
                    List.of(Edge.on(Label.MATCH, "end"), Edge.otherwise("voice")))));
            case "branch-no-match" -> seq(replace("paid", new Step.Branch("paid", BranchOn.EVENT, "CONVERTED",
                    List.of(Edge.otherwise("voice")))));
            default -> throw new IllegalArgumentException(rule);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate        | end   | Exit "end" is listed more than once: step ids must be unique.
            missing-target   | wait  | Wait "wait" goes to "nowhere" on else, but there is no such step.
            unreachable      | orphan| Exit "orphan" can never be reached from the first step "sms".
            zero-wait        | wait  | Wait "wait" waits 0 minutes: a wait must be longer than zero.
            negative-wait    | wait  | Wait "wait" waits -2 hours: a wait must be longer than zero.
            wait-both        | wait  | Wait "wait" has both a duration and a local time: keep one.
            unknown-template | voice | Touch "voice" uses template "voice-x", which does not exist.
            wrong-channel    | voice | Touch "voice" is a voice touch but its template "sms-t" is for sms.
            no-template      | voice | Touch "voice" has no template: pick a voice template.
            zero-attempts    | voice | Touch "voice" allows 0 attempts: it needs at least 1.
            no-success       | voice | Touch "voice" does not say where to go on success (delivered, answered or converted); add that edge or an else edge.
            no-failure       | voice | Touch "voice" does not say where to go when it fails (failed, no-answer, busy, bounced or timed-out); add that edge or an else edge.
            dead-end         | voice | Touch "voice" is a dead end: every path must end in an exit step.
            no-exit          | end   | Branch "end" never leads to an exit step: every path must end.
            unbounded-loop   | wait  | Steps "wait" → "paid" form a loop with no touch or counter to end it.
            branch-no-else   | paid  | Branch "paid" has no else edge: say where to go when nothing matches.
            branch-bad-event | paid  | Branch "paid" waits for event "PAID", which is not an outcome (such as CONVERTED).
            empty            | ''    | The sequence has no steps: add at least a touch and an exit.
            counter-else-loops | wait | Steps "wait" → "paid" form a loop with no touch or counter to end it.
            reason-on-answered | voice | Touch "voice" gives a failure reason on an answered edge; only failed edges take one.
            two-else         | voice | Touch "voice" has more than one edge for else.
            zero-spacing     | voice | Touch "voice" retries after 0 minutes: the spacing must be longer than zero.
            wait-neither     | wait  | Wait "wait" needs a duration or a local time to wait until.
            window-backwards | voice | Touch "voice" has a window from 21:00 to 09:00: it must start before it ends.
            bad-attribute    | paid  | Branch "paid" tests "tier": write the attribute test as name=value.
            bad-counter      | paid  | Branch "paid" counts to "many": the limit must be a whole number of at least 1.
            branch-no-match  | paid  | Branch "paid" has no match edge: say where to go when the condition holds.
            """)
    void eachRuleNamesItsStep(String rule, String step, String message) {
        List<SequenceProblem> problems = validator.validate(broken(rule));
        assertThat(problems).extracting(SequenceProblem::message).contains(message);
        assertThat(problems).filteredOn(p -> p.message().equals(message)).extracting(SequenceProblem::stepId)
                .containsOnly(step);
    }

    @Test
    void aLoopThroughATouchOrACounterIsBounded() {
        List<Step> viaCounter = List.of(
                sms("sms", Edge.otherwise("again")),
                new Step.Branch("again", BranchOn.COUNTER, "3",
                        List.of(Edge.on(Label.MATCH, "pause"), Edge.otherwise("end"))),
                Step.Wait.of("pause", Duration.ofDays(1), "again"),
                exit("end"));
        assertThat(validator.validate(seq(viaCounter))).isEmpty();
        List<Step> viaTouch = List.of(
                sms("sms", Edge.on(Outcome.DELIVERED, "end"), Edge.otherwise("pause")),
                Step.Wait.of("pause", Duration.ofDays(1), "sms"),
                exit("end"));
        assertThat(validator.validate(seq(viaTouch))).isEmpty();
    }

    @Test
    void withoutTemplatesOnlyAMissingTemplateIsReported() {
        Sequence s = broken("unknown-template");
        assertThat(SequenceValidator.withoutTemplates().validate(s)).isEmpty();
    }
}
