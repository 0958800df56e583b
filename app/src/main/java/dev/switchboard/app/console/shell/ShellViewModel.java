package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The window's frame: opens the store in the background, says how that went (status bar, or the reason it cannot
 * be opened), which screen shows, the engine's state (read every {@link #ENGINE_POLL}), the About facts, and the
 * theme choice.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    public static final Duration ENGINE_POLL = Duration.ofSeconds(2);

    /** A line of the About dialog. */
    public record Fact(String label, String value) {
    }

    private final TaskRunner tasks;
    private final Callable<Workspace> opener;
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper(this, "dataFolder");
    private final ReadOnlyObjectWrapper<StoreState> state = new ReadOnlyObjectWrapper<>(this, "state",
            StoreState.OPENING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.LISTS);
    private final ReadOnlyObjectWrapper<EngineStatus> engineStatus = new ReadOnlyObjectWrapper<>(this,
            "engineStatus", EngineStatus.starting());
    private final EngineMonitor engine;
    private final ReadOnlyObjectWrapper<VaultNeededException.Need> vaultNeed = new ReadOnlyObjectWrapper<>(this,
            "vaultNeed");
    private final ReadOnlyStringWrapper vaultError = new ReadOnlyStringWrapper(this, "vaultError");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper heldElsewhere = new ReadOnlyBooleanWrapper(this, "heldElsewhere");
    private final ReadOnlyBooleanWrapper profilesReady = new ReadOnlyBooleanWrapper(this, "profilesReady");
    private final ReadOnlyStringWrapper storeLine = new ReadOnlyStringWrapper(this, "storeLine",
            StoreState.OPENING.label());
    private final ReadOnlyStringWrapper engineLine = new ReadOnlyStringWrapper(this, "engineLine");
    private PassphraseOpener passphraseOpener = (p, choose) -> {
        throw new VaultNeededException(VaultNeededException.Need.CHOOSE, "This console cannot open a vault.");
    };
    private Cancellable poll = Cancellable.NONE;
    private boolean polling;

    /** {@code opener} opens the store; it runs once, on a background thread. No engine: tests of other parts. */
    public ShellViewModel(Path dataDir, ThemePreference theme, TaskRunner tasks, Callable<Workspace> opener) {
        this(dataDir, theme, tasks, opener, EngineMonitor.NONE);
    }

    /** {@code engine} is read every {@link #ENGINE_POLL} once the store is open. */
    public ShellViewModel(Path dataDir, ThemePreference theme, TaskRunner tasks, Callable<Workspace> opener,
                          EngineMonitor engine) {
        this.tasks = tasks;
        this.opener = opener;
        this.engine = engine;
        dataFolder.set(dataDir.toAbsolutePath().toString());
        state.subscribe(this::describe);
        engineStatus.subscribe(this::describe);
        heldElsewhere.subscribe(this::describe);
        describe();
        darkTheme.set(theme.dark());
        darkTheme.addListener((obs, was, dark) -> theme.setDark(dark));
    }

    /** Opens the store with a passphrase vault: a new one ({@code choose}) or the folder's. Wipes the array. */
    @FunctionalInterface
    public interface PassphraseOpener {
        Workspace open(char[] passphrase, boolean choose) throws Exception;
    }

    /** How {@link #submitPassphrase} opens the store (the composition root's). */
    public void setPassphraseOpener(PassphraseOpener opener) {
        this.passphraseOpener = opener;
    }

    /** The smallest passphrase a new passphrase vault takes. */
    public static final int MIN_PASSPHRASE = 10;

    /** Opens the store; the state moves to OPEN (with the workspace), VAULT (its vault needs the user) or FAILED. */
    public void open() {
        opening(opener);
    }

    /**
     * Answers the vault's question: with a new passphrase typed twice (CHOOSE) or the folder's passphrase (UNLOCK).
     * A problem shows as the vault error, naming the field. The arrays are wiped.
     */
    public void submitPassphrase(char[] passphrase, char[] repeat) {
        VaultNeededException.Need need = vaultNeed.get();
        boolean choose = need == VaultNeededException.Need.CHOOSE;
        String error = need == null ? "The store is not waiting for a passphrase."
                : passphrase.length == 0 ? "Passphrase: type it."
                : choose && passphrase.length < MIN_PASSPHRASE ? "Passphrase: at least " + MIN_PASSPHRASE
                + " characters."
                : choose && !java.util.Arrays.equals(passphrase, repeat) ? "Repeat: it differs from the passphrase."
                : null;
        java.util.Arrays.fill(repeat, '\0');
        if (error != null) {
            java.util.Arrays.fill(passphrase, '\0');
            vaultError.set(error);
            return;
        }
        opening(() -> {
            try {
                return passphraseOpener.open(passphrase, choose);
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        });
    }

    private void opening(Callable<Workspace> how) {
        state.set(StoreState.OPENING);
        heldElsewhere.set(false);
        problem.set(null);
        vaultError.set(null);
        tasks.task(how)
                .onSuccess(ws -> {
                    workspace.set(ws);
                    vaultNeed.set(null);
                    state.set(StoreState.OPEN);
                    startPolling();
                })
                .onFailure(e -> {
                    if (e instanceof VaultNeededException v) {
                        boolean again = vaultNeed.get() == v.need();
                        vaultNeed.set(v.need());
                        problem.set(v.getMessage());
                        vaultError.set(again ? v.getMessage() : null);
                        state.set(StoreState.VAULT);
                        return;
                    }
                    if (e instanceof StoreUnavailableException u) {
                        heldElsewhere.set(u.heldByAnotherProcess());
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

    private void startPolling() {
        if (!polling) {
            polling = true;
            pollEngine();
        }
    }

    /**
     * The status bar's store and engine lines. The console's engine runs on the store it opens, so until the store
     * is open the engine line says what it waits for (or why it will not start) rather than "starting".
     */
    private void describe() {
        StoreState s = state.get();
        storeLine.set(s == StoreState.FAILED && heldElsewhere.get() ? "Store in use by another process" : s.label());
        engineLine.set(switch (s) {
            case OPEN -> engineStatus.get().label();
            case OPENING -> "Engine waits for the store";
            case VAULT -> "Engine waits for the vault's passphrase";
            case FAILED -> heldElsewhere.get() ? "Engine not started: another process holds the store"
                    : "Engine not started: the store cannot be opened";
        });
    }

    /** The status bar's store line: the state, or who holds the store when another process does. */
    public ReadOnlyStringProperty storeLineProperty() {
        return storeLine.getReadOnlyProperty();
    }

    /** The status bar's engine line: its state once the store is open; before, what it waits for. */
    public ReadOnlyStringProperty engineLineProperty() {
        return engineLine.getReadOnlyProperty();
    }

    /**
     * True once the open store has profiles to sign in as: false while the first start makes the first one (the
     * welcome dialog), so the status bar offers no "Sign in…" then.
     */
    public ReadOnlyBooleanProperty profilesReadyProperty() {
        return profilesReady.getReadOnlyProperty();
    }

    /** The store has its profiles (the first start found some, or made the first). */
    public void profilesReady() {
        profilesReady.set(true);
    }

    /** Reads the engine's status now (and then every {@link #ENGINE_POLL}). */
    void pollEngine() {
        poll.cancel();
        tasks.task(engine::status)
                .onSuccess(engineStatus::set)
                .onFailure(e -> LOG.debug("Could not read the engine's status", e))
                .andFinally(() -> {
                    if (polling) {
                        poll = tasks.later(ENGINE_POLL, this::pollEngine);
                    }
                })
                .start();
    }

    /** Stops reading the engine's status (the window is closing). */
    public void close() {
        polling = false;
        poll.cancel();
    }

    public void show(Screen s) {
        screen.set(s);
    }

    /** The screen the window shows; the rail and the shortcuts write it. */
    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyObjectProperty<EngineStatus> engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    /** What the About dialog lists: the app's version, Java, JavaFX and the OS. */
    public List<Fact> about() {
        String version = ShellViewModel.class.getPackage().getImplementationVersion();
        String fx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version"));
        return List.of(
                new Fact("Switchboard", version == null ? "development build" : version),
                new Fact("Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")"),
                new Fact("JavaFX", fx == null ? "unknown" : fx),
                new Fact("Operating system", System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " (" + System.getProperty("os.arch") + ")"),
                new Fact("Data folder", dataFolder.get()));
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

    /** What the store's vault needs (state VAULT), else null. */
    public ReadOnlyObjectProperty<VaultNeededException.Need> vaultNeedProperty() {
        return vaultNeed.getReadOnlyProperty();
    }

    /** Why the last passphrase was not taken, naming the field; null when none. */
    public ReadOnlyStringProperty vaultErrorProperty() {
        return vaultError.getReadOnlyProperty();
    }

    /** A hint the window shows above the screen until dismissed (after the first start); null for none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void showNotice(String text) {
        notice.set(text);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** True for PrimerDark; written to the preferences when it changes. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
