package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.CampaignBackend;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.engine.Workspace;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on a new data folder: the welcome dialog asks for the first admin, loads the demo data, and lands on
 * the Campaigns screen with the three demo campaigns as drafts and a hint to launch.
 */
class FirstStartSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aNewDataFolderWelcomesMakesTheAdminAndLoadsTheDemo() throws Exception {
        Path data = dir.resolve("data");
        FxToolkit.registerPrimaryStage();
        ConsoleApp.useDataDir(data);
        Application app = FxToolkit.setupApplication(ConsoleApp.class);
        FxRobot robot = new FxRobot();
        try {
            Fx.waitUntil(60, "the welcome dialog shows", () -> robot.lookup("#welcomeDialog").tryQuery()
                    .isPresent());
            Scene welcome = sceneWith("#welcomeDialog");
            // nobody to sign in as yet: the status bar offers no "Sign in…" while the welcome runs
            Scene main = sceneWith("#statusBar");
            assertThat(Fx.call(() -> main.lookup("#switchUserButton").isVisible())).isFalse();
            assertThat(Fx.call(() -> ((javafx.scene.control.Labeled) main.lookup("#statusStore")).getText()))
                    .isEqualTo("Store open");
            Screenshots.save(main, "first-start-behind-welcome");
            Fx.run(() -> {
                ((TextField) welcome.lookup("#welcomeName")).setText("ada");
                ((PasswordField) welcome.lookup("#welcomePassword")).setText("short");
                ((PasswordField) welcome.lookup("#welcomeRepeat")).setText("short");
            });
            robot.clickOn("#welcomeStart");
            Fx.waitUntil(10, "the password field says what is wrong", () -> ((javafx.scene.control.Label)
                    welcome.lookup("#welcomePasswordError")).getText().startsWith("Password: at least 8"));
            Fx.run(() -> {
                ((PasswordField) welcome.lookup("#welcomePassword")).setText("admin-pass-1");
                ((PasswordField) welcome.lookup("#welcomeRepeat")).setText("admin-pass-1");
            });
            Screenshots.save(welcome, "welcome-dialog");
            robot.clickOn("#welcomeStart");

            Fx.waitUntil(120, "the Campaigns screen shows the three demo drafts", () -> robot.lookup("#campaignsList")
                    .tryQuery().filter(n -> n.getScene() != null && n.isVisible())
                    .map(n -> ((ListView<?>) n).getItems().size() == 3).orElse(false));
            Fx.waitUntil(10, "the hint shows", () -> robot.lookup("#noticeBar").tryQuery()
                    .map(javafx.scene.Node::isVisible).orElse(false));
            @SuppressWarnings("unchecked")
            ListView<CampaignBackend.Summary> list = robot.lookup("#campaignsList").queryAs(ListView.class);
            assertThat(Fx.call(() -> list.getItems().stream().map(s -> s.name() + " " + s.view().state().toLowerCase(java.util.Locale.ROOT))
                    .toList())).containsExactlyInAnyOrder("Appointment reminders draft", "Outage broadcast draft",
                    "Overdue payments draft");
            assertThat(Fx.call(() -> ((javafx.scene.control.Label) robot.lookup("#noticeText").query()).getText()))
                    .contains("Launch");
            assertThat(Fx.call(() -> robot.lookup("#welcomeDialog").tryQuery().isPresent())).isFalse();
            Screenshots.save(sceneWith("#campaignsScreen"), "first-start-campaigns");
            assertThat(Fx.call(() -> main.lookup("#switchUserButton").isVisible())).isTrue();
            assertThat(Fx.call(() -> ((javafx.scene.control.Labeled) main.lookup("#switchUserButton")).getText()))
                    .isEqualTo("Switch user…");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        try (Workspace again = Workspace.open(data, "the test")) {
            assertThat(again.users().hasAdmin()).isTrue();
            assertThat(again.contacts().lists()).extracting(l -> l.list().name() + " " + l.contacts())
                    .containsExactly("Demo contacts 12");
            assertThat(again.dnc().status().lastRnd()).isPresent();
        }
    }

    private static Scene sceneWith(String query) {
        return Fx.call(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup(query) != null)
                .findFirst().orElseThrow().getScene());
    }
}
