package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.bench.BenchContacts;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.persistence.DialerRepository;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Volume SMS through a Genesys messaging campaign ({@link MessagingDelivery}): a broadcast of a few thousand contacts
 * goes into the messaging campaign's list instead of one agentless send each, every contact is messaged exactly once
 * (the sandbox's ledger), the store's SENT attempts equal the ledger, a STOP and a conversion take waiting contacts
 * out, a pause stops the Genesys campaign, and the whole broadcast costs at most 20 API calls per 1000 contacts,
 * counted by the sandbox (every authenticated request, polling included). Real engine, store and HTTP.
 */
class MessagingCampaignTest {
    private static final String LIST = "Broadcast list";

    @TempDir
    Path dir;

    @Test
    void aBroadcastGoesThroughTheMessagingCampaignOnceEachAtFewCallsPerThousand() throws Exception {
        int contacts = 3_000;
        // x20: the 10 virtual minutes a placement waits for its post-contact notification before it is read are
        // 30 real seconds, ample on a loaded machine
        try (EngineFixture f = new EngineFixture(dir, 20)) {
            // the outbound path alone: the seeded recipients do not reply (replies cost the same on either path)
            f.sandbox.seededReplies(false);
            importList(f, contacts);
            f.startEngine();
            long t0 = System.nanoTime();
            Map<String, long[]> kinds = new java.util.concurrent.ConcurrentHashMap<>();
            f.engine.addListener(e -> {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long[] k = kinds.computeIfAbsent(e.kind(), x -> new long[] {ms, 0, 0});
                synchronized (k) {
                    k[1] = ms;
                    k[2]++;
                }
                if (e.kind().equals("MESSAGING") || e.kind().equals("CAMPAIGN")) {
                    System.out.printf("%6d ms %s %s%n", ms, e.kind(), e.detail());
                }
            });
            f.sandbox.metrics().reset();
            assertThat(launch(f).launched()).isTrue();
            f.awaitAllEnded(Duration.ofSeconds(240));
            kinds.forEach((k, v) -> System.out.printf("%s: %d events, first %d ms, last %d ms%n", k, v[2], v[0],
                    v[1]));
            long calls = f.sandbox.metrics().counted();
            Map<String, Long> routes = f.sandbox.metrics().byRoute();

            List<AttemptRow> attempts = attempts(f);
            // the ledger also holds the opt-out confirmations the engine sends to simulated STOP replies (no campaign)
            List<LedgerEntry> sms = f.sandbox.ledger().stream().filter(l -> l.channel().equals("sms")
                    && l.campaignId() != null).toList();
            System.out.printf("messaging broadcast of %d: %d API calls, %s%n", contacts, calls, routes);
            List<AttemptRow> sent = attempts.stream().filter(a -> a.state().equals("SENT")).toList();
            assertThat(sent).as("every contact messaged").hasSize(contacts);
            assertThat(sent).allSatisfy(a -> assertThat(a.evidence()).startsWith(MessagingDelivery.EVIDENCE));
            assertThat(sms).as("the ledger: once each").hasSize(contacts);
            assertThat(sms.stream().map(LedgerEntry::address).distinct().count()).isEqualTo(contacts);
            assertThat(sent.stream().map(AttemptRow::address).collect(Collectors.toSet()))
                    .isEqualTo(sms.stream().map(LedgerEntry::address).collect(Collectors.toSet()));
            assertThat(routes.getOrDefault("POST /api/v2/conversations/messages/agentless", 0L))
                    .as("no agentless sends").isZero();
            double perThousand = calls * 1000.0 / contacts;
            assertThat(perThousand).as("API calls per 1000 contacts (" + calls + ": " + routes + ")")
                    .isLessThanOrEqualTo(20.0);
        }
    }

    @Test
    void aStopAndAConversionWithdrawWaitingContactsAndTheRestAreMessagedOnce() throws Exception {
        int contacts = 300;
        try (EngineFixture f = new EngineFixture(dir, 60); GenesysClient genesys = f.org().client()) {
            importList(f, contacts);
            // the messaging campaign cannot start, so placed contacts wait in its list: the withdrawal is tested
            f.sandbox.faults().withholdPermission("POST /api/v2/outbound/messagingcampaigns/");
            f.startEngine();
            assertThat(launch(f).launched()).isTrue();
            await(() -> placed(f).size() == contacts, Duration.ofSeconds(60), "every contact placed");
            List<AttemptRow> placed = placed(f);
            AttemptRow stop = placed.get(10);
            AttemptRow paid = placed.get(20);
            String listId = stop.conversationId();
            assertThat(genesys.contacts().getContact(listId, stop.messageId()).data())
                    .containsEntry(MessagingDelivery.MESSAGE, "Switchboard Energy: service in Manhattan is"
                            + " interrupted. We expect it back by 6 pm. Updates: https://status.example.com."
                            + " Reply STOP to opt out.");

            f.engine.intake("stop-1", "test", "OPT_OUT", stop.contactId(), null, stop.address(), "STOP", null);
            f.engine.intake("paid-1", "test", "CONVERSION", paid.contactId(), paid.campaignId(), null, "paid", null);
            await(() -> done(f, stop.enrollmentId()) && done(f, paid.enrollmentId()), Duration.ofSeconds(60),
                    "both enrollments ended");
            for (AttemptRow a : List.of(stop, paid)) {
                assertThat(f.workspace.engineRepository().attempt(a.id()).orElseThrow().state())
                        .as("withdrawn before it was messaged").isEqualTo("NOT_SENT");
                assertThatThrownBy(() -> genesys.contacts().getContact(listId, a.messageId()))
                        .as("deleted from the messaging list").isInstanceOf(GenesysApiException.class);
            }

            f.sandbox.faults().restorePermissions();
            f.awaitAllEnded(Duration.ofSeconds(120));
            List<LedgerEntry> sms = f.sandbox.ledger().stream().filter(l -> l.channel().equals("sms")).toList();
            assertThat(sms).extracting(LedgerEntry::address).doesNotContain(stop.address(), paid.address());
            assertThat(sms.stream().filter(l -> l.campaignId() != null)).hasSize(contacts - 2);
            assertThat(sms.stream().filter(l -> l.campaignId() != null).map(LedgerEntry::address).distinct().count())
                    .isEqualTo(contacts - 2);
            assertThat(attempts(f).stream().filter(a -> a.state().equals("SENT"))).hasSize(contacts - 2);
        }
    }

    @Test
    void aPauseStopsTheMessagingCampaignAndAResumeMessagesTheRestOnce() throws Exception {
        int contacts = 300;
        // real time: the messaging campaign sends 1000 a minute, so the 300 take about 18 s and can be paused
        try (EngineFixture f = new EngineFixture(dir, 1); GenesysClient genesys = f.org().client()) {
            importList(f, contacts);
            f.startEngine();
            f.engine.addListener(e -> {
                if (e.kind().equals("MESSAGING") || e.kind().equals("CAMPAIGN")) {
                    System.out.println(e.at() + " " + e.kind() + " " + e.detail());
                }
            });
            assertThat(launch(f).launched()).isTrue();
            await(() -> sms(f) >= 20, Duration.ofSeconds(60), "the messaging campaign sending");
            f.workspace.campaigns().pause(f.admin, "Broadcast", "test pause");
            DialerRepository placements = f.workspace.dialerRepository();
            long campaignId = attempts(f).getFirst().campaignId();
            String gcId = placements.object(campaignId, MessagingDelivery.CAMPAIGN).orElseThrow();
            try {
                await(() -> genesys.campaigns().getMessagingCampaign(gcId).campaignStatus().equals("off")
                        && placements.ofCampaign(campaignId, Set.of("PLACED"), 1).isEmpty(), Duration.ofSeconds(60),
                        "the Genesys campaign off and nothing left waiting in its list");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + genesys.campaigns().getMessagingCampaign(gcId)
                        .campaignStatus() + ", " + placements.ofCampaign(campaignId, Set.of("PLACED"), 10_000).size()
                        + " placed");
            }
            int atPause = sms(f);
            Thread.sleep(2_000);
            assertThat(sms(f)).as("nothing sent while paused").isEqualTo(atPause);
            assertThat(atPause).isLessThan(contacts);

            f.workspace.campaigns().resume(f.admin, "Broadcast", "test resume");
            f.awaitAllEnded(Duration.ofSeconds(180));
            List<LedgerEntry> sms = f.sandbox.ledger().stream().filter(l -> l.channel().equals("sms")
                    && l.campaignId() != null).toList();
            assertThat(sms).hasSize(contacts);
            assertThat(sms.stream().map(LedgerEntry::address).distinct().count()).isEqualTo(contacts);
            assertThat(attempts(f).stream().filter(a -> a.state().equals("SENT"))).hasSize(contacts);
        }
    }

    @Test
    void aCrashRightAfterTheAddIsReconciledFromGenesysAndNothingIsPlacedTwice() throws Exception {
        int contacts = 300;
        try (EngineFixture f = new EngineFixture(dir, 60)) {
            f.sandbox.seededReplies(false);
            importList(f, contacts);
            // the process "dies" right after Genesys accepted the first add: the intents stay on disk, unsettled
            java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
            f.engine = f.workspace.newEngine(f.org(), f.clock, new Engine.Options(4, Duration.ofMillis(20),
                    Duration.ofMinutes(5), point -> {
                        if (point.equals("after-call") && crashed.compareAndSet(false, true)) {
                            throw new IllegalStateException("crash after the add");
                        }
                    }));
            f.engine.start();
            assertThat(launch(f).launched()).isTrue();
            await(() -> crashed.get() && attempts(f).stream().filter(a -> a.state().equals("INTENT")).count()
                    == contacts, Duration.ofSeconds(60), "the first add made, its results not recorded");
            f.engine.close();

            f.startEngine(); // a new epoch: the intents are UNKNOWN and reconciled by reading the contacts
            f.awaitAllEnded(Duration.ofSeconds(120));
            List<AttemptRow> attempts = attempts(f);
            assertThat(attempts).as("one attempt each: nothing was placed again").hasSize(contacts);
            assertThat(attempts).allSatisfy(a -> assertThat(a.state()).isEqualTo("SENT"));
            List<LedgerEntry> sms = f.sandbox.ledger().stream().filter(l -> l.channel().equals("sms")
                    && l.campaignId() != null).toList();
            assertThat(sms).hasSize(contacts);
            assertThat(sms.stream().map(LedgerEntry::address).distinct().count()).isEqualTo(contacts);
        }
    }

    @Test
    void volumeEmailGoesThroughAnEmailMessagingCampaignWithExactlyTheRenderedContent() throws Exception {
        int contacts = 300;
        try (EngineFixture f = new EngineFixture(dir, 60); GenesysClient genesys = f.org().client()) {
            f.sandbox.seededReplies(false);
            Path csv = f.dir.resolve("offers.csv");
            StringBuilder rows = new StringBuilder("external_id,first_name,last_name,email,zip,state,email_consent,"
                    + "consent_date,consent_source,offer_code\n");
            for (int i = 0; i < contacts; i++) {
                rows.append("E-").append(i).append(",Pat").append(i).append(",Mail,pat").append(i)
                        .append("@example.com,10001,NY,yes,2026-03-02,web form,WINTER").append(i).append('\n');
            }
            java.nio.file.Files.writeString(csv, rows);
            f.workspace.imports().run(ImportRequest.of(csv, "Offers list"), ImportListener.NONE, () -> false);
            f.workspace.sequences().importDraft(f.admin, dev.switchboard.engine.sequences.SequenceJson.read("""
                    {"id": "offer-once", "name": "One offer email", "version": 1, "steps": [
                      {"id": "email", "type": "touch", "channel": "EMAIL", "template": "offer-email",
                       "maxAttempts": 1, "retrySpacing": "PT0S",
                       "edges": [{"on": "DELIVERED", "to": "sent"}, {"on": "ELSE", "to": "not-sent"}]},
                      {"id": "sent", "type": "exit", "reason": "sent"},
                      {"id": "not-sent", "type": "exit", "reason": "not sent"}]}
                    """));
            f.workspace.sequences().publish(f.admin, "offer-once");
            // the messaging campaign cannot start at first, so the placed contacts' data can be read in its list
            f.sandbox.faults().withholdPermission("POST /api/v2/outbound/messagingcampaigns/");
            f.startEngine();
            CampaignService.Spec demo = CampaignFile.demo("appointment-reminders");
            CampaignService.Spec spec = new CampaignService.Spec("Offers", "Offers list", "offer-once", null,
                    demo.purpose(), null, demo.emailFrom(), demo.variables());
            f.workspace.campaigns().create(f.admin, spec);
            assertThat(f.workspace.campaigns().launch(f.admin, "Offers", f.engine.orgFacts()).launched()).isTrue();
            long campaignId = f.workspace.engineRepository().campaign("Offers").orElseThrow().id();
            await(() -> f.workspace.engineRepository().attemptsOfCampaign(campaignId, 0, 10_000).stream()
                    .filter(a -> a.state().equals("SENT") && a.outcome() == null).count() == contacts,
                    Duration.ofSeconds(60), "every contact placed");
            AttemptRow one = f.workspace.engineRepository().attemptsOfCampaign(campaignId, 0, 10_000).stream()
                    .filter(a -> a.address().equals("pat7@example.com")).findFirst().orElseThrow();
            assertThat(one.evidence()).startsWith(MessagingDelivery.EVIDENCE);
            Map<String, String> data = genesys.contacts().getContact(one.conversationId(), one.messageId()).data();
            assertThat(data).containsEntry(MessagingDelivery.EMAIL, "pat7@example.com")
                    .containsEntry(MessagingDelivery.SUBJECT, "Pat7, an offer from Switchboard Health");
            assertThat(data.get(MessagingDelivery.TEXT)).contains("with code WINTER7").contains("Unsubscribe:");
            assertThat(data.get(MessagingDelivery.HTML)).contains("<code>WINTER7</code>");

            f.sandbox.faults().restorePermissions();
            f.awaitAllEnded(Duration.ofSeconds(120));
            List<AttemptRow> attempts = f.workspace.engineRepository().attemptsOfCampaign(campaignId, 0, 10_000);
            assertThat(attempts).hasSize(contacts).allSatisfy(a -> {
                assertThat(a.state()).isEqualTo("SENT");
                assertThat(a.evidence()).startsWith(MessagingDelivery.EVIDENCE);
            });
            List<LedgerEntry> email = f.sandbox.ledger().stream().filter(l -> l.channel().equals("email")).toList();
            assertThat(email).as("once each, all by the messaging campaign").hasSize(contacts)
                    .allSatisfy(l -> assertThat(l.campaignId()).isNotNull());
            assertThat(email.stream().map(LedgerEntry::address).distinct().count()).isEqualTo(contacts);
            // Genesys sent exactly what the engine rendered: the subject, the plain-text and the HTML body
            String sent = email.stream().filter(l -> l.address().equals("pat7@example.com")).findFirst()
                    .orElseThrow().contentSha256();
            assertThat(sent).isEqualTo(sha256(data.get(MessagingDelivery.SUBJECT) + "\n"
                    + data.get(MessagingDelivery.TEXT) + "\n" + data.get(MessagingDelivery.HTML)));
            assertThat(f.sandbox.metrics().byRoute().getOrDefault("POST /api/v2/conversations/emails/agentless", 0L))
                    .as("no agentless email").isZero();
        }
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static void importList(EngineFixture f, int n) throws Exception {
        Path csv = f.dir.resolve("broadcast-" + n + ".csv");
        BenchContacts.write(csv, n);
        var summary = f.workspace.imports().run(ImportRequest.of(csv, LIST), ImportListener.NONE, () -> false);
        assertThat(summary.inserted()).isEqualTo(n);
    }

    static CampaignService.LaunchReport launch(EngineFixture f) throws Exception {
        CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
        CampaignService.Spec spec = new CampaignService.Spec("Broadcast", LIST, demo.sequence(),
                demo.sequenceVersion(), demo.purpose(), demo.smsFrom(), demo.emailFrom(), demo.variables());
        f.workspace.campaigns().create(f.admin, spec);
        return f.workspace.campaigns().launch(f.admin, spec.name(), f.engine.orgFacts());
    }

    private static List<AttemptRow> attempts(EngineFixture f) {
        long id = f.workspace.engineRepository().campaign("Broadcast").orElseThrow().id();
        return f.workspace.engineRepository().attemptsOfCampaign(id, 0, 100_000);
    }

    private static List<AttemptRow> placed(EngineFixture f) {
        return attempts(f).stream().filter(a -> a.state().equals("SENT") && a.outcome() == null
                && a.messageId() != null && a.messageId().startsWith(MessagingDelivery.ID_PREFIX)).toList();
    }

    private static int sms(EngineFixture f) {
        return (int) f.sandbox.ledger().stream().filter(l -> l.channel().equals("sms") && l.campaignId() != null)
                .count();
    }

    private static boolean done(EngineFixture f, long enrollmentId) {
        EnrollmentRow e = f.workspace.engineRepository().enrollment(enrollmentId).orElseThrow();
        return e.status().equals("DONE");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> countBy(List<String> keys) {
        Map<String, Long> n = new HashMap<>();
        keys.forEach(k -> n.merge(k, 1L, Long::sum));
        return n;
    }
}
