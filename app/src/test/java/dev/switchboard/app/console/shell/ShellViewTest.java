package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.ConsoleServices;
import dev.switchboard.app.console.campaigns.WorkspaceCampaigns;
import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.Importer;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell: opening the store, what it says when it cannot, the status bar, the theme and the Ctrl+I shortcut. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    @TempDir
    Path dir;
    private final Fx fx = new Fx();
    private final List<Workspace> opened = new ArrayList<>();
    private final AtomicBoolean quit = new AtomicBoolean();
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        for (Workspace w : opened) {
            w.close();
        }
        prefs.removeNode();
        Fx.run(() -> Themes.apply(false));
    }

    @Test
    void aStoreHeldByAnotherProcessIsExplainedWithAQuitButton(FxRobot robot) throws Exception {
        Path data = dir.resolve("data");
        opened.add(Workspace.open(data, "the Switchboard engine"));
        show(robot, data, () -> Workspace.open(data, "the Switchboard console"));

        Fx.waitUntil(30, "the problem shows", () -> visible(robot, "#storeErrorPane"));
        assertThat(text(robot, "#storeErrorMessage")).contains("in use by the Switchboard engine")
                .doesNotContain("Exception");
        assertThat(text(robot, "#statusStore")).isEqualTo("Store in use by another process");
        assertThat(text(robot, "#statusEngine")).isEqualTo("Engine not started: another process holds the store");
        assertThat(visible(robot, "#switchUserButton")).isFalse();
        assertThat(robot.lookup("#listsScreen").tryQuery()).isEmpty();

        robot.clickOn("#quitButton");
        assertThat(quit).isTrue();
    }

    @Test
    void opensTheStoreAndShowsTheListsScreenWithItsDataFolder(FxRobot robot) {
        Path data = dir.resolve("data");
        show(robot, data, () -> {
            Workspace w = Workspace.open(data, "the Switchboard console");
            opened.add(w);
            return w;
        });

        Fx.waitUntil(30, "the lists screen shows", () -> visible(robot, "#listsEmptyState"));
        assertThat(text(robot, "#statusStore")).isEqualTo("Store open");
        assertThat(text(robot, "#statusDataFolder")).isEqualTo(data.toAbsolutePath().toString());
        assertThat(visible(robot, "#navLists")).isTrue();
    }

    @Test
    void ctrlIOpensTheImportWizard(FxRobot robot) {
        Path data = dir.resolve("data");
        show(robot, data, () -> {
            Workspace w = Workspace.open(data, "the Switchboard console");
            opened.add(w);
            return w;
        });
        Fx.waitUntil(30, "the lists screen shows", () -> visible(robot, "#listsEmptyState"));

        robot.clickOn("#listsList");
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);

        Fx.waitUntil(20, "the wizard opens", () -> visible(robot, "#importWizard"));
        robot.clickOn("#wizardCancel");
        Fx.waitUntil(20, "the wizard closes", () -> robot.lookup("#importWizard").tryQuery().isEmpty());
    }

    @Test
    void theRailAndCtrl2Ctrl1SwitchScreensAndTheStatusBarShowsTheEngine(FxRobot robot) {
        Path data = dir.resolve("data");
        show(robot, data, () -> {
            Workspace w = Workspace.open(data, "the Switchboard console");
            opened.add(w);
            return w;
        });
        Fx.waitUntil(30, "the lists screen shows", () -> visible(robot, "#listsEmptyState"));
        assertThat(robot.lookup("#navRail .nav-item").queryAll()).hasSize(2);

        robot.clickOn("#listsList");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Fx.waitUntil(20, "the campaigns screen shows", () -> visible(robot, "#campaignsEmptyState"));
        assertThat(Fx.call(() -> robot.lookup("#navCampaigns").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())).isTrue();
        Fx.waitUntil(20, "the engine's state shows", () -> text(robot, "#statusEngine").equals("Engine stopped"));
        assertThat(text(robot, "#statusOrg")).isEqualTo("No org connected");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        Fx.waitUntil(20, "the lists screen shows again", () -> visible(robot, "#listsEmptyState"));
        robot.clickOn("#navCampaigns");
        Fx.waitUntil(20, "the rail shows the campaigns", () -> visible(robot, "#campaignsEmptyState"));
    }

    @Test
    void aboutNamesTheVersionsOfJavaJavaFxAndTheOs(FxRobot robot) {
        show(robot, dir.resolve("data"), () -> {
            throw new StoreUnavailableException("not needed here", false, null);
        });
        robot.clickOn("#aboutButton");
        Fx.waitUntil(20, "the About dialog shows", () -> visible(robot, "#aboutDialog"));
        assertThat(text(robot, "#aboutJava")).contains(String.valueOf(Runtime.version().feature()));
        assertThat(text(robot, "#aboutJavaFX")).startsWith("26");
        assertThat(text(robot, "#aboutOperatingsystem")).contains(System.getProperty("os.name"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theThemeSwitchTogglesPrimerDarkAndRemembersIt(FxRobot robot) {
        show(robot, dir.resolve("data"), () -> {
            throw new StoreUnavailableException("not needed here", false, null);
        });
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");

        robot.clickOn("#themeToggle");

        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(new ThemePreference(prefs).dark()).isTrue();
    }

    private void show(FxRobot robot, Path data, Callable<Workspace> opener) {
        robot.interact(() -> {
            ShellViewModel vm = new ShellViewModel(data, new ThemePreference(prefs), fx.tasks(), opener);
            ShellView view = new ShellView(vm, w -> {
                ConsoleServices services = new ConsoleServices(w.contacts(), Importer.of(w.imports()), fx.tasks(),
                        new FakeDialogService(), () -> false);
                return new Screens(services.listsView(), services.campaignsView(new WorkspaceCampaigns(w, () -> null),
                        EngineMonitor.NONE));
            }, () -> quit.set(true));
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(Ui.stylesheet());
            view.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            vm.open();
        });
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(ShellViewTest::treeVisible).orElse(false);
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow().isShowing();
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }
}
