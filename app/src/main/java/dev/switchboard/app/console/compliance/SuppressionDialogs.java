package dev.switchboard.app.console.compliance;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.compliance.Suppression;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

/** The Compliance screen's small dialogs: Add suppression, and a reason (request a removal, reject one). */
final class SuppressionDialogs {
    private SuppressionDialogs() {
    }

    /** Opens the Add suppression dialog (not modal-blocking); it closes once the suppression is recorded. */
    static Dialog<ButtonType> add(Window owner, SuppressionsModel vm) {
        AddSuppressionForm form = vm.newForm();
        Dialog<ButtonType> dialog = dialog(owner, "Add suppression", "addSuppressionDialog", Feather.SLASH);
        ButtonType ok = new ButtonType("Add suppression", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);

        TextField address = new TextField();
        address.setId("suppressAddress");
        address.setPromptText("+12125550100 or name@example.com");
        address.textProperty().bindBidirectional(form.addressProperty());
        ComboBox<Suppression.Kind> kind = new ComboBox<>();
        kind.setId("suppressKind");
        kind.getItems().setAll(Suppression.Kind.values());
        kind.setConverter(Ui.itemLabels(kind::getItems, Choices::kind));
        kind.valueProperty().bindBidirectional(form.kindProperty());
        ComboBox<Choices.ChannelChoice> channel = new ComboBox<>();
        channel.setId("suppressChannel");
        channel.getItems().setAll(Choices.ChannelChoice.values());
        channel.valueProperty().bindBidirectional(form.channelProperty());
        DatePicker lastDay = new DatePicker();
        lastDay.setId("suppressLastDay");
        lastDay.setPromptText("never expires");
        lastDay.valueProperty().bindBidirectional(form.lastDayProperty());
        TextArea reason = new TextArea();
        reason.setId("suppressReason");
        reason.setPromptText("Why (kept with the suppression and in the audit log)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(form.reasonProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        row = field(grid, row, "Address", address, form.addressErrorProperty(), "suppressAddressError");
        row = field(grid, row, "Kind", kind, form.kindErrorProperty(), "suppressKindError");
        row = field(grid, row, "Channel", channel, null, null);
        row = field(grid, row, "Last day (UTC)", lastDay, form.lastDayErrorProperty(), "suppressLastDayError");
        field(grid, row, "Reason", reason, form.reasonErrorProperty(), "suppressReasonError");
        Label note = Ui.label(null, "It applies at once to every contact, in every list, with this address.",
                "muted");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(new VBox(12, note, grid));

        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("suppressOk");
        okButton.getStyleClass().add(Styles.ACCENT);
        okButton.disableProperty().bind(vm.busyProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.add(form, () -> {
                dialog.setResult(ok);
                dialog.close();
            });
        });
        Platform.runLater(address::requestFocus);
        dialog.show();
        return dialog;
    }

    /**
     * Opens a dialog asking for a reason; {@code submit} gets the text and returns a message for the field (the
     * dialog stays open) or null (it closes).
     */
    static Dialog<ButtonType> reason(Window owner, String title, String id, String message, String action,
                                     boolean danger, boolean required, Function<String, String> submit) {
        Dialog<ButtonType> dialog = dialog(owner, title, id, danger ? Feather.ALERT_TRIANGLE : Feather.HELP_CIRCLE);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextArea reason = new TextArea();
        reason.setId(id + "Reason");
        reason.setPromptText(required ? "Reason (required; kept in the audit log)" : "Note (optional; kept in the"
                + " audit log)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label error = Ui.label(id + "Error", "", "field-error");
        error.setManaged(false);
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(new VBox(10, text, reason, error));
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId(id + "Ok");
        okButton.getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = submit.apply(reason.getText());
            if (problem != null) {
                e.consume();
                error.setText(problem);
                error.setManaged(true);
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Platform.runLater(reason::requestFocus);
        dialog.show();
        return dialog;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String id, Feather icon) {
        return Ui.formDialog(owner, title, id, icon);
    }

    /** A labelled field with its message under it (when it has one); returns the next free row. */
    static int field(GridPane grid, int row, String label, Node field, ReadOnlyStringProperty error, String errorId) {
        return Ui.formField(grid, row, label, field, error, errorId, 340);
    }
}
