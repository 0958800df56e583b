package dev.switchboard.app.console.start;

import dev.switchboard.app.console.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The welcome dialog of a store with no profile yet: the first admin's name and password (typed twice), and "Load
 * the demo data"; then the work in the background with progress and Cancel, and the result handed to whoever lands
 * the user on the Campaigns screen.
 */
public final class FirstStartViewModel {
    /** As the store requires of a profile name. */
    static final String NAME_PATTERN = "[A-Za-z0-9._-]{2,100}";
    static final int MIN_PASSWORD = 8;

    private final FirstStartBackend backend;
    private final TaskRunner tasks;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty loadDemo = new SimpleBooleanProperty(this, "loadDemo", true);
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(this, "needed");
    private Runnable onNotNeeded;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step");
    private final ReadOnlyObjectWrapper<FirstStartBackend.Result> result = new ReadOnlyObjectWrapper<>(this,
            "result");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Consumer<FirstStartBackend.Result> onDone = r -> { };

    public FirstStartViewModel(FirstStartBackend backend, TaskRunner tasks) {
        this.backend = backend;
        this.tasks = tasks;
        name.addListener((o, was, now) -> nameError.set(null));
    }

    /** Called with the result once the work finished (also when cancelled after the profile was made). */
    public void setOnDone(Consumer<FirstStartBackend.Result> onDone) {
        this.onDone = onDone;
    }

    /** Asks the store whether it has a profile yet; {@link #neededProperty()} turns true when it has none. */
    public void check() {
        tasks.task(backend::needsFirstProfile)
                .onSuccess(n -> {
                    needed.set(n);
                    if (!n && onNotNeeded != null) {
                        onNotNeeded.run();
                    }
                })
                .onFailure(e -> error.set("The store could not be read: " + message(e)))
                .start();
    }

    /** What follows when the store has its profiles already (the console asks who signs in). */
    public void setOnNotNeeded(Runnable action) {
        this.onNotNeeded = action;
    }

    /** Checks the form; when it is fine, makes the profile (and loads the demo data) in the background. */
    public boolean start(char[] password, char[] repeat) {
        String n = name.get() == null ? "" : name.get().strip();
        nameError.set(n.matches(NAME_PATTERN) ? null
                : "Name: 2 to 100 letters, digits, '.', '_' or '-' (no spaces).");
        passwordError.set(password.length >= MIN_PASSWORD ? null
                : "Password: at least " + MIN_PASSWORD + " characters.");
        repeatError.set(passwordError.get() != null || Arrays.equals(password, repeat) ? null
                : "Repeat: it differs from the password.");
        Arrays.fill(repeat, '\0');
        if (nameError.get() != null || passwordError.get() != null || repeatError.get() != null || running.get()) {
            Arrays.fill(password, '\0');
            return false;
        }
        boolean demo = loadDemo.get();
        cancelled.set(false);
        error.set(null);
        running.set(true);
        progress.set(0);
        step.set("Starting…");
        tasks.task(() -> backend.run(n, password, demo, (done, total, now) -> tasks.onUi(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    step.set(now);
                }), cancelled::get))
                .onSuccess(r -> {
                    result.set(r);
                    needed.set(false);
                    onDone.accept(r);
                })
                .onFailure(e -> error.set("The first start did not finish: " + message(e)
                        + " Correct it and press Start again: what was made already is kept."))
                .andFinally(() -> {
                    Arrays.fill(password, '\0');
                    running.set(false);
                })
                .start();
        return true;
    }

    /** Stops after the step in progress (the profile, once made, stays). */
    public void cancel() {
        cancelled.set(true);
        step.set("Stopping after this step…");
    }

    /** A sentence on what was made, for the hint on the Campaigns screen. */
    public static String hint(FirstStartBackend.Result r) {
        if (r.campaigns().isEmpty()) {
            return "Welcome, " + r.admin() + ". " + (r.cancelled() ? "The demo data was not all loaded. " : "")
                    + "Import a list (Lists, Ctrl+I), then create a campaign here (Ctrl+N).";
        }
        return "Welcome, " + r.admin() + ". " + r.campaigns().size() + " demo campaigns wait as drafts over "
                + r.contacts() + " demo contacts" + (r.cancelled() ? " (loading was stopped early)" : "")
                + ": select one and press Launch… (confirm as " + r.admin() + "). The sandbox org plays Genesys;"
                + " Settings speeds up its clock.";
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty loadDemoProperty() {
        return loadDemo;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    /** Why the work failed; null otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the store has no profile yet and the welcome dialog should show. */
    public ReadOnlyBooleanProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FirstStartBackend.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
