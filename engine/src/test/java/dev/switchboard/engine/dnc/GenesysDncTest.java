package dev.switchboard.engine.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.genesys.Dnc;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Genesys DNC component against the sandbox org over loopback HTTP, on an H2 store: own lists created once,
 * push and read-back, opt-in removal, the sync of every list into the suppressions, a crash between PATCH and state
 * write, and the launch refusal when the sync is stale and no client is at hand.
 */
class GenesysDncTest {
    @TempDir
    Path dir;
    Sandbox sandbox;
    OrgConnection org;
    GenesysClient client;
    Workspace workspace;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(100_000));
        org = OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                sandbox.clientSecret().toCharArray());
        client = org.client();
        workspace = Workspace.open(dir.resolve("data"), "the DNC test");
    }

    @AfterEach
    void stop() {
        if (workspace != null) {
            workspace.close();
        }
        client.close();
        sandbox.close();
    }

    private Set<String> exported(String listId) {
        return Set.copyOf(client.dnc().export(listId, Duration.ofMillis(200), Duration.ofSeconds(30)).values());
    }

    private Workspace reopen() throws Exception {
        workspace.close();
        workspace = Workspace.open(dir.resolve("data"), "the DNC test");
        return workspace;
    }

    @Test
    void ownListsAreCreatedOnceAndReusedAfterARestart() throws Exception {
        Map<String, String> first = workspace.dnc().genesys(client).ensureLists();
        assertThat(first).containsOnlyKeys("PHONE", "EMAIL");
        Map<String, String> again = reopen().dnc().genesys(client).ensureLists();
        assertThat(again).isEqualTo(first);
        List<Dnc.DncList> lists = client.dnc().listDncLists();
        assertThat(lists).filteredOn(l -> l.name().startsWith("Switchboard opt-outs")).hasSize(2)
                .allSatisfy(l -> assertThat(l.dncSourceType()).isEqualTo("rds"));
        assertThat(lists).filteredOn(l -> l.id().equals(first.get("PHONE"))).extracting(Dnc.DncList::contactMethod)
                .containsExactly("Phone");
        assertThat(lists).filteredOn(l -> l.id().equals(first.get("EMAIL"))).extracting(Dnc.DncList::contactMethod)
                .containsExactly("Email");
    }

    @Test
    void aListCreatedButNotRememberedIsAdoptedAndADeletedOneRecreated() throws Exception {
        // a crash right after the POST: the org has the list, the store no id
        Dnc.DncList orphan = client.dnc().createDncList(Dnc.DncList.rds(GenesysDnc.PHONE_LIST, "Phone"));
        Map<String, String> ids = workspace.dnc().genesys(client).ensureLists();
        assertThat(ids.get("PHONE")).isEqualTo(orphan.id());
        // deleted in the org by someone: created again on the next use
        // the client has no delete: remove it through the API as an admin would
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            var req = java.net.http.HttpRequest.newBuilder(sandbox.apiBaseUrl().resolve("/api/v2/outbound/dnclists/"
                    + orphan.id())).DELETE().header("Authorization", "Bearer " + client.tokens().token()).build();
            assertThat(http.send(req, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isBetween(200, 299);
        }
        Map<String, String> after = reopen().dnc().genesys(client).ensureLists();
        assertThat(after.get("PHONE")).isNotEqualTo(orphan.id());
        assertThat(after.get("EMAIL")).isEqualTo(ids.get("EMAIL"));
    }

    @Test
    void pushThenConfirmByReadBack() {
        GenesysDnc dnc = workspace.dnc().genesys(client);
        GenesysDnc.PushReport r = dnc.push(List.of("(317) 232-1400", "Opted.Out@Example.org"), "STOP reply");
        assertThat(r.requested()).isEqualTo(2);
        assertThat(r.pushed()).isEqualTo(2);
        assertThat(state("+13172321400")).isEqualTo("PUSHED");
        assertThat(state("opted.out@example.org")).isEqualTo("PUSHED");
        Map<String, String> lists = dnc.ensureLists();
        assertThat(exported(lists.get("PHONE"))).contains("+13172321400");
        assertThat(exported(lists.get("EMAIL"))).contains("opted.out@example.org");

        GenesysDnc.ConfirmReport c = dnc.confirm();
        assertThat(c.confirmed()).isEqualTo(2);
        assertThat(c.pushedAgain()).isZero();
        assertThat(state("+13172321400")).isEqualTo("CONFIRMED");
        assertThat(state("opted.out@example.org")).isEqualTo("CONFIRMED");
        // pushing an address already confirmed changes nothing
        assertThat(dnc.push(List.of("+1 317 232 1400"), "STOP again").requested()).isZero();
    }

    @Test
    void anEntryMissingFromTheReadBackIsPushedAgain() {
        GenesysDnc dnc = workspace.dnc().genesys(client);
        dnc.push(List.of("+13172321401"), "STOP reply");
        String phones = dnc.ensureLists().get("PHONE");
        // someone removed it in Genesys
        client.dnc().patchPhoneNumbers(phones, Dnc.Action.Remove, List.of("+13172321401"));
        GenesysDnc.ConfirmReport c = dnc.confirm();
        assertThat(c.pushedAgain()).isEqualTo(1);
        assertThat(state("+13172321401")).isEqualTo("PUSHED");
        assertThat(exported(phones)).contains("+13172321401");
        assertThat(dnc.confirm().confirmed()).isEqualTo(1);
        assertThat(state("+13172321401")).isEqualTo("CONFIRMED");
    }

    @Test
    void aCrashBetweenThePatchAndTheStateWritePushesAgain() throws Exception {
        GenesysDnc dnc = workspace.dnc().genesys(client);
        dnc.afterPatch = () -> {
            throw new IllegalStateException("killed after the PATCH");
        };
        try {
            dnc.push(List.of("+13172321402"), "STOP reply");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("killed after the PATCH");
        }
        assertThat(state("+13172321402")).isEqualTo("PENDING");
        // the process comes back: the next read-back pushes the PENDING entry again and then confirms it
        GenesysDnc restarted = reopen().dnc().genesys(client);
        GenesysDnc.ConfirmReport c = restarted.confirm();
        assertThat(c.pushedAgain()).isEqualTo(1);
        assertThat(state("+13172321402")).isEqualTo("PUSHED");
        assertThat(workspace.dnc().status().pending()).extracting(DncService.Pushed::pushCount).containsExactly(1);
        restarted.confirm();
        assertThat(state("+13172321402")).isEqualTo("CONFIRMED");
    }

    @Test
    void anOptInRemovesTheNumberFromTheOwnList() {
        GenesysDnc dnc = workspace.dnc().genesys(client);
        dnc.push(List.of("+13172321403"), "STOP reply");
        String phones = dnc.ensureLists().get("PHONE");
        assertThat(exported(phones)).contains("+13172321403");
        assertThat(dnc.optIn("+1 (317) 232-1403", "START from the same number")).isTrue();
        assertThat(state("+13172321403")).isEqualTo("REMOVED");
        assertThat(exported(phones)).doesNotContain("+13172321403");
        assertThat(dnc.optIn("+13172329999", "START")).as("never pushed").isFalse();
        // a later opt-out pushes it again
        assertThat(dnc.push(List.of("+13172321403"), "STOP again").requested()).isEqualTo(1);
        assertThat(exported(phones)).contains("+13172321403");
    }

    @Test
    void syncPullsEntriesOfEveryListIntoTheSuppressions() {
        // a carrier-intercepted STOP: only the Genesys DNC state knows it
        Dnc.DncList carrier = client.dnc().createDncList(Dnc.DncList.rds("Carrier opt-outs", "Phone"));
        client.dnc().addPhoneNumbers(carrier.id(), List.of("+13172321500"), null);
        Dnc.DncList mail = client.dnc().createDncList(Dnc.DncList.rds("Unsubscribes", "Email"));
        client.dnc().addEmailAddresses(mail.id(), List.of("gone@example.org"));
        assertThat(workspace.suppressions().view().forAddress("+13172321500")).isEmpty();

        GenesysDnc.SyncReport r = workspace.dnc().genesys(client).sync();
        assertThat(r.complete()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.lists()).isGreaterThanOrEqualTo(2);
        assertThat(r.added()).isEqualTo(3);
        List<Suppression> phone = workspace.suppressions().view().forAddress("+13172321500");
        assertThat(phone).extracting(Suppression::channel).containsExactlyInAnyOrder(Channel.VOICE, Channel.SMS);
        assertThat(phone).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Suppression.Kind.DNC));
        assertThat(workspace.suppressions().recent(10)).filteredOn(e -> e.suppression().key().equals("+13172321500"))
                .extracting(e -> e.source()).containsOnly("genesys dnc Carrier opt-outs");
        assertThat(workspace.suppressions().view().forAddress("gone@example.org")).extracting(Suppression::channel)
                .containsExactly(Channel.EMAIL);
        assertThat(workspace.dnc().status().lastCompleteSync()).isPresent();

        // a second sync adds nothing twice
        assertThat(workspace.dnc().genesys(client).sync().added()).isZero();
        assertThat(workspace.suppressions().view().forAddress("+13172321500")).hasSize(2);
    }

    @Test
    void aSyncAskedForByAProfileRunsOnTheOrgAndIsAuditedUnderIt() throws Exception {
        Actor ada = new Actor(workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray()), "ada");
        Dnc.DncList carrier = client.dnc().createDncList(Dnc.DncList.rds("Carrier opt-outs", "Phone"));
        client.dnc().addPhoneNumbers(carrier.id(), List.of("+13172321500"), null);
        assertThat(workspace.dnc().engineClientAtHand()).isFalse();

        GenesysDnc.SyncReport r = workspace.dnc().syncBy(ada, () -> org);
        assertThat(r.complete()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.added()).isEqualTo(2);
        assertThat(workspace.audit().recent(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("dnc.sync-request");
            assertThat(e.actor()).isEqualTo("ada");
            assertThat(e.details()).endsWith("2 suppressions added");
        });
    }

    @Test
    void aStaleSyncRefusesALaunchWhenNoClientIsAtHandAndASyncAllowsIt() throws Exception {
        workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        Actor ada = workspace.users().authenticate("ada", "admin-pass-1".toCharArray());
        Path csv = dir.resolve("demo-contacts.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/lists/demo-contacts.csv")) {
            Files.copy(in, csv);
        }
        workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
        workspace.campaigns().create(ada, CampaignFile.demo("outage-broadcast"));
        CampaignService.OrgFacts facts = Engine.orgFactsOf(org);

        CampaignService.LaunchReport refused = workspace.campaigns().launch(ada, "Outage broadcast", facts);
        assertThat(refused.launched()).isFalse();
        assertThat(refused.checks()).filteredOn(c -> c.name().equals("Genesys DNC sync")).singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.detail()).contains("never synced").contains("switchboard dnc sync");
                });
        // a service campaign is not refused for the National DNC or RND data, but the lines say so
        assertThat(refused.checks()).filteredOn(c -> c.name().equals("National DNC scrub")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue());

        // a client at hand (as inside the engine): the launch syncs first and goes ahead
        workspace.dnc().freshness().useClient(() -> client);
        CampaignService.LaunchReport launched = workspace.campaigns().launch(ada, "Outage broadcast", facts);
        assertThat(launched.checks()).filteredOn(c -> !c.passed()).isEmpty();
        assertThat(launched.launched()).isTrue();
        assertThat(workspace.dnc().status().lastCompleteSync()).isPresent();
    }

    @Test
    void aFailedSyncIsNamedInTheRefusal() throws Exception {
        sandbox.faults().withholdPermission("GET /api/v2/outbound/dnclists");
        GenesysDnc.SyncReport r = workspace.dnc().genesys(client).sync();
        assertThat(r.complete()).isFalse();
        assertThat(workspace.dnc().status().lastCompleteSync()).isEmpty();
        var lines = workspace.dnc().freshness().checks(dev.switchboard.model.compliance.Purpose.SERVICE);
        assertThat(lines).filteredOn(l -> l.name().equals("Genesys DNC sync")).singleElement()
                .satisfies(l -> {
                    assertThat(l.passed()).isFalse();
                    assertThat(l.detail()).contains("cannot list the org's DNC lists");
                });
    }

    private String state(String address) {
        return workspace.dnc().pushState(address).orElse("none");
    }
}
