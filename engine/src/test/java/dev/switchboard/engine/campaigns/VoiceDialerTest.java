package dev.switchboard.engine.campaigns;

import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.InboundRepository;
import dev.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Voice through the sandbox's dialer, and what comes back: a STOP while the dialer holds the contact, a payment
 * through the intake, keyword replies and the review queue. Real engine, real store, real HTTP to the sandbox.
 */
class VoiceDialerTest {
    @TempDir
    Path dir;

    @Test
    void aStopAndAPaymentWithdrawContactsTheDialerHoldsAndEndTheirSequences() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 3_600); GenesysClient genesys = f.org().client()) {
            // the dialer cannot start, so injected contacts wait in its list: the withdrawal is what is tested
            f.sandbox.faults().withholdPermission("POST /api/v2/outbound/campaigns/");
            f.startEngine();
            assertThat(f.createAndLaunch("overdue-payments").launched()).isTrue();
            await(() -> placed(f).size() >= 2, Duration.ofSeconds(60), "two contacts placed in the dialer's list");
            List<AttemptRow> placed = placed(f);
            AttemptRow stop = placed.get(0);
            AttemptRow paid = placed.get(1);
            String listId = stop.conversationId();

            f.sandbox.reply(stop.address(), "STOP");
            f.engine.intake("payment-1", "test", "CONVERSION", paid.contactId(), paid.campaignId(), null,
                    "paid 120.00", null);
            await(() -> done(f, stop.enrollmentId()) && done(f, paid.enrollmentId()), Duration.ofSeconds(60),
                    "both enrollments ended");

            assertThat(enrollment(f, stop.enrollmentId()).exitReason()).contains("opted out");
            assertThat(enrollment(f, paid.enrollmentId()).exitReason()).containsIgnoringCase("convert");
            assertThat(f.workspace.suppressions().view().forAddress(stop.address()))
                    .extracting(Suppression::kind).contains(Suppression.Kind.OPT_OUT);
            for (AttemptRow a : List.of(stop, paid)) {
                assertThat(f.workspace.engineRepository().attempt(a.id()).orElseThrow().state())
                        .as("the injection was withdrawn before any call").isEqualTo("NOT_SENT");
                assertThatThrownBy(() -> genesys.contacts().getContact(listId, a.messageId()))
                        .as("deleted from the dialer's list").isInstanceOf(GenesysApiException.class);
            }
            // once the dialer may run again, neither of them is ever called
            Instant released = f.clock.instant();
            f.sandbox.faults().restorePermissions();
            Thread.sleep(5_000);
            List<LedgerEntry> calls = f.sandbox.ledger().stream().filter(l -> l.channel().equals("voice")).toList();
            assertThat(calls).extracting(LedgerEntry::address).doesNotContain(stop.address(), paid.address());
            assertThat(f.clock.instant()).isAfter(released);
        }
    }

    @Test
    void repliesAreClassifiedAnsweredOnceAndQueuedForReview() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 600)) {
            f.startEngine();
            assertThat(f.createAndLaunch("overdue-payments").launched()).isTrue();
            await(() -> smsSent(f).size() >= 4, Duration.ofSeconds(60), "four texts sent");
            List<AttemptRow> sent = smsSent(f);
            String stop = sent.get(0).address();
            String help = sent.get(1).address();
            String vague = sent.get(2).address();
            InboundRepository inbound = f.workspace.inbound();

            f.sandbox.reply(stop, "ＳＴＯＰ"); // full-width: NFKC makes it STOP
            f.sandbox.reply(help, "help");
            f.sandbox.reply(vague, "pls stop texting me");
            await(() -> inbound.repliesTo(stop).stream().anyMatch(r -> r.kind().equals("CONFIRMATION"))
                            && inbound.repliesTo(help).stream().anyMatch(r -> r.kind().equals("HELP"))
                            && !inbound.openReviews().isEmpty(), Duration.ofSeconds(60),
                    () -> "the confirmation, the help text and the review item: replies to the STOP "
                            + inbound.repliesTo(stop) + ", to HELP " + inbound.repliesTo(help) + ", reviews "
                            + inbound.openReviews() + ", events " + inbound.recent(20));
            f.sandbox.reply(stop, "STOP");
            await(() -> inbound.unprocessed(10).isEmpty() && inbound.recent(50).stream()
                    .filter(e -> e.kind().equals("REPLY")).count() >= 4, Duration.ofSeconds(30), "the second STOP");

            assertThat(inbound.repliesTo(stop)).extracting(InboundRepository.ReplyRow::kind)
                    .containsExactly("CONFIRMATION");
            assertThat(inbound.repliesTo(stop).getFirst().state()).isEqualTo("SENT");
            assertThat(inbound.repliesTo(help)).extracting(InboundRepository.ReplyRow::kind).containsExactly("HELP");
            assertThat(inbound.repliesTo(vague)).as("a possible revocation gets no reply").isEmpty();
            assertThat(inbound.openReviews()).extracting(InboundRepository.ReviewRow::address).contains(vague);
            assertThat(f.workspace.suppressions().view().forAddress(vague)).extracting(Suppression::kind)
                    .contains(Suppression.Kind.REVIEW);
            assertThat(f.workspace.suppressions().view().forAddress(stop)).extracting(Suppression::kind)
                    .contains(Suppression.Kind.OPT_OUT);

            // START from the same number lifts the keyword opt-out
            f.sandbox.reply(stop, "START");
            await(() -> f.workspace.suppressions().view().forAddress(stop).stream()
                    .noneMatch(s -> s.kind() == Suppression.Kind.OPT_OUT), Duration.ofSeconds(30), "the opt-in");
        }
    }

    @Test
    void withoutTheQueueTopicRepliesAreFoundByPollingTheConversations() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 600)) {
            // no inbound queue: nothing announces replies, so only the conversations themselves can show them
            f.startEngine(dev.switchboard.engine.genesys.OrgConnection.urls(f.sandbox.apiBaseUrl(),
                    f.sandbox.loginBaseUrl(), f.sandbox.clientId(), f.sandbox.clientSecret().toCharArray()));
            List<EngineEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            f.engine.addListener(events::add);
            assertThat(f.createAndLaunch("overdue-payments").launched()).isTrue();
            await(() -> smsSent(f).size() >= 2, Duration.ofSeconds(60), "two texts sent");
            String stop = smsSent(f).get(0).address();
            String help = smsSent(f).get(1).address();
            f.sandbox.reply(stop, "STOP");
            f.sandbox.reply(help, "HELP");
            InboundRepository inbound = f.workspace.inbound();
            await(() -> f.workspace.suppressions().view().forAddress(stop).stream()
                    .anyMatch(s -> s.kind() == Suppression.Kind.OPT_OUT), Duration.ofSeconds(60),
                    "the STOP found by polling");
            await(() -> inbound.repliesTo(help).stream().anyMatch(r -> r.kind().equals("HELP")),
                    Duration.ofSeconds(60), "the HELP found by polling");
            // (the sandbox's seeded customers reply on their own too: only these two numbers are looked at)
            java.util.function.Predicate<InboundRepository.InboundRow> ours = e -> e.kind().equals("REPLY")
                    && (stop.equals(e.address()) || help.equals(e.address()));
            assertThat(inbound.recent(100)).filteredOn(ours)
                    .allSatisfy(e -> assertThat(e.source()).isEqualTo("poll")).hasSize(2);
            // polled again and again, each reply is processed once
            Thread.sleep(2_000);
            assertThat(inbound.repliesTo(help)).hasSize(1);
            assertThat(inbound.recent(100)).filteredOn(ours).hasSize(2);
            await(() -> events.stream().anyMatch(e -> e.detail().contains("no inbound queue is configured")
                    && e.detail().contains("polled for replies")), Duration.ofSeconds(90), "the engine saying so");
        }
    }

    private static List<AttemptRow> placed(EngineFixture f) {
        return f.workspace.engineRepository().attemptsOfCampaign(1, 0, 1000).stream()
                .filter(a -> a.channel().equals("VOICE") && a.state().equals("SENT") && a.outcome() == null)
                .toList();
    }

    private static List<AttemptRow> smsSent(EngineFixture f) {
        return f.workspace.engineRepository().attemptsOfCampaign(1, 0, 1000).stream()
                .filter(a -> a.channel().equals("SMS") && a.state().equals("SENT")).toList();
    }

    private static EnrollmentRow enrollment(EngineFixture f, long id) {
        return f.workspace.engineRepository().enrollment(id).orElseThrow();
    }

    private static boolean done(EngineFixture f, long enrollmentId) {
        return enrollment(f, enrollmentId).status().equals("DONE");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        await(condition, timeout, () -> what);
    }

    private static void await(BooleanSupplier condition, Duration timeout,
                              java.util.function.Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
