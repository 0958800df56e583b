package dev.switchboard.app.console.templates;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.Optional;
import java.util.function.Supplier;

/** The review comment and New template dialogs, owned by the console's window. */
final class FxReviewDialogs implements ReviewDialogs {
    private final Supplier<Window> owner;

    FxReviewDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> comment(String title, String message, String action, boolean required) {
        Dialog<ButtonType> dialog = dialog(title, action.equals("Reject") ? Feather.X_CIRCLE : Feather.CHECK_CIRCLE);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId("reviewDialog");
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(460);
        TextArea comment = new TextArea();
        comment.setId("reviewComment");
        comment.setWrapText(true);
        comment.setPrefRowCount(4);
        comment.setPromptText(required ? "What should the author change? (kept in the audit trail)"
                : "Comment (optional, kept in the audit trail)");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setVgap(10);
        grid.add(text, 0, 0);
        grid.add(comment, 0, 1);
        dialog.getDialogPane().setContent(grid);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("reviewOk");
        okButton.getStyleClass().add(action.equals("Reject") ? Styles.DANGER : Styles.SUCCESS);
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            String c = comment.getText().strip();
            return required && c.isEmpty() || c.length() > TemplateService.MAX_COMMENT;
        }, comment.textProperty()));
        Platform.runLater(comment::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.filter(b -> b == ok).map(b -> comment.getText().strip());
    }

    @Override
    public Optional<NewTemplate> newTemplate() {
        Dialog<ButtonType> dialog = dialog("New template", Feather.FILE_PLUS);
        ButtonType ok = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId("newTemplateDialog");
        TextField name = new TextField();
        name.setId("newTemplateName");
        name.setPromptText("Appointment reminder");
        TextField id = new TextField();
        id.setId("newTemplateId");
        id.setPromptText("appointment-reminder-sms");
        boolean[] idEdited = {false};
        id.textProperty().addListener((obs, was, now) -> idEdited[0] |= id.isFocused());
        ComboBox<Channel> channel = new ComboBox<>();
        channel.getItems().setAll(Channel.values());
        channel.setValue(Channel.SMS);
        channel.setId("newTemplateChannel");
        ComboBox<Purpose> purpose = new ComboBox<>();
        purpose.getItems().setAll(Purpose.values());
        purpose.setValue(Purpose.SERVICE);
        purpose.setId("newTemplatePurpose");
        Runnable suggestId = () -> {
            if (!idEdited[0]) {
                String base = name.getText().strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                id.setText(base.isEmpty() ? "" : base + "-" + channel.getValue().name().toLowerCase(
                        java.util.Locale.ROOT));
            }
        };
        name.textProperty().addListener((obs, was, now) -> suggestId.run());
        channel.valueProperty().addListener((obs, was, now) -> suggestId.run());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Id"), id);
        grid.addRow(2, new Label("Channel"), channel);
        grid.addRow(3, new Label("Purpose"), purpose);
        Label hint = new Label("The id is what sequences refer to; it cannot change later.");
        hint.getStyleClass().add("muted");
        grid.add(hint, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("newTemplateOk");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getText().isBlank()
                || id.getText().isBlank(), name.textProperty(), id.textProperty()));
        Platform.runLater(name::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.filter(b -> b == ok).map(b -> new NewTemplate(id.getText().strip(), name.getText().strip(),
                channel.getValue(), purpose.getValue()));
    }

    private Dialog<ButtonType> dialog(String title, Feather icon) {
        Dialog<ButtonType> dialog = new Dialog<>();
        Window w = owner.get();
        dialog.initOwner(w);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setGraphic(Ui.icon(icon));
        if (w != null && w.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
        }
        return dialog;
    }
}
