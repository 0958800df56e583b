package dev.switchboard.app.console.users;

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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in window and the Users screen over a real store: a wrong password is told, the right one signs in;
 * an admin creates a profile (messages name the fields), changes its role and resets its password; the new profile
 * signs in through "Switch user" and sees the admins-only notice.
 */
@ExtendWith(ApplicationExtension.class)
class UsersSmokeTest {
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
        Fx.run(() -> Themes.apply(false));
        Fx.run(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void signInThenAdministerProfiles(FxRobot robot) throws Exception {
        workspace = Workspace.open(dir.resolve("data"), "the users smoke test");
        workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        Session session = new Session();
        boolean[] quit = {false};
        robot.interact(() -> {
            Themes.apply(false);
            Scene scene = new Scene(new javafx.scene.layout.StackPane(), 1100, 700);
            scene.getStylesheets().add(Ui.stylesheet());
            stage.setScene(scene);
            stage.show();
            UsersScreen.signIn(stage, workspace, fx.tasks(), session, () -> quit[0] = true);
        });
        // the only person's profile is suggested (system profiles cannot sign in)
        Fx.waitUntil(30, "the profiles are read", () -> Fx.call(() -> robot.lookup("#signInProfile")
                .queryAs(ComboBox.class).getItems().size()) == 1);
        assertThat(Fx.call(() -> robot.lookup("#signInProfile").queryAs(ComboBox.class).getEditor().getText()))
                .isEqualTo("ada");
        type(robot, "#signInPassword", "wrong-password");
        press(robot, "#signInButton");
        Fx.waitUntil(30, "the wrong password is told", () -> text(robot, "#signInPasswordError").startsWith(
                "Wrong password for 'ada'"));
        Screenshots.save(robot.lookup("#signInDialog").query().getScene(), "signin-wrong-password");
        assertThat(session.actor()).isEmpty();
        type(robot, "#signInPassword", "admin-pass-1");
        press(robot, "#signInButton");
        Fx.waitUntil(30, "ada is signed in", () -> session.actor().isPresent()
                && robot.lookup("#signInDialog").tryQuery().isEmpty());
        assertThat(session.require().name()).isEqualTo("ada");
        assertThat(quit[0]).isFalse();

        UsersView[] view = new UsersView[1];
        robot.interact(() -> {
            view[0] = UsersScreen.create(workspace, fx.tasks(), dialogs, session);
            stage.getScene().setRoot(view[0].root());
        });
        Fx.waitUntil(30, "the profiles show", () -> rows(robot) == 3);

        press(robot, "#createProfileButton");
        Fx.waitUntil(10, "the Create dialog opens", () -> robot.lookup("#profileName").tryQuery().isPresent());
        Fx.run(() -> robot.lookup("#profileName").queryAs(TextField.class).setText("carla m"));
        type(robot, "#profilePassword", "carla-pass-1");
        type(robot, "#profileRepeat", "carla-pass-2");
        press(robot, "#createProfileOk");
        assertThat(text(robot, "#profileNameError")).startsWith("Name: 2 to 100 letters");
        assertThat(text(robot, "#profileRepeatError")).isEqualTo("Repeat password: does not match the password");
        assertThat(Fx.call(() -> robot.lookup("#profilePassword").queryAs(PasswordField.class).getText()))
                .isEqualTo("carla-pass-1");
        Screenshots.save(robot.lookup("#createProfileDialog").query().getScene(), "users-create-dialog");
        Fx.run(() -> {
            robot.lookup("#profileName").queryAs(TextField.class).setText("carla");
            robot.lookup("#profileRole").queryAs(ComboBox.class).setValue(Role.OPERATOR);
        });
        type(robot, "#profileRepeat", "carla-pass-1");
        press(robot, "#createProfileOk");
        Fx.waitUntil(30, "carla is listed", () -> rows(robot) == 4);
        assertThat(text(robot, "#usersOutcome")).startsWith("Profile carla created (operator).");

        select(robot, "carla");
        press(robot, "#changeRoleButton");
        Fx.waitUntil(10, "the role dialog opens", () -> robot.lookup("#newRole").tryQuery().isPresent());
        Fx.run(() -> robot.lookup("#newRole").queryAs(ComboBox.class).setValue(Role.COMPLIANCE));
        press(robot, "#changeRoleOk");
        Fx.waitUntil(30, "the role changed", () -> text(robot, "#usersOutcome").equals("carla is now a compliance."));
        select(robot, "carla");
        press(robot, "#resetPasswordButton");
        Fx.waitUntil(10, "the reset dialog opens", () -> robot.lookup("#resetPassword").tryQuery().isPresent());
        type(robot, "#resetPassword", "carla-new-pass");
        type(robot, "#resetRepeat", "carla-new-pass");
        press(robot, "#resetPasswordOk");
        Fx.waitUntil(30, "the password is reset", () -> text(robot, "#usersOutcome").startsWith("New password set"));
        Fx.run(() -> robot.lookup("#profilesTable").queryAs(TableView.class).getSelectionModel().clearSelection());
        Screenshots.save(stage.getScene(), "users-admin");
        Fx.run(() -> Themes.apply(true));
        Screenshots.save(stage.getScene(), "users-admin-dark");
        Fx.run(() -> Themes.apply(false));
        assertThat(workspace.audit().recent(3)).extracting(e -> e.action() + " " + e.subject())
                .containsExactly("profile.password-reset profile carla", "profile.role profile carla",
                        "profile.add profile carla");

        robot.interact(() -> UsersScreen.switchUser(stage, workspace, fx.tasks(), session));
        Fx.waitUntil(30, "the switch window lists both", () -> Fx.call(() -> robot.lookup("#signInProfile")
                .queryAs(ComboBox.class).getItems().size()) == 2);
        Fx.run(() -> robot.lookup("#signInProfile").queryAs(ComboBox.class).getEditor().setText("carla"));
        type(robot, "#signInPassword", "carla-new-pass");
        Screenshots.save(robot.lookup("#signInDialog").query().getScene(), "signin-switch-user");
        Fx.run(() -> Themes.apply(true));
        Screenshots.save(robot.lookup("#signInDialog").query().getScene(), "signin-switch-user-dark");
        Fx.run(() -> Themes.apply(false));
        press(robot, "#signInButton");
        Fx.waitUntil(30, "carla is signed in", () -> session.actor().map(Actor::name).orElse("").equals("carla"));
        Fx.waitUntil(10, "the notice shows", () -> text(robot, "#usersNotice").startsWith("Only an admin"));
        assertThat(Fx.call(() -> robot.lookup("#createProfileButton").query().isVisible())).isFalse();
        Screenshots.save(stage.getScene(), "users-not-admin");
        assertThat(dialogs.errors()).isEmpty();
    }

    private static void select(FxRobot robot, String name) {
        Fx.run(() -> {
            TableView<?> t = robot.lookup("#profilesTable").queryAs(TableView.class);
            for (int i = 0; i < t.getItems().size(); i++) {
                if (((dev.switchboard.engine.users.UserService.Account) t.getItems().get(i)).profile().name()
                        .equals(name)) {
                    t.getSelectionModel().select(i);
                }
            }
        });
    }

    private static void type(FxRobot robot, String query, String text) {
        Fx.run(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    private static void press(FxRobot robot, String query) {
        Fx.run(() -> {
            ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
            assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
            b.fire();
        });
    }

    private static int rows(FxRobot robot) {
        return Fx.call(() -> robot.lookup("#profilesTable").queryAs(TableView.class).getItems().size());
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }
}
