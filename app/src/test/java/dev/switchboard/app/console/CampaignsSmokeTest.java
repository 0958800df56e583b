package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.CampaignBackend;
import dev.switchboard.app.console.campaigns.CampaignsViewModel;
import dev.switchboard.app.console.campaigns.WorkspaceCampaigns;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.Importer;
import dev.switchboard.app.console.shell.Screens;
import dev.switchboard.app.console.shell.ShellView;
import dev.switchboard.app.console.shell.ShellViewModel;
import dev.switchboard.app.console.shell.ThemePreference;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Campaigns screen against a real store and engine: a data folder with the demo list and the demo outage
 * broadcast, the engine on the data folder's sandbox org (next Tuesday 15:00 UTC, 60 times real time); the screen
 * launches it, the funnel moves, and it is paused and resumed.
 */
@ExtendWith(ApplicationExtension.class)
class CampaignsSmokeTest {
    private static final String PASSWORD = "admin-pass-1";

    @TempDir
    Path dir;
    private final Fx fx = new Fx();
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private Workspace workspace;
    private EngineHost host;
    private ShellViewModel shell;
    private ShellView view;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() {
        if (view != null) {
            Fx.run(() -> {
                view.screens().campaigns().viewModel().stop();
                shell.close();
            });
        }
        fx.close();
        if (host != null) {
            host.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        try {
            prefs.removeNode();
        } catch (Exception ignored) {
            // the node is a test's own
        }
        Fx.run(() -> Themes.apply(false));
    }

    private void prepare() throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the console smoke test");
        workspace.users().add(null, "ada", Role.ADMIN, PASSWORD.toCharArray());
        Actor ada = workspace.users().authenticate("ada", PASSWORD.toCharArray());
        Path csv = dir.resolve("demo-contacts.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/lists/demo-contacts.csv")) {
            Files.copy(in, csv);
        }
        workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
        workspace.campaigns().create(ada, CampaignFile.demo("outage-broadcast"));
        // a Tuesday afternoon in UTC: the SMS window is open in the eastern and central zones
        Instant tuesday = Instant.now().atZone(ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0)).toInstant();
        host = EngineHost.start(workspace, new EngineHost.Settings(null, 60.0, tuesday, 0, 4, r -> { }));
    }

    @Test
    void launchesTheDemoBroadcastSeesTheFunnelMoveAndPausesAndResumes(FxRobot robot) throws Exception {
        prepare();
        EngineLink engine = new EngineLink();
        engine.opened(workspace);
        engine.started(host);
        robot.interact(() -> {
            shell = new ShellViewModel(workspace.dataDir(), new ThemePreference(prefs), fx.tasks(),
                    () -> workspace, engine);
            ConsoleServices services = new ConsoleServices(workspace.contacts(), Importer.of(workspace.imports()),
                    fx.tasks(), dialogs, () -> false);
            view = new ShellView(shell, w -> new Screens(services.listsView(), services.campaignsView(
                    new WorkspaceCampaigns(w, engine::host), engine)), () -> { });
            Scene scene = new Scene(view.root(), 1440, 900);
            scene.getStylesheets().add(Ui.stylesheet());
            view.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            shell.open();
        });
        Fx.waitUntil(30, "the lists screen shows", () -> robot.lookup("#listsScreen").tryQuery().isPresent());
        robot.clickOn("#listsList");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Fx.waitUntil(30, "the demo campaign shows as a draft", () -> "Draft".equals(text(robot, "#liveState")));
        Fx.waitUntil(30, "the status bar names the org and the engine", () ->
                text(robot, "#statusOrg").equals("Sandbox org") && text(robot, "#statusEngine").equals(
                        "Engine running"));
        CampaignsViewModel vm = view.screens().campaigns().viewModel();

        dialogs.confirmWith(null, "ada", PASSWORD);
        robot.clickOn("#launchButton");
        Fx.waitUntil(60, "the launch checklist shows", () -> robot.lookup("#launchChecklist").tryQuery().isPresent());
        String outcome = text(robot, "#launchOutcome");
        Screenshots.save(windowWith("#launchChecklist"), "campaign-launch-real");
        assertThat(outcome).as("the launch: %s", Fx.call(() -> vm.live().lastLaunchProperty().get()))
                .isEqualTo("Launched: 12 contacts enrolled");
        robot.clickOn("#launchChecklistClose");

        Fx.waitUntil(60, "the funnel moves", () -> vm.live().steps().stream()
                .mapToInt(s -> s.sent() + s.blocked() + s.deferred() + s.exited()).sum() > 0);
        Fx.waitUntil(30, "the live events show", () -> !vm.live().events().isEmpty());
        Fx.waitUntil(30, "progress shows", () -> vm.live().progressTextProperty().get().contains("of 12 contacts"));
        Screenshots.save(stage.getScene(), "campaigns-live-real");

        dialogs.confirmWith("check wording", "ada", PASSWORD);
        robot.clickOn("#pauseButton");
        Fx.waitUntil(30, "the campaign is paused", () -> "Paused".equals(text(robot, "#liveState")));
        assertThat(workspace.campaigns().find("Outage broadcast").orElseThrow().state()).isEqualTo("paused");

        dialogs.confirmWith("wording ok", "ada", PASSWORD);
        robot.clickOn("#resumeButton");
        Fx.waitUntil(30, "the campaign runs again", () -> {
            String s = text(robot, "#liveState");
            return "Running".equals(s) || "Completed".equals(s);
        });
        assertThat(workspace.audit().recent(20)).extracting(e -> e.action() + " by " + e.actor())
                .contains("campaign.launch by ada", "campaign.pause by ada", "campaign.resume by ada");
        assertThat(dialogs.errors()).isEmpty();
        CampaignBackend.Summary shown = Fx.call(() -> vm.selectedProperty().get());
        assertThat(shown.enrolled()).isEqualTo(12);
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }

    private Scene windowWith(String query) {
        return Fx.call(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup(query) != null)
                .findFirst().orElseThrow().getScene());
    }
}
