package dev.switchboard.app.console.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing a sequence on the canvas: commands, undo and redo, and the validator's problems on the right steps. */
class DesignerViewModelTest {
    private final FakeSequenceBackend backend = new FakeSequenceBackend();
    private DesignerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new DesignerViewModel();
        vm.setTemplates(backend.templates());
        vm.load(new Graph(Sequence.draft("new-sequence", "New sequence", List.of()), Map.of()), false);
    }

    /** voice → SMS → email → exit, each touch's success and else routed; returns the step ids. */
    private List<String> voiceSmsEmail() {
        String voice = vm.add(Palette.VOICE, new Point(40, 40));
        String sms = vm.add(Palette.SMS, new Point(360, 40));
        String email = vm.add(Palette.EMAIL, new Point(680, 40));
        String exit = vm.add(Palette.EXIT, new Point(1000, 40));
        vm.connect(voice, Port.of(Label.ANSWERED), exit);
        vm.connect(voice, Port.of(Label.ELSE), sms);
        vm.connect(sms, Port.of(Label.DELIVERED), exit);
        vm.connect(sms, Port.of(Label.ELSE), email);
        vm.connect(email, Port.of(Label.ELSE), exit);
        return List.of(voice, sms, email, exit);
    }

    @Test
    void drawsVoiceSmsEmailWithTheTemplatesOfEachChannelAndNoProblems() {
        List<String> ids = voiceSmsEmail();
        assertThat(ids).containsExactly("voice-1", "sms-1", "email-1", "exit-1");
        Graph g = vm.getGraph();
        assertThat(g.entry()).isEqualTo("voice-1");
        assertThat(g.step("sms-1")).get().isInstanceOfSatisfying(Step.Touch.class, t -> {
            assertThat(t.channel()).isEqualTo(Channel.SMS);
            assertThat(t.templateId()).isEqualTo("overdue-1");
        });
        assertThat(g.position("email-1")).isEqualTo(new Point(680, 40));
        assertThat(vm.problems()).isEmpty();
        assertThat(Steps.summary(g.step("sms-1").orElseThrow())).isEqualTo("overdue-1 · 1 retry");
    }

    @Test
    void anUnboundedLoopIsReportedOnItsStepAndFixingItClearsIt() {
        voiceSmsEmail();
        // after the email: wait a day, then a branch on a payment that loops back to the wait when none came
        String wait = vm.add(Palette.WAIT, new Point(1000, 240));
        String branch = vm.add(Palette.BRANCH, new Point(1320, 240));
        vm.connect("email-1", Port.of(Label.ELSE), wait);
        vm.connect(wait, Port.of(Label.ELSE), branch);
        vm.connect(branch, Port.of(Label.MATCH), "exit-1");
        vm.connect(branch, Port.of(Label.ELSE), wait);

        assertThat(vm.problems()).singleElement().satisfies(p -> {
            assertThat(p.stepId()).isIn(wait, branch);
            assertThat(p.message()).contains("\"wait-1\"", "\"branch-1\"", "form a loop with no touch or counter");
            assertThat(vm.problemsOf(p.stepId())).containsExactly(p.message());
        });
        String looped = vm.problems().getFirst().stepId();
        assertThat(vm.problemsOf("voice-1")).isEmpty();

        // a counter bounds the loop: the first 3 passes take its match edge, then else
        vm.setBranch(branch, BranchOn.COUNTER, "3");
        assertThat(vm.problemsOf(looped)).isNotEmpty();
        vm.connect(branch, Port.of(Label.MATCH), wait);
        vm.connect(branch, Port.of(Label.ELSE), "exit-1");
        assertThat(vm.problems()).isEmpty();

        vm.undo();
        vm.undo();
        assertThat(vm.problemsOf(looped)).singleElement().asString().contains("form a loop");
        vm.redo();
        vm.redo();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void everyEditUndoesAndRedoesAndANewEditClearsRedo() {
        voiceSmsEmail();
        Graph drawn = vm.getGraph();
        vm.move("sms-1", new Point(360, 200));
        vm.setRetries("sms-1", 4);
        vm.setSpacing("sms-1", Duration.ofHours(6));
        assertThat(vm.undoLabelProperty().get()).isEqualTo("Undo set retry spacing of sms-1");
        assertThat((Step.Touch) vm.getGraph().step("sms-1").orElseThrow())
                .extracting(Step.Touch::maxAttempts, Step.Touch::retrySpacing).containsExactly(5, Duration.ofHours(6));

        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.getGraph()).isEqualTo(drawn);
        assertThat(vm.redoLabelProperty().get()).isEqualTo("Redo move sms-1");
        vm.redo();
        assertThat(vm.getGraph().position("sms-1")).isEqualTo(new Point(360, 200));
        vm.delete("email-1");
        assertThat(vm.canRedoProperty().get()).isFalse();
        assertThat(vm.getGraph().step("email-1")).isEmpty();
        assertThat(vm.getGraph().step("sms-1").orElseThrow().edges()).extracting(Edge::to).containsExactly("exit-1");
        assertThat(vm.problemsOf("sms-1")).singleElement().asString().contains("where to go when it fails");
        vm.undo();
        assertThat(vm.getGraph().step("email-1")).isPresent();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void connectingAnOutputAgainReplacesItsEdgeAndDeleteRemovesTheSelectedEdge() {
        voiceSmsEmail();
        vm.connect("voice-1", Port.of(Label.ELSE), "email-1");
        assertThat(vm.getGraph().step("voice-1").orElseThrow().edges())
                .containsExactly(Edge.on(Label.ANSWERED, "exit-1"), Edge.on(Label.ELSE, "email-1"));
        vm.selectedEdgeProperty().set(new DesignerViewModel.EdgeRef("voice-1", Port.of(Label.ELSE)));
        vm.deleteSelection();
        assertThat(vm.getGraph().step("voice-1").orElseThrow().edges()).containsExactly(
                Edge.on(Label.ANSWERED, "exit-1"));
        assertThat(vm.problemsOf("sms-1")).anyMatch(p -> p.contains("can never be reached"));
    }

    @Test
    void renamingAStepFollowsItsEdgesAndRefusesATakenId() {
        voiceSmsEmail();
        assertThat(vm.rename("sms-1", "email-1")).isEqualTo("Step id: another step is called \"email-1\".");
        assertThat(vm.rename("sms-1", "bad id")).startsWith("Step id: use letters");
        vm.selectedProperty().set("sms-1");
        assertThat(vm.rename("sms-1", "reminder")).isNull();
        assertThat(vm.selectedProperty().get()).isEqualTo("reminder");
        assertThat(vm.getGraph().step("voice-1").orElseThrow().edges()).contains(Edge.on(Label.ELSE, "reminder"));
        assertThat(vm.getGraph().position("reminder")).isEqualTo(new Point(360, 40));
    }

    @Test
    void aTemplateOfAnotherChannelIsAProblemOnThatTouch() {
        voiceSmsEmail();
        vm.setTemplate("sms-1", "offer-email");
        assertThat(vm.problemsOf("sms-1")).singleElement().asString()
                .contains("is a sms touch but its template \"offer-email\" is for email");
        assertThat(vm.templatesFor(Channel.SMS)).extracting(SequenceBackend.TemplateChoice::id)
                .containsExactly("overdue-1");
    }

    @Test
    void aReadOnlyGraphTakesNoEdits() {
        voiceSmsEmail();
        Graph g = vm.getGraph();
        vm.load(g, true);
        assertThat(vm.add(Palette.SMS, new Point(0, 0))).isNull();
        vm.delete("sms-1");
        vm.autoLayout();
        assertThat(vm.getGraph()).isEqualTo(g);
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void theOutputsOfEachKindFollowTheModelsOutcomes() {
        voiceSmsEmail();
        Graph g = vm.getGraph();
        assertThat(Port.of(g.step("voice-1").orElseThrow())).extracting(p -> p.display(g.step("voice-1")
                .orElseThrow())).containsExactly("answered", "no-answer", "busy", "failed", "else");
        String branch = vm.add(Palette.BRANCH, new Point(0, 300));
        assertThat(Port.of(vm.getGraph().step(branch).orElseThrow())).extracting(Port::on)
                .containsExactly(Label.MATCH, Label.ELSE);
        vm.setBranch(branch, BranchOn.OUTCOME, "");
        assertThat(Port.of(vm.getGraph().step(branch).orElseThrow())).extracting(Port::on)
                .contains(Label.ANSWERED, Label.NO_ANSWER, Label.ELSE).doesNotContain(Label.MATCH);
        String wait = vm.add(Palette.WAIT, new Point(0, 500));
        Step w = vm.getGraph().step(wait).orElseThrow();
        assertThat(Port.of(w)).singleElement().satisfies(p -> assertThat(p.display(w)).isEqualTo("then"));
    }

    @Test
    void anOutputForAFailureReasonOrAnotherOutcomeIsAddedAndRemoved() {
        voiceSmsEmail();
        // an SMS offers its other outcome and every failure reason, never an output it shows already
        List<Port> addable = vm.addableOutputs("sms-1");
        Port invalid = new Port(Label.FAILED, java.util.Optional.of(FailureReason.INVALID_DESTINATION));
        assertThat(addable).contains(Port.of(Label.TIMED_OUT), invalid,
                new Port(Label.FAILED, java.util.Optional.of(FailureReason.BLOCKED)))
                .doesNotContain(Port.of(Label.DELIVERED), Port.of(Label.FAILED), Port.of(Label.ELSE),
                        Port.of(Label.ANSWERED), Port.of(Label.OPTED_OUT), Port.of(Label.CONVERTED));
        assertThat(vm.addableOutputs("voice-1")).contains(Port.of(Label.TIMED_OUT))
                .doesNotContain(Port.of(Label.BOUNCED), Port.of(Label.DELIVERED));
        assertThat(vm.addableOutputs("exit-1")).isEmpty();

        vm.addOutput("sms-1", invalid, "exit-1");
        Step sms = vm.getGraph().step("sms-1").orElseThrow();
        assertThat(sms.edges()).contains(Edge.onFailure(FailureReason.INVALID_DESTINATION, "exit-1"));
        assertThat(Port.of(sms)).extracting(p -> p.display(sms))
                .containsExactly("delivered", "failed", "failed (invalid destination)", "else");
        assertThat(vm.addableOutputs("sms-1")).doesNotContain(invalid);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.undoLabelProperty().get()).isEqualTo("Undo add output failed (invalid destination) to sms-1");

        // an output the step does not support is refused
        vm.addOutput("sms-1", Port.of(Label.MATCH), "exit-1");
        assertThat(vm.getGraph().step("sms-1").orElseThrow().edges()).noneMatch(e -> e.on() == Label.MATCH);

        // removed: an added output leaves the card; an output the kind always shows stays, unconnected
        vm.removeOutput("sms-1", invalid);
        Step after = vm.getGraph().step("sms-1").orElseThrow();
        assertThat(Port.of(after)).doesNotContain(invalid);
        vm.removeOutput("sms-1", Port.of(Label.DELIVERED));
        Step plain = vm.getGraph().step("sms-1").orElseThrow();
        assertThat(Port.of(plain)).contains(Port.of(Label.DELIVERED));
        assertThat(plain.edges()).noneMatch(e -> e.on() == Label.DELIVERED);
        vm.undo();
        vm.undo();
        assertThat(vm.getGraph().step("sms-1").orElseThrow().edges())
                .contains(Edge.onFailure(FailureReason.INVALID_DESTINATION, "exit-1"));

        // a branch on a condition offers nothing more than match and else; on the outcome, the failure reasons
        String branch = vm.add(Palette.BRANCH, new Point(0, 300));
        assertThat(vm.addableOutputs(branch)).isEmpty();
        vm.setBranch(branch, BranchOn.OUTCOME, "");
        assertThat(vm.addableOutputs(branch)).contains(invalid, Port.of(Label.BOUNCED));
    }
}
