package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.model.template.RenderCoverage;
import dev.switchboard.model.template.Template;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * List-wide coverage: how many contacts of the chosen list the template renders for, and which variable fails for
 * how many. Measured on a worker a page at a time, with progress, cancellable; a new run cancels the one before.
 */
final class CoverageModel {
    private final TemplatesBackend backend;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<RenderCoverage> coverage = new ReadOnlyObjectWrapper<>(this, "coverage");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private Cancellable run = Cancellable.NONE;
    private int generation;

    CoverageModel(TemplatesBackend backend, TaskRunner tasks) {
        this.backend = backend;
        this.tasks = tasks;
    }

    ReadOnlyObjectProperty<RenderCoverage> coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True when the template, list or values changed since the shown result was measured. */
    ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** 0 to 1 while running. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A sentence: "12 of 12 contacts render", "Reading 4,000 of 30,000 contacts …", why it did not run. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Marks the shown result as out of date (the inputs changed). */
    void inputsChanged() {
        if (coverage.get() != null) {
            stale.set(true);
        }
    }

    /** Forgets the result (another template or no list). */
    void clear(String why) {
        cancel();
        coverage.set(null);
        stale.set(false);
        status.set(why);
    }

    /** Measures {@code template} over the list; {@code contacts} is the list's size, for progress. */
    void measure(Template template, TemplatesBackend.ListChoice list, Map<String, String> values) {
        cancel();
        int gen = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        long total = Math.max(1, list.contacts());
        running.set(true);
        progress.set(0);
        status.set("Reading the contacts of " + list.name() + " …");
        run = tasks.run(() -> backend.coverage(template, list.id(), values, cancelled::get,
                read -> tasks.onUi(() -> {
                    if (gen == generation && running.get()) {
                        progress.set(Math.min(1.0, read / (double) total));
                        status.set("Reading " + Formats.count(read) + " of " + Formats.count(list.contacts())
                                + " contacts …");
                    }
                })), result -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    progress.set(1);
                    coverage.set(result);
                    stale.set(false);
                    status.set(summary(result, list.name()));
                }, failure -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    status.set(failure instanceof CancellationException ? "Cancelled."
                            : "Coverage not measured: " + failure.getMessage());
                });
    }

    /** Stops a running measurement; the last result stays. */
    void cancel() {
        cancelFlag.set(true);
        run.cancel();
        if (running.get()) {
            running.set(false);
            status.set("Cancelled.");
        }
        generation++;
    }

    static String summary(RenderCoverage c, String list) {
        if (c.contacts() == 0) {
            return list + " has no contacts.";
        }
        if (c.failing() == 0) {
            return "All " + Formats.count(c.contacts(), "contact", "contacts") + " of " + list + " render.";
        }
        return Formats.count(c.rendering()) + " of " + Formats.count(c.contacts(), "contact", "contacts") + " of "
                + list + " render; " + Formats.count(c.failing()) + " would fail.";
    }
}
