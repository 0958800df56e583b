package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen: save, publish (who may, when it is valid), history, read-only versions, the shipped sequences. */
class SequencesViewModelTest {
    private final FakeSequenceBackend backend = new FakeSequenceBackend();
    private final FakeDialogService dialogs = new FakeDialogService();

    private static Actor actor(String name, Role role) {
        return new Actor(new UserProfile(1, name, role, Instant.EPOCH), "tester");
    }

    private SequencesViewModel screen(Role role) {
        SequencesViewModel vm = new SequencesViewModel(backend, TestTaskRunner.immediate(), dialogs,
                new Session(actor(role == Role.OPERATOR ? "olga" : "sam", role)));
        vm.refresh();
        vm.newSequence();
        return vm;
    }

    private static void draw(DesignerViewModel d) {
        d.setName("Payment nudge");
        String voice = d.add(Palette.VOICE, new Point(40, 40));
        String sms = d.add(Palette.SMS, new Point(360, 40));
        String email = d.add(Palette.EMAIL, new Point(680, 40));
        String exit = d.add(Palette.EXIT, new Point(1000, 40));
        d.connect(voice, Port.of(Label.ANSWERED), exit);
        d.connect(voice, Port.of(Label.ELSE), sms);
        d.connect(sms, Port.of(Label.DELIVERED), exit);
        d.connect(sms, Port.of(Label.ELSE), email);
        d.connect(email, Port.of(Label.ELSE), exit);
    }

    @Test
    void aSupervisorDrawsSavesAndPublishesAsANewVersion() {
        SequencesViewModel vm = screen(Role.SUPERVISOR);
        DesignerViewModel d = vm.designer();
        d.add(Palette.WAIT, new Point(40, 40));
        assertThat(vm.publishBlockedProperty().get()).startsWith("Fix the");
        d.undo();
        draw(d);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.publishBlockedProperty().get()).isNull();

        vm.saveDraft();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(vm.openedProperty().get()).isEqualTo(new SequencesViewModel.Opened("payment-nudge", 1, false,
                false));
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.saveBlockedProperty().get()).isEqualTo("No changes to save.");
        assertThat(backend.open("payment-nudge", 1)).hasValueSatisfying(s -> assertThat(s.layout())
                .containsEntry("sms-1", new Point(360, 40)));

        vm.publish();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Published v1 · edits are saved as draft v2");
        assertThat(vm.publishBlockedProperty().get()).contains("published already");
        assertThat(vm.sequences()).singleElement().satisfies(s -> assertThat(s.published()).isTrue());

        d.setRetries("sms-1", 3);
        vm.publish();
        assertThat(vm.history()).extracting(SequenceService.Version::version, SequenceService.Version::published)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true),
                        org.assertj.core.groups.Tuple.tuple(1, true));
        assertThat(vm.noticeProperty().get()).contains("Published payment-nudge v2");
    }

    @Test
    void anOperatorMayNotSaveOrPublishAndIsToldWhy() {
        SequencesViewModel vm = screen(Role.OPERATOR);
        draw(vm.designer());
        assertThat(vm.mayEdit()).isFalse();
        assertThat(vm.publishBlockedProperty().get()).isEqualTo("Only a supervisor or an admin may publish"
                + " sequences; you are signed in as olga (operator).");
        assertThat(vm.saveBlockedProperty().get()).startsWith("Only a supervisor or an admin may save");
        vm.publish();
        vm.saveDraft();
        assertThat(backend.versions).isEmpty();
    }

    @Test
    void theServiceRefusalIsShownWhenPublishingFails() {
        SequencesViewModel vm = screen(Role.SUPERVISOR);
        draw(vm.designer());
        // the store's templates changed since the screen read them: the service refuses what the screen allowed
        backend.templates.removeIf(t -> t.id().equals("overdue-1"));
        vm.publish();
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Not published: payment-nudge cannot be"
                + " published").contains("overdue-1");
        assertThat(vm.history()).extracting(SequenceService.Version::published).containsExactly(false);
    }

    @Test
    void anOldVersionOpensReadOnlyAndIsEditedAsANewDraft() {
        SequencesViewModel vm = screen(Role.SUPERVISOR);
        draw(vm.designer());
        vm.publish();
        vm.designer().setRetries("sms-1", 5);
        vm.saveDraft();
        SequenceService.Version v1 = vm.history().getLast();

        vm.openVersion(v1);
        assertThat(vm.designer().readOnlyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("v1 (published) · read-only");
        assertThat(vm.publishBlockedProperty().get()).contains("read-only");
        assertThat(vm.designer().add(Palette.SMS, new Point(0, 0))).isNull();

        vm.editAsNewDraft();
        vm.designer().setRetries("sms-1", 2);
        vm.saveDraft();
        assertThat(vm.openedProperty().get().version()).isEqualTo(2);
        assertThat(backend.versions).hasSize(2);
    }

    @Test
    void aShippedSequenceOpensAsANewDraftLaidOutAutomatically() {
        SequencesViewModel vm = screen(Role.ADMIN);
        assertThat(vm.shipped()).extracting(s -> s.id()).contains("overdue-payment-reminder");
        vm.openShipped(vm.shipped().stream().filter(s -> s.id().equals("overdue-payment-reminder")).findFirst()
                .orElseThrow());
        Graph g = vm.designer().getGraph();
        assertThat(g.positions()).containsOnlyKeys(g.steps().stream().map(s -> s.id()).toList());
        assertThat(vm.statusProperty().get()).isEqualTo("New draft of overdue-payment-reminder · not saved");
        assertThat(vm.dirtyProperty().get()).isTrue();
        // the fake store lacks the shipped templates: the validator says so on the touches
        assertThat(vm.designer().problemsOf("sms")).anyMatch(p -> p.contains("payment-reminder-sms"));
    }

    @Test
    void leavingUnsavedChangesAsksFirst() {
        SequencesViewModel vm = screen(Role.SUPERVISOR);
        draw(vm.designer());
        vm.newSequence();
        assertThat(dialogs.questions()).singleElement().asString().startsWith("Discard changes?");
        assertThat(vm.designer().getGraph().steps()).hasSize(4);
        dialogs.answerAsk(true);
        vm.newSequence();
        assertThat(vm.designer().getGraph().steps()).isEmpty();
    }
}
