package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.LazyRow;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/**
 * Columns over {@link LazyRow}s: each cell observes its row's value, so it fills in when the page arrives. Sorting
 * is off: a paged list is in store order, and sorting it would read every row.
 */
final class LazyColumns {
    private LazyColumns() {
    }

    static <T> TableColumn<LazyRow<T>, String> text(String title, double width, Function<T, String> value,
                                                    String... styleClasses) {
        return column(title, width, value, styleClasses);
    }

    static <T, V> TableColumn<LazyRow<T>, V> column(String title, double width, Function<T, V> value,
                                                    String... styleClasses) {
        TableColumn<LazyRow<T>, V> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().addAll(styleClasses);
        column.setCellValueFactory(cell -> cell.getValue().valueProperty().map(value));
        return column;
    }

    /** A text column that shows an ellipsis while its row's page is being read. */
    static <T> TableColumn<LazyRow<T>, String> leading(String title, double width, Function<T, String> value,
                                                       String... styleClasses) {
        TableColumn<LazyRow<T>, String> column = column(title, width, value, styleClasses);
        column.setCellValueFactory(cell -> cell.getValue().valueProperty().map(value).orElse("…"));
        return column;
    }

    /** A table for a paged list: fixed row height (the flow never measures rows) and no sorting. */
    static <T> TableView<LazyRow<T>> table(String id) {
        TableView<LazyRow<T>> table = new TableView<>();
        table.setId(id);
        table.setFixedCellSize(30);
        table.setSortPolicy(t -> false);
        table.setTableMenuButtonVisible(true);
        return table;
    }
}
