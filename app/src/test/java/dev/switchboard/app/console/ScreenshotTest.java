package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.FakeCampaignBackend;
import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.FakeImporter;
import dev.switchboard.app.console.shell.Screens;
import dev.switchboard.app.console.shell.ShellView;
import dev.switchboard.app.console.shell.ShellViewModel;
import dev.switchboard.app.console.shell.ThemePreference;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.FakeDirectory;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Samples;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ListSummary;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the console with made-up data to {@code app/target/screenshots/*.png}: the Lists screen (light and dark),
 * its Rejected rows tab, the first-start state and the wizard's preview page.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    private final Fx fx = new Fx();
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private Stage stage;
    private ShellViewModel shell;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        prefs.removeNode();
        Fx.run(() -> Themes.apply(false));
    }

    private static FakeDirectory data() {
        return new FakeDirectory()
                .add(Samples.summary(1, "Spring leads 2025", 48_210, 5),
                        Samples.rejected(10, 17, "Mobile", "(415) 555-0123", "fictional number (555-01xx)"),
                        Samples.rejected(10, 112, "Mobile", "123", "wrong length: 3 digits"),
                        Samples.rejected(10, 958, "Mobile", "(900) 555-1234", "premium-rate number"),
                        Samples.rejected(10, 4410, "Mobile", "911", "N11 service code, not a phone number"),
                        Samples.rejected(10, 9120, null, null, "no phone number or email address"),
                        Samples.warning(10, 77, "Email", "ana@@example", "not an email address; dropped"))
                .add(Samples.summary(2, "Renewals Q3", 1_204, 0))
                .add(Samples.summary(3, "Collections — West", 310_552, 0))
                .add(new ListSummary(new ContactList(4, "Webinar sign-ups", "GB", Samples.mapping("id"),
                        Samples.T0, Samples.T0), 0, null));
    }

    private void show(FxRobot robot, FakeDirectory directory) {
        robot.interact(() -> {
            shell = new ShellViewModel(Path.of("/home/ops/.local/share/switchboard"), new ThemePreference(prefs),
                    fx.tasks(), () -> null);
            ConsoleServices services = new ConsoleServices(directory, new FakeImporter(), fx.tasks(),
                    new FakeDialogService(), () -> false);
            ShellView view = new ShellView(shell, w -> new Screens(services.listsView(), services.campaignsView(
                    new FakeCampaignBackend(), EngineMonitor.NONE)), () -> { });
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(Ui.stylesheet());
            view.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            shell.open();
        });
    }

    @Test
    void listsScreen(FxRobot robot) {
        show(robot, data());
        waitForCell(robot, "C-000000");

        assertThat(Screenshots.save(stage.getScene(), "lists-light")).exists();

        robot.interact(shell::toggleTheme);
        assertThat(Screenshots.save(stage.getScene(), "lists-dark")).exists();

        robot.clickOn("#rejectedTab");
        waitForCell(robot, "premium-rate number");
        assertThat(Screenshots.save(stage.getScene(), "lists-rejected-dark")).exists();
    }

    @Test
    void firstStart(FxRobot robot) {
        show(robot, new FakeDirectory());
        Fx.waitUntil(20, "the empty state shows", () -> robot.lookup("#listsEmptyState").query().isVisible());

        assertThat(Screenshots.save(stage.getScene(), "lists-empty")).exists();
    }

    @Test
    void wizardPreview(FxRobot robot) throws Exception {
        show(robot, data());
        waitForCell(robot, "C-000000");
        Path file = Files.createTempFile("q4-leads", ".csv");
        try {
            robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
            Fx.waitUntil(20, "the wizard opens", () -> robot.lookup("#wizardFile").tryQuery().isPresent());
            robot.interact(() -> robot.lookup("#wizardFile").queryTextInputControl().setText(file.toString()));
            assertThat(Screenshots.save(wizardScene(), "wizard-file")).exists();
            robot.clickOn("#wizardNext");
            Fx.waitUntil(20, "the preview shows", () -> robot.lookup("#wizardPreviewPage").query().isVisible());

            assertThat(Screenshots.save(wizardScene(), "wizard-preview")).exists();
            robot.clickOn("#wizardNext");
            Fx.waitUntil(20, "the summary shows", () -> robot.lookup("#wizardSummaryPage").query().isVisible());
            assertThat(Screenshots.save(wizardScene(), "wizard-summary")).exists();
            robot.clickOn("#wizardDone");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Scene wizardScene() {
        return Fx.call(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.getScene() != null && w.getScene().lookup("#importWizard") != null)
                .findFirst().orElseThrow().getScene());
    }

    private static void waitForCell(FxRobot robot, String text) {
        Fx.waitUntil(20, "a cell shows " + text, () -> robot.lookup(".table-cell").<TableCell<?, ?>>queryAll()
                .stream().anyMatch(c -> text.equals(c.getText())));
    }
}
