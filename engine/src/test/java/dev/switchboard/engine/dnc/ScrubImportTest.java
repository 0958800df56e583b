package dev.switchboard.engine.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import dev.switchboard.model.user.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * National DNC scrub and RND imports on an H2 store: good files land whole, a bad row is named and nothing is
 * written, "yes" answers block a send decision, and the launch checks refuse a marketing campaign on stale data
 * while a service one goes ahead.
 */
class ScrubImportTest {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    @TempDir
    Path dir;
    Workspace workspace;
    Actor ada;

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the scrub test");
        workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        ada = workspace.users().authenticate("ada", "admin-pass-1".toCharArray());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private List<Suppression> on(String number) {
        return workspace.suppressions().view().forAddress(number);
    }

    @Test
    void aScrubBecomesNeverExpiringDncSuppressionsOnVoiceAndSms() throws Exception {
        Path f = file("scrub.csv", "\uFEFFPhone Number,Name\n(317) 232-1400,x\n+1 317 232 1401,y\n\n317.232.1400,z\n");
        DncService.ImportReport r = workspace.dnc().importScrub(ada, f, TODAY.minusDays(2));
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.suppressionsAdded()).isEqualTo(4);
        assertThat(on("+13172321400")).extracting(Suppression::channel)
                .containsExactlyInAnyOrder(Channel.VOICE, Channel.SMS);
        assertThat(on("+13172321400")).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(Suppression.Kind.DNC);
            assertThat(s.expiresAt()).isNull();
        });
        assertThat(workspace.suppressions().recent(10)).extracting(e -> e.source())
                .containsOnly("national dnc scrub " + TODAY.minusDays(2));
        assertThat(workspace.dnc().status().lastScrub()).map(DncService.ScrubRecord::scrubbedOn)
                .contains(TODAY.minusDays(2));
        // next month's scrub with the same numbers adds no duplicates, and records its date
        Path again = file("again.csv", "3172321400\n3172321402\n");
        assertThat(workspace.dnc().importScrub(ada, again, TODAY).suppressionsAdded()).isEqualTo(2);
        assertThat(on("+13172321400")).hasSize(2);
        assertThat(workspace.dnc().status().lastScrub()).map(DncService.ScrubRecord::scrubbedOn).contains(TODAY);
        assertThat(workspace.audit().verify().problem()).isEmpty();
    }

    @Test
    void aBadScrubRowIsNamedAndNothingIsWritten() throws Exception {
        Path f = file("bad.csv", "phone\n(317) 232-1400\n(317) 232-1401\nnot a number\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(ada, f, TODAY))
                .isInstanceOf(DncInputException.class)
                .hasMessageContaining("bad.csv: line 4, column 'phone': 'not a number' is not a usable phone number");
        assertThat(on("+13172321400")).isEmpty();
        assertThat(workspace.dnc().status().lastScrub()).isEmpty();

        Path noColumn = file("cols.csv", "name,city\nAva,Indy\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(ada, noColumn, TODAY))
                .isInstanceOf(DncInputException.class).hasMessageContaining("line 1: no phone number column");
        Path empty = file("empty.csv", "phone\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(ada, empty, TODAY))
                .isInstanceOf(DncInputException.class).hasMessageContaining("no numbers");
        Path blank = file("blank.csv", "phone,name\n3172321400,a\n,b\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(ada, blank, TODAY))
                .isInstanceOf(DncInputException.class).hasMessageContaining("line 3, column 'phone': no phone number");
        Path good = file("good.csv", "3172321400\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(ada, good, TODAY.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the future");
        assertThat(workspace.dnc().status().lastScrub()).isEmpty();
        assertThat(on("+13172321400")).isEmpty();
    }

    @Test
    void onlyComplianceAndAdminProfilesImport() throws Exception {
        workspace.users().add(ada, "otto", Role.OPERATOR, "operator-pass-1".toCharArray());
        Actor otto = workspace.users().authenticate("otto", "operator-pass-1".toCharArray());
        Path good = file("good.csv", "3172321400\n");
        assertThatThrownBy(() -> workspace.dnc().importScrub(otto, good, TODAY))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("compliance or admin");
        assertThat(on("+13172321400")).isEmpty();
    }

    @Test
    void rndAnswersAreKeptAndTheLatestBlocksAsThePackSays() throws Exception {
        Path f = file("rnd.csv", """
                Phone,Consent date,Result,Data date
                (317) 232-1500,2025-11-02,yes,2026-01-15
                (317) 232-1501,2025-11-02,No,2026-01-15
                (317) 232-1502,11/2/2025,no data,20260115
                """);
        DncService.ImportReport r = workspace.dnc().importRnd(ada, f, null);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.date()).isEqualTo(LocalDate.parse("2026-01-15"));
        assertThat(workspace.dnc().status().rndAnswers()).containsEntry("YES", 1).containsEntry("NO", 1)
                .containsEntry("NO_DATA", 1);

        // "yes": voice and SMS blocked for every purpose
        assertThat(decide("+13172321500", Channel.SMS, Purpose.SERVICE)).isInstanceOf(Decision.Blocked.class);
        assertThat(decide("+13172321500", Channel.VOICE, Purpose.MARKETING)).isInstanceOf(Decision.Blocked.class);
        Decision.Blocked b = (Decision.Blocked) decide("+13172321500", Channel.SMS, Purpose.MARKETING);
        assertThat(b.rule()).isEqualTo("suppression.DNC");
        // "no": nothing; "no data": marketing only (the shipped pack's BLOCK_MARKETING)
        assertThat(decide("+13172321501", Channel.SMS, Purpose.MARKETING)).isNotInstanceOf(Decision.Blocked.class);
        assertThat(decide("+13172321502", Channel.SMS, Purpose.MARKETING)).isInstanceOf(Decision.Blocked.class);
        assertThat(decide("+13172321502", Channel.SMS, Purpose.SERVICE)).isNotInstanceOf(Decision.Blocked.class);

        // newer data saying "no" for the reassigned number lifts the block: the latest answer counts
        Path newer = file("newer.csv", "3172321500,2026-02-01,no,2026-02-15\n");
        workspace.dnc().importRnd(ada, newer, null);
        assertThat(decide("+13172321500", Channel.SMS, Purpose.SERVICE)).isNotInstanceOf(Decision.Blocked.class);
        assertThat(workspace.dnc().status().lastRnd()).map(DncService.RndRecord::resultsDate)
                .contains(LocalDate.parse("2026-02-15"));
    }

    @Test
    void aBadRndRowIsNamedAndNothingIsWritten() throws Exception {
        String header = "phone,consent_date,result,data_date\n";
        record Case(String row, String message) {
        }
        for (Case c : List.of(
                new Case("3172321500,2025-11-02,maybe,2026-01-15", "line 3, column 'result': 'maybe' is not yes,"
                        + " no or no data"),
                new Case("3172321500,yesterday,yes,2026-01-15", "line 3, column 'consent_date': 'yesterday' is not"
                        + " a date"),
                new Case("31723,2025-11-02,yes,2026-01-15", "line 3, column 'phone': '31723' is not a usable phone"
                        + " number"),
                new Case("3172321500,2025-11-02,yes,", "line 3, column 'data_date': '' is not a date"))) {
            Path f = file("rnd.csv", header + "3172321501,2025-11-02,yes,2026-01-15\n" + c.row() + "\n");
            assertThatThrownBy(() -> workspace.dnc().importRnd(ada, f, null)).as(c.row())
                    .isInstanceOf(DncInputException.class).hasMessageContaining(c.message());
        }
        Path missing = file("cols.csv", "phone,result\n3172321500,yes\n");
        assertThatThrownBy(() -> workspace.dnc().importRnd(ada, missing, null))
                .isInstanceOf(DncInputException.class).hasMessageContaining("no column for consent date, data date");
        Path good = file("good.csv", "3172321501,2025-11-02,yes,2026-01-15\n");
        assertThatThrownBy(() -> workspace.dnc().importRnd(ada, good, LocalDate.parse("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the newest data date");
        assertThat(workspace.dnc().status().lastRnd()).isEmpty();
        assertThat(workspace.dnc().status().rndAnswers()).isEmpty();
        assertThat(on("+13172321501")).isEmpty();
    }

    private Decision decide(String number, Channel channel, Purpose purpose) {
        Instant noon = LocalDate.of(2026, 6, 10).atTime(16, 0).toInstant(ZoneOffset.UTC);
        GateRequest req = new GateRequest(1, List.of(ZoneId.of("America/Indiana/Indianapolis")), Set.of("IN"),
                List.of(new Consent(channel, true, Instant.parse("2025-01-01T00:00:00Z"), "test")), channel, number,
                noon, purpose, null, null, null, null, "h", List.of(number), false);
        return ComplianceGate.decide(req, workspace.suppressions().view(), PressureView.NONE,
                workspace.rulePack());
    }

    // ---- launch ---------------------------------------------------------------------------------------------------

    private CampaignService.LaunchReport launchDemo(String demo, String name) throws Exception {
        if (workspace.contacts().list("Demo contacts").isEmpty()) {
            Path csv = dir.resolve("demo-contacts.csv");
            try (InputStream in = getClass().getResourceAsStream("/demo/lists/demo-contacts.csv")) {
                Files.copy(in, csv);
            }
            workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
        }
        CampaignService.Spec s = CampaignFile.demo(demo);
        workspace.campaigns().create(ada, new CampaignService.Spec(name, s.list(), s.sequence(), null, s.purpose(),
                s.smsFrom(), s.emailFrom(), s.variables()));
        return workspace.campaigns().launch(ada, name, FACTS);
    }

    /** The org's facts: its SMS numbers and a callable time set that fits the rule pack (for voice steps). */
    private static final CampaignService.OrgFacts FACTS = new CampaignService.OrgFacts("genesys:test", "Test org",
            Set.of("+13177340100", "+13177340101"), java.util.List.of(new dev.switchboard.genesys.Org.CallableTimeSet(
            "ts-1", "Compliance hours", 1, java.util.List.of(new dev.switchboard.genesys.Org.CallableTime(
            "America/New_York", java.util.List.of(new dev.switchboard.genesys.Org.TimeSlot(1, "10:00:00", "18:00:00"),
            new dev.switchboard.genesys.Org.TimeSlot(6, "10:00:00", "17:00:00")))))));

    private static CampaignService.Check check(CampaignService.LaunchReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMarketingLaunchNeedsAFreshScrubAndFreshRndResults() throws Exception {
        try (var sandbox = dev.switchboard.sandbox.Sandbox.start(dev.switchboard.sandbox.SandboxConfig.defaults());
             var client = dev.switchboard.engine.genesys.OrgConnection.urls(sandbox.apiBaseUrl(),
                     sandbox.loginBaseUrl(), sandbox.clientId(), sandbox.clientSecret().toCharArray()).client()) {
            assertThat(workspace.dnc().genesys(client).sync().complete()).isTrue();
        }

        CampaignService.LaunchReport none = launchDemo("appointment-reminders", "M1");
        assertThat(none.launched()).isFalse();
        assertThat(check(none, "National DNC scrub").passed()).isFalse();
        assertThat(check(none, "National DNC scrub").detail()).contains("no scrub was ever imported");
        assertThat(check(none, "Reassigned Numbers Database").passed()).isFalse();
        assertThat(check(none, "Genesys DNC sync").passed()).isTrue();

        workspace.dnc().importScrub(ada, file("old.csv", "3172321400\n"), TODAY.minusDays(32));
        workspace.dnc().importRnd(ada, file("rnd.csv", "3172321501,2025-11-02,no,2026-01-15\n"),
                TODAY.minusDays(31));
        CampaignService.LaunchReport stale = workspace.campaigns().launch(ada, "M1",
                FACTS);
        assertThat(stale.launched()).isFalse();
        assertThat(check(stale, "National DNC scrub").detail()).contains("32 days old, limit 31");
        assertThat(check(stale, "Reassigned Numbers Database").detail()).contains("31 days old, limit 30");

        // a service campaign is told, not refused
        CampaignService.LaunchReport service = launchDemo("outage-broadcast", "S1");
        assertThat(check(service, "National DNC scrub").passed()).isTrue();
        assertThat(check(service, "National DNC scrub").detail()).contains("stale, but a service campaign");
        assertThat(service.launched()).as(service.checks().toString()).isTrue();

        workspace.dnc().importScrub(ada, file("new.csv", "3172321400\n"), TODAY.minusDays(31));
        workspace.dnc().importRnd(ada, file("rnd2.csv", "3172321501,2025-11-02,no,2026-01-15\n"),
                TODAY.minusDays(30));
        CampaignService.LaunchReport fresh = workspace.campaigns().launch(ada, "M1",
                FACTS);
        assertThat(fresh.checks()).filteredOn(c -> !c.passed()).isEmpty();
        assertThat(fresh.launched()).isTrue();
    }
}
