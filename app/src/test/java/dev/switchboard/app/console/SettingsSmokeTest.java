package dev.switchboard.app.console;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.settings.SandboxSpeed;
import dev.switchboard.app.console.settings.SettingsView;
import dev.switchboard.app.console.settings.SettingsViewModel;
import dev.switchboard.app.console.settings.SpeedPreference;
import dev.switchboard.app.console.settings.WorkspaceSettings;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.secrets.SecretVault;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
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
import java.time.Clock;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Settings screen over a real store, its engine on the data folder's sandbox, and a second sandbox org in this
 * process standing in for a real Genesys org: test the form's settings, connect (an admin confirms; audited), test
 * the connection, back up now, verify the backup, speed up the sandbox clock; screenshots in light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsSmokeTest {
    private static final String PASSWORD = "admin-pass-1";

    @TempDir
    Path dir;
    private final Fx fx = new Fx();
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private Workspace workspace;
    private EngineHost host;
    private Sandbox org;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        if (host != null) {
            host.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (org != null) {
            org.close();
        }
        prefs.removeNode();
        Fx.run(() -> Themes.apply(false));
    }

    @Test
    void connectsTestsBacksUpAndVerifies(FxRobot robot) throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the settings smoke test");
        workspace.users().add(null, "ada", Role.ADMIN, PASSWORD.toCharArray());
        host = EngineHost.start(workspace, EngineHost.Settings.sandbox());
        org = Sandbox.start(SandboxConfig.defaults().withSeed(3));
        String secret = org.clientSecret();
        SpeedPreference speed = new SpeedPreference(prefs);
        SettingsViewModel vm = new SettingsViewModel(new WorkspaceSettings(workspace, () -> host,
                () -> host.where(), EngineLink::orgLabel, speed, Clock.systemUTC()), fx.tasks(), dialogs);
        robot.interact(() -> {
            Themes.apply(false);
            SettingsView view = new SettingsView(vm);
            Scene scene = new Scene(view.root(), 1280, 900);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            stage.show();
            vm.refresh();
        });
        Fx.waitUntil(30, "the engine's org shows", () -> text(robot, "#settingsEngineOrg").equals("Sandbox org"));
        assertThat(text(robot, "#settingsOrg")).startsWith("none");
        assertThat(text(robot, "#settingsVaultKind")).isEqualTo("Passphrase vault");
        assertThat(text(robot, "#settingsStoreState")).startsWith("encrypted");
        assertThat(text(robot, "#settingsDataFolder")).isEqualTo(dir.resolve("data").toAbsolutePath().toString());

        press(robot, "#byUrls");
        Fx.run(() -> {
            vm.form().apiUrlProperty().set(org.apiBaseUrl().toString());
            vm.form().loginUrlProperty().set(org.loginBaseUrl().toString());
            vm.form().clientIdProperty().set(org.clientId());
            robot.lookup("#clientSecretField").queryAs(PasswordField.class).setText(secret);
        });
        press(robot, "#testFormButton");
        Fx.waitUntil(30, "the form's org answers", () -> text(robot, "#connectionOutcome").startsWith("Token: ok"));
        assertThat(workspace.orgSettings()).isEmpty();

        dialogs.confirmWith(null, "ada", PASSWORD).answerAsk(false);
        press(robot, "#connectButton");
        Fx.waitUntil(30, "the org is connected", () -> text(robot, "#settingsOrg").equals(
                org.apiBaseUrl().toString()));
        assertThat(text(robot, "#settingsSecret")).isEqualTo("in the vault");
        assertThat(text(robot, "#connectionOutcome")).contains("next start");
        assertThat(Fx.call(() -> robot.lookup("#clientSecretField").queryAs(PasswordField.class).getText()))
                .isEmpty();
        assertThat(workspace.vault().get(SecretVault.GENESYS_CLIENT_SECRET)).contains(secret);
        assertThat(Files.readString(dir.resolve("data").resolve("org.json"))).doesNotContain(secret);
        assertThat(workspace.audit().recent(5)).extracting(e -> e.action() + " by " + e.actor())
                .contains("org.connect by ada");
        assertThat(dialogs.questions()).singleElement().asString().startsWith("Restart the engine");

        press(robot, "#testConnectionButton");
        Fx.waitUntil(30, "the connected org answers", () -> text(robot, "#connectionOutcome")
                .startsWith("Token: ok"));

        press(robot, "#backupNowButton");
        Fx.waitUntil(60, "the backup is listed", () -> rows(robot) == 1
                && text(robot, "#backupOutcome").startsWith("Backed up to"));
        press(robot, "#verifyBackupButton");
        Fx.waitUntil(60, "the backup verifies", () -> text(robot, "#backupOutcome").contains("is sound"));

        Fx.run(() -> vm.speedProperty().set(SandboxSpeed.X60));
        Fx.waitUntil(10, "the sandbox runs faster", () -> host.sandboxSpeed().orElse(0) == 60.0);
        assertThat(speed.speed()).isEqualTo(60.0);

        javafx.scene.control.ScrollPane scroll = robot.lookup("#settingsScroll").queryAs(
                javafx.scene.control.ScrollPane.class);
        Fx.run(() -> scroll.setVvalue(0));
        Screenshots.save(stage.getScene(), "settings-light");
        Fx.run(() -> scroll.setVvalue(1));
        Screenshots.save(stage.getScene(), "settings-light-backups");
        Fx.run(() -> {
            Themes.apply(true);
            scroll.setVvalue(0);
        });
        Screenshots.save(stage.getScene(), "settings-dark");
        Fx.run(() -> scroll.setVvalue(1));
        Screenshots.save(stage.getScene(), "settings-dark-backups");
        assertThat(dialogs.errors()).isEmpty();
    }

    /** Presses a button (the screen scrolls: the robot cannot click what is scrolled away). */
    private static void press(FxRobot robot, String query) {
        Fx.run(() -> {
            javafx.scene.control.ButtonBase b = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
            assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
            b.fire();
        });
    }

    private static int rows(FxRobot robot) {
        return Fx.call(() -> robot.lookup("#backupsTable").queryAs(TableView.class).getItems().size());
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
