package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.user.Role;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Campaign life cycle through {@link CampaignService}: refusals name the field, state checks hold, and every change
 * lands in the hash-chained audit log. No engine runs: launches use the org facts read once from the sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignServiceTest {
    EngineFixture f;
    CampaignService campaigns;
    CampaignService.OrgFacts org;
    CampaignService.Spec outage;
    CampaignService.Spec reminders;
    int counter;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new EngineFixture(dir, 1);
        campaigns = f.workspace.campaigns();
        org = Engine.orgFactsOf(f.org());
        outage = CampaignFile.demo("outage-broadcast");
        reminders = CampaignFile.demo("appointment-reminders");
    }

    @AfterAll
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private static CampaignService.Spec with(CampaignService.Spec s, String name, String list, String sequence,
                                             Integer version, String smsFrom, String emailFrom) {
        return new CampaignService.Spec(name, list, sequence, version, s.purpose(), smsFrom, emailFrom,
                s.variables());
    }

    private String fresh() {
        return "Campaign " + (++counter);
    }

    private long auditRows() {
        var v = f.workspace.audit().verify();
        assertThat(v.problem()).as("audit chain").isEmpty();
        return v.rows();
    }

    private AuditEntry lastAudit() {
        return f.workspace.audit().recent(1).getFirst();
    }

    static Stream<Arguments> badSpecs() {
        UnaryOperator<CampaignService.Spec> id = s -> s;
        return Stream.of(
                Arguments.of("blank name", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s, "", s.list(),
                        s.sequence(), null, s.smsFrom(), s.emailFrom()), "name: 1-100 letters"),
                Arguments.of("null name", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s, null,
                        s.list(), s.sequence(), null, s.smsFrom(), s.emailFrom()), "name: 1-100 letters"),
                Arguments.of("name starting with a space", "outage", (UnaryOperator<CampaignService.Spec>) s ->
                        with(s, " lead", s.list(), s.sequence(), null, s.smsFrom(), s.emailFrom()), "name: "),
                Arguments.of("name with a slash", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s, "a/b",
                        s.list(), s.sequence(), null, s.smsFrom(), s.emailFrom()), "name: "),
                Arguments.of("name of 101 characters", "outage", (UnaryOperator<CampaignService.Spec>) s ->
                        with(s, "x".repeat(101), s.list(), s.sequence(), null, s.smsFrom(), s.emailFrom()),
                        "name: "),
                Arguments.of("unknown list", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s, "Fresh A",
                        "No such list", s.sequence(), null, s.smsFrom(), s.emailFrom()),
                        "list: no list named \"No such list\""),
                Arguments.of("null list", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s, "Fresh B",
                        null, s.sequence(), null, s.smsFrom(), s.emailFrom()), "list: no list named"),
                Arguments.of("unknown sequence", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s,
                        "Fresh C", s.list(), "no-such-seq", null, s.smsFrom(), s.emailFrom()),
                        "sequence: no published version of \"no-such-seq\""),
                Arguments.of("unpublished sequence version", "outage", (UnaryOperator<CampaignService.Spec>) s ->
                        with(s, "Fresh D", s.list(), s.sequence(), 99, s.smsFrom(), s.emailFrom()),
                        "sequence: no published version 99 of \"outage-broadcast\""),
                Arguments.of("missing sequence", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s,
                        "Fresh E", s.list(), null, null, s.smsFrom(), s.emailFrom()), "sequence: missing"),
                Arguments.of("missing purpose", "outage", (UnaryOperator<CampaignService.Spec>) s ->
                        new CampaignService.Spec("Fresh F", s.list(), s.sequence(), null, null, s.smsFrom(), null,
                                s.variables()), "purpose: missing"),
                Arguments.of("missing smsFrom for an SMS sequence", "outage", (UnaryOperator<CampaignService.Spec>)
                        s -> with(s, "Fresh G", s.list(), s.sequence(), null, null, null),
                        "smsFrom: the sequence sends SMS"),
                Arguments.of("smsFrom not E.164", "outage", (UnaryOperator<CampaignService.Spec>) s -> with(s,
                        "Fresh H", s.list(), s.sequence(), null, "317-734-0100", null),
                        "smsFrom: the sequence sends SMS"),
                Arguments.of("missing emailFrom for an email sequence", "reminders",
                        (UnaryOperator<CampaignService.Spec>) s -> with(s, "Fresh I", s.list(), s.sequence(), null,
                                s.smsFrom(), null), "emailFrom: the sequence sends email"),
                Arguments.of("emailFrom not an address", "reminders", (UnaryOperator<CampaignService.Spec>) s ->
                        with(s, "Fresh J", s.list(), s.sequence(), null, s.smsFrom(), "offers at example"),
                        "emailFrom: the sequence sends email"),
                Arguments.of("duplicate name", "outage", id, "name: a campaign named \"Outage broadcast\" exists"
                        + " already"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void createRefusalsNameTheFieldAndWriteNothing(String label, String base,
                                                   UnaryOperator<CampaignService.Spec> change, String expected)
            throws Exception {
        if (campaigns.find(outage.name()).isEmpty()) {
            campaigns.create(f.admin, outage); // the duplicate-name case needs it; the others do not mind
        }
        CampaignService.Spec spec = change.apply(base.equals("outage") ? outage : reminders);
        int before = campaigns.all().size();
        long rows = auditRows();
        assertThatThrownBy(() -> campaigns.create(f.admin, spec))
                .isInstanceOf(CampaignService.CampaignException.class)
                .hasMessageStartingWith("Cannot create the campaign: ")
                .hasMessageContaining(expected);
        assertThat(campaigns.all()).hasSize(before);
        assertThat(auditRows()).as("a refusal is not a change").isEqualTo(rows);
    }

    @Test
    void everyProblemOfACreateIsNamedAtOnce() {
        CampaignService.Spec bad = new CampaignService.Spec("", "No such list", "no-such-seq", null, null, null,
                null, Map.of());
        assertThatThrownBy(() -> campaigns.create(f.admin, bad))
                .hasMessageContaining("name: ").hasMessageContaining("list: ").hasMessageContaining("sequence: ")
                .hasMessageContaining("purpose: ");
    }

    @Test
    void theLifeCycleIsCheckedAndEveryChangeIsAudited() throws Exception {
        String name = fresh();
        long rows = auditRows();

        CampaignService.View v = campaigns.create(f.admin, with(outage, name, outage.list(), outage.sequence(), null,
                outage.smsFrom(), null));
        assertThat(v.state()).isEqualTo("draft");
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.create");
        assertThat(lastAudit().subject()).isEqualTo("campaign " + name);
        assertThat(lastAudit().actor()).isEqualTo("ada");

        // a draft cannot be paused or resumed; nothing is audited for a refusal
        assertThatThrownBy(() -> campaigns.pause(f.admin, name, "why not"))
                .isInstanceOf(CampaignService.CampaignException.class)
                .hasMessageContaining("is DRAFT").hasMessageContaining("only when RUNNING");
        assertThatThrownBy(() -> campaigns.resume(f.admin, name, "why not"))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessageContaining("only when PAUSED");
        assertThat(auditRows()).isEqualTo(rows);

        CampaignService.LaunchReport r = campaigns.launch(f.admin, name, org);
        assertThat(r.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
        assertThat(r.launched()).isTrue();
        assertThat(r.enrolled()).isEqualTo(12);
        assertThat(r.campaign().state()).isEqualTo("running");
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.launch");

        // a second launch is refused by the state check, and the refusal is audited with the reason
        CampaignService.LaunchReport again = campaigns.launch(f.admin, name, org);
        assertThat(again.launched()).isFalse();
        assertThat(again.enrolled()).isZero();
        assertThat(again.checks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("state");
            assertThat(c.detail()).contains("RUNNING").contains("only a draft can be launched");
        });
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.launch.refused");
        assertThat(lastAudit().details()).contains("state: ");
        assertThat(campaigns.stats(name, f.clock.instant()).enrollments().values().stream()
                .mapToInt(Integer::intValue).sum()).as("nobody enrolled twice").isEqualTo(12);

        assertThat(campaigns.pause(f.admin, name, "checking the wording").state()).isEqualTo("paused");
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.pause");
        assertThat(lastAudit().details()).isEqualTo("checking the wording");
        assertThatThrownBy(() -> campaigns.pause(f.admin, name, "again"))
                .hasMessageContaining("is PAUSED");

        assertThat(campaigns.resume(f.admin, name, "wording fine").state()).isEqualTo("running");
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.resume");

        CampaignService.View stopped = campaigns.stop(f.admin, name, "outage over");
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.stateReason()).isEqualTo("outage over");
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("campaign.stop");

        // stopped is for good
        for (var action : java.util.List.<ThrowingAction>of(
                () -> campaigns.resume(f.admin, name, "oops"),
                () -> campaigns.pause(f.admin, name, "oops"),
                () -> campaigns.stop(f.admin, name, "oops"))) {
            assertThatThrownBy(action::run).isInstanceOf(CampaignService.CampaignException.class)
                    .hasMessageContaining("is STOPPED");
        }
        assertThat(campaigns.launch(f.admin, name, org).launched()).isFalse();
        assertThat(campaigns.find(name).orElseThrow().state()).isEqualTo("stopped");
        assertThat(auditRows()).isEqualTo(rows + 1); // only the refused launch
    }

    @FunctionalInterface
    interface ThrowingAction {
        void run() throws Exception;
    }

    @Test
    void aCampaignACircuitBreakerPausedResumesOnlyWithAnAcknowledgement() throws Exception {
        String name = fresh();
        campaigns.create(f.admin, with(outage, name, outage.list(), outage.sequence(), null, outage.smsFrom(), null));
        assertThat(campaigns.launch(f.admin, name, org).launched()).isTrue();
        long id = campaigns.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(campaigns.pauseBySystem(id, CampaignService.BREAKER_PREFIX + "a 429 storm")).isTrue();
        long rows = auditRows();

        assertThatThrownBy(() -> campaigns.resume(f.admin, name, "looks fine"))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessageContaining("circuit breaker: a 429")
                .hasMessageContaining("--acknowledge");
        assertThat(auditRows()).isEqualTo(rows);

        assertThat(campaigns.resume(f.admin, name, "Genesys support raised our limit", true).state())
                .isEqualTo("running");
        assertThat(lastAudit().action()).isEqualTo("campaign.resume");
        assertThat(lastAudit().details()).contains("acknowledged the circuit breaker: a 429 storm")
                .contains("Genesys support raised our limit");
    }

    @Test
    void aDraftCanBeStoppedButNotLaunchedAfterwards() throws Exception {
        String name = fresh();
        campaigns.create(f.admin, with(outage, name, outage.list(), outage.sequence(), null, outage.smsFrom(), null));
        campaigns.stop(f.admin, name, "never mind");
        CampaignService.LaunchReport r = campaigns.launch(f.admin, name, org);
        assertThat(r.launched()).isFalse();
        assertThat(r.checks()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("state");
            assertThat(c.passed()).isFalse();
        });
    }

    static Stream<String> blankReasons() {
        return Stream.of(null, "", "   ", "\t\n");
    }

    @ParameterizedTest
    @MethodSource("blankReasons")
    void theKillSwitchAndEveryTransitionNeedAReason(String reason) throws Exception {
        String name = fresh();
        campaigns.create(f.admin, with(outage, name, outage.list(), outage.sequence(), null, outage.smsFrom(), null));
        long rows = auditRows();
        assertThatThrownBy(() -> campaigns.killSwitch(f.admin, true, reason))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessageContaining("reason is required");
        assertThat(campaigns.killSwitchOn()).isFalse();
        assertThatThrownBy(() -> campaigns.stop(f.admin, name, reason))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessageContaining("reason is required");
        assertThat(campaigns.find(name).orElseThrow().state()).isEqualTo("draft");
        assertThat(auditRows()).isEqualTo(rows);
    }

    @Test
    void theKillSwitchIsAuditedOnAndOff() throws Exception {
        long rows = auditRows();
        campaigns.killSwitch(f.admin, true, "incident drill");
        assertThat(campaigns.killSwitchOn()).isTrue();
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("engine.kill-switch.on");
        assertThat(lastAudit().details()).isEqualTo("incident drill");
        campaigns.killSwitch(f.admin, false, "drill over");
        assertThat(campaigns.killSwitchOn()).isFalse();
        assertThat(auditRows()).isEqualTo(++rows);
        assertThat(lastAudit().action()).isEqualTo("engine.kill-switch.off");
    }

    @Test
    void aComplianceProfileMayNotRunCampaigns() throws Exception {
        if (campaigns.find("Held back").isEmpty()) {
            campaigns.create(f.admin, with(outage, "Held back", outage.list(), outage.sequence(), null,
                    outage.smsFrom(), null));
        }
        Actor cora = compliance();
        long rows = auditRows();
        assertThatThrownBy(() -> campaigns.create(cora, with(outage, fresh(), outage.list(), outage.sequence(), null,
                outage.smsFrom(), null))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> campaigns.launch(cora, "Held back", org))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> campaigns.stop(cora, "Held back", "x"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("cora (COMPLIANCE)");
        assertThatThrownBy(() -> campaigns.killSwitch(cora, true, "x"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(campaigns.killSwitchOn()).isFalse();
        assertThat(campaigns.find("Held back").orElseThrow().state()).isEqualTo("draft");
        assertThat(auditRows()).isEqualTo(rows);
    }

    private Actor compliance() throws Exception {
        try {
            return f.workspace.users().authenticate("cora", "cora-password".toCharArray());
        } catch (PermissionDeniedException e) {
            f.workspace.users().add(f.admin, "cora", Role.COMPLIANCE, "cora-password".toCharArray());
            return f.workspace.users().authenticate("cora", "cora-password".toCharArray());
        }
    }

    @Test
    void anUnknownCampaignIsNamed() {
        assertThatThrownBy(() -> campaigns.pause(f.admin, "Nope", "x"))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessage("No campaign named \"Nope\".");
        assertThatThrownBy(() -> campaigns.launch(f.admin, "Nope", org))
                .isInstanceOf(CampaignService.CampaignException.class).hasMessageContaining("\"Nope\"");
    }
}
