package dev.switchboard.app.console.start;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The welcome dialog of a new store: the first admin profile (name, password, repeat; each field says what is wrong
 * under it), "Load the demo data", and then the progress of the work with Cancel. Closes itself when it is done.
 */
public final class WelcomeDialog {
    private final FirstStartViewModel vm;

    private WelcomeDialog(FirstStartViewModel vm) {
        this.vm = vm;
    }

    /** Opens the dialog over {@code owner} (modal); it closes when the work is done. */
    public static Stage open(Window owner, FirstStartViewModel vm) {
        Stage stage = new Stage();
        stage.setTitle("Welcome to Switchboard");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(new WelcomeDialog(vm).build(), 600, 560);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                e.consume(); // Cancel stops the work after its step; the window closes when it has
                vm.cancel();
            }
        });
        vm.resultProperty().addListener((o, was, now) -> {
            if (now != null) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }

    private Parent build() {
        Label title = Ui.label("welcomeTitle", "Welcome to Switchboard", Styles.TITLE_3);
        Label intro = new Label("This data folder has no profile yet. Make the first one: an admin, signed in"
                + " once it is made, who confirms launches and other audited actions with this password and can add"
                + " profiles for colleagues on the Users screen.");
        intro.setWrapText(true);

        TextField name = new TextField();
        name.setId("welcomeName");
        name.setPromptText("e.g. ada");
        name.textProperty().bindBidirectional(vm.nameProperty());
        PasswordField password = new PasswordField();
        password.setId("welcomePassword");
        password.setPromptText("at least " + FirstStartViewModel.MIN_PASSWORD + " characters");
        PasswordField repeat = new PasswordField();
        repeat.setId("welcomeRepeat");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label("Profile name"), withError(name, "welcomeNameError", vm.nameErrorProperty()));
        grid.addRow(1, new Label("Password"), withError(password, "welcomePasswordError",
                vm.passwordErrorProperty()));
        grid.addRow(2, new Label("Repeat"), withError(repeat, "welcomeRepeatError", vm.repeatErrorProperty()));
        GridPane.setHgrow(name, Priority.ALWAYS);

        CheckBox demo = new CheckBox("Load the demo data");
        demo.setId("welcomeDemo");
        demo.selectedProperty().bindBidirectional(vm.loadDemoProperty());
        Label demoText = Ui.label(null, "12 demo contacts across US time zones as the list \"Demo contacts\", a"
                + " National DNC scrub and reassigned-numbers results dated today, and three demo campaigns as"
                + " drafts (appointment reminders, an outage broadcast, overdue payments) on the built-in sandbox"
                + " org. Nothing reaches a real person.", "muted");
        demoText.setWrapText(true);

        ProgressBar bar = new ProgressBar();
        bar.setId("welcomeProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label step = Ui.label("welcomeStep", "", "muted");
        step.textProperty().bind(vm.stepProperty());
        VBox progress = new VBox(6, bar, step);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());

        Label error = Ui.label("welcomeError", "", "field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotNull());

        Button start = Ui.button("welcomeStart", "Start", Feather.PLAY);
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> {
            char[] p = password.getText().toCharArray();
            char[] r = repeat.getText().toCharArray();
            if (vm.start(p, r)) {
                password.clear();
                repeat.clear();
            }
        });
        Button cancel = Ui.button("welcomeCancel", "Cancel", null);
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(12, Ui.spacer(), cancel, start);

        VBox body = new VBox(14, title, intro, grid, demo, demoText, progress, error, Ui.spacer(), buttons);
        body.setId("welcomeDialog");
        body.getStyleClass().add("dialog-body");
        Platform.runLater(name::requestFocus);
        return body;
    }

    private static Node withError(TextField field, String id, ObservableValue<String> error) {
        Label l = Ui.label(id, "", "field-error");
        l.textProperty().bind(error);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        l.setWrapText(true);
        return new VBox(4, field, l);
    }
}
