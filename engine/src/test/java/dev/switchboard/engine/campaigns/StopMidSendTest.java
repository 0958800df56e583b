package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.sandbox.LedgerEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance test 7 (compliance-rules.md §8), "STOP mid-send: of 500 queued messages, 0 leave after the STOP's
 * commit", in the form Switchboard's data model allows. Five hundred messages to one number cannot be queued: the
 * product pressure cap (3 touches per person in 7 days, over every address the person has) defers the fourth, and
 * rows that share a number are separate contacts whose suppressions and caps are shared. So the 500 queued
 * messages are two outage broadcasts to a 500-row list, launched together with latency on every request, and the
 * person who replies STOP is on that list and was texted first by a third campaign (the STOP answers that text).
 * Their two broadcast messages are queued when the STOP arrives: the engine has decided and committed their intents
 * (phase 1) but not made the calls (phase 2). A probe holds the senders right before their calls while the STOP is
 * replied over the sandbox's HTTP inbound path and until its suppression has committed, so that this window is hit
 * every run rather than by luck. Then the sandbox's ledger must hold no message to that number accepted after the
 * commit (the opt-out confirmation aside, a system reply), and both queued attempts must end not sent.
 */
class StopMidSendTest {
    @TempDir
    Path dir;

    /**
     * Agentless sends: the messages queued in the engine are what this test is about (a broadcast this size would
     * otherwise go through a Genesys messaging campaign, whose waiting contacts an opt-out withdraws, and whose
     * DNC list Genesys itself checks: MessagingCampaignTest).
     */
    @org.junit.jupiter.api.BeforeEach
    void agentless() {
        System.setProperty(MessagingDelivery.PROPERTY, "off");
    }

    @org.junit.jupiter.api.AfterEach
    void restore() {
        System.clearProperty(MessagingDelivery.PROPERTY);
    }

    @Test
    void noQueuedMessageLeavesAfterTheStopCommits() throws Exception {
        AtomicReference<EngineFixture> fixture = new AtomicReference<>();
        AtomicReference<String> stopper = new AtomicReference<>();
        AtomicBoolean stopSent = new AtomicBoolean();
        CountDownLatch committed = new CountDownLatch(1);
        AtomicReference<Instant> commitAt = new AtomicReference<>();
        AtomicReference<Integer> ledgerAtStop = new AtomicReference<>();
        // at a sender's "before-call" (intent and journal on disk, call not started): once a broadcast intent to the
        // STOP-sender is committed, reply STOP and hold every sender until the opt-out is committed
        Engine.Probe probe = point -> {
            EngineFixture f = fixture.get();
            String number = stopper.get();
            if (!point.equals("before-call") || f == null || number == null) {
                return;
            }
            if (!stopSent.get()) {
                long queued = f.workspace.engineRepository().attemptsInState("INTENT", 10_000).stream()
                        .filter(a -> a.address().equals(number)).count();
                if (queued < 1 || !stopSent.compareAndSet(false, true)) {
                    return;
                }
                ledgerAtStop.set(f.sandbox.ledger().size());
                Thread.ofPlatform().daemon().start(() -> {
                    f.sandbox.reply(number, "STOP");
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (System.nanoTime() < end) {
                        var entry = f.workspace.suppressions().recent(1000).stream().filter(e -> e.suppression()
                                .kind() == Suppression.Kind.OPT_OUT && e.suppression().key().equals(number))
                                .findFirst();
                        if (entry.isPresent()) {
                            commitAt.set(entry.get().createdAt());
                            break;
                        }
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    committed.countDown();
                });
            }
            try {
                committed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (EngineFixture f = new EngineFixture(dir, 60)) {
            Path csv = dir.resolve("broadcast.csv");
            EngineCrashTest.writeList(csv, 500);
            f.workspace.imports().run(ImportRequest.of(csv, "Broadcast list"), ImportListener.NONE, () -> false);
            String number = f.workspace.contacts().contactsAfter(f.workspace.contacts().lists().stream()
                    .filter(l -> l.list().name().equals("Broadcast list")).findFirst().orElseThrow().list().id(), 0,
                    1000).stream().filter(c -> c.data().externalKey().equals("K-000250")).findFirst().orElseThrow()
                    .data().phones().getFirst().e164();
            Path first = dir.resolve("first.csv");
            List<String> lines = Files.readAllLines(csv);
            Files.writeString(first, lines.getFirst() + "\n" + lines.get(251).replace("K-000250", "F-1") + "\n");
            f.workspace.imports().run(ImportRequest.of(first, "First text"), ImportListener.NONE, () -> false);
            f.workspace.senders().register(f.admin, dev.switchboard.model.throughput.SenderLimits.unthrottled(
                    CampaignFile.demo("outage-broadcast").smsFrom(), "stop test"));
            fixture.set(f);
            f.startEngine(probe);
            CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
            CampaignService.OrgFacts org = f.engine.orgFacts();
            launch(f, demo, "First", "First text", org);
            ReconcileTest.await("the first text to the STOP sender", Duration.ofSeconds(30), () -> f.sandbox.ledger()
                    .stream().anyMatch(l -> l.address().equals(number)));
            f.sandbox.faults().latency(Duration.ofMillis(20));
            stopper.set(number);
            launch(f, demo, "Broadcast A", "Broadcast list", org);
            launch(f, demo, "Broadcast B", "Broadcast list", org);
            assertThat(committed.await(90, TimeUnit.SECONDS)).as("the STOP was sent mid-send and committed").isTrue();
            assertThat(commitAt.get()).as("the opt-out suppression").isNotNull();
            f.sandbox.faults().latency(Duration.ZERO);
            f.awaitAllEnded(Duration.ofSeconds(120));

            List<LedgerEntry> ledger = f.sandbox.ledger();
            assertThat(ledgerAtStop.get()).as("mid-send: most of the 1,000 broadcast messages were still to go")
                    .isLessThan(1 + 1000 - 100);
            var inbound = f.workspace.inbound();
            List<LedgerEntry> late = ledger.stream().filter(l -> l.address().equals(number)
                            && l.at().isAfter(commitAt.get()))
                    .filter(l -> inbound.repliesTo(number).stream().noneMatch(r -> l.messageId() != null
                            && l.messageId().equals(r.messageId())))
                    .toList();
            assertThat(late).as("messages to the number delivered after the STOP's commit at " + commitAt.get()
                    + "; all to it: " + ledger.stream().filter(l -> l.address().equals(number)).toList()).isEmpty();
            // the ledger holds what reached the carrier; Genesys also accepts (and then fails with RecipientOptedOut)
            // a text to a number that opted out, so every message the store says Genesys took is looked up there
            try (var client = f.org().client()) {
                for (AttemptRow a : f.workspace.engineRepository().attemptsInState("SENT", 10_000)) {
                    if (a.address().equals(number) && a.messageId() != null) {
                        var status = client.messaging().messageStatus(a.conversationId(), a.messageId());
                        assertThat(Instant.parse(status.timestamp())).as("Genesys accepted attempt " + a
                                + " at " + status.timestamp() + ", after the STOP's commit at " + commitAt.get())
                                .isBefore(commitAt.get());
                    }
                }
            }
            List<AttemptRow> toStopper = f.workspace.engineRepository().attemptsOfContact(stopperContact(f, number))
                    .stream().toList();
            assertThat(toStopper).as("the queued broadcast message(s) to the STOP-sender end not sent, stopped by the"
                    + " opt-out").isNotEmpty().allSatisfy(a -> {
                        assertThat(a.state()).isEqualTo("NOT_SENT");
                        assertThat(a.reason()).containsIgnoringCase("suppress");
                    });
            assertThat(ledger.stream().filter(l -> l.address().equals(number)).count())
                    .as("the STOP-sender got the first text only").isEqualTo(1);
            // the rest of the broadcast went out: 499 others in each campaign
            assertThat(ledger.stream().filter(l -> !l.address().equals(number)).map(LedgerEntry::address)
                    .distinct().count()).isEqualTo(499);
            System.out.println("StopMidSendTest: STOP committed at " + commitAt.get() + " with " + ledgerAtStop.get()
                    + " messages in the ledger; ledger now " + ledger.size());
        }
    }

    /** The STOP-sender's contact on the broadcast list. */
    private static long stopperContact(EngineFixture f, String number) {
        return f.workspace.timelines().contactId("Broadcast list", "K-000250").orElseThrow();
    }

    private static void launch(EngineFixture f, CampaignService.Spec demo, String name, String list,
                               CampaignService.OrgFacts org) throws Exception {
        f.workspace.campaigns().create(f.admin, new CampaignService.Spec(name, list, demo.sequence(), null,
                demo.purpose(), demo.smsFrom(), null, demo.variables()));
        CampaignService.LaunchReport r = f.workspace.campaigns().launch(f.admin, name, org);
        assertThat(r.launched()).as(r.checks().toString()).isTrue();
    }
}
