package dev.switchboard.app.console.common;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.Optional;

/** The confirmation of an audited action: the question, a reason, the acting profile and its password. */
final class ConfirmDialog {
    private ConfirmDialog() {
    }

    static Optional<DialogService.Confirmation> show(Window owner, DialogService.ConfirmRequest request) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(request.title());
        dialog.setHeaderText(request.title());
        dialog.setGraphic(Ui.icon(request.danger() ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE));
        ButtonType ok = new ButtonType(request.action(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId("confirmDialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        Label message = new Label(request.message());
        message.setWrapText(true);
        message.setMaxWidth(440);
        grid.add(message, 0, row++, 2, 1);
        TextArea reason = new TextArea();
        reason.setId("confirmReason");
        reason.setPromptText("Why (kept in the audit log)");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        if (request.needsReason()) {
            grid.addRow(row++, new Label("Reason"), reason);
        }
        TextField profile = new TextField(request.profile() == null ? "" : request.profile());
        profile.setId("confirmProfile");
        profile.setPromptText("profile name");
        PasswordField password = new PasswordField();
        password.setId("confirmPassword");
        grid.addRow(row++, new Label("Profile"), profile);
        grid.addRow(row, new Label("Password"), password);
        dialog.getDialogPane().setContent(grid);

        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("confirmOk");
        if (request.danger()) {
            okButton.getStyleClass().add(Styles.DANGER);
        }
        BooleanBinding incomplete = Bindings.createBooleanBinding(() -> profile.getText().isBlank()
                        || password.getText().isEmpty() || request.needsReason() && reason.getText().isBlank(),
                profile.textProperty(), password.textProperty(), reason.textProperty());
        okButton.disableProperty().bind(incomplete);
        Node first = request.needsReason() ? reason : profile.getText().isBlank() ? profile : password;
        Platform.runLater(first::requestFocus);

        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ok) {
            return Optional.empty();
        }
        return Optional.of(new DialogService.Confirmation(request.needsReason() ? reason.getText().strip() : null,
                profile.getText().strip(), password.getText().toCharArray()));
    }
}
