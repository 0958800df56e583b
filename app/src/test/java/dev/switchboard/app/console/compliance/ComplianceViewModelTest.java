package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceViewModelTest {
    private final FakeComplianceBackend backend = FakeComplianceBackend.demo();
    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session(actor("carla", Role.COMPLIANCE));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);
    private final ComplianceViewModel vm = new ComplianceViewModel(backend, tasks, dialogs, session, clock);
    private final SuppressionsModel s = vm.suppressions();

    static Actor actor(String name, Role role) {
        return new Actor(new UserProfile(name.length(), name, role, Instant.EPOCH), name);
    }

    @Test
    void showsTheRulePackTheSuppressionsAndWhatTheRoleMayDo() {
        vm.refresh();
        assertThat(vm.rulePackProperty().get()).isEqualTo("Rule pack us-2026@2026.11 · effective 2026-11-01 ·"
                + " signed off by Compliance counsel, 2026-10-20");
        assertThat(s.entries()).hasSize(5);
        assertThat(SuppressionsModel.pageLabel(s.pageProperty().get())).isEqualTo("1–5 of 5");
        assertThat(s.pending()).hasSize(1);
        assertThat(s.entries()).filteredOn(s::removalPending).extracting(e -> e.suppression().key())
                .containsExactly("+13175550142");
        assertThat(s.syncTextProperty().get()).startsWith("Last complete sync").contains("3 lists, 120 entries");
        assertThat(s.canChangeProperty().get()).isTrue();
        assertThat(s.canDecideProperty().get()).isTrue();

        session.signIn(actor("olga", Role.OPERATOR));
        assertThat(s.canChangeProperty().get()).isTrue();
        assertThat(s.canDecideProperty().get()).isFalse();
        assertThat(vm.signedInProperty().get()).startsWith("Signed in as olga (operator): you may add");
        session.signIn(actor("sam", Role.SUPERVISOR));
        assertThat(s.canChangeProperty().get()).isFalse();
        assertThat(vm.signedInProperty().get()).endsWith("you may look, not change suppressions");
    }

    @Test
    void theOneWhoAskedCannotApproveButMayWithdraw() {
        vm.refresh();
        session.signIn(actor("olga", Role.COMPLIANCE));
        s.selectedRequestProperty().set(s.pending().getFirst());
        assertThat(s.selectedIsOwn()).isTrue();
        assertThat(s.canApproveProperty().get()).isFalse();
        assertThat(s.canRejectProperty().get()).isTrue();

        session.signIn(actor("carla", Role.COMPLIANCE));
        assertThat(s.canApproveProperty().get()).isTrue();
        s.approveSelected();
        assertThat(backend.calls).contains("approve 7 by carla");
        assertThat(s.pending()).isEmpty();
        assertThat(s.entries()).hasSize(4);
        assertThat(s.outcomeProperty().get()).isEqualTo("Suppression of +13175550142 lifted (asked by olga, approved"
                + " by carla).");
    }

    @Test
    void anOperatorSeesARefusalFromTheServiceAsAnError() {
        vm.refresh();
        session.signIn(actor("olga", Role.COMPLIANCE));
        s.selectedRequestProperty().set(s.pending().getFirst());
        // the view disables Approve; the service refuses anyway
        s.approveSelected();
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Removal not approved: olga asked");
        assertThat(s.pending()).hasSize(1);
    }

    @Test
    void addNamesEachBadFieldAndPutsTheServicesAddressRefusalOnTheAddress() {
        AddSuppressionForm form = s.newForm();
        form.kindProperty().set(null);
        form.lastDayProperty().set(LocalDate.of(2026, 11, 1));
        boolean[] closed = {false};
        s.add(form, () -> closed[0] = true);
        assertThat(form.addressErrorProperty().get()).startsWith("Address:");
        assertThat(form.kindErrorProperty().get()).startsWith("Kind:");
        assertThat(form.lastDayErrorProperty().get()).isEqualTo("Last day: 2026-11-01 is in the past (leave it"
                + " empty for never)");
        assertThat(form.reasonErrorProperty().get()).startsWith("Reason:");
        assertThat(backend.calls).isEmpty();

        form.addressProperty().set("not an address");
        form.kindProperty().set(Suppression.Kind.OPT_OUT);
        form.channelProperty().set(Choices.ChannelChoice.SMS);
        form.lastDayProperty().set(null);
        form.reasonProperty().set("asked by letter");
        s.add(form, () -> closed[0] = true);
        assertThat(closed[0]).isFalse();
        assertThat(form.addressErrorProperty().get()).isEqualTo("Address: 'not an address' is neither a valid phone"
                + " number nor an email address");

        form.addressProperty().set("+12125550100");
        s.add(form, () -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(backend.calls).containsExactly("add not an address by carla", "add +12125550100 by carla");
        assertThat(s.outcomeProperty().get()).startsWith("Suppression 105 recorded: Opt-out, SMS.");
        assertThat(s.entries().getFirst().suppression().key()).isEqualTo("+12125550100");
    }

    @Test
    void aRemovalNeedsAReasonAndThenWaitsForASecondProfile() {
        vm.refresh();
        SuppressionService.Entry e = s.entries().getFirst();
        assertThat(s.requestRemoval(e, "  ")).startsWith("Reason:");
        assertThat(backend.calls).noneMatch(c -> c.startsWith("request"));
        assertThat(s.requestRemoval(e, "typo in the number")).isNull();
        assertThat(backend.calls).filteredOn(c -> c.startsWith("request"))
                .containsExactly("request " + e.id() + " by carla: typo in the number");
        assertThat(s.outcomeProperty().get()).contains("a different compliance or admin profile must approve it");
        assertThat(s.pending()).hasSize(2);
        assertThat(s.removalPending(e)).isTrue();
    }

    @Test
    void searchingWaitsForTypingToPauseAndFiltersAtOnce() {
        vm.refresh();
        s.searchTextProperty().set("212 736");
        assertThat(backend.lastSearch.text()).isNull();
        tasks.fireTimers();
        assertThat(backend.lastSearch.text()).isEqualTo("212 736");
        assertThat(s.entries()).extracting(x -> x.suppression().key()).containsExactly("+12127365000");
        s.searchTextProperty().set("");
        s.kindFilterProperty().set(Choices.KindFilter.DNC);
        assertThat(backend.lastSearch.kind()).isEqualTo(Suppression.Kind.DNC);
        s.channelFilterProperty().set(Choices.ChannelChoice.SMS);
        assertThat(backend.lastSearch.channel()).isEqualTo(Channel.SMS);
        // DNC on all channels stops SMS; the voice-only DNC does not
        assertThat(s.entries()).extracting(x -> x.suppression().key()).containsExactly("+13175550142");
    }

    @Test
    void aRefusedImportListsEachBadRowAndAGoodOneReportsWhatItAdded() {
        vm.refresh();
        dialogs.answer(Path.of("/tmp/bad.csv"));
        backend.importFailure = refused();
        s.importCsv();
        assertThat(s.outcomeProperty().get()).isEqualTo("bad.csv: 2 rows are not valid; nothing was imported");
        assertThat(s.outcomeOkProperty().get()).isFalse();
        assertThat(s.importProblems()).containsExactly("line 3, address: 'x' is neither a valid phone number nor an"
                + " email address", "line 4, kind: 'spam' is not dnc, opt_out, hard_bounce, legal_hold or review");
        assertThat(s.importProgressProperty().get()).isEqualTo(-1);

        dialogs.answer(Path.of("/tmp/good.csv"));
        backend.importFailure = null;
        backend.importReport = new SuppressionService.ImportReport("good.csv", 120, 118, 2);
        s.importCsv();
        assertThat(s.importProblems()).isEmpty();
        assertThat(s.outcomeProperty().get()).isEqualTo("Imported good.csv: 120 rows, 118 suppressions added, 2 in"
                + " the list already.");
        assertThat(s.outcomeOkProperty().get()).isTrue();

        session.signIn(actor("olga", Role.OPERATOR));
        dialogs.answer(Path.of("/tmp/x.csv"));
        backend.importFailure = new PermissionDeniedException("olga (OPERATOR) may not import suppressions");
        s.importCsv();
        assertThat(s.outcomeProperty().get()).isEqualTo("Import failed: olga (OPERATOR) may not import"
                + " suppressions");
    }

    private static SuppressionService.ImportRefusedException refused() {
        try {
            java.lang.reflect.Constructor<SuppressionService.ImportRefusedException> c =
                    SuppressionService.ImportRefusedException.class.getDeclaredConstructor(String.class, List.class);
            c.setAccessible(true);
            return c.newInstance("bad.csv: 2 rows are not valid; nothing was imported", List.of(
                    new SuppressionService.RowProblem(3, "address", "'x' is neither a valid phone number nor an"
                            + " email address"),
                    new SuppressionService.RowProblem(4, "kind", "'spam' is not dnc, opt_out, hard_bounce,"
                            + " legal_hold or review")));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exportAndSyncSayWhatTheyDid() {
        vm.refresh();
        dialogs.answer(Path.of("/tmp/out.csv"));
        s.exportCsv();
        assertThat(dialogs.asked()).contains("Export suppressions: suppressions-2026-11-24.csv");
        assertThat(s.outcomeProperty().get()).isEqualTo("Exported 5 suppressions to /tmp/out.csv.");
        s.syncDnc();
        assertThat(s.outcomeProperty().get()).isEqualTo("Synced 3 DNC lists, 120 entries, 4 suppressions added.");
        backend.syncFailure = new IllegalStateException("The engine is not running and no org is connected");
        s.syncDnc();
        assertThat(s.outcomeProperty().get()).startsWith("Sync failed: The engine is not running");
        assertThat(s.syncingProperty().get()).isFalse();
    }

    @Test
    void blocksCountPerRuleAndDrillDownPerCampaign() {
        vm.refresh();
        BlocksModel b = vm.blocks();
        assertThat(b.campaigns()).extracting(ComplianceBackend.CampaignRef::name)
                .containsExactly("All campaigns", "Appointment reminders", "Winter offers");
        assertThat(b.totals()).extracting(t -> t.rule() + "=" + t.blocks())
                .containsExactly("suppression.OPT_OUT=59", "window.quiet-hours=23", "cap.weekly=6",
                        "consent.missing=2");
        assertThat(b.summaryProperty().get()).isEqualTo("90 blocks by 4 rules across campaigns");
        assertThat(BlocksModel.campaignsOf(b.totals().getFirst())).isEqualTo("Appointment reminders 42 · Winter"
                + " offers 17");
        assertThat(b.selectedRuleProperty().get().rule()).isEqualTo("suppression.OPT_OUT");
        assertThat(b.blocks()).hasSize(5);
        assertThat(b.blocksLabelProperty().get()).isEqualTo("Blocks by suppression.OPT_OUT: 5 of 59, newest first");

        long[] opened = {0};
        b.setTimelineOpener(id -> opened[0] = id);
        b.open(b.blocks().get(2));
        assertThat(opened[0]).isEqualTo(12);

        b.campaignProperty().set(b.campaigns().get(2));
        assertThat(backend.calls).contains("totals 2");
        assertThat(b.summaryProperty().get()).isEqualTo("42 blocks by 3 rules in this campaign");
        assertThat(b.totals().getFirst().rule()).isEqualTo("window.quiet-hours");
        // the rule chosen stays chosen, with this campaign's count and blocks
        assertThat(b.selectedRuleProperty().get().rule()).isEqualTo("suppression.OPT_OUT");
        assertThat(b.selectedRuleProperty().get().blocks()).isEqualTo(17);
        assertThat(backend.lastBlocksCampaign).isEqualTo(2L);
        assertThat(b.blocks()).isEmpty();
    }

    @Test
    void verifySaysTheChainIsIntactOrShowsTheFirstBrokenRow() {
        vm.refresh();
        AuditModel a = vm.audit();
        assertThat(a.entries()).extracting(e -> e.seq()).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(a.pageLabelProperty().get()).isEqualTo("Rows 1–6 of 6");
        a.verify();
        assertThat(a.verdictProperty().get()).isEqualTo("Chain intact: 6 entries");
        assertThat(a.intactProperty().get()).isTrue();
        assertThat(a.verifyingProperty().get()).isFalse();

        backend.brokenAt = "row 4: its content does not match its hash (the row was changed)";
        a.verify();
        assertThat(a.intactProperty().get()).isFalse();
        assertThat(a.verdictProperty().get()).isEqualTo("Chain broken at row 4: its content does not match its hash"
                + " (the row was changed) (6 entries checked)");
        assertThat(a.selectedProperty().get().seq()).isEqualTo(4);
    }

    @Test
    void theAuditLogPagesBackAndForth() {
        for (int i = 0; i < 150; i++) {
            backend.audit.add(dev.switchboard.model.audit.AuditChain.next(backend.audit.getLast(),
                    Instant.EPOCH, "ada", "ada", "x", "y", "z"));
        }
        vm.refresh();
        AuditModel a = vm.audit();
        assertThat(a.pageLabelProperty().get()).isEqualTo("Rows 57–156 of 156");
        assertThat(a.hasNewerProperty().get()).isFalse();
        a.older();
        assertThat(a.pageLabelProperty().get()).isEqualTo("Rows 1–56 of 156");
        assertThat(a.hasOlderProperty().get()).isFalse();
        a.newer();
        assertThat(a.pageLabelProperty().get()).isEqualTo("Rows 57–156 of 156");
    }
}
