package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.contacts.ImportSummary;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Wizard page 4: what the import did. */
final class SummaryStepView {
    private final ImportRunModel run;
    private final VBox root = new VBox();

    SummaryStepView(ImportRunModel run) {
        this.run = run;
        Label headline = value("summaryHeadline", s -> "Imported into “" + s.listName() + "”");
        headline.getStyleClass().add("import-status");
        Label details = value("summaryDetails", SummaryStepView::details);
        details.getStyleClass().add("muted");
        details.setWrapText(true);

        HBox counts = new HBox(8,
                Ui.stat(value("summaryInserted", s -> Formats.count(s.inserted())), "inserted", "success"),
                Ui.stat(value("summaryUpdated", s -> Formats.count(s.updated())), "updated"),
                Ui.stat(value("summaryUnchanged", s -> Formats.count(s.unchanged())), "unchanged"),
                Ui.stat(value("summaryRejected", s -> Formats.count(s.rejected())), "rejected", "danger"),
                Ui.stat(value("summaryWarned", s -> Formats.count(s.warned())), "with warnings"));
        Label rejectedHint = Ui.label(null, "Rejected rows were not imported; each one is listed with its reason "
                + "on the list's Rejected rows tab, and Export verdicts writes them to a CSV file.", "muted");
        rejectedHint.setWrapText(true);

        root.setId("wizardSummaryPage");
        root.getStyleClass().add("wizard-page");
        root.getChildren().addAll(headline, details, counts, rejectedHint);
    }

    VBox root() {
        return root;
    }

    static String details(ImportSummary s) {
        String text = Formats.count(s.rows(), "row", "rows") + " in " + Formats.duration(s.elapsed()) + " · read as "
                + s.encoding() + ", " + s.delimiter() + " separated";
        return s.resumedFromLine() > 0 ? text + " · resumed at line " + Formats.count(s.resumedFromLine()) : text;
    }

    private Label value(String id, Function<ImportSummary, String> text) {
        Label label = Ui.label(id, "");
        label.textProperty().bind(run.summaryProperty().map(text).orElse(""));
        return label;
    }
}
