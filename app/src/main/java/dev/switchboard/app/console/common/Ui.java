package dev.switchboard.app.console.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small node factories the views share, so that spacing and styling stay the same everywhere. */
public final class Ui {
    public static final String STYLESHEET = "/switchboard/app.css";

    private Ui() {
    }

    /** The app stylesheet's URL, for {@code scene.getStylesheets()}. */
    public static String stylesheet() {
        var url = Ui.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(STYLESHEET + " is not on the class path");
        }
        return url.toExternalForm();
    }

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    /** A region that takes the free width of an {@link HBox} (or the free height of a {@link VBox}). */
    public static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox.setVgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    public static Label label(String id, String text, String... styleClasses) {
        Label label = new Label(text);
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    public static Button button(String id, String text, Ikon ikon) {
        Button button = new Button(text, ikon == null ? null : icon(ikon));
        button.setId(id);
        return button;
    }

    /** A number with a caption under it; {@code value} carries the id tests look up. */
    public static VBox stat(Label value, String caption, String... styleClasses) {
        value.getStyleClass().add("stat-value");
        VBox box = new VBox(value, label(null, caption, "stat-caption"));
        box.getStyleClass().add("stat");
        box.getStyleClass().addAll(styleClasses);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A centred icon, title, text and optional action for a screen or table with nothing to show yet. */
    public static VBox emptyState(Ikon ikon, String title, String text, Button action) {
        VBox box = new VBox(icon(ikon), label(null, title, "empty-title"));
        if (text != null) {
            Label body = label(null, text, "muted");
            body.setWrapText(true);
            box.getChildren().add(body);
        }
        if (action != null) {
            box.getChildren().add(action);
        }
        box.getStyleClass().add("empty-state");
        return box;
    }

    /**
     * Makes {@code open} the row action of {@code table}: a double click, Enter, or the context menu item {@code label}
     * (with id {@code menuId}) run it. Returns the menu item (to enable or disable it per row).
     */
    public static javafx.scene.control.MenuItem rowAction(javafx.scene.control.TableView<?> table, String menuId,
                                                          String label, Runnable open) {
        table.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                open.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open.run();
                e.consume();
            }
        });
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(label,
                icon(org.kordamp.ikonli.feather.Feather.ACTIVITY));
        item.setId(menuId);
        item.setOnAction(e -> open.run());
        table.setContextMenu(new javafx.scene.control.ContextMenu(item));
        return item;
    }

    /**
     * A labelled field of a dialog's form with its message under it (when it has one), {@code width} wide; the
     * window grows with the messages that appear (a dialog does not resize by itself). Returns the next free row.
     */
    public static int formField(javafx.scene.layout.GridPane grid, int row, String label, javafx.scene.Node field,
                                javafx.beans.property.ReadOnlyStringProperty error, String errorId, double width) {
        grid.add(new javafx.scene.control.Label(label), 0, row);
        grid.add(field, 1, row);
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setPrefWidth(width);
        }
        if (error == null) {
            return row + 1;
        }
        javafx.scene.control.Label message = label(errorId, "", "field-error");
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(error.isNotNull());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            if (grid.getScene() != null && grid.getScene().getWindow() != null) {
                grid.getScene().getWindow().sizeToScene();
            }
        }));
        message.setMaxWidth(width);
        grid.add(message, 1, row + 1);
        return row + 2;
    }

    /**
     * How a choice control shows its items: {@code label} of each; a text is read back as the item with that label
     * among {@code items} (null when none has it), so the control round-trips whatever it shows.
     */
    public static <T> javafx.util.StringConverter<T> itemLabels(
            java.util.function.Supplier<? extends java.util.Collection<T>> items,
            java.util.function.Function<T, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.get().stream().filter(item -> label.apply(item).equals(text)).findFirst()
                        .orElse(null);
            }
        };
    }

    /**
     * A dialog of the console's forms: owned by {@code owner} and styled as it is, {@code title} as its title and
     * header, {@code icon} beside it, {@code id} on its pane, 540 wide.
     */
    public static javafx.scene.control.Dialog<javafx.scene.control.ButtonType> formDialog(javafx.stage.Window owner,
            String title, String id, Ikon icon) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setGraphic(icon(icon));
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setPrefWidth(540);
        return dialog;
    }
}
