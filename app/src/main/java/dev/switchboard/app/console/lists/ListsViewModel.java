package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.app.console.imports.ImportWizardViewModel;
import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.model.contact.ListSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Lists screen: the lists in the store, which one is selected, and (through {@link ListDetailViewModel}) what
 * the selected one holds. Reads go through the {@link TaskRunner}.
 */
public final class ListsViewModel {
    private final ContactDirectory directory;
    private final TaskRunner tasks;
    private final ObservableList<ListSummary> lists = FXCollections.observableArrayList();
    private final ObservableList<ListSummary> readOnlyLists = FXCollections.unmodifiableObservableList(lists);
    private final ObjectProperty<ListSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loadedOnce = new ReadOnlyBooleanWrapper(this, "loadedOnce");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanBinding empty;
    private final ListDetailViewModel detail;
    private int ticket;

    public ListsViewModel(ContactDirectory directory, TaskRunner tasks, DialogService dialogs) {
        this.directory = directory;
        this.tasks = tasks;
        this.detail = new ListDetailViewModel(directory, tasks, dialogs);
        this.empty = Bindings.createBooleanBinding(() -> loadedOnce.get() && lists.isEmpty() && error.get() == null,
                loadedOnce, lists, error);
        selected.addListener((obs, was, now) -> detail.show(now));
    }

    /** Reads the lists again, keeping the selected list selected. */
    public void refresh() {
        ListSummary current = selected.get();
        refresh(current == null ? null : current.list().name(), null);
    }

    /**
     * Reads the lists again and selects {@code selectName} (or the first list when it is null or gone), then
     * runs {@code after} (may be null).
     */
    public void refresh(String selectName, Runnable after) {
        int mine = ++ticket;
        loading.set(true);
        tasks.task(directory::lists)
                .onSuccess(found -> {
                    if (mine == ticket) {
                        error.set(null);
                        apply(found, selectName);
                        if (after != null) {
                            after.run();
                        }
                    }
                })
                .onFailure(e -> {
                    if (mine == ticket) {
                        error.set("Could not read the lists: " + e.getMessage());
                    }
                })
                .andFinally(() -> {
                    if (mine == ticket) {
                        loading.set(false);
                        loadedOnce.set(true);
                    }
                })
                .start();
    }

    /** After the import wizard closed: show what it did, on the tab it asked for. */
    public void afterImport(ImportWizardViewModel.Outcome outcome) {
        if (outcome == null || !outcome.imported()) {
            return;
        }
        refresh(outcome.listName(), () -> detail.selectTab(outcome.showRejected()
                ? ListDetailViewModel.Tab.REJECTED : ListDetailViewModel.Tab.CONTACTS));
    }

    private void apply(List<ListSummary> found, String selectName) {
        lists.setAll(found);
        ListSummary pick = found.stream()
                .filter(s -> s.list().name().equals(selectName))
                .findFirst()
                .orElse(found.isEmpty() ? null : found.getFirst());
        selected.set(pick);
    }

    public ObservableList<ListSummary> lists() {
        return readOnlyLists;
    }

    /** The list shown on the right; the view writes it when the user picks a list. */
    public ObjectProperty<ListSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once the lists have been read and there are none: the screen shows its first-start state. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ListDetailViewModel detail() {
        return detail;
    }
}
