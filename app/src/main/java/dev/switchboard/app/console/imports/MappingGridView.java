package dev.switchboard.app.console.imports;

import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.PhoneType;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;

import java.util.Locale;

/**
 * The column mapping as a grid: one row per column of the file with its header, an example value, the field it
 * maps to, and (for phone columns) the line type. Controls have ids {@code mapField-N} and {@code mapType-N}.
 */
final class MappingGridView {
    private final ColumnMappingModel model;
    private final GridPane grid = new GridPane();
    private final ScrollPane root = new ScrollPane(grid);

    MappingGridView(ColumnMappingModel model) {
        this.model = model;
        grid.setId("wizardMapping");
        grid.getStyleClass().add("mapping-grid");
        root.setFitToWidth(true);
        root.setMinHeight(140);
        model.rows().addListener((ListChangeListener<MappingRow>) c -> rebuild());
        rebuild();
    }

    ScrollPane root() {
        return root;
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.addRow(0, head("Column"), head("Example"), head("Maps to"), head("Line type"));
        for (MappingRow row : model.rows()) {
            Label header = new Label(row.header());
            header.setId("mapHeader-" + row.index());
            Label sample = new Label(row.sample());
            sample.getStyleClass().add("mapping-sample");
            sample.setMaxWidth(260);

            ChoiceBox<ContactField> field = PreviewStepView.choice("mapField-" + row.index(), ContactField.values(),
                    ContactField::label);
            field.valueProperty().bindBidirectional(row.fieldProperty());
            field.setPrefWidth(180);

            ChoiceBox<PhoneType> type = PreviewStepView.choice("mapType-" + row.index(), PhoneType.values(),
                    t -> t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT));
            type.valueProperty().bindBidirectional(row.phoneTypeProperty());
            type.visibleProperty().bind(row.fieldProperty().isEqualTo(ContactField.PHONE));
            type.setPrefWidth(110);

            grid.addRow(row.index() + 1, header, sample, field, type);
        }
    }

    private static Label head(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("mapping-head");
        return label;
    }
}
