package dev.switchboard.app.console.settings;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.backup.BackupService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Settings screen: the Genesys connection (shown, tested, connected, disconnected; the engine restarted on the
 * new org), the vault and the store's encryption, the data folder, the backups (list, back up now, verify, the
 * schedule) and the sandbox clock's speed. The client secret never lives in a property: the view hands it over as a
 * char array for one action, and it is wiped after that action.
 */
public final class SettingsViewModel {
    private final SettingsBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConnectionForm form = new ConnectionForm();

    private final ReadOnlyObjectWrapper<SettingsBackend.OrgInfo> org = new ReadOnlyObjectWrapper<>(this, "org");
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper connectionOutcome = new ReadOnlyStringWrapper(this, "connectionOutcome");
    private final ReadOnlyBooleanWrapper connectionOk = new ReadOnlyBooleanWrapper(this, "connectionOk");
    private final ReadOnlyBooleanWrapper connectionBusy = new ReadOnlyBooleanWrapper(this, "connectionBusy");
    private final ReadOnlyObjectWrapper<SettingsBackend.VaultInfo> vault = new ReadOnlyObjectWrapper<>(this,
            "vault");
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper(this, "dataFolder");
    private final ReadOnlyStringWrapper folderMessage = new ReadOnlyStringWrapper(this, "folderMessage");
    private final ObservableList<SettingsBackend.BackupEntry> backups = FXCollections.observableArrayList();
    private final ObjectProperty<SettingsBackend.BackupEntry> selectedBackup = new SimpleObjectProperty<>(this,
            "selectedBackup");
    private final ReadOnlyBooleanWrapper backupBusy = new ReadOnlyBooleanWrapper(this, "backupBusy");
    private final ReadOnlyStringWrapper backupOutcome = new ReadOnlyStringWrapper(this, "backupOutcome");
    private final ReadOnlyBooleanWrapper backupOk = new ReadOnlyBooleanWrapper(this, "backupOk", true);
    private final ObjectProperty<SandboxSpeed> speed = new SimpleObjectProperty<>(this, "speed");
    private final ReadOnlyBooleanWrapper speedAvailable = new ReadOnlyBooleanWrapper(this, "speedAvailable");
    private final ReadOnlyStringWrapper speedOutcome = new ReadOnlyStringWrapper(this, "speedOutcome");
    private String lastProfile;
    private boolean loadingSpeed;

    public SettingsViewModel(SettingsBackend backend, TaskRunner tasks, DialogService dialogs) {
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        speed.addListener((obs, was, now) -> {
            if (!loadingSpeed && now != null && now != was) {
                applySpeed(now);
            }
        });
    }

    /** Reads everything the screen shows. */
    public void refresh() {
        boolean needRegions = regions.isEmpty();
        tasks.task(() -> new Snapshot(backend.org(), needRegions ? backend.regions() : null, backend.vault(),
                        backend.dataDir().toString(), backend.sandboxSpeed()))
                .onSuccess(s -> {
                    org.set(s.org());
                    if (s.regions() != null) {
                        regions.setAll(s.regions());
                    }
                    vault.set(s.vault());
                    dataFolder.set(s.dataDir());
                    showSpeed(s.speed());
                })
                .onFailure(e -> connectionOutcome.set("Settings could not be read: " + message(e)))
                .start();
        refreshBackups();
    }

    private record Snapshot(SettingsBackend.OrgInfo org, List<String> regions, SettingsBackend.VaultInfo vault,
                            String dataDir, OptionalDouble speed) {
    }

    private void showSpeed(OptionalDouble s) {
        loadingSpeed = true;
        try {
            speedAvailable.set(s.isPresent());
            speed.set(s.isPresent() ? SandboxSpeed.of(s.getAsDouble()) : null);
        } finally {
            loadingSpeed = false;
        }
    }

    // ---- the connection ----------------------------------------------------------------------------------------

    /** Gets a token from the connected org and reads its API rate limit (as {@code org test}). */
    public void testConnected() {
        if (org.get() == null || !org.get().connected()) {
            connectionOk.set(false);
            connectionOutcome.set("No org is connected: the engine drives the sandbox org inside the console.");
            return;
        }
        runTest(tasks.task(backend::testConnected));
    }

    /** Tries the form's org with {@code secret} without connecting it; the array is wiped. */
    public void testForm(char[] secret) {
        SettingsBackend.Candidate c = validated(secret);
        if (c == null) {
            Arrays.fill(secret, '\0');
            return;
        }
        runTest(tasks.task(() -> {
            try {
                return backend.test(c, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }));
    }

    private void runTest(dev.switchboard.app.console.common.BackgroundTask<SettingsBackend.TestResult> task) {
        connectionBusy.set(true);
        connectionOutcome.set("Getting a token…");
        task.onSuccess(r -> {
                    connectionOk.set(true);
                    connectionOutcome.set("Token: ok (client credentials accepted by " + r.apiBase() + "). API rate"
                            + " limit: " + (r.rateLimitPerMinute().isPresent() ? r.rateLimitPerMinute().getAsLong()
                            + " requests/minute" : "not reported") + ".");
                })
                .onFailure(e -> {
                    connectionOk.set(false);
                    connectionOutcome.set("The org did not answer as expected: " + message(e));
                })
                .andFinally(() -> connectionBusy.set(false))
                .start();
    }

    /**
     * Connects the form's org (an admin confirms with profile and password; audited), with {@code secret}, which goes
     * into the vault only; the array is wiped. Then offers to restart the engine on it.
     */
    public void connect(char[] secret) {
        SettingsBackend.Candidate c = validated(secret);
        if (c == null) {
            Arrays.fill(secret, '\0');
            return;
        }
        var confirmed = dialogs.confirm(new DialogService.ConfirmRequest("Connect the Genesys org",
                "Connect this data folder to " + c.where() + " as client " + c.clientId() + "? The client secret is"
                        + " kept in the vault only. An admin profile confirms; the connection is audited.",
                "Connect", false, false, lastProfile));
        if (confirmed.isEmpty()) {
            Arrays.fill(secret, '\0');
            return;
        }
        SettingsBackend.Credentials by = credentials(confirmed.get());
        connectionBusy.set(true);
        connectionOutcome.set("Connecting…");
        tasks.task(() -> {
                    try {
                        backend.connect(by, c, secret);
                        return backend.org();
                    } finally {
                        Arrays.fill(secret, '\0');
                        Arrays.fill(by.password(), '\0');
                    }
                })
                .onSuccess(o -> {
                    org.set(o);
                    connectionOk.set(true);
                    connectionOutcome.set("Connected to " + c.where() + " as client " + c.clientId() + ".");
                    form.clear();
                    offerRestart("The data folder is now connected to " + c.where() + ".");
                })
                .onFailure(e -> {
                    connectionOk.set(false);
                    connectionOutcome.set("Not connected: " + message(e));
                })
                .andFinally(() -> connectionBusy.set(false))
                .start();
    }

    /** Forgets the connected org and its secret (an admin confirms; audited); then offers to restart the engine. */
    public void disconnect() {
        if (org.get() == null || !org.get().connected()) {
            connectionOutcome.set("No org is connected.");
            return;
        }
        var confirmed = dialogs.confirm(new DialogService.ConfirmRequest("Disconnect the Genesys org",
                "Forget the org " + where(org.get()) + " and delete its client secret from the vault? The engine"
                        + " drives the sandbox from its next start. An admin profile confirms; it is audited.",
                "Disconnect", false, true, lastProfile));
        if (confirmed.isEmpty()) {
            return;
        }
        SettingsBackend.Credentials by = credentials(confirmed.get());
        connectionBusy.set(true);
        tasks.task(() -> {
                    try {
                        backend.disconnect(by);
                        return backend.org();
                    } finally {
                        Arrays.fill(by.password(), '\0');
                    }
                })
                .onSuccess(o -> {
                    org.set(o);
                    connectionOk.set(true);
                    connectionOutcome.set("Disconnected: the org's settings and its client secret are deleted.");
                    offerRestart("No org is connected now: the engine drives the sandbox org.");
                })
                .onFailure(e -> {
                    connectionOk.set(false);
                    connectionOutcome.set("Not disconnected: " + message(e));
                })
                .andFinally(() -> connectionBusy.set(false))
                .start();
    }

    private void offerRestart(String what) {
        boolean restart = dialogs.ask("Restart the engine on the new org?", what + " The console's engine still"
                + " drives the org it started on. Restart it now? Campaigns pause in flight and continue on the org"
                + " the store belongs to; a store launched on one org never sends through another.",
                "Restart the engine");
        if (!restart) {
            connectionOutcome.set(connectionOutcome.get() + " The engine switches at the console's next start.");
            return;
        }
        restartEngine();
    }

    /** Stops the console's engine and starts it on the org connected now. */
    public void restartEngine() {
        connectionBusy.set(true);
        connectionOutcome.set("Restarting the engine…");
        tasks.task(() -> {
                    String where = backend.restartEngine();
                    return new Object[] {where, backend.org(), backend.sandboxSpeed()};
                })
                .onSuccess(r -> {
                    org.set((SettingsBackend.OrgInfo) r[1]);
                    showSpeed((OptionalDouble) r[2]);
                    connectionOk.set(true);
                    connectionOutcome.set("The engine runs on " + r[0] + ".");
                })
                .onFailure(e -> {
                    connectionOk.set(false);
                    connectionOutcome.set("The engine did not start: " + message(e));
                })
                .andFinally(() -> connectionBusy.set(false))
                .start();
    }

    private SettingsBackend.Credentials credentials(DialogService.Confirmation c) {
        lastProfile = c.profile();
        return new SettingsBackend.Credentials(c.profile(), c.password());
    }

    /** The form as a candidate, or null with the form's error naming the field. */
    private SettingsBackend.Candidate validated(char[] secret) {
        String error = form.validate(secret.length > 0);
        form.setError(error);
        return error == null ? form.candidate() : null;
    }

    static String where(SettingsBackend.OrgInfo o) {
        return o.region() != null ? o.region() + " (" + o.apiUrl() + ")" : o.apiUrl();
    }

    // ---- the data folder ----------------------------------------------------------------------------------------

    /** Opens the data folder in the OS file manager, off the UI thread. */
    public void openDataFolder() {
        tasks.task(backend::openDataFolder)
                .onSuccess(opened -> folderMessage.set(opened ? null
                        : "This desktop has no file manager Switchboard can open: the folder is " + dataFolder.get()))
                .onFailure(e -> folderMessage.set("The folder could not be opened: " + message(e)))
                .start();
    }

    // ---- backups ------------------------------------------------------------------------------------------------

    /** Re-reads the backups folder. */
    public void refreshBackups() {
        tasks.task(backend::backups)
                .onSuccess(list -> backups.setAll(list))
                .onFailure(e -> {
                    backupOk.set(false);
                    backupOutcome.set("The backups could not be listed: " + message(e));
                })
                .start();
    }

    /** Takes a backup now (the store stays open); then lists it, selected. */
    public void backupNow() {
        if (backupBusy.get()) {
            return;
        }
        backupBusy.set(true);
        backupOk.set(true);
        backupOutcome.set("Backing up the store…");
        tasks.task(() -> {
                    SettingsBackend.BackupEntry made = backend.backupNow(BackupService.DEFAULT_KEEP);
                    return new Object[] {made, backend.backups()};
                })
                .onSuccess(r -> {
                    SettingsBackend.BackupEntry made = (SettingsBackend.BackupEntry) r[0];
                    @SuppressWarnings("unchecked")
                    List<SettingsBackend.BackupEntry> all = (List<SettingsBackend.BackupEntry>) r[1];
                    backups.setAll(all);
                    backups.stream().filter(b -> b.zip().equals(made.zip())).findFirst()
                            .ifPresent(selectedBackup::set);
                    backupOk.set(true);
                    backupOutcome.set("Backed up to " + made.name() + " (" + made.contacts() + " contacts, "
                            + made.auditEntries() + " audit rows).");
                })
                .onFailure(e -> {
                    backupOk.set(false);
                    backupOutcome.set("The backup failed: " + message(e));
                })
                .andFinally(() -> backupBusy.set(false))
                .start();
    }

    /** Verifies the selected backup (its checksum, then the store inside it) and says what was found. */
    public void verifySelected() {
        SettingsBackend.BackupEntry b = selectedBackup.get();
        if (b == null || backupBusy.get()) {
            backupOk.set(false);
            backupOutcome.set(b == null ? "Select a backup to verify." : backupOutcome.get());
            return;
        }
        backupBusy.set(true);
        backupOutcome.set("Verifying " + b.name() + "…");
        tasks.task(() -> backend.verify(b.zip()))
                .onSuccess(v -> {
                    backupOk.set(v.ok());
                    backupOutcome.set(v.ok() ? v.name() + " is sound: checksum matches, the audit chain verifies ("
                            + v.auditRows() + " rows), " + v.contacts() + " contacts and " + v.suppressions()
                            + " suppressions as its manifest says."
                            : v.name() + " is not sound: " + String.join("; ", v.problems()) + ".");
                })
                .onFailure(e -> {
                    backupOk.set(false);
                    backupOutcome.set("The backup could not be verified: " + message(e));
                })
                .andFinally(() -> backupBusy.set(false))
                .start();
    }

    /** The schedule, as a sentence. */
    public String schedule() {
        return "Every " + BackupService.DEFAULT_EVERY.toHours() + " hours while the console's engine runs, keeping"
                + " the newest " + BackupService.DEFAULT_KEEP + " in the data folder's backups folder.";
    }

    // ---- the sandbox clock --------------------------------------------------------------------------------------

    private void applySpeed(SandboxSpeed s) {
        tasks.task(() -> {
                    backend.setSandboxSpeed(s.factor());
                    return backend.sandboxSpeed();
                })
                .onSuccess(now -> {
                    showSpeed(now);
                    speedOutcome.set("The sandbox's clock runs at " + s.label() + "; the console starts it so next"
                            + " time too.");
                })
                .onFailure(e -> speedOutcome.set("The speed was not changed: " + message(e)))
                .start();
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ConnectionForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<SettingsBackend.OrgInfo> orgProperty() {
        return org.getReadOnlyProperty();
    }

    public ObservableList<String> regions() {
        return regions;
    }

    public ReadOnlyStringProperty connectionOutcomeProperty() {
        return connectionOutcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectionOkProperty() {
        return connectionOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectionBusyProperty() {
        return connectionBusy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SettingsBackend.VaultInfo> vaultProperty() {
        return vault.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage.getReadOnlyProperty();
    }

    public ObservableList<SettingsBackend.BackupEntry> backups() {
        return backups;
    }

    public ObjectProperty<SettingsBackend.BackupEntry> selectedBackupProperty() {
        return selectedBackup;
    }

    public ReadOnlyBooleanProperty backupBusyProperty() {
        return backupBusy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupOutcomeProperty() {
        return backupOutcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty backupOkProperty() {
        return backupOk.getReadOnlyProperty();
    }

    /** The sandbox clock's speed; writing it applies it to the running sandbox and remembers it. */
    public ObjectProperty<SandboxSpeed> speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty speedAvailableProperty() {
        return speedAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedOutcomeProperty() {
        return speedOutcome.getReadOnlyProperty();
    }

    /** The form to connect a real org: a region or explicit URLs, and the client id (the secret is the view's). */
    public static final class ConnectionForm {
        private final BooleanProperty useRegion = new SimpleBooleanProperty(this, "useRegion", true);
        private final StringProperty region = new SimpleStringProperty(this, "region");
        private final StringProperty apiUrl = new SimpleStringProperty(this, "apiUrl", "");
        private final StringProperty loginUrl = new SimpleStringProperty(this, "loginUrl", "");
        private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

        /** The problem with the form, naming the field; null when it can be used. */
        String validate(boolean hasSecret) {
            if (useRegion.get()) {
                if (region.get() == null || region.get().isBlank()) {
                    return "Region: choose the org's region.";
                }
            } else {
                String api = url("API URL", apiUrl.get());
                if (api != null) {
                    return api;
                }
                String login = url("Login URL", loginUrl.get());
                if (login != null) {
                    return login;
                }
            }
            if (clientId.get() == null || clientId.get().isBlank()) {
                return "Client id: enter the OAuth client's id (a client-credentials client of the org).";
            }
            if (!hasSecret) {
                return "Client secret: enter the OAuth client's secret.";
            }
            return null;
        }

        private static String url(String field, String value) {
            if (value == null || value.isBlank()) {
                return field + ": enter it, e.g. https://api.mypurecloud.com.";
            }
            try {
                URI u = URI.create(value.strip());
                if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
                        || u.getHost() == null) {
                    return field + ": \"" + value.strip() + "\" is not an http(s) URL.";
                }
                return null;
            } catch (IllegalArgumentException e) {
                return field + ": \"" + value.strip() + "\" is not a URL.";
            }
        }

        SettingsBackend.Candidate candidate() {
            return useRegion.get() ? new SettingsBackend.Candidate(region.get(), null, null, clientId.get().strip())
                    : new SettingsBackend.Candidate(null, apiUrl.get().strip(), loginUrl.get().strip(),
                    clientId.get().strip());
        }

        void setError(String e) {
            error.set(e);
        }

        void clear() {
            clientId.set("");
            apiUrl.set("");
            loginUrl.set("");
            error.set(null);
        }

        public BooleanProperty useRegionProperty() {
            return useRegion;
        }

        public StringProperty regionProperty() {
            return region;
        }

        public StringProperty apiUrlProperty() {
            return apiUrl;
        }

        public StringProperty loginUrlProperty() {
            return loginUrl;
        }

        public StringProperty clientIdProperty() {
            return clientId;
        }

        /** The form's problem, naming the field; null when fine. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }
}
