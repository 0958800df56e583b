package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ops.Operations;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.LedgerEntry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reconciliation in-process, driven by sandbox faults: Genesys accepts a send (the sandbox ledgers it) and then the
 * answer is lost, so the engine marks the attempt UNKNOWN with a journal D line and no A line. The reconciler cannot
 * prove anything, so the attempt waits in the operator queue; nothing is resent; an operator settles it.
 */
class ReconcileTest {
    private static final String CAMPAIGN = "Outage broadcast";

    @TempDir
    Path dir;

    /** One attempt as the evidence export shows it. */
    record Row(String key, long attemptId, String address, String state, String outcome) {
    }

    static List<Row> attempts(EngineFixture f) throws Exception {
        StringWriter w = new StringWriter();
        f.workspace.timelines().evidenceForCampaign(CAMPAIGN, w);
        return w.toString().lines().skip(1).map(l -> l.split(",", -1)).map(c -> new Row(c[1],
                Long.parseLong(c[2]), c[6].startsWith("'") ? c[6].substring(1) : c[6], c[7], c[8])).toList();
    }

    /**
     * The attempts that may have reached someone: all but sends held back before they left (on a clock this fast a
     * send waiting a real second for the request budget waits hours of engine time, and may outlive the contact's
     * window; it is held back and planned again, which is right).
     */
    static List<Row> reaching(EngineFixture f) throws Exception {
        java.util.Set<Long> heldBack = new java.util.HashSet<>();
        f.workspace.engineRepository().attemptsOfCampaign(1, 0, 10_000).stream()
                .filter(a -> a.state().equals("NOT_SENT") && StepRunner.HELD_BACK.equals(a.reason()))
                .forEach(a -> heldBack.add(a.id()));
        return attempts(f).stream().filter(r -> !heldBack.contains(r.attemptId())).toList();
    }

    static Map<String, Long> perAddress(EngineFixture f) {
        return f.sandbox.ledger().stream().collect(Collectors.groupingBy(LedgerEntry::address,
                Collectors.counting()));
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static AuditEntry lastAudit(EngineFixture f) {
        return f.workspace.audit().recent(1).getFirst();
    }

    /**
     * Launches the outage broadcast while every send is accepted and its answer lost, until the engine has marked
     * what it dispatched UNKNOWN and the reconciler has looked at it; then the faults are lifted.
     */
    private List<Operations.QueueItem> sendIntoTheVoid(EngineFixture f, Consumer<EngineFixture> fault)
            throws Exception {
        f.startEngine();
        CampaignService.OrgFacts org = f.engine.orgFacts(); // read before the faults: they hit every API call
        CampaignService.Spec spec = CampaignFile.demo("outage-broadcast");
        f.workspace.campaigns().create(f.admin, spec);
        fault.accept(f);
        assertThat(f.workspace.campaigns().launch(f.admin, CAMPAIGN, org).launched()).isTrue();
        await("a first UNKNOWN attempt", Duration.ofSeconds(60), () -> !f.workspace.operatorQueue().isEmpty());
        // stop new claims before lifting the faults, so that every send of this test went into the void
        f.workspace.campaigns().pause(f.admin, CAMPAIGN, "let the calls in flight end");
        await("no call in flight", Duration.ofSeconds(60), () -> {
            try {
                return attempts(f).stream().noneMatch(r -> r.state().equals("INTENT"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        f.sandbox.faults().reset();
        await("the reconciler's evidence", Duration.ofSeconds(10), () -> f.workspace.operatorQueue().stream()
                .allMatch(q -> q.evidence() != null && q.evidence().startsWith("dispatched in epoch")));
        return f.workspace.operatorQueue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"drop connection after action", "answer 5xx before action"})
    void anUnprovableSendWaitsForAPersonAndIsNeverResentByItself(String fault) throws Exception {
        boolean actionTakesEffect = fault.startsWith("drop");
        try (EngineFixture f = new EngineFixture(dir, 60)) {
            List<Operations.QueueItem> queue = sendIntoTheVoid(f, fx -> {
                if (actionTakesEffect) {
                    fx.sandbox.faults().dropConnectionAfterAction(1.0);
                } else {
                    fx.sandbox.faults().rate5xx(1.0);
                }
            });
            List<Row> rows = attempts(f);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.state()).isEqualTo("UNKNOWN"));
            assertThat(queue).hasSameSizeAs(rows).allSatisfy(q -> {
                assertThat(q.campaign()).isEqualTo(CAMPAIGN);
                assertThat(q.channel()).isEqualTo("SMS");
                assertThat(q.step()).isEqualTo("sms");
                assertThat(q.epoch()).isEqualTo(f.engine.status().epoch());
                assertThat(q.evidence()).contains("dispatched").contains("no answer was recorded");
                assertThat(q.reason()).isNotBlank();
                assertThat(q.address()).doesNotContain("736-0181");
            });
            if (actionTakesEffect) {
                assertThat(queue).allSatisfy(q -> assertThat(q.reason()).contains("may have left"));
                // Genesys took every one of them: one touch each, none twice
                assertThat(perAddress(f)).hasSize(rows.size()).allSatisfy((a, n) -> assertThat(n).isOne());
                assertThat(rows).allSatisfy(r -> assertThat(perAddress(f)).containsEntry(r.address(), 1L));
            } else {
                assertThat(queue).allSatisfy(q -> assertThat(q.reason()).contains("503"));
                assertThat(f.sandbox.ledger()).isEmpty();
            }
            Map<String, Integer> enrollments = f.workspace.campaigns().stats(CAMPAIGN, f.clock.instant())
                    .enrollments();
            assertThat(enrollments.get("held")).isEqualTo(rows.size());

            // resumed and left alone for a while of engine time: nothing is resent, the queue stays as it is
            f.workspace.campaigns().resume(f.admin, CAMPAIGN, "faults lifted");
            int ledger = f.sandbox.ledger().size();
            java.time.Instant from = f.clock.instant();
            await("a few minutes of engine time", Duration.ofSeconds(30), () -> Duration.between(from,
                    f.clock.instant()).toSeconds() >= 180);
            f.engine.reconcile();
            Thread.sleep(300);
            List<Row> later = attempts(f);
            assertThat(later.stream().filter(r -> rows.stream().anyMatch(o -> o.attemptId() == r.attemptId())))
                    .allSatisfy(r -> assertThat(r.state()).isEqualTo("UNKNOWN"));
            int othersSent = (int) later.stream().filter(r -> rows.stream().noneMatch(o -> o.attemptId()
                    == r.attemptId())).filter(r -> r.state().equals("SENT")).count();
            assertThat(f.sandbox.ledger()).as("only contacts never tried before are sent to")
                    .hasSize(ledger + othersSent);
            assertThat(later.stream().map(Row::key).collect(Collectors.groupingBy(k -> k, Collectors.counting()))
                    .values()).as("no second attempt for a held contact").allMatch(n -> n == 1);
            assertThat(f.workspace.operatorQueue()).extracting(Operations.QueueItem::attemptId)
                    .containsExactlyInAnyOrderElementsOf(queue.stream().map(Operations.QueueItem::attemptId)
                            .toList());

            // a restart (new epoch) keeps them in the queue and keeps the journal that is their evidence
            f.engine.close();
            f.startEngine();
            assertThat(f.engine.status().epoch()).isGreaterThan(queue.getFirst().epoch());
            assertThat(f.workspace.operatorQueue()).hasSameSizeAs(queue).allSatisfy(q -> assertThat(q.evidence())
                    .contains("dispatched in epoch " + queue.getFirst().epoch()));
            assertThat(Files.exists(f.workspace.dataDir().resolve("journal")
                    .resolve(String.format("epoch-%06d.log", queue.getFirst().epoch())))).isTrue();

            // the operator settles: the first as sent, the second as not sent, the rest as sent
            Operations.QueueItem first = queue.get(0);
            Row firstRow = rows.stream().filter(r -> r.attemptId() == first.attemptId()).findFirst().orElseThrow();
            long auditRows = f.workspace.audit().verify().rows();
            f.workspace.settleByOperator(f.admin, first.attemptId(), true, "recipient confirmed by phone",
                    f.clock.instant());
            assertThat(lastAudit(f).action()).isEqualTo("attempt.settle");
            assertThat(lastAudit(f).subject()).isEqualTo("attempt " + first.attemptId());
            assertThat(lastAudit(f).details()).isEqualTo("sent: recipient confirmed by phone");
            assertThat(f.workspace.audit().verify().rows()).isEqualTo(auditRows + 1);
            assertThat(f.workspace.operatorQueue()).extracting(Operations.QueueItem::attemptId)
                    .doesNotContain(first.attemptId());
            Row settled = attempts(f).stream().filter(r -> r.attemptId() == first.attemptId()).findFirst()
                    .orElseThrow();
            assertThat(settled.state()).isEqualTo("SENT");
            assertThat(settled.outcome()).isEqualTo("DELIVERED");
            assertThatThrownBy(() -> f.workspace.settleByOperator(f.admin, first.attemptId(), false, "changed my mind",
                    f.clock.instant())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Attempt " + first.attemptId() + " is SENT, not UNKNOWN: nothing to settle.");

            Row resend = null;
            if (queue.size() > 1) {
                Operations.QueueItem second = queue.get(1);
                resend = rows.stream().filter(r -> r.attemptId() == second.attemptId()).findFirst().orElseThrow();
                f.workspace.settleByOperator(f.admin, second.attemptId(), false, "carrier says it never arrived",
                        f.clock.instant());
                assertThat(lastAudit(f).details()).isEqualTo("not sent: carrier says it never arrived");
            }
            for (Operations.QueueItem q : queue.subList(Math.min(2, queue.size()), queue.size())) {
                f.workspace.settleByOperator(f.admin, q.attemptId(), true, "bulk: delivered per carrier report",
                        f.clock.instant());
            }
            assertThat(f.workspace.operatorQueue()).isEmpty();
            // (contacts deferred to their quiet-hours window are not waited for: hours of engine time at this speed)
            Row again = resend;
            await("the settled enrollments to move on", Duration.ofSeconds(60), () -> {
                try {
                    var st = f.workspace.campaigns().stats(CAMPAIGN, f.clock.instant());
                    return st.enrollments().getOrDefault("held", 0) == 0 && (again == null || attempts(f).stream()
                            .anyMatch(r -> r.key().equals(again.key()) && r.state().equals("SENT")
                                    && r.attemptId() != again.attemptId()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(f.workspace.audit().verify().problem()).isEmpty();

            Map<String, Long> touches = perAddress(f);
            List<Row> end = attempts(f);
            if (actionTakesEffect) {
                // sent as settled: still exactly one touch
                assertThat(touches).containsEntry(firstRow.address(), 1L);
            } else {
                assertThat(touches).doesNotContainKey(firstRow.address());
            }
            if (resend != null) {
                // "not sent" put the step through the gate again: exactly one more touch, a new attempt
                Row r0 = resend;
                assertThat(touches).containsEntry(r0.address(), actionTakesEffect ? 2L : 1L);
                assertThat(end).filteredOn(r -> r.key().equals(r0.key())).extracting(Row::state)
                        .containsExactlyInAnyOrder("NOT_SENT", "SENT");
            }
            // nothing else was ever sent twice
            String resent = resend == null ? null : resend.address();
            assertThat(touches).allSatisfy((a, n) -> {
                if (!a.equals(resent)) {
                    assertThat(n).as(a).isOne();
                }
            });
            int sentInStore = f.workspace.campaigns().stats(CAMPAIGN, f.clock.instant()).steps().stream()
                    .mapToInt(CampaignService.StepStats::sent).sum();
            assertThat(sentInStore).isEqualTo(end.stream().filter(r -> r.state().equals("SENT")).count());
            if (!actionTakesEffect) {
                assertThat(f.sandbox.ledger()).as("what the store calls sent but Genesys never took: the"
                        + " operators' word").hasSize(sentInStore - (queue.size() - (resend == null ? 0 : 1)));
            }
        }
    }

    @Test
    void settleByOperatorRefusesWhatItCannotDo() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 60)) {
            List<Operations.QueueItem> queue = sendIntoTheVoid(f, fx -> fx.sandbox.faults()
                    .dropConnectionAfterAction(1.0));
            long id = queue.getFirst().attemptId();
            f.workspace.users().add(f.admin, "cora", Role.COMPLIANCE, "cora-password".toCharArray());
            Actor cora = f.workspace.users().authenticate("cora", "cora-password".toCharArray());
            long auditRows = f.workspace.audit().verify().rows();

            assertThatThrownBy(() -> f.workspace.settleByOperator(cora, id, true, "I know", f.clock.instant()))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("cora (COMPLIANCE)");
            for (String blank : new String[] {null, "", "  "}) {
                assertThatThrownBy(() -> f.workspace.settleByOperator(f.admin, id, true, blank, f.clock.instant()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason is required");
            }
            assertThatThrownBy(() -> f.workspace.settleByOperator(f.admin, 9_999_999, true, "typo",
                    f.clock.instant())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No attempt 9999999.");
            assertThat(f.workspace.operatorQueue()).extracting(Operations.QueueItem::attemptId).contains(id);
            assertThat(f.workspace.audit().verify().rows()).as("refusals change nothing").isEqualTo(auditRows);
            assertThat(f.workspace.audit().verify().problem()).isEmpty();
        }
    }

    @Test
    void aCleanRunLeavesTheOperatorQueueEmptyAndJournalsAnswerForEverySend() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 14_400)) {
            f.startEngine();
            f.createAndLaunch("outage-broadcast");
            f.awaitAllEnded(Duration.ofSeconds(60));
            assertThat(f.workspace.operatorQueue()).isEmpty();
            assertThat(f.engine.reconcile()).isZero();
            List<Row> rows = reaching(f);
            assertThat(rows).filteredOn(r -> r.state().equals("SENT")).isNotEmpty();
            assertThat(rows).allSatisfy(r -> assertThat(r.state()).isIn("SENT", "FAILED"));
            Map<Long, SendJournal.Entry> journal = SendJournal.read(f.workspace.dataDir());
            assertThat(rows).filteredOn(r -> r.state().equals("SENT")).allSatisfy(r -> {
                assertThat(journal).containsKey(r.attemptId());
                assertThat(journal.get(r.attemptId()).answered()).isTrue();
            });
            f.engine.close();
            f.startEngine();
            assertThat(f.workspace.operatorQueue()).isEmpty();
            assertThat(f.workspace.audit().verify().problem()).isEmpty();
        }
    }

    @Test
    void aCleanRestartPrunesTheJournalsOfEarlierEpochs() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 14_400)) {
            f.startEngine();
            f.createAndLaunch("outage-broadcast");
            f.awaitAllEnded(Duration.ofSeconds(60));
            assertThat(f.workspace.operatorQueue()).isEmpty();
            assertThat(f.engine.reconcile()).isZero();
            List<Row> rows = reaching(f);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.state()).isEqualTo("SENT"));
            // the journal of this epoch answers for every attempt it sent
            Map<Long, SendJournal.Entry> journal = SendJournal.read(f.workspace.dataDir());
            assertThat(rows).allSatisfy(r -> {
                assertThat(journal).containsKey(r.attemptId());
                assertThat(journal.get(r.attemptId()).answered()).isTrue();
            });
            int epoch = f.engine.status().epoch();
            f.engine.close();
            f.startEngine(); // a clean restart: nothing to reconcile, the earlier journal may go
            assertThat(f.workspace.operatorQueue()).isEmpty();
            try (Stream<Path> files = Files.list(f.workspace.dataDir().resolve("journal"))) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .doesNotContain(String.format("epoch-%06d.log", epoch));
            }
        }
    }
}
