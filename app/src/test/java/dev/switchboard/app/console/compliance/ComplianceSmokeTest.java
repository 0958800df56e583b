package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compliance screen over a real store: add a suppression through the dialog, ask for its removal (the one who
 * asked cannot approve), approve it as another profile, import and export CSV, verify the audit chain, and see the
 * DNC sync refused while no engine runs.
 */
@ExtendWith(ApplicationExtension.class)
class ComplianceSmokeTest {
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
    void suppressionsTwoPersonRemovalCsvAndAuditOverARealStore(FxRobot robot) throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the compliance smoke test");
        Actor ada = new Actor(workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray()), "ada");
        Actor carla = new Actor(workspace.users().add(ada, "carla", Role.COMPLIANCE, "carla-pass-1".toCharArray()),
                "carla");
        Session session = new Session(carla);
        robot.interact(() -> {
            Themes.apply(false);
            ComplianceView view = ComplianceScreen.create(workspace, fx.tasks(), dialogs, session, null);
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        Fx.waitUntil(30, "the rule pack shows", () -> text(robot, "#rulePackLabel").startsWith("Rule pack us@"));

        press(robot, "#addSuppressionButton");
        Fx.waitUntil(10, "the Add dialog opens", () -> robot.lookup("#suppressAddress").tryQuery().isPresent());
        Fx.run(() -> {
            robot.lookup("#suppressAddress").queryAs(TextField.class).setText("(212) 736-5000");
            robot.lookup("#suppressReason").queryAs(TextArea.class).setText("customer asked by phone");
        });
        press(robot, "#suppressOk");
        Fx.waitUntil(30, "the suppression is listed", () -> rows(robot, "#suppressionsTable") == 1);
        assertThat(text(robot, "#suppressionOutcome")).startsWith("Suppression 1 recorded: DNC, All channels.");
        assertThat(workspace.suppressions().view().forAddress("+12127365000")).hasSize(1);

        Fx.run(() -> robot.lookup("#suppressionsTable").queryAs(TableView.class).getSelectionModel().select(0));
        press(robot, "#requestRemovalButton");
        Fx.waitUntil(10, "the reason dialog opens", () -> robot.lookup("#requestRemovalReason").tryQuery()
                .isPresent());
        press(robot, "#requestRemovalOk");
        assertThat(text(robot, "#requestRemovalError")).startsWith("Reason:");
        Fx.run(() -> robot.lookup("#requestRemovalReason").queryAs(TextArea.class).setText("wrong number typed"));
        press(robot, "#requestRemovalOk");
        Fx.waitUntil(30, "the request is pending", () -> rows(robot, "#pendingTable") == 1);
        Fx.run(() -> robot.lookup("#pendingTable").queryAs(TableView.class).getSelectionModel().select(0));
        assertThat(disabled(robot, "#approveRemovalButton")).as("the one who asked cannot approve").isTrue();
        assertThat(text(robot, "#pendingHint")).startsWith("You asked for this removal");
        Screenshots.save(stage.getScene(), "compliance-real-pending");

        Fx.run(() -> session.signIn(ada));
        assertThat(disabled(robot, "#approveRemovalButton")).isFalse();
        press(robot, "#approveRemovalButton");
        Fx.waitUntil(30, "the suppression is lifted", () -> rows(robot, "#pendingTable") == 0
                && rows(robot, "#suppressionsTable") == 0);
        assertThat(workspace.suppressions().view().forAddress("+12127365000")).isEmpty();

        Path csv = dir.resolve("dnc.csv");
        Files.writeString(csv, "address,kind,channel,reason,expires\n+12127365001,dnc,,asked by letter,\n"
                + "ana@example.com,hard_bounce,email,bounced,\n");
        dialogs.answer(csv);
        press(robot, "#importCsvButton");
        Fx.waitUntil(30, "the import is reported", () -> !text(robot, "#suppressionOutcome").startsWith("Importing"));
        assertThat(text(robot, "#suppressionOutcome")).isEqualTo("Imported dnc.csv: 2 rows, 2 suppressions added, 0"
                + " in the list already.");
        Fx.waitUntil(30, "the imported rows are listed", () -> rows(robot, "#suppressionsTable") == 2);

        Path out = dir.resolve("export.csv");
        dialogs.answer(out);
        press(robot, "#exportCsvButton");
        Fx.waitUntil(30, "the export is written", () -> text(robot, "#suppressionOutcome").startsWith("Exported 2"));
        assertThat(Files.readString(out)).contains("ana@example.com,hard_bounce,email,bounced");

        press(robot, "#syncDncButton");
        Fx.waitUntil(30, "the sync is refused", () -> text(robot, "#suppressionOutcome").startsWith("Sync failed"));
        assertThat(text(robot, "#suppressionOutcome")).contains("The engine is not running and no org is connected");

        Fx.run(() -> robot.lookup("#complianceTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(2));
        press(robot, "#verifyAuditButton");
        Fx.waitUntil(30, "the chain verifies", () -> text(robot, "#auditVerdict").startsWith("Chain intact"));
        long rows = workspace.audit().lastSeq();
        assertThat(text(robot, "#auditVerdict")).isEqualTo("Chain intact: " + rows + " entries");
        Screenshots.save(stage.getScene(), "compliance-real-audit");
        Fx.run(() -> robot.lookup("#complianceTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        assertThat(text(robot, "#blockSummary")).isEqualTo("No touch was blocked");
        Screenshots.save(stage.getScene(), "compliance-real-blocks");
        assertThat(dialogs.errors()).isEmpty();
    }

    static void press(FxRobot robot, String query) {
        Fx.run(() -> {
            ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
            assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
            b.fire();
        });
    }

    static boolean disabled(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).query().isDisabled());
    }

    static int rows(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(TableView.class).getItems().size());
    }

    static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
