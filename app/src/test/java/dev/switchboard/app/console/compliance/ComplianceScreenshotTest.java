package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.model.user.Role;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;

import static dev.switchboard.app.console.compliance.ComplianceSmokeTest.press;
import static dev.switchboard.app.console.compliance.ComplianceSmokeTest.rows;
import static dev.switchboard.app.console.compliance.ComplianceSmokeTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Compliance screen with made-up data to {@code app/target/screenshots/compliance-*.png}: suppressions
 * with a pending removal, blocks by rule, the audit log with a broken chain, the Add dialog with its messages, and
 * the suppressions in the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class ComplianceScreenshotTest {
    private final Fx fx = new Fx();
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() {
        fx.close();
        Fx.run(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
            Themes.apply(false);
        });
    }

    @Test
    void rendersEveryTab(FxRobot robot) {
        FakeComplianceBackend backend = FakeComplianceBackend.demo();
        backend.brokenAt = "row 4: its content does not match its hash (the row was changed)";
        Session session = new Session(ComplianceViewModelTest.actor("carla", Role.COMPLIANCE));
        ComplianceView[] view = new ComplianceView[1];
        robot.interact(() -> {
            Themes.apply(false);
            ComplianceViewModel vm = new ComplianceViewModel(backend, fx.tasks(), dialogs, session,
                    Clock.systemDefaultZone());
            view[0] = new ComplianceView(vm);
            Scene scene = new Scene(view[0].root(), 1280, 800);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            stage.show();
            vm.refresh();
        });
        Fx.waitUntil(10, "the suppressions show", () -> rows(robot, "#suppressionsTable") == 5
                && rows(robot, "#pendingTable") == 1);
        Fx.run(() -> robot.lookup("#pendingTable").queryAs(TableView.class).getSelectionModel().select(0));
        assertThat(ComplianceSmokeTest.disabled(robot, "#approveRemovalButton")).isFalse();
        Screenshots.save(stage.getScene(), "compliance-suppressions");

        Fx.run(() -> view[0].showTab(1));
        Fx.waitUntil(10, "the blocks show", () -> rows(robot, "#rulesTable") == 4 && rows(robot, "#blocksTable") == 5);
        assertThat(text(robot, "#blockSummary")).isEqualTo("90 blocks by 4 rules across campaigns");
        Screenshots.save(stage.getScene(), "compliance-blocks");

        Fx.run(() -> view[0].showTab(2));
        Fx.waitUntil(10, "the audit log shows", () -> rows(robot, "#auditTable") == 6);
        press(robot, "#verifyAuditButton");
        Fx.waitUntil(10, "the broken row shows", () -> text(robot, "#auditVerdict").startsWith("Chain broken at row 4"));
        Screenshots.save(stage.getScene(), "compliance-audit-broken");

        Fx.run(() -> view[0].showTab(0));
        press(robot, "#addSuppressionButton");
        Fx.waitUntil(10, "the Add dialog opens", () -> robot.lookup("#suppressOk").tryQuery().isPresent());
        Fx.run(() -> robot.lookup("#suppressKind").queryAs(javafx.scene.control.ComboBox.class).setValue(null));
        press(robot, "#suppressOk");
        Fx.waitUntil(10, "the messages show", () -> text(robot, "#suppressAddressError").startsWith("Address:"));
        Screenshots.save(robot.lookup("#addSuppressionDialog").query().getScene(), "compliance-add-dialog");

        Fx.run(() -> {
            robot.lookup("#addSuppressionDialog").query().getScene().getWindow().hide();
            Themes.apply(true);
        });
        Screenshots.save(stage.getScene(), "compliance-suppressions-dark");
    }
}
