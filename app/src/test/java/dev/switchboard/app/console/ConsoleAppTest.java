package dev.switchboard.app.console;

import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.engine.Workspace;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The composition root: the window shows, the store opens in the background, and stop() gives the store back. */
class ConsoleAppTest {
    @TempDir
    Path dir;

    @Test
    void opensTheStoreInItsWindowAndReleasesItOnStop() throws Exception {
        Path data = dir.resolve("data");
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleApp.useDataDir(data);
        Application app = FxToolkit.setupApplication(ConsoleApp.class);
        FxRobot robot = new FxRobot();
        try {
            assertThat(Fx.call(stage::getTitle)).isEqualTo("Switchboard");
            assertThat(Fx.call(stage::getMinWidth)).isGreaterThan(0);
            Fx.waitUntil(30, "the lists screen shows", () -> robot.lookup("#listsEmptyState").tryQuery()
                    .map(n -> n.isVisible()).orElse(false));
            assertThat(Fx.call(() -> robot.lookup("#statusStore").queryAs(Labeled.class).getText()))
                    .isEqualTo("Store open");
        } finally {
            FxToolkit.cleanupApplication(app);
        }

        try (Workspace again = Workspace.open(data, "the test")) {
            assertThat(again.dataDir()).isEqualTo(data);
        }
    }
}
