package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.CampaignBackend.Summary;
import dev.switchboard.app.console.campaigns.FakeCampaignBackend;
import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.FakeEngineMonitor;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.FakeImporter;
import dev.switchboard.app.console.shell.Screen;
import dev.switchboard.app.console.shell.Screens;
import dev.switchboard.app.console.shell.ShellView;
import dev.switchboard.app.console.shell.ShellViewModel;
import dev.switchboard.app.console.shell.ThemePreference;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.FakeDirectory;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Samples;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.EngineEvent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.T0;
import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.step;
import static dev.switchboard.app.console.campaigns.FakeCampaignBackend.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the Campaigns screen with made-up campaigns and live events to {@code app/target/screenshots/*.png}: the
 * list with the live view (light and dark), a tripped breaker, the forecast, the New campaign dialog and the launch
 * checklist.
 */
@ExtendWith(ApplicationExtension.class)
class CampaignScreenshotTest {
    private final Fx fx = new Fx();
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private final FakeEngineMonitor engine = new FakeEngineMonitor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private ShellViewModel shell;
    private ShellView view;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop() throws Exception {
        Fx.run(() -> {
            view.screens().campaigns().viewModel().stop();
            shell.close();
        });
        fx.close();
        prefs.removeNode();
        Fx.run(() -> Themes.apply(false));
    }

    static FakeCampaignBackend data() {
        FakeCampaignBackend b = new FakeCampaignBackend();
        b.add(new Summary(view(1, "Outage broadcast", "service", "running", null), 1200, 742, null),
                step("notify", "sms", 310, 860, 801, 34, 21, 0),
                step("wait-1h", null, 148, 0, 0, 0, 0, 0),
                step("follow-up", "email", 0, 120, 118, 2, 6, 0),
                step("call", "voice", 0, 40, 22, 11, 0, 15),
                step("done", null, 0, 0, 0, 0, 0, 742));
        b.add(new Summary(view(2, "Appointment reminders", "marketing", "paused", "check wording"), 12, 4, null),
                step("sms-1", "sms", 8, 4, 4, 0, 1, 0));
        b.add(new Summary(view(3, "Overdue payments", "collections", "paused", CampaignService.BREAKER_PREFIX
                + "error rate: 31% of 42 calls in 5 minutes failed or ended unknown; resume with --acknowledge"),
                480, 96, null), step("sms-1", "sms", 380, 130, 90, 40, 0, 0));
        b.add(new Summary(view(4, "Storm warning", "life_safety", "draft", null), 0, 0, null));
        b.add(new Summary(view(5, "Spring renewals", "marketing", "completed", "every enrollment ended"), 3400,
                3400, null), step("sms-1", "sms", 0, 3300, 3190, 110, 100, 3400));
        b.add(new Summary(view(6, "Winter promo", "marketing", "stopped", "legal hold"), 900, 900, null),
                step("email-1", "email", 0, 410, 405, 5, 12, 0));
        return b;
    }

    private void show(FxRobot robot, FakeCampaignBackend backend) {
        robot.interact(() -> {
            shell = new ShellViewModel(Path.of("/home/ops/.local/share/switchboard"), new ThemePreference(prefs),
                    fx.tasks(), () -> null, engine);
            ConsoleServices services = new ConsoleServices(new FakeDirectory().add(Samples.summary(1, "Demo contacts",
                    12, 0)), new FakeImporter(), fx.tasks(), dialogs, () -> false);
            view = new ShellView(shell, w -> new Screens(services.listsView(), services.campaignsView(backend,
                    engine)), () -> { });
            Scene scene = new Scene(view.root(), 1440, 900);
            scene.getStylesheets().add(Ui.stylesheet());
            view.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            shell.open();
            shell.show(Screen.CAMPAIGNS);
        });
    }

    /** Two minutes of sends and results of campaign 1, plus API use growing. */
    private void emitTraffic(FxRobot robot) throws InterruptedException {
        long granted = 0;
        for (int i = 0; i < 12; i++) {
            Instant now = T0.plus(Duration.ofSeconds(20L * i));
            for (int k = 0; k < 6 + i % 4; k++) {
                Instant at = now.plusSeconds(k);
                engine.emit(new EngineEvent(at, "SENT", 1, 1000 + i * 10 + k, "notify", "SMS to +1317***0100"));
                if (k % 3 == 0) {
                    engine.emit(new EngineEvent(at, "SENT", 1, 2000 + i * 10 + k, "follow-up", "email accepted"));
                }
                if (k % 4 == 1) {
                    engine.emit(new EngineEvent(at, "DELIVERED", 1, 1000 + i * 10 + k, "notify", "delivered"));
                }
            }
            engine.emit(new EngineEvent(now.plusSeconds(8), "BLOCKED", 1, 3000 + i, "notify",
                    "consent: no SMS consent on record"));
            engine.emit(new EngineEvent(now.plusSeconds(9), "CALLED", 1, 4000 + i, "call", "answered"));
            granted += 60 + 7L * (i % 5);
            engine.running(now.plusSeconds(19), granted, false);
            Thread.sleep(1100);
        }
    }

    @Test
    void campaignsScreenLiveView(FxRobot robot) throws Exception {
        show(robot, data());
        Fx.waitUntil(20, "the live view shows", () -> robot.lookup("#liveName").tryQuery()
                .map(n -> "Outage broadcast".equals(((Labeled) n).getText())).orElse(false));
        emitTraffic(robot);
        Fx.waitUntil(20, "events show", () -> !robot.lookup("#eventsTable").queryTableView().getItems().isEmpty());
        assertThat(Screenshots.save(stage.getScene(), "campaigns-light")).exists();
        robot.interact(shell::toggleTheme);
        assertThat(Screenshots.save(stage.getScene(), "campaigns-dark")).exists();

        robot.clickOn("#stepsTab");
        assertThat(Screenshots.save(stage.getScene(), "campaigns-steps-dark")).exists();
    }

    @Test
    void breakerAndForecast(FxRobot robot) {
        show(robot, data());
        Fx.waitUntil(20, "the list shows", () -> robot.lookup("#campaignsList").queryListView().getItems().size()
                == 6);
        robot.interact(() -> robot.lookup("#campaignsList").queryListView().getSelectionModel().select(2));
        Fx.waitUntil(20, "the breaker banner shows", () -> robot.lookup("#breakerBanner").query().isVisible()
                && robot.lookup("#breakerBanner").query().getParent().isVisible());
        assertThat(Screenshots.save(stage.getScene(), "campaigns-breaker-light")).exists();

        robot.interact(() -> robot.lookup("#campaignsList").queryListView().getSelectionModel().select(0));
        robot.clickOn("#forecastButton");
        Fx.waitUntil(20, "the forecast shows", () -> robot.lookup("#forecastFinish").tryQuery().isPresent());
        assertThat(Screenshots.save(stage.getScene(), "campaigns-forecast-light")).exists();
        robot.interact(shell::toggleTheme);
        assertThat(Screenshots.save(stage.getScene(), "campaigns-forecast-dark")).exists();
    }

    @Test
    void newCampaignDialogAndLaunchChecklist(FxRobot robot) {
        FakeCampaignBackend backend = data();
        backend.launchReport = new CampaignService.LaunchReport(view(4, "Storm warning", "life_safety", "draft",
                null), List.of(
                new CampaignService.Check("state", true, "the campaign is DRAFT"),
                new CampaignService.Check("sequence", true, "outage-broadcast v1 is published"),
                new CampaignService.Check("template outage-sms", true, "v1 approved by grace (content 3f9a1c2e7b44)"),
                new CampaignService.Check("rule pack", true, "us-2026 loaded"),
                new CampaignService.Check("list", true, "12 contacts"),
                new CampaignService.Check("life-safety approval", false, "a life-safety campaign needs a second"
                        + " person's approval: switchboard campaign approve NAME --as (a compliance or admin profile"
                        + " other than ada)"),
                new CampaignService.Check("org", true, "the store belongs to Sandbox org (genesys:sandbox)"),
                new CampaignService.Check("SMS sender", true, "+13177340100 is an SMS number of the org")), false, 0);
        show(robot, backend);
        Fx.waitUntil(20, "the list shows", () -> robot.lookup("#campaignsList").queryListView().getItems().size()
                == 6);
        robot.clickOn("#newCampaignButton");
        Fx.waitUntil(20, "the dialog shows", () -> robot.lookup("#newCampaignDialog").tryQuery().isPresent());
        robot.clickOn("#ncName").write("Storm warning 2");
        robot.clickOn("#ncSmsFrom").write("+1317");
        assertThat(Screenshots.save(windowWith("#newCampaignDialog"), "campaign-new-light")).exists();
        robot.clickOn("#ncCancel");

        robot.interact(() -> robot.lookup("#campaignsList").queryListView().getSelectionModel().select(3));
        Fx.waitUntil(20, "the life-safety state shows", () -> robot.lookup("#lifeSafetyState").query().isVisible());
        dialogs.confirmWith(null, "ada", "pw");
        robot.clickOn("#launchButton");
        Fx.waitUntil(20, "the checklist shows", () -> robot.lookup("#launchChecklist").tryQuery().isPresent());
        assertThat(Screenshots.save(windowWith("#launchChecklist"), "campaign-launch-checks-light")).exists();
        assertThat(Screenshots.save(stage.getScene(), "campaigns-life-safety-light")).exists();
        robot.clickOn("#launchChecklistClose");
    }

    private Scene windowWith(String query) {
        return Fx.call(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup(query) != null)
                .findFirst().orElseThrow().getScene());
    }
}
