package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Wizard page 1: the file (typed or browsed), the list to import into, and the default phone region. */
final class FileStepView {
    private static final String[] REGIONS = {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL",
        "MX", "BR", "IN", "ZA"};

    private final VBox root = new VBox();

    FileStepView(ImportWizardViewModel vm) {
        TextField file = new TextField();
        file.setId("wizardFile");
        file.setPromptText("Path to a .csv or .txt file with a header row");
        file.textProperty().bindBidirectional(vm.filePathProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = Ui.button("wizardBrowse", "Browse…", Feather.FOLDER);
        browse.setOnAction(e -> vm.browse());

        ComboBox<String> list = new ComboBox<>(vm.listNames());
        list.setId("wizardListName");
        list.setEditable(true);
        list.setMaxWidth(Double.MAX_VALUE);
        list.getEditor().textProperty().bindBidirectional(vm.listNameProperty());
        // picking an existing list from the menu puts its name into the editor, and so into the view model
        list.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(list.getEditor().getText())) {
                list.getEditor().setText(now);
            }
        });

        ComboBox<String> region = new ComboBox<>();
        region.getItems().addAll(REGIONS);
        region.setId("wizardRegion");
        region.setEditable(true);
        region.setPrefWidth(120);
        region.getEditor().textProperty().bindBidirectional(vm.regionProperty());
        region.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(region.getEditor().getText())) {
                region.getEditor().setText(now);
            }
        });

        GridPane form = new GridPane();
        form.getStyleClass().add("wizard-form");
        form.getColumnConstraints().addAll(new ColumnConstraints(140), grow());
        form.addRow(0, new Label("File"), new HBox(8, file, browse));
        form.add(hint("CSV or text, comma, semicolon or tab separated; UTF-8, UTF-16 or windows-1252."), 1, 1);
        form.addRow(2, new Label("List"), list);
        form.add(hint("An existing list is updated by external key; a new name creates a list."), 1, 3);
        form.addRow(4, new Label("Default region"), region);
        form.add(hint("Two-letter country code for phone numbers written without a country code."), 1, 5);

        root.getStyleClass().add("wizard-page");
        root.setId("wizardFilePage");
        root.getChildren().addAll(Ui.label(null, "Choose the file and the list", "section-title"), form);
    }

    VBox root() {
        return root;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }
}
