package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.contacts.FilePreview;
import dev.switchboard.engine.contacts.ImportInputException;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.ListSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The import wizard: pick a file and a list, check the preview and mapping, run the import, read the summary.
 * Every engine call goes through the {@link TaskRunner}; the import's progress reaches the UI coalesced.
 */
public final class ImportWizardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardViewModel.class);
    static final int SAMPLE_ROWS = 10;

    /** The wizard's pages, in order. */
    public enum Step { FILE, PREVIEW, IMPORT, SUMMARY }

    /** How the wizard ended: the list it worked on, whether anything may have changed, where to go next. */
    public record Outcome(String listName, boolean imported, boolean showRejected) {
    }

    private final Importer importer;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ImportRunModel run;
    private final Map<String, String> regionsByList;

    private final StringProperty filePath = new SimpleStringProperty(this, "filePath", "");
    private final StringProperty listName = new SimpleStringProperty(this, "listName", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "US");
    private final ObservableList<String> listNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.FILE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<FilePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObjectProperty<EncodingChoice> encoding = new SimpleObjectProperty<>(this, "encoding",
            EncodingChoice.AUTO);
    private final ObjectProperty<DelimiterChoice> delimiter = new SimpleObjectProperty<>(this, "delimiter",
            DelimiterChoice.AUTO);
    private final ColumnMappingModel mapping = new ColumnMappingModel();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;
    private String derivedListName = "";
    private int inspection;
    private boolean importedAnything;

    public ImportWizardViewModel(Importer importer, TaskRunner tasks, DialogService dialogs,
                                 List<ListSummary> existingLists, BooleanSupplier appStopping) {
        this.importer = importer;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.run = new ImportRunModel(importer, tasks, appStopping);
        this.regionsByList = existingLists.stream().collect(Collectors.toMap(
                s -> s.list().name(), s -> s.list().defaultRegion(), (a, b) -> a));
        listNames.setAll(existingLists.stream().map(s -> s.list().name()).sorted().toList());
        filePath.addListener((obs, was, now) -> deriveListName(now));
        listName.addListener((obs, was, now) -> {
            String known = now == null ? null : regionsByList.get(now.strip());
            if (known != null) {
                region.set(known);
            }
        });
        encoding.addListener((obs, was, now) -> reinspect());
        delimiter.addListener((obs, was, now) -> reinspect());
        BooleanBinding fileStepValid = Bindings.createBooleanBinding(() -> !text(filePath).isEmpty()
                && !text(listName).isEmpty() && text(region).matches("[A-Za-z]{2}"), filePath, listName, region);
        canGoNext = Bindings.createBooleanBinding(() -> !busy.get() && switch (step.get()) {
            case FILE -> fileStepValid.get();
            case PREVIEW -> preview.get() != null && mapping.problems().isEmpty();
            case IMPORT, SUMMARY -> false;
        }, step, busy, fileStepValid, preview, mapping.problems());
        canGoBack = Bindings.createBooleanBinding(() -> !busy.get() && !run.isRunning()
                && (step.get() == Step.PREVIEW || step.get() == Step.IMPORT), step, busy, run.runningProperty());
    }

    /** Asks the dialog service for a file and puts its path into the file field. */
    public void browse() {
        dialogs.chooseFileToOpen("Choose a contact list").ifPresent(p -> filePath.set(p.toString()));
    }

    /** File page: read the file's head; preview page: start the import. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case FILE -> inspect(true);
            case PREVIEW -> startImport();
            default -> { }
        }
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        error.set(null);
        step.set(step.get() == Step.IMPORT ? Step.PREVIEW : Step.FILE);
    }

    /**
     * The window is asked to close (Cancel, Close, Done or the window's close box). A running import is asked to
     * stop instead, and the wizard stays open until it has. Returns whether the window may close.
     */
    public boolean close() {
        if (run.isRunning()) {
            run.cancel();
            return false;
        }
        finish(false);
        return true;
    }

    /** Summary page: close and show the list's rejected rows. */
    public void showRejected() {
        finish(true);
    }

    private void finish(boolean showRejected) {
        if (outcome.get() == null) {
            ImportSummary s = run.summaryProperty().get();
            String name = s != null ? s.listName() : text(listName);
            outcome.set(new Outcome(name, importedAnything, showRejected));
        }
    }

    private void deriveListName(String path) {
        String derived = "";
        try {
            Path name = path == null || path.isBlank() ? null : Path.of(path.strip()).getFileName();
            if (name != null) {
                derived = name.toString().replaceFirst("\\.[^.]+$", "");
            }
        } catch (InvalidPathException e) {
            // not a path yet: keep what the user typed as list name
        }
        if (text(listName).isEmpty() || text(listName).equals(derivedListName)) {
            listName.set(derived);
        }
        derivedListName = derived;
    }

    private void reinspect() {
        if (step.get() == Step.PREVIEW) {
            inspect(false);
        }
    }

    private void inspect(boolean fromFilePage) {
        Path file;
        try {
            file = Path.of(text(filePath));
        } catch (InvalidPathException e) {
            error.set("That is not a file path: " + e.getReason() + ".");
            return;
        }
        int ticket = ++inspection;
        busy.set(true);
        error.set(null);
        var charset = encoding.get().charset();
        var separator = delimiter.get().delimiter();
        tasks.task(() -> importer.inspect(file, charset, separator, SAMPLE_ROWS))
                .onSuccess(p -> {
                    if (ticket == inspection) {
                        preview.set(p);
                        mapping.reset(p);
                        step.set(Step.PREVIEW);
                    }
                })
                .onFailure(e -> {
                    if (ticket == inspection) {
                        if (!fromFilePage) {
                            preview.set(null);
                            mapping.clear();
                        }
                        error.set(message(e, "Could not read the file"));
                    }
                })
                .andFinally(() -> {
                    if (ticket == inspection) {
                        busy.set(false);
                    }
                })
                .start();
    }

    private void startImport() {
        FilePreview p = preview.get();
        ImportRequest request = new ImportRequest(p.file(), text(listName), text(region).toUpperCase(Locale.ROOT),
                p.encoding(), p.delimiter(), mapping.getMapping(), false);
        error.set(null);
        step.set(Step.IMPORT);
        run.start(request, s -> {
            importedAnything = true;
            if (s.state() == ImportState.COMPLETED) {
                step.set(Step.SUMMARY);
            }
        }, e -> {
            // an input error writes nothing; anything else may have stopped after some batches
            importedAnything |= !(e instanceof ImportInputException);
            error.set(message(e, "The import failed"));
        });
    }

    /** A text property's value, stripped; never null. */
    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    private static String message(Throwable e, String context) {
        if (e instanceof ImportInputException) {
            return e.getMessage();
        }
        LOG.error("{}", context, e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return context + ": " + detail;
    }

    // properties -----------------------------------------------------------------------------------------------

    public StringProperty filePathProperty() {
        return filePath;
    }

    public StringProperty listNameProperty() {
        return listName;
    }

    /** ISO 3166-1 alpha-2 region for numbers written without a country code. */
    public StringProperty regionProperty() {
        return region;
    }

    /** Names of the lists that exist, for the list-name box. */
    public ObservableList<String> listNames() {
        return listNames;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    /** True while the file is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The problem to show on the current page, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FilePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObjectProperty<EncodingChoice> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<DelimiterChoice> delimiterProperty() {
        return delimiter;
    }

    public ColumnMappingModel mapping() {
        return mapping;
    }

    /** The import run of the third page, and its result on the fourth. */
    public ImportRunModel run() {
        return run;
    }

    /** Set once, when the wizard is done with; the view closes its window then. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }
}
