package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.CoalescingUpdater;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.contacts.ImportProgress;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.model.contact.ImportState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of the import on the wizard's third page: started on a worker, its progress handed to the UI thread
 * coalesced (latest wins), stopped at the next batch when cancelled or when the console closes.
 */
public final class ImportRunModel {
    public static final String CANCELLED_TEXT = "Cancelled — run the import again to resume";

    private final Importer importer;
    private final TaskRunner tasks;
    private final BooleanSupplier appStopping;
    private final ReadOnlyObjectWrapper<ImportProgress> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ImportSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    ImportRunModel(Importer importer, TaskRunner tasks, BooleanSupplier appStopping) {
        this.importer = importer;
        this.tasks = tasks;
        this.appStopping = appStopping;
    }

    /** Starts {@code request}; then {@code onSummary} (completed, cancelled or failed state) or {@code onFailure}. */
    void start(ImportRequest request, Consumer<ImportSummary> onSummary, Consumer<Throwable> onFailure) {
        cancelRequested.set(false);
        progress.set(null);
        summary.set(null);
        status.set("Importing…");
        running.set(true);
        CoalescingUpdater<ImportProgress> updates = new CoalescingUpdater<>(tasks::onUi, progress::set);
        BooleanSupplier cancelled = () -> cancelRequested.get() || appStopping.getAsBoolean();
        tasks.task(() -> importer.run(request, updates::offer, cancelled))
                .onSuccess(s -> {
                    summary.set(s);
                    status.set(s.state() == ImportState.COMPLETED ? "Done"
                            : s.state() == ImportState.CANCELLED ? CANCELLED_TEXT
                            : "The import stopped (" + s.state().name().toLowerCase(Locale.ROOT) + ")");
                    onSummary.accept(s);
                })
                .onFailure(e -> {
                    status.set("The import stopped");
                    onFailure.accept(e);
                })
                .andFinally(() -> running.set(false))
                .start();
    }

    /** Asks the running import to stop at its next batch; what it committed stays, and a new run resumes. */
    public void cancel() {
        if (running.get() && !cancelRequested.getAndSet(true)) {
            status.set("Cancelling…");
        }
    }

    /** The newest progress of the run; null before its first report. */
    public ReadOnlyObjectProperty<ImportProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** One line: importing, cancelling, cancelled (and how to resume), stopped, done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How the last run ended; null while it runs. */
    public ReadOnlyObjectProperty<ImportSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
