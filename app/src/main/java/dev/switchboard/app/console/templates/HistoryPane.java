package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.template.TemplateVersion;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/** The bottom of the Templates screen: versions with a diff between two of them, and the audit trail. */
final class HistoryPane {
    private final TabPane root;

    HistoryPane(HistoryModel model) {
        Tab versions = new Tab("Versions", versions(model));
        versions.setId("versionsTab");
        Tab trail = new Tab("Audit trail", trail(model));
        trail.setId("trailTab");
        root = new TabPane(versions, trail);
        root.setId("historyTabs");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getStyleClass().add("template-history");
    }

    TabPane node() {
        return root;
    }

    private static SplitPane versions(HistoryModel model) {
        TableView<TemplateService.Entry> table = new TableView<>(model.versions());
        table.setId("versionsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Ui.label(null, "Not saved yet.", "muted"));
        table.getColumns().add(column("Version", 76, v -> "v" + v.template().version()));
        table.getColumns().add(column("State", 96, v -> v.state().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')));
        table.getColumns().add(column("Author", 100, TemplateVersion::author));
        table.getColumns().add(column("Reviewer", 100, v -> v.approver() == null ? "" : v.approver()));
        table.getColumns().add(column("Changed", 130, v -> Formats.instant(v.updatedAt())));
        table.getColumns().add(column("Comment", 120, v -> v.note() == null ? "" : v.note()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                int i = model.versions().indexOf(now);
                model.diffToProperty().set(now);
                model.diffFromProperty().set(model.versions().get(Math.max(0, i - 1)));
            }
        });

        ComboBox<TemplateService.Entry> from = versionPicker("diffFrom", model);
        from.valueProperty().bindBidirectional(model.diffFromProperty());
        ComboBox<TemplateService.Entry> to = versionPicker("diffTo", model);
        to.valueProperty().bindBidirectional(model.diffToProperty());
        Label summary = Ui.label("diffSummary", "", "muted");
        summary.textProperty().bind(model.diffSummaryProperty());
        Label title = Ui.label(null, "Compare", "section-title");
        Label with = Ui.label(null, "with");
        title.setMinWidth(Label.USE_PREF_SIZE);
        with.setMinWidth(Label.USE_PREF_SIZE);
        from.setMinWidth(Label.USE_PREF_SIZE);
        to.setMinWidth(Label.USE_PREF_SIZE);
        HBox compare = new HBox(8, title, from, with, to, summary);
        compare.setAlignment(Pos.CENTER_LEFT);
        ListView<LineDiff.Line> diff = new ListView<>(model.diff());
        diff.setId("diffList");
        diff.getStyleClass().add("template-diff");
        diff.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(LineDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                String mark = switch (line.kind()) {
                    case ADDED -> "+ ";
                    case REMOVED -> "- ";
                    case SAME -> "  ";
                };
                setText(mark + line.text());
                if (line.kind() != LineDiff.Kind.SAME) {
                    getStyleClass().add(line.kind() == LineDiff.Kind.ADDED ? "diff-added" : "diff-removed");
                }
            }
        });
        VBox right = new VBox(8, compare, diff);
        right.getStyleClass().add("template-diff-pane");
        VBox.setVgrow(diff, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, right);
        split.setDividerPositions(0.45);
        return split;
    }

    private static ComboBox<TemplateService.Entry> versionPicker(String id, HistoryModel model) {
        ComboBox<TemplateService.Entry> box = new ComboBox<>(model.versions());
        box.setId(id);
        box.setConverter(Ui.itemLabels(box::getItems, e -> "v" + e.version().template().version() + " · "
                + e.version().state().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return box;
    }

    private static TableColumn<TemplateService.Entry, String> column(String title, double width,
                                                                    Function<TemplateVersion, String> value) {
        TableColumn<TemplateService.Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue().version())));
        return c;
    }

    private static TableView<AuditEntry> trail(HistoryModel model) {
        TableView<AuditEntry> table = new TableView<>(model.trail());
        table.setId("trailTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Ui.label(null, "Nothing recorded yet.", "muted"));
        table.getColumns().add(trailColumn("When", 130, e -> Formats.instant(e.at())));
        table.getColumns().add(trailColumn("Who", 110, e -> e.actor() + " (" + e.osLogin() + ")"));
        table.getColumns().add(trailColumn("Action", 130, e -> e.action().replace("template.", "")));
        table.getColumns().add(trailColumn("Version", 70, e -> e.subject().substring(e.subject()
                .lastIndexOf(' ') + 1)));
        table.getColumns().add(trailColumn("Details", 360, AuditEntry::details));
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<AuditEntry> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((obs, was, now) -> row.setTooltip(now == null ? null
                    : new javafx.scene.control.Tooltip(now.details())));
            return row;
        });
        return table;
    }

    private static TableColumn<AuditEntry, String> trailColumn(String title, double width,
                                                               Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        if (!title.equals("Details")) {
            c.setMinWidth(width);
            c.setMaxWidth(width * 1.5);
        }
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
