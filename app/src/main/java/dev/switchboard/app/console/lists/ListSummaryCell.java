package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A list in the Lists screen's left pane: its name, size and when it was last imported. */
final class ListSummaryCell extends ListCell<ListSummary> {
    private final Label name = new Label();
    private final Label meta = new Label();
    private final VBox box = new VBox(2, name, meta);

    ListSummaryCell() {
        name.getStyleClass().add("list-name");
        meta.getStyleClass().add("list-meta");
        // the cell takes the list's width (no sideways scrolling); long names end in an ellipsis
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ListSummary item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(item.list().name());
        meta.setText(Formats.count(item.contacts(), "contact", "contacts") + " · " + lastImport(item.lastImport()));
        setText(null);
        setGraphic(box);
    }

    private static String lastImport(ImportRecord last) {
        if (last == null) {
            return "never imported";
        }
        return Formats.instant(last.finishedAt() != null ? last.finishedAt() : last.startedAt());
    }
}
