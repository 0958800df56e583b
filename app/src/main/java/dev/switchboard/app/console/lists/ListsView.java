package dev.switchboard.app.console.lists;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.ImportWizard;
import dev.switchboard.app.console.imports.ImportWizardViewModel;
import dev.switchboard.model.contact.ListSummary;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Supplier;

/**
 * The Lists screen: the lists on the left with the Import button, the selected list on the right, and a first-start
 * state when there are no lists.
 */
public final class ListsView {
    private final ListsViewModel vm;
    private final Supplier<ImportWizardViewModel> wizards;
    private final SplitPane root = new SplitPane();
    private final ListView<ListSummary> listView = new ListView<>();
    private Stage wizard;

    /** {@code wizards} makes a fresh wizard view model each time the wizard opens. */
    public ListsView(ListsViewModel vm, Supplier<ImportWizardViewModel> wizards) {
        this.vm = vm;
        this.wizards = wizards;
        root.setId("listsScreen");
        VBox left = listsPane();
        SplitPane.setResizableWithParent(left, false);
        root.getItems().addAll(left, detailPane());
        root.setDividerPositions(0.2);
    }

    public Parent root() {
        return root;
    }

    /** Opens the import wizard over the window this screen is in (also the Ctrl+I shortcut). */
    public void openImportWizard() {
        if (root.getScene() == null || wizard != null && wizard.isShowing()) {
            return;
        }
        wizard = ImportWizard.open(root.getScene().getWindow(), wizards.get(), vm::afterImport);
    }

    private VBox listsPane() {
        Label title = Ui.label(null, "Lists", Styles.TITLE_4);
        Button importButton = Ui.button("importButton", "Import…", Feather.UPLOAD);
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setOnAction(e -> openImportWizard());
        HBox header = new HBox(title, Ui.spacer(), importButton);
        header.getStyleClass().add("pane-header");

        listView.setId("listsList");
        listView.setItems(vm.lists());
        listView.setCellFactory(v -> new ListSummaryCell());
        listView.setPlaceholder(Ui.label(null, "No lists yet", "muted"));
        VBox.setVgrow(listView, Priority.ALWAYS);
        // the view model owns the selection; replacing the items clears the control's for a moment, so only the
        // user's picks (never null) travel back
        listView.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                listView.getSelectionModel().clearSelection();
            } else if (listView.getSelectionModel().getSelectedItem() != now) {
                listView.getSelectionModel().select(now);
            }
        });

        VBox pane = new VBox(header, listView);
        pane.setId("listsPane");
        pane.getStyleClass().add("lists-pane");
        return pane;
    }

    private StackPane detailPane() {
        Node detail = new ListDetailView(vm.detail()).root();
        detail.visibleProperty().bind(vm.selectedProperty().isNotNull());

        Button importButton = Ui.button("emptyImportButton", "Import a CSV…", Feather.UPLOAD);
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setOnAction(e -> openImportWizard());
        VBox empty = Ui.emptyState(Feather.INBOX, "No lists yet — import a CSV to start",
                "Switchboard reads CSV and text files with a header row. Phone numbers are normalized, time zones "
                        + "and jurisdictions derived, and every rejected row is kept with its reason.", importButton);
        empty.setId("listsEmptyState");
        empty.setMaxWidth(520);
        empty.visibleProperty().bind(vm.emptyProperty());

        Label error = Ui.label("listsError", "", "problem");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        return new StackPane(detail, empty, error);
    }
}
