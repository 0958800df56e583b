package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.LedgerEntry;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped sequence end to end on the sandbox over loopback, on a fast virtual clock. */
class CampaignEngineTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"outage-broadcast", "appointment-reminders", "overdue-payments"})
    void everyShippedSequenceRunsToItsEndWithoutDuplicatesAndSkipsSuppressedContacts(String demo) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 14_400)) {
            // one person on the internal do-not-contact list: no channel may reach them
            f.workspace.suppressions().add(f.admin, Suppression.Kind.DNC, null, "+12127360181", null,
                    "customer asked by phone", "test");
            f.startEngine();
            CampaignService.LaunchReport r = f.createAndLaunch(demo);
            assertThat(r.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail())
                    .isTrue());
            assertThat(r.launched()).isTrue();
            assertThat(r.enrolled()).isEqualTo(12);
            f.awaitAllEnded(Duration.ofSeconds(90));
            CampaignService.View campaign = f.workspace.campaigns().all().getFirst();
            assertThat(campaign.state()).as(campaign.stateReason()).isEqualTo("completed");
            CampaignService.Stats stats = f.workspace.campaigns().stats(campaign.name(), f.clock.instant());
            assertThat(stats.enrollments()).containsOnlyKeys("done");

            List<LedgerEntry> ledger = f.sandbox.ledger();
            // no touch twice: one ledger entry per conversation, and what the store says was sent is exactly what
            // the sandbox accepted
            Map<String, Long> perConversation = ledger.stream().collect(Collectors.groupingBy(
                    LedgerEntry::conversationId, Collectors.counting()));
            assertThat(perConversation.values()).allMatch(n -> n == 1);
            // system replies (HELP answers, opt-out confirmations) are touches too, outside the sequence's steps
            var inbound = f.workspace.inbound();
            long systemReplies = inbound.recent(10_000).stream().flatMap(e -> inbound.repliesToEvent(e.id()).stream())
                    .filter(x -> x.state().equals("SENT") && !x.kind().equals("CONFIRMATION")).count();
            // (an opt-out confirmation goes to a number the carrier has just opted out: the sandbox accepts it and,
            // like a carrier, does not deliver it, so it is not in its ledger)
            int sentInStore = stats.steps().stream().mapToInt(CampaignService.StepStats::sent).sum()
                    + (int) systemReplies;
            assertThat(sentInStore).as(() -> "ledger " + ledger.stream().map(l -> l.channel() + " "
                    + l.address() + " " + l.at()).sorted().toList() + " store " + f.workspace.engineRepository()
                    .attemptsOfCampaign(campaign.id(), 0, 10_000).stream().map(a -> a.channel() + " " + a.address()
                            + " " + a.state() + " " + a.outcome() + " " + a.createdAt() + "/" + a.settledAt() + " "
                            + a.reason()).sorted().toList())
                    .isEqualTo(ledger.size()).isPositive();
            StringWriter w = new StringWriter();
            int rows = f.workspace.timelines().evidenceForCampaign(campaign.name(), w);
            assertThat(w.toString().lines().skip(1).filter(l -> l.contains(",SENT,")).count())
                    .isEqualTo(ledger.size() - systemReplies);
            assertThat(rows).isGreaterThanOrEqualTo((int) (ledger.size() - systemReplies));
            // says why for every contact: each ended enrollment has an EXITED line with its reason, however it
            // ended (a call answered, the last email delivered, a block with nowhere to go)
            for (var e : f.workspace.engineRepository().enrollmentsOfCampaign(campaign.id(), 0, 1_000)) {
                Timelines.Timeline t = f.workspace.timelines().timeline(e.contactId(),
                        f.workspace.suppressions().view(), f.clock.instant()).orElseThrow();
                assertThat(t.past()).as("contact %s (%s)", t.externalKey(), e.exitReason())
                        .anySatisfy(i -> {
                            assertThat(i.kind()).isEqualTo("EXITED");
                            assertThat(i.detail()).isEqualTo(e.exitReason()).isNotBlank();
                        });
            }
            // an independent oracle over the sandbox's ledger: windows, suppressions, the weekly cap
            assertThat(ComplianceOracle.violations(ledger, f.workspace, 3)).isEmpty();
            // the suppressed person is never reached and the timeline says why
            assertThat(ledger).noneMatch(e -> e.address().equals("+12127360181")
                    || e.address().equals("ava.martinez@example.com"));
            long avaId = f.workspace.timelines().contactId("Demo contacts", "C-1001").orElseThrow();
            Timelines.Timeline ava = f.workspace.timelines().timeline(avaId, f.workspace.suppressions().view(),
                    f.clock.instant()).orElseThrow();
            assertThat(ava.past()).filteredOn(i -> i.kind().equals("ATTEMPT")).isEmpty();
            assertThat(ava.past()).filteredOn(i -> i.kind().equals("BLOCKED")).isNotEmpty()
                    .allSatisfy(i -> assertThat(i.rule()).startsWith("suppression"));
            if (demo.equals("appointment-reminders")) {
                // Kara (C-1011) gave no SMS consent: the marketing SMS is blocked with the rule named
                long karaId = f.workspace.timelines().contactId("Demo contacts", "C-1011").orElseThrow();
                Timelines.Timeline kara = f.workspace.timelines().timeline(karaId,
                        f.workspace.suppressions().view(), f.clock.instant()).orElseThrow();
                assertThat(kara.past()).anySatisfy(i -> {
                    assertThat(i.kind()).isEqualTo("BLOCKED");
                    assertThat(i.channel()).isEqualTo("SMS");
                    assertThat(i.rule()).isEqualTo("consent");
                });
                assertThat(ledger).anyMatch(e -> e.channel().equalsIgnoreCase("email"));
            }
        }
    }

    @Test
    void pauseHoldsResumeContinuesAndTheKillSwitchHaltsEverything() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 14_400)) {
            f.startEngine();
            f.workspace.campaigns().killSwitch(f.admin, true, "incident drill");
            f.createAndLaunch("outage-broadcast");
            Thread.sleep(400);
            assertThat(f.sandbox.ledger()).as("kill switch on: nothing leaves").isEmpty();
            f.workspace.campaigns().pause(f.admin, "Outage broadcast", "checking the wording");
            f.workspace.campaigns().killSwitch(f.admin, false, "drill over");
            Thread.sleep(400);
            assertThat(f.sandbox.ledger()).as("paused: nothing is claimed").isEmpty();
            f.workspace.campaigns().resume(f.admin, "Outage broadcast", "wording fine");
            f.awaitAllEnded(Duration.ofSeconds(60));
            int sent = f.workspace.campaigns().stats("Outage broadcast", f.clock.instant()).steps().stream()
                    .mapToInt(CampaignService.StepStats::sent).sum();
            assertThat(sent).isPositive();
            assertThat(f.sandbox.ledger()).hasSize(sent);
            assertThat(f.workspace.audit().verify().problem()).isEmpty();
        }
    }

    @Test
    void launchIsRefusedWithReasonsAndOperatorsOnlyMayRunCampaigns() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 1)) {
            f.startEngine();
            CampaignService.Spec spec = CampaignFile.demo("outage-broadcast");
            f.workspace.campaigns().create(f.admin, new CampaignService.Spec(spec.name(), spec.list(),
                    spec.sequence(), null, spec.purpose(), "+19998887777", null, spec.variables()));
            CampaignService.LaunchReport r = f.workspace.campaigns().launch(f.admin, spec.name(),
                    f.engine.orgFacts());
            assertThat(r.launched()).isFalse();
            assertThat(r.checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("SMS sender");
                assertThat(c.passed()).isFalse();
            });
            f.workspace.users().add(f.admin, "cora", Role.COMPLIANCE, "cora-password".toCharArray());
            var cora = f.workspace.users().authenticate("cora", "cora-password".toCharArray());
            assertThatThrownBy(() -> f.workspace.campaigns().pause(cora, spec.name(), "x"))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> f.workspace.campaigns().create(f.admin, spec))
                    .hasMessageContaining("exists already");

            // life safety: a second person (compliance or admin, not the creator) approves before the launch
            f.workspace.campaigns().create(f.admin, new CampaignService.Spec("Boil water notice", spec.list(),
                    spec.sequence(), null, dev.switchboard.model.compliance.Purpose.LIFE_SAFETY, spec.smsFrom(), null,
                    spec.variables()));
            CampaignService.LaunchReport refused = f.workspace.campaigns().launch(f.admin, "Boil water notice",
                    f.engine.orgFacts());
            assertThat(refused.launched()).isFalse();
            assertThat(refused.checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("life-safety approval");
                assertThat(c.passed()).isFalse();
            });
            assertThatThrownBy(() -> f.workspace.campaigns().approveLifeSafety(f.admin, "Boil water notice", "ok"))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("second person");
            assertThat(f.workspace.campaigns().approveLifeSafety(cora, "Boil water notice", "county order 17")
                    .state()).isEqualTo("draft");
            assertThat(f.workspace.campaigns().launch(f.admin, "Boil water notice", f.engine.orgFacts()).launched())
                    .isTrue();
        }
    }
}
