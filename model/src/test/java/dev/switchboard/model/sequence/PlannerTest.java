package dev.switchboard.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z"); // Monday 11:00 in New York

    private final Planner planner = new Planner(CapCheck.NONE);

    /** sms (2 attempts, 1 h) → invalid destination: voice; delivered → wait 24 h → paid? → voice (3) → exits. */
    private static final Sequence REMINDER = Sequence.draft("r", "Reminder", List.of(
            new Step.Touch("sms", Channel.SMS, "sms-t", 2, Duration.ofHours(1), Optional.empty(), List.of(
                    Edge.on(Outcome.DELIVERED, "wait"), Edge.onFailure(FailureReason.INVALID_DESTINATION, "voice"),
                    Edge.otherwise("wait"))),
            Step.Wait.of("wait", Duration.ofHours(24), "paid"),
            new Step.Branch("paid", BranchOn.EVENT, "CONVERTED",
                    List.of(Edge.on(Label.MATCH, "paid-exit"), Edge.otherwise("voice"))),
            new Step.Touch("voice", Channel.VOICE, "voice-t", 3, Duration.ofHours(2),
                    Optional.of(StepWindow.daily(LocalTime.of(9, 0), LocalTime.of(21, 0))), List.of(
                    Edge.on(Outcome.ANSWERED, "reached"), Edge.otherwise("not-reached"))),
            new Step.Exit("paid-exit", "paid"),
            new Step.Exit("reached", "reached"),
            new Step.Exit("not-reached", "not reached")));

    private static EnrollmentState fresh() {
        return EnrollmentState.start("p1", 1, List.of(NY));
    }

    private static PlanStep.Next next(PlanStep p) {
        assertThat(p).isInstanceOf(PlanStep.Next.class);
        return (PlanStep.Next) p;
    }

    private static PlanStep.Exited exited(PlanStep p) {
        assertThat(p).isInstanceOf(PlanStep.Exited.class);
        return (PlanStep.Exited) p;
    }

    @Test
    void startsAtTheFirstStepNow() {
        PlanStep.Next n = next(planner.plan(fresh(), REMINDER, Signal.start(), T0));
        assertThat(n.stepId()).isEqualTo("sms");
        assertThat(n.due()).isEqualTo(T0);
        assertThat(n.deferrals()).isEmpty();
    }

    @Test
    void retriesAfterTheSpacingThenFollowsTheEdge() {
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), T0);
        p = planner.plan(p.state(), REMINDER, Signal.result(Outcome.FAILED), T0);
        assertThat(next(p).stepId()).isEqualTo("sms");
        assertThat(next(p).due()).isEqualTo(T0.plus(Duration.ofHours(1)));
        Instant t1 = next(p).due();
        p = planner.plan(p.state(), REMINDER, Signal.result(Outcome.FAILED), t1);
        assertThat(next(p).stepId()).isEqualTo("wait");
        assertThat(next(p).due()).isEqualTo(t1.plus(Duration.ofHours(24)));
        assertThat(p.state().attemptsAt("sms")).isEqualTo(2);
    }

    @Test
    void invalidDestinationGoesStraightToTheVoiceStep() {
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), T0);
        p = planner.plan(p.state(), REMINDER, Signal.failed(FailureReason.INVALID_DESTINATION), T0);
        assertThat(next(p).stepId()).isEqualTo("voice");
        assertThat(p.state().attemptsAt("sms")).isEqualTo(1);
    }

    @Test
    void aPaymentDuringTheWaitEndsTheEnrollment() {
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), T0);
        p = planner.plan(p.state(), REMINDER, Signal.result(Outcome.DELIVERED), T0);
        p = planner.plan(p.state(), REMINDER, Signal.event(Outcome.CONVERTED), T0.plusSeconds(60));
        assertThat(exited(p).reason()).isEqualTo("converted");
    }

    @Test
    void theBranchTestsEventsSeenBefore() {
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), T0);
        p = planner.plan(p.state(), REMINDER, Signal.result(Outcome.DELIVERED), T0);
        EnrollmentState paid = p.state().withEvent(Outcome.CONVERTED);
        Instant later = next(p).due();
        assertThat(exited(planner.plan(paid, REMINDER, Signal.elapsed(), later)).reason()).isEqualTo("paid");
        assertThat(next(planner.plan(p.state(), REMINDER, Signal.elapsed(), later)).stepId()).isEqualTo("voice");
    }

    @Test
    void optOutEndsWhateverTheEdgesSay() {
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), T0);
        p = planner.plan(p.state(), REMINDER, Signal.result(Outcome.OPTED_OUT), T0);
        assertThat(exited(p).reason()).isEqualTo("opted out");
    }

    @Test
    void aTouchOutsideItsWindowIsDeferredVisibly() {
        Instant night = Instant.parse("2026-06-02T03:00:00Z"); // 23:00 in New York
        PlanStep p = planner.plan(fresh(), REMINDER, Signal.start(), night);
        p = planner.plan(p.state(), REMINDER, Signal.failed(FailureReason.INVALID_DESTINATION), night);
        PlanStep.Next n = next(p);
        assertThat(n.stepId()).isEqualTo("voice");
        assertThat(n.due()).isEqualTo(Instant.parse("2026-06-02T13:00:00Z"));
        assertThat(n.deferrals()).containsExactly(new PlanStep.Deferral("step window", night, n.due()));
    }

    @Test
    void theWindowHoldsInEveryCandidateZone() {
        Instant ny8 = Instant.parse("2026-06-02T12:00:00Z"); // 08:00 NY, 05:00 LA
        EnrollmentState both = EnrollmentState.start("p1", 1, List.of(NY, LA));
        PlanStep p = planner.plan(both, REMINDER, Signal.start(), ny8);
        p = planner.plan(p.state(), REMINDER, Signal.failed(FailureReason.INVALID_DESTINATION), ny8);
        assertThat(next(p).due()).isEqualTo(Instant.parse("2026-06-02T16:00:00Z")); // 09:00 LA
    }

    @Test
    void aCapDefersTheTouchAndSaysSo() {
        Instant free = T0.plus(Duration.ofDays(2));
        Planner capped = new Planner((person, channel, at) -> at.isBefore(free) ? Optional.of(free) : Optional.empty());
        PlanStep.Next n = next(capped.plan(fresh(), REMINDER, Signal.start(), T0));
        assertThat(n.due()).isEqualTo(free);
        assertThat(n.deferrals()).containsExactly(new PlanStep.Deferral("cap", T0, free));
    }

    @Test
    void aCapThatNeverFreesEndsTheEnrollment() {
        Planner never = new Planner((person, channel, at) -> Optional.of(Instant.MAX));
        assertThat(exited(never.plan(fresh(), REMINDER, Signal.start(), T0)).reason())
                .isEqualTo("capped: no more sms touches allowed");
    }

    @Test
    void thePreferredChannelGoesFirstWhenTheSequenceSaysSo() {
        EnrollmentState prefersVoice = fresh().withPreferredChannel(Channel.VOICE);
        assertThat(next(planner.plan(prefersVoice, REMINDER, Signal.start(), T0)).stepId()).isEqualTo("sms");
        Sequence preferring = REMINDER.withPreferredChannelFirst(true);
        assertThat(next(planner.plan(prefersVoice, preferring, Signal.start(), T0)).stepId()).isEqualTo("voice");
    }

    @Test
    void comingBackToASpentTouchEnds() {
        Sequence loop = Sequence.draft("l", "Loop", List.of(
                new Step.Touch("sms", Channel.SMS, "sms-t", 1, Duration.ofHours(1), Optional.empty(),
                        List.of(Edge.on(Outcome.CONVERTED, "end"), Edge.otherwise("pause"))),
                Step.Wait.of("pause", Duration.ofDays(1), "sms"),
                new Step.Exit("end", "done")));
        PlanStep p = planner.plan(fresh(), loop, Signal.start(), T0);
        p = planner.plan(p.state(), loop, Signal.result(Outcome.DELIVERED), T0);
        p = planner.plan(p.state(), loop, Signal.elapsed(), next(p).due());
        assertThat(exited(p).reason()).isEqualTo("came back to \"sms\", whose 1 attempts are spent");
    }

    @Test
    void aCounterBoundsALoop() {
        Sequence loop = Sequence.draft("c", "Counter", List.of(
                new Step.Branch("again", BranchOn.COUNTER, "2",
                        List.of(Edge.on(Label.MATCH, "pause"), Edge.otherwise("end"))),
                Step.Wait.of("pause", Duration.ofDays(1), "again"),
                new Step.Exit("end", "done")));
        assertThat(new SequenceValidator(id -> Optional.empty()).validate(loop)).isEmpty();
        PlanStep p = planner.plan(fresh(), loop, Signal.start(), T0);
        p = planner.plan(p.state(), loop, Signal.elapsed(), next(p).due());
        assertThat(next(p).stepId()).isEqualTo("pause");
        p = planner.plan(p.state(), loop, Signal.elapsed(), next(p).due());
        assertThat(exited(p).reason()).isEqualTo("done");
    }

    @Test
    void anAttributeBranchMatchesCaseInsensitively() {
        Sequence s = Sequence.draft("a", "Attr", List.of(
                new Step.Branch("lang", BranchOn.ATTRIBUTE, "language=es",
                        List.of(Edge.on(Label.MATCH, "es"), Edge.otherwise("en"))),
                new Step.Exit("es", "spanish"), new Step.Exit("en", "english")));
        EnrollmentState spanish = fresh().withAttributes(java.util.Map.of("Language", "ES"));
        assertThat(exited(planner.plan(spanish, s, Signal.start(), T0)).reason()).isEqualTo("spanish");
        assertThat(exited(planner.plan(fresh(), s, Signal.start(), T0)).reason()).isEqualTo("english");
    }

    /** Spring-forward (NY 8 March, London 29 March: a time in the gap moves by the gap), fall-back (NY 1 November:
     * the first 01:30 only), exactly at the time (tomorrow, never now). */
    @ParameterizedTest(name = "{0} until {1} in {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-08T01:00:00Z | 09:00 | America/New_York | 2026-03-08T13:00:00Z
            2026-03-07T14:30:00Z | 09:00 | America/New_York | 2026-03-08T13:00:00Z
            2026-03-08T05:00:00Z | 02:30 | America/New_York | 2026-03-08T07:30:00Z
            2026-03-07T05:00:00Z | 09:00 | America/New_York | 2026-03-07T14:00:00Z
            2026-10-31T14:00:00Z | 09:00 | America/New_York | 2026-11-01T14:00:00Z
            2026-11-01T04:00:00Z | 01:30 | America/New_York | 2026-11-01T05:30:00Z
            2026-11-01T05:45:00Z | 01:30 | America/New_York | 2026-11-02T06:30:00Z
            2026-11-01T13:00:00Z | 09:00 | America/New_York | 2026-11-01T14:00:00Z
            2026-03-29T00:30:00Z | 01:30 | Europe/London    | 2026-03-29T01:30:00Z
            2026-06-01T13:00:00Z | 09:00 | America/New_York | 2026-06-02T13:00:00Z
            """)
    void waitsUntilTheNextLocalTimeAcrossDst(Instant now, LocalTime until, ZoneId zone, Instant expected) {
        Sequence s = Sequence.draft("w", "Wait", List.of(Step.Wait.until("w", until, "end"), new Step.Exit("end", "x")));
        PlanStep.Next n = next(planner.plan(EnrollmentState.start("p", 1, List.of(zone)), s, Signal.start(), now));
        assertThat(n.due()).isEqualTo(expected);
    }

    @Test
    void untilLocalTimeWaitsForTheLastCandidateZone() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        assertThat(Planner.nextLocal(LocalTime.of(9, 0), List.of(NY, LA), now))
                .isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
    }

    @Test
    void refusesAnotherVersion() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.plan(
                EnrollmentState.start("p", 2, List.of(NY)), REMINDER, Signal.start(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
