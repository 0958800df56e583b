package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.contacts.ImportProgress;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Wizard page 3: the running import's progress bar, speed, time left and live counts, and how it stopped. */
final class ProgressStepView {
    private final ImportRunModel run;
    private final VBox root = new VBox();

    ProgressStepView(ImportRunModel run) {
        this.run = run;
        Label status = Ui.label("importStatus", "", "import-status");
        status.textProperty().bind(run.statusProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.getStyleClass().add("import-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        // indeterminate until the first report
        bar.progressProperty().bind(run.progressProperty().map(ImportProgress::fraction).orElse(-1.0));

        GridPane figures = new GridPane();
        figures.getStyleClass().add("wizard-form");
        figures.addRow(0, new Label("Rows"), value("importRows", p -> Formats.count(p.rowsDone(), "row", "rows")
                + " · " + Formats.bytes(p.bytesRead()) + " of " + Formats.bytes(p.fileSize()) + " read"));
        figures.addRow(1, new Label("Speed"), value("importRate", p -> Formats.rate(p.rowsPerSecond())));
        figures.addRow(2, new Label("Time left"), value("importEta",
                p -> p.eta() == null ? "estimating…" : "about " + Formats.duration(p.eta())));

        HBox counts = new HBox(8,
                Ui.stat(value("importInserted", p -> Formats.count(p.inserted())), "inserted", "success"),
                Ui.stat(value("importUpdated", p -> Formats.count(p.updated())), "updated"),
                Ui.stat(value("importUnchanged", p -> Formats.count(p.unchanged())), "unchanged"),
                Ui.stat(value("importRejected", p -> Formats.count(p.rejected())), "rejected", "danger"));

        root.setId("wizardImportPage");
        root.getStyleClass().add("wizard-page");
        root.getChildren().addAll(status, bar, figures, counts);
    }

    VBox root() {
        return root;
    }

    private Label value(String id, Function<ImportProgress, String> text) {
        Label label = Ui.label(id, "");
        ObservableValue<String> shown = run.progressProperty().map(text).orElse("–");
        label.textProperty().bind(shown);
        return label;
    }
}
