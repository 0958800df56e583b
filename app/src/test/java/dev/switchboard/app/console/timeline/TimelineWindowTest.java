package dev.switchboard.app.console.timeline;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact timeline window: with made-up data for the screenshots (light and dark), and over a real store whose
 * engine runs a demo campaign on the data folder's sandbox org, where Diego's attempts, blocks and planned steps
 * appear with the gate's answer for now.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    private final Fx fx = new Fx();
    private Stage window;

    @TempDir
    Path dir;

    @Start
    void start(Stage primary) {
        // the timeline opens in windows of its own, themed as the console themes them
        Themes.apply(false);
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            Fx.run(window::close);
        }
        fx.close();
        Fx.run(() -> Themes.apply(false));
    }

    @Test
    void madeUpTimelineLightAndDark(FxRobot robot) {
        TimelineViewModel vm = new TimelineViewModel(new FakeTimelines(), fx.tasks(), new FakeDialogService());
        robot.interact(() -> window = TimelineWindow.open(null, vm, "Demo contacts", "C-1004"));
        Fx.waitUntil(20, "the timeline shows", () -> "Diego Ramos".equals(
                robot.lookup("#timelineTitle").queryAs(Label.class).getText()));
        robot.interact(() -> robot.lookup("#timelineTrace").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        Fx.waitUntil(10, "the marks drawn", () -> robot.lookup(".timeline-mark").queryAll().size() >= 10);
        assertThat(robot.lookup("#timelineTable").queryAs(TableView.class).getItems()).hasSize(10);
        assertThat(Screenshots.save(window.getScene(), "timeline-light")).exists();
        robot.interact(() -> Themes.apply(true));
        assertThat(Screenshots.save(window.getScene(), "timeline-dark")).exists();
    }

    @Test
    void aRealContactOfARunningCampaign(FxRobot robot) throws Exception {
        Path data = dir.resolve("data");
        try (Workspace workspace = Workspace.open(data, "the timeline test")) {
            workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
            Actor ada = workspace.users().authenticate("ada", "admin-pass-1".toCharArray());
            Path csv = dir.resolve("demo-contacts.csv");
            copy("/demo/lists/demo-contacts.csv", csv);
            workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            workspace.dnc().importScrub(ada, copy("/demo/dnc/national-dnc-scrub-sample.csv",
                    dir.resolve("scrub.csv")), today);
            workspace.dnc().importRnd(ada, copy("/demo/dnc/rnd-results-sample.csv", dir.resolve("rnd.csv")), today);
            // the engine on the folder's sandbox, 10 virtual minutes a second, from a Tuesday 15:00 UTC
            Instant tuesday = Instant.now().atZone(ZoneOffset.UTC).plusDays(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0)).toInstant();
            try (EngineHost host = EngineHost.start(workspace, new EngineHost.Settings(null, 600, tuesday, 0, 4,
                    r -> { }))) {
                CampaignService.Spec spec = CampaignFile.demo("appointment-reminders");
                workspace.campaigns().create(ada, spec);
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                CampaignService.LaunchReport report;
                do {
                    // the engine's first DNC sync may still be running: the launch check waits for it
                    report = workspace.campaigns().launch(ada, spec.name(), host.engine().orgFacts());
                    if (!report.launched()) {
                        Thread.sleep(500);
                    }
                } while (!report.launched() && System.nanoTime() < until);
                assertThat(report.launched()).as("launched: %s", report.checks()).isTrue();
                ContactTimelines source = ContactTimelines.of(workspace, host.clock());
                Fx.waitUntil(60, "Diego (C-1004) has an attempt", () -> source.timeline("Demo contacts", "C-1004")
                        .past().stream().anyMatch(i -> i.kind().equals("ATTEMPT")));

                TimelineViewModel vm = new TimelineViewModel(source, fx.tasks(), new FakeDialogService());
                robot.interact(() -> window = TimelineWindow.open(null, vm, "Demo contacts", "C-1004"));
                Fx.waitUntil(20, "the timeline shows", () -> !robot.lookup("#timelineTable")
                        .queryAs(TableView.class).getItems().isEmpty());
                assertThat(robot.lookup("#timelineTitle").queryAs(Label.class).getText()).contains("Diego");
                assertThat(vm.entries()).anySatisfy(e -> assertThat(e.title()).startsWith("voice"));
                assertThat(robot.lookup("#timelineNext").queryAs(Label.class).getText()).isNotBlank();
                assertThat(Screenshots.save(window.getScene(), "timeline-real")).exists();
            }
        }
    }

    private Path copy(String resource, Path to) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }
}
