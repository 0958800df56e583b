package dev.switchboard.app.console.campaigns;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.campaigns.NewCampaignViewModel.Field;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.compliance.Purpose;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.Locale;

/** The New campaign dialog: a form whose fields each show their own message; Create waits until all are valid. */
final class NewCampaignDialog {
    private final NewCampaignViewModel vm;
    private final GridPane grid = new GridPane();
    private int row;

    private NewCampaignDialog(NewCampaignViewModel vm) {
        this.vm = vm;
    }

    static Stage open(Window owner, NewCampaignViewModel vm) {
        Stage stage = new Stage();
        stage.setTitle("New campaign");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(new NewCampaignDialog(vm).build(stage::close), 640, 760);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(600);
        vm.doneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }

    private VBox build(Runnable close) {
        Label title = Ui.label(null, "New campaign", Styles.TITLE_3);
        Label intro = Ui.label(null, "A campaign sends one published sequence version to a list. It starts as a"
                + " draft: launching runs the checks first.", "muted");
        intro.setWrapText(true);

        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        TextField name = text("ncName", vm.nameProperty().get(), "Appointment reminders");
        name.textProperty().bindBidirectional(vm.nameProperty());
        add("Name", name, Field.NAME);

        ComboBox<String> list = combo("ncList");
        list.setItems(vm.lists());
        list.valueProperty().bindBidirectional(vm.listProperty());
        add("List", list, Field.LIST);

        ComboBox<CampaignBackend.SequenceChoice> sequence = combo("ncSequence");
        sequence.setItems(vm.sequences());
        sequence.setConverter(Ui.itemLabels(sequence::getItems, c -> c.name() + " (" + c.key() + ")"));
        sequence.valueProperty().bindBidirectional(vm.sequenceProperty());
        ComboBox<Integer> version = combo("ncVersion");
        version.setItems(vm.versions());
        version.valueProperty().bindBidirectional(vm.versionProperty());
        version.setButtonCell(versionCell());
        version.setCellFactory(v -> versionCell());
        version.setPrefWidth(110);
        version.setMaxWidth(110);
        HBox seqRow = new HBox(8, sequence, version);
        HBox.setHgrow(sequence, Priority.ALWAYS);
        add("Sequence", seqRow, Field.SEQUENCE, Field.VERSION);

        ComboBox<Purpose> purpose = combo("ncPurpose");
        purpose.getItems().setAll(vm.purposes());
        purpose.setConverter(Ui.itemLabels(purpose::getItems,
                p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        purpose.valueProperty().bindBidirectional(vm.purposeProperty());
        add("Purpose", purpose, Field.PURPOSE);

        TextField sms = text("ncSmsFrom", "", "+13175550100");
        sms.textProperty().bindBidirectional(vm.smsFromProperty());
        add("SMS from", sms, Field.SMS_FROM);
        TextField email = text("ncEmailFrom", "", "notices@example.com");
        email.textProperty().bindBidirectional(vm.emailFromProperty());
        add("Email from", email, Field.EMAIL_FROM);
        TextArea variables = new TextArea();
        variables.setId("ncVariables");
        variables.setPromptText("company_name=Switchboard Energy\ncallback_number=+18005550100");
        variables.setPrefRowCount(3);
        variables.textProperty().bindBidirectional(vm.variablesProperty());
        add("Variables", variables, Field.VARIABLES);

        grid.add(new Separator(), 0, row++, 2, 1);
        TextField profile = text("ncProfile", "", "profile name");
        profile.textProperty().bindBidirectional(vm.profileProperty());
        add("Created by", profile, Field.PROFILE);
        PasswordField password = new PasswordField();
        password.setId("ncPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        add("Password", password, Field.PASSWORD);

        Label formError = Ui.label("ncFormError", "", "field-error");
        formError.setWrapText(true);
        formError.textProperty().bind(vm.formErrorProperty());
        formError.visibleProperty().bind(vm.formErrorProperty().isNotNull());
        formError.managedProperty().bind(formError.visibleProperty());

        Button cancel = Ui.button("ncCancel", "Cancel", null);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button create = Ui.button("ncCreate", "Create", Feather.CHECK);
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.validProperty().not());
        create.setOnAction(e -> vm.create());
        HBox buttons = new HBox(8, Ui.spacer(), cancel, create);

        VBox root = new VBox(12, title, intro, grid, formError, Ui.spacer(), buttons);
        root.setId("newCampaignDialog");
        root.getStyleClass().add("dialog-body");
        return root;
    }

    private void add(String label, Node field, Field... fields) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        VBox box = new VBox(2, field);
        for (Field f : fields) {
            box.getChildren().add(message(f));
        }
        GridPane.setHgrow(box, Priority.ALWAYS);
        grid.addRow(row++, l, box);
    }

    private Label message(Field f) {
        ReadOnlyStringProperty text = vm.messageProperty(f);
        Label m = Ui.label("ncMessage" + f.name(), "", "field-error");
        m.setWrapText(true);
        m.textProperty().bind(text);
        m.visibleProperty().bind(text.isNotNull());
        m.managedProperty().bind(m.visibleProperty());
        return m;
    }

    private static TextField text(String id, String value, String prompt) {
        TextField t = new TextField(value);
        t.setId(id);
        t.setPromptText(prompt);
        return t;
    }

    private static <T> ComboBox<T> combo(String id) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static ListCell<Integer> versionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : "v" + v);
            }
        };
    }
}
