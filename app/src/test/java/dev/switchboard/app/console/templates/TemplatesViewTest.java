package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.shell.Themes;
import dev.switchboard.app.console.testing.Fx;
import dev.switchboard.app.console.testing.Screenshots;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.user.Role;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Templates screen over a real store with the demo templates, the demo list and a demo campaign: a template
 * with a variable the list lacks is caught by lint and coverage, fixed, saved, submitted, and approved by another
 * profile after a switch of user. Screenshots in target/screenshots/templates-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class TemplatesViewTest {
    @TempDir
    Path dir;
    private final Fx fx = new Fx();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final TemplatesViewModelTest.FakeReview review = new TemplatesViewModelTest.FakeReview();
    private Stage stage;
    private Workspace workspace;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        Themes.apply(false);
    }

    @AfterEach
    void stop() {
        fx.close();
        if (workspace != null) {
            workspace.close();
        }
        Fx.run(() -> Themes.apply(false));
    }

    @Test
    void catchesAMissingVariableThenSubmitsAndAnotherProfileApproves(FxRobot robot) throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the templates screen test");
        // system profiles: no password hashing, which a test pays for in seconds
        Actor ada = new Actor(workspace.users().systemProfile("ada", Role.ADMIN), "ada-login");
        Actor carol = new Actor(workspace.users().systemProfile("carol", Role.COMPLIANCE), "carol-login");
        Actor dan = new Actor(workspace.users().systemProfile("dan", Role.COMPLIANCE), "dan-login");
        Path csv = dir.resolve("demo-contacts.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/lists/demo-contacts.csv")) {
            Files.copy(in, csv);
        }
        workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
        workspace.campaigns().create(ada, CampaignFile.demo("appointment-reminders"));
        assertThat(workspace.templates().all()).hasSize(DemoTemplates.IDS.size());

        Session session = new Session(carol);
        TemplatesView[] view = new TemplatesView[1];
        robot.interact(() -> {
            TemplatesViewModel vm = new TemplatesViewModel(new WorkspaceTemplates(workspace), fx.tasks(), dialogs,
                    review, session);
            view[0] = new TemplatesView(vm);
            Scene scene = new Scene(view[0].root(), 1440, 900);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            stage.show();
            vm.refresh();
        });
        TemplatesViewModel vm = view[0].viewModel();
        Fx.waitUntil(30, "the demo templates show", () -> robot.lookup("#templatesList")
                .queryAs(ListView.class).getItems().size() == DemoTemplates.IDS.size());
        Fx.waitUntil(30, "the first contact is previewed", () -> vm.previewTextProperty().get() != null);
        Fx.waitUntil(30, "coverage is measured", () -> vm.coverage().coverageProperty().get() != null);
        assertThat(text(robot, "#contactPosition")).isEqualTo("1 of 12");
        assertThat(vm.valuesProperty().get().campaign()).isEqualTo("Appointment reminders");
        Screenshots.save(stage.getScene(), "templates-demo");

        review.created.add(new ReviewDialogs.NewTemplate("visit-sms", "Visit reminder", Channel.SMS,
                Purpose.SERVICE));
        robot.clickOn("#newTemplateButton");
        Fx.waitUntil(10, "the new template is open", () -> "visit-sms".equals(vm.templateIdProperty().get()));
        robot.clickOn("#templateText");
        robot.write("Hi {{fir");
        Fx.waitUntil(10, "the list's variables are offered", () -> Fx.call(() -> view[0].textEditor()
                .suggesting()));
        assertThat(Fx.call(() -> view[0].textEditor().suggestionsShown())).containsExactly("first_name");
        robot.type(KeyCode.ENTER);
        Fx.waitUntil(10, "the variable completed", () -> vm.textBodyProperty().get().equals("Hi {{first_name}}"));
        robot.write(", see {{clinic_name}}.");
        Fx.waitUntil(10, "typed into the editor", () -> vm.textBodyProperty().get().endsWith("{{clinic_name}}."));
        assertThat(vm.textBodyProperty().get()).isEqualTo("Hi {{first_name}}, see {{clinic_name}}.");
        Fx.waitUntil(10, "lint catches the unknown variable", () -> vm.findings().stream()
                .anyMatch(f -> f.finding().code().equals("UNKNOWN_VARIABLE")));
        Fx.waitUntil(20, "coverage catches it on every contact", () -> vm.coverage().coverageProperty().get() != null
                && !vm.coverage().staleProperty().get()
                && vm.coverage().coverageProperty().get().byVariable().containsKey("clinic_name"));
        assertThat(vm.coverage().coverageProperty().get().failing()).isEqualTo(12);
        assertThat(text(robot, "#coverageStatus")).isEqualTo("0 of 12 contacts of Demo contacts render; 12 would"
                + " fail.");
        Screenshots.save(stage.getScene(), "templates-lint");

        // fix it in the editor: the list's column is "location"
        robot.interact(() -> {
            CodeArea area = robot.lookup("#templateText").queryAs(CodeArea.class);
            int at = area.getText().indexOf("clinic_name");
            area.replaceText(at, at + "clinic_name".length(), "location");
        });
        Fx.waitUntil(10, "lint is clean", () -> vm.findings().isEmpty() && !vm.analysingProperty().get());
        Fx.waitUntil(20, "every contact renders", () -> vm.coverage().coverageProperty().get() != null
                && !vm.coverage().staleProperty().get() && vm.coverage().coverageProperty().get().failing() == 0);
        assertThat(vm.previewTextProperty().get()).isEqualTo("Hi Ava, see Midtown clinic.");
        robot.clickOn("#saveTemplate");
        Fx.waitUntil(20, "saved", () -> vm.loadedProperty().get() != null
                && vm.loadedProperty().get().state() == TemplateState.DRAFT && !vm.dirtyProperty().get());
        Fx.waitUntil(10, "submit offered", () -> !robot.lookup("#submitTemplate").queryAs(Button.class).isDisabled());
        robot.clickOn("#submitTemplate");
        Fx.waitUntil(20, "in review", () -> vm.loadedProperty().get().state() == TemplateState.IN_REVIEW);
        assertThat(robot.lookup("#approveTemplate").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(vm.approveBlockedProperty().get()).isEqualTo("You wrote version 1; another person must approve"
                + " it.");

        robot.interact(() -> session.signIn(dan));
        Fx.waitUntil(10, "approve offered to dan", () -> !robot.lookup("#approveTemplate").queryAs(Button.class)
                .isDisabled());
        review.comments.add("wording fine");
        robot.clickOn("#approveTemplate");
        Fx.waitUntil(20, "approved", () -> vm.loadedProperty().get().state() == TemplateState.APPROVED);
        Fx.waitUntil(10, "the trail shows the approval", () -> vm.history().trail().size() == 3);
        assertThat(dialogs.errors()).isEmpty();
        TemplateVersion stored = workspace.templates().current("visit-sms").orElseThrow().version();
        assertThat(stored.state()).isEqualTo(TemplateState.APPROVED);
        assertThat(stored.author()).isEqualTo("carol");
        assertThat(stored.approver()).isEqualTo("dan");
        assertThat(stored.isApprovedFor(stored.template().contentHash())).isTrue();
        assertThat(workspace.templates().trail("visit-sms")).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("template.draft by carol", "template.submit by carol", "template.approve by dan");
        robot.clickOn("#trailTab");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "templates-approved");
        robot.interact(() -> Themes.apply(true));
        robot.clickOn("#versionsTab");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "templates-approved-dark");
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
