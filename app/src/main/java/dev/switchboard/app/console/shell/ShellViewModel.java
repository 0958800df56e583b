package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The window's frame: opens the store in the background, says how that went (status bar, or the reason it cannot
 * be opened), and keeps the theme choice.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final TaskRunner tasks;
    private final Callable<Workspace> opener;
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper(this, "dataFolder");
    private final ReadOnlyObjectWrapper<StoreState> state = new ReadOnlyObjectWrapper<>(this, "state",
            StoreState.OPENING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");

    /** {@code opener} opens the store; it runs once, on a background thread. */
    public ShellViewModel(Path dataDir, ThemePreference theme, TaskRunner tasks, Callable<Workspace> opener) {
        this.tasks = tasks;
        this.opener = opener;
        dataFolder.set(dataDir.toAbsolutePath().toString());
        darkTheme.set(theme.dark());
        darkTheme.addListener((obs, was, dark) -> theme.setDark(dark));
    }

    /** Opens the store; the state moves to OPEN (with the workspace) or FAILED (with a sentence why). */
    public void open() {
        state.set(StoreState.OPENING);
        problem.set(null);
        tasks.task(opener)
                .onSuccess(ws -> {
                    workspace.set(ws);
                    state.set(StoreState.OPEN);
                })
                .onFailure(e -> {
                    if (e instanceof StoreUnavailableException) {
                        problem.set(e.getMessage());
                    } else {
                        LOG.error("Could not open the store", e);
                        problem.set("The store could not be opened: "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    }
                    state.set(StoreState.FAILED);
                })
                .start();
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StoreState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the store cannot be opened (FAILED only), as a sentence for the user. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The open workspace, once the state is OPEN. */
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** True for PrimerDark; written to the preferences when it changes. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
