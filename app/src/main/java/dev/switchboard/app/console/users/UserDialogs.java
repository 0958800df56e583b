package dev.switchboard.app.console.users;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The Users screen's dialogs: Create profile, Change role, Reset password. None blocks the FX thread. */
final class UserDialogs {
    private UserDialogs() {
    }

    static Dialog<ButtonType> create(Window owner, UsersViewModel vm) {
        ProfileForm form = vm.newForm();
        Dialog<ButtonType> dialog = dialog(owner, "Create profile", "createProfileDialog", Feather.USER_PLUS);
        ButtonType ok = new ButtonType("Create profile", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("profileName");
        name.setPromptText("e.g. carla.m");
        name.textProperty().bindBidirectional(form.nameProperty());
        ComboBox<Role> role = roles("profileRole");
        role.valueProperty().bindBidirectional(form.roleProperty());
        PasswordField password = password("profilePassword", "at least 8 characters");
        PasswordField repeat = password("profileRepeat", "the same again");
        GridPane grid = grid();
        int row = 0;
        row = field(grid, row, "Name", name, form.nameErrorProperty(), "profileNameError");
        row = field(grid, row, "Role", role, form.roleErrorProperty(), "profileRoleError");
        row = field(grid, row, "Password", password, form.passwordErrorProperty(), "profilePasswordError");
        field(grid, row, "Repeat password", repeat, form.repeatErrorProperty(), "profileRepeatError");
        dialog.getDialogPane().setContent(new VBox(12, note("A local profile: the person signs in with its name and"
                + " password, and every action they take is audited under it."), grid));
        Button okButton = okButton(dialog, ok, "createProfileOk");
        okButton.disableProperty().bind(vm.busyProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.create(form, password.getText().toCharArray(), repeat.getText().toCharArray(), () -> {
                password.clear();
                repeat.clear();
                dialog.setResult(ok);
                dialog.close();
            });
        });
        Platform.runLater(name::requestFocus);
        dialog.show();
        return dialog;
    }

    static Dialog<ButtonType> changeRole(Window owner, UsersViewModel vm, UserService.Account account) {
        Dialog<ButtonType> dialog = dialog(owner, "Change role of " + account.profile().name(), "changeRoleDialog",
                Feather.USERS);
        ButtonType ok = new ButtonType("Change role", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        ComboBox<Role> role = roles("newRole");
        role.setValue(account.profile().role());
        GridPane grid = grid();
        field(grid, 0, "Role", role, null, null);
        dialog.getDialogPane().setContent(new VBox(12, note(account.profile().name() + " is "
                + UsersViewModel.role(account.profile().role()) + " now. The change applies from their next action;"
                + " it is audited. The last admin always stays an admin."), grid));
        Button okButton = okButton(dialog, ok, "changeRoleOk");
        okButton.disableProperty().bind(role.valueProperty().isEqualTo(account.profile().role())
                .or(vm.busyProperty()));
        okButton.addEventFilter(ActionEvent.ACTION, e -> vm.changeRole(account, role.getValue()));
        dialog.show();
        return dialog;
    }

    static Dialog<ButtonType> resetPassword(Window owner, UsersViewModel vm, UserService.Account account) {
        ProfileForm form = vm.newForm();
        Dialog<ButtonType> dialog = dialog(owner, "Reset password of " + account.profile().name(),
                "resetPasswordDialog", Feather.KEY);
        ButtonType ok = new ButtonType("Set password", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        PasswordField password = password("resetPassword", "at least 8 characters");
        PasswordField repeat = password("resetRepeat", "the same again");
        GridPane grid = grid();
        int row = field(grid, 0, "New password", password, form.passwordErrorProperty(), "resetPasswordError");
        field(grid, row, "Repeat password", repeat, form.repeatErrorProperty(), "resetRepeatError");
        dialog.getDialogPane().setContent(new VBox(12, note("Their old password stops working at once. Tell them"
                + " the new one in person; the audit log records the reset, never the password."), grid));
        Button okButton = okButton(dialog, ok, "resetPasswordOk");
        okButton.getStyleClass().remove(Styles.ACCENT);
        okButton.getStyleClass().add(Styles.DANGER);
        okButton.disableProperty().bind(vm.busyProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.resetPassword(account, form, password.getText().toCharArray(), repeat.getText().toCharArray(),
                    () -> {
                        password.clear();
                        repeat.clear();
                        dialog.setResult(ok);
                        dialog.close();
                    });
        });
        Platform.runLater(password::requestFocus);
        dialog.show();
        return dialog;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String id, Feather icon) {
        return Ui.formDialog(owner, title, id, icon);
    }

    private static Button okButton(Dialog<ButtonType> dialog, ButtonType ok, String id) {
        Button b = (Button) dialog.getDialogPane().lookupButton(ok);
        b.setId(id);
        b.getStyleClass().add(Styles.ACCENT);
        return b;
    }

    static ComboBox<Role> roles(String id) {
        ComboBox<Role> role = new ComboBox<>();
        role.setId(id);
        role.getItems().setAll(Role.values());
        role.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : UsersViewModel.role(r) + " — " + UsersViewModel.describe(r));
            }
        });
        role.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : UsersViewModel.role(r));
            }
        });
        return role;
    }

    private static PasswordField password(String id, String prompt) {
        PasswordField p = new PasswordField();
        p.setId(id);
        p.setPromptText(prompt);
        return p;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        return grid;
    }

    private static Label note(String text) {
        Label l = Ui.label(null, text, "muted");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A labelled field with its message under it (when it has one); returns the next free row. */
    static int field(GridPane grid, int row, String label, Node field, ReadOnlyStringProperty error, String errorId) {
        return Ui.formField(grid, row, label, field, error, errorId, 300);
    }
}
