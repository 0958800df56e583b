package dev.switchboard.app.console.imports;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.contacts.FilePreview;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Function;

/** Wizard page 2: encoding and delimiter (detected, overridable), the first rows, and the column mapping. */
final class PreviewStepView {
    private final ImportWizardViewModel vm;
    private final VBox root = new VBox();
    private final TableView<List<String>> sample = new TableView<>();
    private final VBox problems = new VBox(4);

    PreviewStepView(ImportWizardViewModel vm) {
        this.vm = vm;
        ChoiceBox<EncodingChoice> encoding = choice("wizardEncoding", EncodingChoice.values(), EncodingChoice::label);
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        ChoiceBox<DelimiterChoice> delimiter = choice("wizardDelimiter", DelimiterChoice.values(),
                DelimiterChoice::label);
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        Label detected = Ui.label("wizardDetected", "", "muted");
        detected.textProperty().bind(vm.previewProperty().map(PreviewStepView::describe));
        HBox options = new HBox(12, fixed("Encoding"), encoding, fixed("Delimiter"), delimiter);
        options.setAlignment(Pos.CENTER_LEFT);

        sample.setId("wizardSample");
        sample.getStyleClass().add(Styles.DENSE);
        sample.setPrefHeight(170);
        sample.setMinHeight(120);
        sample.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        sample.setPlaceholder(new Label("The file has no data rows"));
        vm.previewProperty().addListener((obs, was, now) -> showSample(now));

        MappingGridView mapping = new MappingGridView(vm.mapping());
        VBox.setVgrow(mapping.root(), Priority.ALWAYS);

        problems.setId("mappingProblems");
        vm.mapping().problems().addListener((ListChangeListener<String>) c -> showProblems());

        root.setId("wizardPreviewPage");
        root.getStyleClass().add("wizard-page");
        root.getChildren().addAll(options, detected, Ui.label(null, "First rows", "section-title"), sample,
                Ui.label(null, "Columns", "section-title"), mapping.root(), problems);
    }

    VBox root() {
        return root;
    }

    static String describe(FilePreview p) {
        return (p.encodingDetected() ? "Detected " : "Read as ") + p.encoding().name() + ", " + p.delimiterName()
                + " separated · " + p.headers().size() + " columns · " + Formats.bytes(p.fileSize());
    }

    private void showSample(FilePreview preview) {
        sample.getColumns().clear();
        sample.getItems().clear();
        if (preview == null) {
            return;
        }
        for (int i = 0; i < preview.headers().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(preview.headers().get(i));
            column.setSortable(false);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            column.getStyleClass().add("mono");
            sample.getColumns().add(column);
        }
        sample.getItems().setAll(preview.sampleRows());
    }

    private void showProblems() {
        problems.getChildren().setAll(vm.mapping().problems().stream().map(text -> {
            Label label = new Label(text, Ui.icon(Feather.ALERT_TRIANGLE));
            label.getStyleClass().add("problem");
            return label;
        }).toList());
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> label) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(Ui.itemLabels(box::getItems, label));
        return box;
    }
}
