package dev.switchboard.app.console.users;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The sign-in window: a profile (picked from the list or typed) and its password. It closes once the profile signed
 * in (the session is then that profile's). At start its other button quits; for "Switch user" it cancels, keeping
 * who was signed in.
 */
public final class SignInDialog {
    private final SignInViewModel vm;
    private final Stage stage = new Stage();
    private final PasswordField password = new PasswordField();

    private SignInDialog(SignInViewModel vm) {
        this.vm = vm;
    }

    /**
     * Opens the window over {@code owner} (null: on its own) and starts reading the profiles; returns its stage.
     *
     * @param otherwise what the second button does: quit the console at start, or nothing beyond closing when
     *                  switching user
     */
    public static Stage open(Window owner, SignInViewModel vm, Runnable otherwise) {
        SignInDialog d = new SignInDialog(vm);
        if (owner != null) {
            d.stage.initOwner(owner);
        }
        d.build(otherwise);
        vm.load();
        d.stage.show();
        Platform.runLater(() -> (vm.nameProperty().get() == null || vm.nameProperty().get().isBlank()
                ? d.stage.getScene().lookup("#signInProfile") : d.password).requestFocus());
        return d.stage;
    }

    private void build(Runnable otherwise) {
        stage.setTitle(vm.switching() ? "Switch user" : "Sign in to Switchboard");
        stage.initModality(Modality.APPLICATION_MODAL);
        Label title = Ui.label(null, vm.switching() ? "Switch user" : "Sign in", Styles.TITLE_3);
        title.setGraphic(Ui.icon(Feather.USER));
        String current = vm.current();
        Label intro = Ui.label("signInIntro", (current == null ? "" : "Signed in now: " + current + "; Cancel keeps"
                + " it. ") + "Choose your local profile and give its password. Every screen then acts as this"
                + " profile, and shows what its role may do.", "muted");
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        ComboBox<String> profile = new ComboBox<>(vm.names());
        profile.setId("signInProfile");
        profile.setEditable(true);
        profile.setPromptText("profile name");
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.getEditor().textProperty().bindBidirectional(vm.nameProperty());
        password.setId("signInPassword");
        password.setPromptText("password");
        password.setOnAction(e -> signIn());

        Button signIn = Ui.button("signInButton", "Sign in", Feather.LOG_IN);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setDefaultButton(true);
        signIn.setOnAction(e -> signIn());
        signIn.disableProperty().bind(vm.busyProperty());
        Button other = Ui.button("signInCancel", vm.switching() ? "Cancel" : "Quit", null);
        other.setCancelButton(vm.switching());
        other.setOnAction(e -> {
            stage.close();
            otherwise.run();
        });
        stage.setOnCloseRequest(e -> otherwise.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label problem = error("signInProblem", vm.problemProperty());
        HBox buttons = new HBox(10, busy, Ui.spacer(), other, signIn);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);

        VBox form = new VBox(6, new Label("Profile"), profile, error("signInProfileError", vm.nameErrorProperty()),
                new Label("Password"), password, error("signInPasswordError", vm.passwordErrorProperty()));
        VBox body = new VBox(14, title, intro, form, problem, buttons);
        body.getStyleClass().add("dialog-body");
        body.setId("signInDialog");
        body.setPrefWidth(420);
        Scene scene = new Scene(body);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.setResizable(false);
        vm.signedInProperty().addListener((o, was, now) -> {
            if (now != null) {
                password.clear();
                stage.setOnCloseRequest(null);
                stage.close();
            }
        });
    }

    private void signIn() {
        vm.signIn(password.getText().toCharArray());
        password.clear();
    }

    private Label error(String id, ReadOnlyStringProperty message) {
        Label l = Ui.label(id, "", "field-error");
        l.textProperty().bind(message);
        l.visibleProperty().bind(message.isNotNull());
        l.managedProperty().bind(message.isNotNull());
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the window grows with the message (a stage does not resize by itself)
        message.addListener((o, was, now) -> Platform.runLater(stage::sizeToScene));
        return l;
    }
}
