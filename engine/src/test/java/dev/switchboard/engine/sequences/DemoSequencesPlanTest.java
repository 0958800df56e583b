package dev.switchboard.engine.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.model.sequence.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every shipped sequence run to its end under the product's default cap (3 touches per rolling 7 days per person,
 * across channels), with the deferrals the cap and the step windows cause visible in the plan.
 */
class DemoSequencesPlanTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Instant MONDAY_10 = Instant.parse("2026-06-01T14:00:00Z");
    private static final int CAP = 3;
    private static final Duration ROLLING = Duration.ofDays(7);

    /** The pressure ledger of one person: the default cap, deferring until the oldest counted touch leaves. */
    static final class Ledger implements CapCheck {
        final List<Instant> touches = new ArrayList<>();

        @Override
        public Optional<Instant> deferUntil(String personId, Channel channel, Instant at) {
            List<Instant> counted = touches.stream().filter(t -> t.isAfter(at.minus(ROLLING)) && !t.isAfter(at))
                    .sorted().toList();
            return counted.size() < CAP ? Optional.empty() : Optional.of(counted.getFirst().plus(ROLLING));
        }
    }

    record Run(String exit, List<PlanStep.Next> plan, List<Instant> touches) {
        List<PlanStep.Deferral> deferrals(String rule) {
            return plan.stream().flatMap(n -> n.deferrals().stream()).filter(d -> d.rule().equals(rule)).toList();
        }
    }

    /** Plays {@code outcomes} to the touches in order (NO_ANSWER once they run out) until the enrollment exits. */
    private static Run run(String id, Signal.Result... outcomes) {
        Sequence s = DemoSequences.load(id);
        Ledger ledger = new Ledger();
        Planner planner = new Planner(ledger);
        Deque<Signal.Result> script = new ArrayDeque<>(List.of(outcomes));
        List<PlanStep.Next> plan = new ArrayList<>();
        Instant now = MONDAY_10;
        PlanStep p = planner.plan(EnrollmentState.start("person-1", s.version(), List.of(NY)), s, Signal.start(), now);
        for (int i = 0; i < 100 && p instanceof PlanStep.Next n; i++) {
            plan.add(n);
            assertThat(n.due()).isAfterOrEqualTo(now);
            now = n.due();
            Step step = s.step(n.stepId()).orElseThrow();
            if (step instanceof Step.Touch t) {
                ledger.touches.add(now);
                t.window().ifPresent(w -> assertThat(w.contains(ZonedDateTime.ofInstant(n.due(), NY).getDayOfWeek(),
                        ZonedDateTime.ofInstant(n.due(), NY).toLocalTime())).as(n.toString()).isTrue());
                Signal.Result r = script.isEmpty() ? new Signal.Result(Outcome.NO_ANSWER, Optional.empty())
                        : script.pop();
                p = planner.plan(n.state(), s, r, now);
            } else {
                p = planner.plan(n.state(), s, Signal.elapsed(), now);
            }
        }
        assertThat(p).isInstanceOf(PlanStep.Exited.class);
        for (Instant t : ledger.touches) {
            assertThat(ledger.touches.stream().filter(o -> !o.isAfter(t) && o.isAfter(t.minus(ROLLING))).count())
                    .as("touches in the 7 days up to " + t).isLessThanOrEqualTo(CAP);
        }
        return new Run(((PlanStep.Exited) p).reason(), plan, ledger.touches);
    }

    private static Signal.Result r(Outcome o) {
        return new Signal.Result(o, Optional.empty());
    }

    @Test
    void multichannelTriesEveryChannelAndTheCapSpreadsTheTouches() {
        Run run = run("multichannel-default", r(Outcome.NO_ANSWER), r(Outcome.BUSY), r(Outcome.NO_ANSWER),
                r(Outcome.FAILED), r(Outcome.FAILED), r(Outcome.TIMED_OUT), r(Outcome.TIMED_OUT),
                r(Outcome.TIMED_OUT), r(Outcome.TIMED_OUT), r(Outcome.TIMED_OUT));
        assertThat(run.exit()).isEqualTo("no channel reached the person");
        assertThat(run.touches()).hasSize(3 + 2 + 5);
        assertThat(run.plan()).extracting(PlanStep.Next::stepId).containsExactly("voice", "voice", "voice", "wait-2h",
                "sms", "sms", "wait-24h", "email", "email", "email", "email", "email");
        // the 4th touch (the SMS) waits for the first call to leave the rolling week, and so on
        assertThat(run.deferrals("cap")).isNotEmpty();
        assertThat(run.deferrals("cap").getFirst().until()).isEqualTo(MONDAY_10.plus(ROLLING));
        assertThat(run.plan().get(4).deferrals()).extracting(PlanStep.Deferral::rule).contains("cap");
    }

    @Test
    void multichannelStopsWhenAnswered() {
        Run run = run("multichannel-default", r(Outcome.NO_ANSWER), r(Outcome.ANSWERED));
        assertThat(run.exit()).isEqualTo("answered");
        assertThat(run.touches()).hasSize(2);
    }

    @Test
    void multichannelStopsOnOptOutAndConversion() {
        assertThat(run("multichannel-default", r(Outcome.NO_ANSWER), r(Outcome.NO_ANSWER), r(Outcome.NO_ANSWER),
                r(Outcome.OPTED_OUT)).exit()).isEqualTo("opted out");
        assertThat(run("multichannel-default", r(Outcome.CONVERTED)).exit()).isEqualTo("converted");
    }

    @Test
    void multichannelEmailDeliveredCompletes() {
        Run run = run("multichannel-default", r(Outcome.NO_ANSWER), r(Outcome.NO_ANSWER), r(Outcome.NO_ANSWER),
                r(Outcome.DELIVERED), r(Outcome.DELIVERED));
        assertThat(run.exit()).isEqualTo("every channel tried");
        assertThat(run.touches()).hasSize(5);
        assertThat(run.deferrals("cap")).hasSize(1);
    }

    @Test
    void overdueReminderCallsWhenNotPaid() {
        Run run = run("overdue-payment-reminder", r(Outcome.DELIVERED));
        assertThat(run.exit()).isEqualTo("not reached");
        assertThat(run.plan()).extracting(PlanStep.Next::stepId)
                .containsExactly("sms", "wait-24h", "voice", "voice", "voice");
        assertThat(run.plan().get(2).due()).isEqualTo(MONDAY_10.plus(Duration.ofHours(24)));
        assertThat(run.deferrals("cap")).hasSize(1);
    }

    @Test
    void overdueReminderGoesToTheCallWhenTheSmsCannotReach() {
        Run run = run("overdue-payment-reminder", new Signal.Result(Outcome.FAILED,
                Optional.of(FailureReason.INVALID_DESTINATION)), r(Outcome.ANSWERED));
        assertThat(run.exit()).isEqualTo("reached by phone");
        assertThat(run.plan()).extracting(PlanStep.Next::stepId).containsExactly("sms", "voice");
    }

    @Test
    void overdueReminderEndsWhenPaidDuringTheWait() {
        Sequence s = DemoSequences.load("overdue-payment-reminder");
        Planner planner = new Planner(new Ledger());
        PlanStep p = planner.plan(EnrollmentState.start("p", 1, List.of(NY)), s, Signal.start(), MONDAY_10);
        p = planner.plan(p.state(), s, r(Outcome.DELIVERED), MONDAY_10);
        assertThat(((PlanStep.Next) p).stepId()).isEqualTo("wait-24h");
        p = planner.plan(p.state(), s, Signal.event(Outcome.CONVERTED), MONDAY_10.plus(Duration.ofHours(3)));
        assertThat(((PlanStep.Exited) p).reason()).isEqualTo("converted");
    }

    @Test
    void outageBroadcastSendsOneSms() {
        assertThat(run("outage-broadcast", r(Outcome.DELIVERED)).exit()).isEqualTo("sent");
        Run failed = run("outage-broadcast", r(Outcome.FAILED));
        assertThat(failed.exit()).isEqualTo("not delivered");
        assertThat(failed.touches()).hasSize(1);
    }
}
