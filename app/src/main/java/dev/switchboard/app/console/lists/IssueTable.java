package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.model.contact.ImportIssue;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.Locale;

/** The tables of rejected rows and of all issues of an import. */
final class IssueTable {
    private IssueTable() {
    }

    static TableView<LazyRow<ImportIssue>> create(String id, boolean withSeverity) {
        TableView<LazyRow<ImportIssue>> table = LazyColumns.table(id);
        table.getColumns().add(LazyColumns.leading("Line", 70, i -> Long.toString(i.lineNo()), "mono"));
        if (withSeverity) {
            table.getColumns().add(LazyColumns.text("Kind", 90,
                    i -> i.issue().severity().name().toLowerCase(Locale.ROOT)));
        }
        table.getColumns().addAll(List.of(
                LazyColumns.text("Key", 120, ImportIssue::externalKey, "mono"),
                LazyColumns.text("Column", 130, i -> i.issue().column()),
                LazyColumns.text("Value", 200, i -> i.issue().value(), "mono"),
                LazyColumns.text("Reason", 380, i -> i.issue().reason())));
        return table;
    }
}
