package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.campaigns.WorkspaceCampaigns;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.user.Role;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The designer over a real store (the shipped sequences and templates seeded): a shipped sequence opens laid out;
 * a new one is drawn by dragging from the palette and from an output to a step, shows an unbounded loop on its step,
 * is fixed, published, and offered to new campaigns. Screenshots of both states.
 */
@ExtendWith(ApplicationExtension.class)
class SequencesViewTest {
    @TempDir
    Path dir;
    private final Fx fx = new Fx();
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private Workspace workspace;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() {
        fx.close();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void drawsAShippedAndANewSequenceFixesALoopAndPublishes(FxRobot robot) throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the sequences test");
        workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        Actor ada = workspace.users().authenticate("ada", "admin-pass-1".toCharArray());
        SequencesView[] view = new SequencesView[1];
        robot.interact(() -> {
            Themes.apply(false);
            view[0] = SequencesScreen.create(workspace, fx.tasks(), dialogs, new Session(ada));
            Scene scene = new Scene(view[0].root(), 1280, 800);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            // the primary stage is shared with earlier tests of this JVM: it takes this scene's size and place, so
            // the drags below land where they aim
            stage.sizeToScene();
            stage.setX(0);
            stage.setY(0);
            // nor may a window an earlier test left open lie over it and take the robot's presses
            for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            stage.show();
            stage.toFront();
        });
        SequencesViewModel vm = view[0].viewModel();
        DesignerViewModel d = vm.designer();
        Fx.waitUntil(30, "the shipped sequences are listed", () -> vm.sequences().size() == 3
                && !d.templates().isEmpty());

        // a shipped sequence, as stored (published v1, no layout): laid out automatically, no problems
        ListView<?> list = robot.lookup("#sequencesList").queryAs(ListView.class);
        int index = Fx.call(() -> vm.sequences().stream().map(SequenceBackend.Summary::key).toList()
                .indexOf("overdue-payment-reminder"));
        robot.interact(() -> list.getSelectionModel().select(index));
        robot.interact(() -> vm.open(vm.sequences().get(index)));
        Fx.waitUntil(20, "it opens", () -> d.getGraph().steps().size() == 7);
        Fx.waitUntil(10, "its cards are drawn", () -> robot.lookup("#node-voice").tryQuery().isPresent());
        assertThat(Fx.call(() -> d.problems().isEmpty())).isTrue();
        assertThat(Fx.call(() -> vm.statusProperty().get())).isEqualTo("Published v1 · edits are saved as draft v2");
        robot.interact(() -> { });
        assertThat(Screenshots.save(stage.getScene(), "sequences-shipped")).exists();
        // its long edge (the SMS's invalid destination, past the wait and the branch) has its label where no card is
        assertThat(Fx.call(() -> robot.lookup(".seq-edge-label").queryAll().size())).isPositive();
        assertNoLabelUnderACard(robot);

        // a new sequence: the voice call dragged from the palette, the rest clicked into view
        robot.clickOn("#newSequenceButton");
        Fx.waitUntil(5, "an empty canvas", () -> d.getGraph().steps().isEmpty());
        Node canvas = robot.lookup("#sequenceCanvas").query();
        Bounds c = Fx.call(() -> canvas.localToScreen(canvas.getLayoutBounds()));
        robot.drag("#palette-voice").dropTo(new Point2D(c.getMinX() + 260, c.getMinY() + 120));
        Fx.waitUntil(5, "the voice step is placed", () -> d.getGraph().step("voice-1").isPresent());
        robot.clickOn("#palette-sms");
        robot.clickOn("#palette-email");
        robot.clickOn("#palette-exit");
        Fx.waitUntil(5, "four steps", () -> d.getGraph().steps().size() == 4);
        Fx.run(() -> {
            d.setName("Payment nudge");
            d.move("sms-1", new Point(560, 40));
            d.move("email-1", new Point(880, 40));
            d.move("exit-1", new Point(1200, 200));
        });
        // an output connected by dragging its dot onto a step
        robot.drag("#port-voice-1-else").dropTo("#node-sms-1");
        Fx.waitUntil(5, "voice else → sms", () -> d.getGraph().step("voice-1").orElseThrow().edges().stream()
                .anyMatch(e -> e.on() == Label.ELSE && e.to().equals("sms-1")));
        Fx.run(() -> {
            d.connect("voice-1", Port.of(Label.ANSWERED), "exit-1");
            d.connect("sms-1", Port.of(Label.DELIVERED), "exit-1");
            d.connect("sms-1", Port.of(Label.ELSE), "email-1");
            d.connect("email-1", Port.of(Label.ELSE), "exit-1");
        });
        assertThat(Fx.call(() -> d.problems().isEmpty())).isTrue();

        // a failure reason the SMS did not show: added from the properties panel, going to the exit
        Fx.run(() -> d.selectedProperty().set("sms-1"));
        Fx.waitUntil(5, "the SMS's properties", () -> robot.lookup("#addOutputPort").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Port> which = robot.lookup("#addOutputPort").queryAs(
                    javafx.scene.control.ComboBox.class);
            which.setValue(new Port(Label.FAILED, java.util.Optional.of(
                    dev.switchboard.model.sequence.FailureReason.INVALID_DESTINATION)));
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> to = robot.lookup("#addOutputTarget").queryAs(
                    javafx.scene.control.ComboBox.class);
            to.setValue("exit-1");
        });
        robot.clickOn("#addOutputButton");
        Fx.waitUntil(5, "sms failed (invalid destination) → exit", () -> d.getGraph().step("sms-1").orElseThrow()
                .edges().stream().anyMatch(e -> e.reason().isPresent() && e.to().equals("exit-1")));
        Fx.waitUntil(5, "its dot on the card", () -> robot.lookup("#port-sms-1-failed_(invalid_destination)")
                .tryQuery().isPresent());
        assertThat(robot.lookup("#removeOutput-failed_(invalid_destination)").tryQuery()).isPresent();
        robot.interact(() -> { });
        assertThat(Screenshots.save(stage.getScene(), "sequences-add-output")).exists();

        // Delete removes the selected step; Ctrl+Z brings it back
        robot.clickOn("#node-email-1");
        robot.type(KeyCode.DELETE);
        Fx.waitUntil(5, "email deleted", () -> d.getGraph().step("email-1").isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        Fx.waitUntil(5, "email back", () -> d.getGraph().step("email-1").isPresent());

        // a wait and a branch on a payment that loops back to the wait: an unbounded loop, shown on its step
        Fx.run(() -> {
            d.add(Palette.WAIT, new Point(880, 320));
            d.add(Palette.BRANCH, new Point(1200, 420));
            d.connect("email-1", Port.of(Label.ELSE), "wait-1");
            d.connect("wait-1", Port.of(Label.ELSE), "branch-1");
            d.connect("branch-1", Port.of(Label.MATCH), "exit-1");
            d.connect("branch-1", Port.of(Label.ELSE), "wait-1");
            d.selectedProperty().set(null);
        });
        String looped = Fx.call(() -> d.problems().getFirst().stepId());
        Fx.waitUntil(5, "the loop's badge", () -> robot.lookup("#badge-" + looped).tryQuery().isPresent());
        assertThat(robot.lookup("#node-" + looped).query().getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#publishButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#problemsList").queryAs(ListView.class).getSelectionModel().select(0));
        assertThat(Fx.call(() -> d.selectedProperty().get())).isEqualTo(looped);
        robot.interact(() -> { });
        assertThat(Screenshots.save(stage.getScene(), "sequences-invalid")).exists();
        // the loop back from the branch to the wait goes around the cards, not through them, and is labelled
        Node loop = robot.lookup("#edge-branch-1-else").query();
        for (Node card : robot.lookup(".seq-card").queryAll()) {
            Bounds inner = Fx.call(() -> card.localToScene(card.getLayoutBounds()));
            assertThat(Fx.call(() -> crosses(loop, inner)))
                    .as("the loop edge crosses %s", card.getId()).isFalse();
        }
        assertThat(robot.lookup("#edgeLabel-branch-1-else").tryQuery()).isPresent();
        assertNoLabelUnderACard(robot);

        // fixed with a counter (three rounds at most), then published
        Fx.run(() -> {
            d.setBranch("branch-1", BranchOn.COUNTER, "3");
            d.connect("branch-1", Port.of(Label.MATCH), "wait-1");
            d.connect("branch-1", Port.of(Label.ELSE), "exit-1");
        });
        Fx.waitUntil(5, "no problems", () -> d.problems().isEmpty());
        robot.clickOn("#publishButton");
        Fx.waitUntil(20, "published", () -> vm.statusProperty().get().startsWith("Published v1"));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(workspace.sequences().latestPublished("payment-nudge")).hasValueSatisfying(s ->
                assertThat(s.steps()).hasSize(6));
        assertThat(workspace.sequences().design("payment-nudge", 1).orElseThrow().layout())
                .containsEntry("sms-1", new SequenceService.Position(560, 40));
        assertThat(new WorkspaceCampaigns(workspace, () -> null).choices().sequences())
                .anyMatch(s -> s.key().equals("payment-nudge") && s.latest() == 1);
        robot.interact(() -> { });
        assertThat(Screenshots.save(stage.getScene(), "sequences-published")).exists();
        robot.interact(() -> Themes.apply(true));
        robot.interact(() -> { });
        assertThat(Screenshots.save(stage.getScene(), "sequences-published-dark")).exists();
        robot.interact(() -> Themes.apply(false));
    }

    /** True when the edge's line passes through the card (its border aside: edges end on it). */
    private static boolean crosses(Node edge, Bounds cardInScene) {
        Bounds b = edge.sceneToLocal(cardInScene);
        javafx.scene.shape.Rectangle inside = new javafx.scene.shape.Rectangle(b.getMinX() + 8, b.getMinY() + 8,
                b.getWidth() - 16, b.getHeight() - 16);
        for (Node n : ((javafx.scene.Group) edge).getChildren()) {
            if (n.getStyleClass().contains("seq-edge") && n instanceof javafx.scene.shape.Shape line) {
                javafx.scene.shape.Shape cut = javafx.scene.shape.Shape.intersect(line, inside);
                if (cut.getBoundsInLocal().getWidth() > 0 || cut.getBoundsInLocal().getHeight() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No edge label lies under or over a card. */
    private static void assertNoLabelUnderACard(FxRobot robot) {
        for (Node label : robot.lookup(".seq-edge-label").queryAll()) {
            Bounds l = Fx.call(() -> label.localToScene(label.getLayoutBounds()));
            for (Node card : robot.lookup(".seq-card").queryAll()) {
                Bounds c = Fx.call(() -> card.localToScene(card.getLayoutBounds()));
                assertThat(l.intersects(c)).as("label %s over card %s", label.getId(), card.getId()).isFalse();
            }
        }
    }
}
