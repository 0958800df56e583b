package dev.switchboard.app.console.settings;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The Settings screen: cards for the Genesys connection (with the form to connect a real org), the vault and the
 * store's encryption, the data folder, the backups and the sandbox clock. Binds to {@link SettingsViewModel}.
 */
public final class SettingsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final SettingsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final PasswordField secret = new PasswordField();

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        root.setId("settingsScreen");
        HBox header = new HBox(Ui.label(null, "Settings", Styles.TITLE_4));
        header.getStyleClass().addAll("pane-header", "screen-header");
        root.setTop(header);
        VBox cards = new VBox(connectionCard(), vaultCard(), folderCard(), backupsCard(), clockCard());
        cards.getStyleClass().add("settings-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setId("settingsScroll");
        root.setCenter(scroll);
    }

    public Parent root() {
        return root;
    }

    public SettingsViewModel viewModel() {
        return vm;
    }

    private static VBox card(String title, Node... body) {
        VBox box = new VBox(Ui.label(null, title, Styles.TITLE_4));
        box.getChildren().addAll(body);
        box.getStyleClass().add("settings-card");
        return box;
    }

    private static Label text(String id, String text) {
        Label l = Ui.label(id, text, "muted");
        l.setWrapText(true);
        return l;
    }

    private static Label bound(String id, ObservableValue<String> value) {
        Label l = Ui.label(id, "");
        l.textProperty().bind(value);
        l.setWrapText(true);
        return l;
    }

    private static <T> ObservableValue<String> of(ObservableValue<T> value, Function<T, String> f) {
        return value.map(f).orElse("…");
    }

    // ---- the connection -----------------------------------------------------------------------------------------

    private Node connectionCard() {
        var org = vm.orgProperty();
        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts-grid");
        facts.addRow(0, fact("Engine drives"), bound("settingsEngineOrg", of(org, o -> o.engineOrg() == null
                ? "no engine runs" : o.engineOrg())));
        facts.addRow(1, fact("Connected org"), bound("settingsOrg", of(org, o -> o.connected()
                ? SettingsViewModel.where(o) : "none: the engine uses the sandbox org, simulated inside the console")));
        facts.addRow(2, fact("Login URL"), bound("settingsLoginUrl", of(org, o -> o.connected() ? o.loginUrl() : "—")));
        facts.addRow(3, fact("Client id"), bound("settingsClientId", of(org, o -> o.connected() ? o.clientId() : "—")));
        facts.addRow(4, fact("Client secret"), bound("settingsSecret", of(org, o -> !o.connected() ? "—"
                : o.secretInVault() ? "in the vault" : "MISSING from the vault: connect again")));
        facts.addRow(5, fact("Connected"), bound("settingsConnectedAt", of(org, o -> o.connectedAt() == null ? "—"
                : TIME.format(o.connectedAt()) + " by " + o.connectedBy())));
        facts.addRow(6, fact("Store belongs to"), bound("settingsBoundOrg", of(org, o -> o.boundOrg() == null
                ? "no org yet (bound at the first launch)" : o.boundOrg())));

        Button test = Ui.button("testConnectionButton", "Test connection", Feather.ZAP);
        test.setOnAction(e -> vm.testConnected());
        test.disableProperty().bind(vm.connectionBusyProperty().or(Bindings.createBooleanBinding(
                () -> org.get() == null || !org.get().connected(), org)));
        Button disconnect = Ui.button("disconnectButton", "Disconnect…", Feather.X_CIRCLE);
        disconnect.getStyleClass().add(Styles.DANGER);
        disconnect.setOnAction(e -> vm.disconnect());
        disconnect.disableProperty().bind(test.disableProperty());
        Button restart = Ui.button("restartEngineButton", "Restart engine", Feather.REFRESH_CW);
        restart.setOnAction(e -> vm.restartEngine());
        restart.disableProperty().bind(vm.connectionBusyProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.connectionBusyProperty());
        HBox actions = new HBox(test, disconnect, restart, busy);
        actions.getStyleClass().add("settings-actions");

        Label outcome = bound("connectionOutcome", vm.connectionOutcomeProperty());
        vm.connectionOkProperty().subscribe(ok -> {
            outcome.getStyleClass().removeAll("check-ok", "problem-text");
            outcome.getStyleClass().add(ok ? "check-ok" : "problem-text");
        });
        outcome.managedProperty().bind(vm.connectionOutcomeProperty().isNotNull());

        Label explain = text("switchOrgNote", "A store belongs to one org: the first launch binds it, and its"
                + " campaigns, attempts and evidence stay with that org. Connecting a real org makes the engine drive"
                + " that org from its next start (the console offers to restart it now); the sandbox's campaigns do not"
                + " carry over. To work with another org as well, use another data folder.");
        return card("Genesys connection", explain, facts, actions, outcome, connectForm());
    }

    private static Label fact(String label) {
        return Ui.label(null, label, "fact-label");
    }

    private Node connectForm() {
        SettingsViewModel.ConnectionForm f = vm.form();
        ToggleGroup how = new ToggleGroup();
        RadioButton byRegion = new RadioButton("Region");
        byRegion.setId("byRegion");
        byRegion.setToggleGroup(how);
        RadioButton byUrls = new RadioButton("API and login URLs");
        byUrls.setId("byUrls");
        byUrls.setToggleGroup(how);
        byRegion.setSelected(f.useRegionProperty().get());
        byUrls.setSelected(!f.useRegionProperty().get());
        byRegion.selectedProperty().addListener((o, was, now) -> f.useRegionProperty().set(now));
        f.useRegionProperty().subscribe(r -> (r ? byRegion : byUrls).setSelected(true));

        ComboBox<String> region = new ComboBox<>(vm.regions());
        region.setId("regionChoice");
        region.setPromptText("choose a region");
        region.valueProperty().bindBidirectional(f.regionProperty());
        region.disableProperty().bind(f.useRegionProperty().not());
        TextField api = field("apiUrlField", "https://api.mypurecloud.com", f.apiUrlProperty());
        TextField login = field("loginUrlField", "https://login.mypurecloud.com", f.loginUrlProperty());
        api.disableProperty().bind(f.useRegionProperty());
        login.disableProperty().bind(f.useRegionProperty());
        TextField clientId = field("clientIdField", "OAuth client id", f.clientIdProperty());
        secret.setId("clientSecretField");
        secret.setPromptText("kept in the vault only");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label("Where"), new HBox(12, byRegion, byUrls));
        grid.addRow(1, new Label("Region"), region);
        grid.addRow(2, new Label("API URL"), api);
        grid.addRow(3, new Label("Login URL"), login);
        grid.addRow(4, new Label("Client id"), clientId);
        grid.addRow(5, new Label("Client secret"), secret);
        for (TextField t : new TextField[] {api, login, clientId, secret}) {
            t.setPrefColumnCount(32);
        }

        Button testForm = Ui.button("testFormButton", "Test these settings", Feather.ZAP);
        testForm.setOnAction(e -> vm.testForm(secret.getText().toCharArray()));
        Button connect = Ui.button("connectButton", "Connect…", Feather.LINK);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(e -> {
            vm.connect(secret.getText().toCharArray());
            secret.clear();
        });
        testForm.disableProperty().bind(vm.connectionBusyProperty());
        connect.disableProperty().bind(vm.connectionBusyProperty());
        Label error = bound("connectFormError", f.errorProperty());
        error.getStyleClass().add("field-error");
        error.managedProperty().bind(f.errorProperty().isNotNull());
        HBox buttons = new HBox(testForm, connect);
        buttons.getStyleClass().add("settings-actions");
        VBox form = new VBox(Ui.label(null, "Connect a real org", "section-title"),
                text(null, "An OAuth client (client credentials grant) of your Genesys Cloud org, made by its admin."
                        + " The secret goes into the vault only; an admin profile confirms, and it is audited."),
                grid, error, buttons);
        form.setId("connectForm");
        form.getStyleClass().add("settings-subsection");
        return form;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    // ---- vault, folder ------------------------------------------------------------------------------------------

    private Node vaultCard() {
        var v = vm.vaultProperty();
        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts-grid");
        facts.addRow(0, fact("Vault"), bound("settingsVaultKind", of(v, SettingsBackend.VaultInfo::kind)));
        facts.addRow(1, fact("Secrets in"), bound("settingsVaultWhere", of(v, SettingsBackend.VaultInfo::where)));
        facts.addRow(2, fact("Store"), bound("settingsStoreState", of(v, i -> switch (i.storeState()) {
            case "encrypted" -> "encrypted (AES, its key in the vault)";
            case "plain" -> "NOT encrypted";
            default -> "not created yet";
        })));
        return card("Vault and encryption", text(null, "The vault holds the store's key and the org's client secret."
                + " Switching vaults is a command-line action while the console is closed: switchboard vault"
                + " use-passphrase | use-keychain."), facts);
    }

    private Node folderCard() {
        Label path = bound("settingsDataFolder", vm.dataFolderProperty());
        path.getStyleClass().add("mono");
        Button open = Ui.button("openFolderButton", "Open in file manager", Feather.FOLDER);
        open.setOnAction(e -> vm.openDataFolder());
        Label msg = bound("folderMessage", vm.folderMessageProperty());
        msg.getStyleClass().add("muted");
        msg.managedProperty().bind(vm.folderMessageProperty().isNotNull());
        HBox row = new HBox(path, Ui.spacer(), open);
        row.getStyleClass().add("settings-actions");
        return card("Data folder", row, msg);
    }

    // ---- backups ------------------------------------------------------------------------------------------------

    private Node backupsCard() {
        TableView<SettingsBackend.BackupEntry> table = new TableView<>(vm.backups());
        table.setId("backupsTable");
        table.setPrefHeight(180);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Ui.label(null, "No backups yet", "muted"));
        table.getColumns().add(column("Taken", b -> b.createdAt() == null ? "?" : TIME.format(b.createdAt())));
        TableColumn<SettingsBackend.BackupEntry, String> file = column("File", SettingsBackend.BackupEntry::name);
        file.setPrefWidth(280);
        table.getColumns().add(file);
        table.getColumns().add(column("Size", b -> Formats.bytes(b.size())));
        table.getColumns().add(column("Contacts", b -> count(b.contacts())));
        table.getColumns().add(column("Suppressions", b -> count(b.suppressions())));
        table.getColumns().add(column("Audit rows verified", b -> b.problem() != null ? "problem: " + b.problem()
                : count(b.auditVerifiedRows()) + " of " + count(b.auditEntries())));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedBackupProperty().get()) {
                vm.selectedBackupProperty().set(now);
            }
        });
        vm.selectedBackupProperty().subscribe(b -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });

        Button now = Ui.button("backupNowButton", "Back up now", Feather.DOWNLOAD);
        now.getStyleClass().add(Styles.ACCENT);
        now.setOnAction(e -> vm.backupNow());
        now.disableProperty().bind(vm.backupBusyProperty());
        Button verify = Ui.button("verifyBackupButton", "Verify", Feather.CHECK_SQUARE);
        verify.setOnAction(e -> vm.verifySelected());
        verify.disableProperty().bind(vm.backupBusyProperty().or(vm.selectedBackupProperty().isNull()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("backupProgress");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.backupBusyProperty());
        HBox actions = new HBox(now, verify, busy);
        actions.getStyleClass().add("settings-actions");
        Label outcome = bound("backupOutcome", vm.backupOutcomeProperty());
        vm.backupOkProperty().subscribe(ok -> {
            outcome.getStyleClass().removeAll("check-ok", "problem-text");
            outcome.getStyleClass().add(ok ? "check-ok" : "problem-text");
        });
        outcome.managedProperty().bind(vm.backupOutcomeProperty().isNotNull());
        return card("Backups", actions, outcome, table,
                text("backupSchedule", "Schedule: " + vm.schedule()),
                text(null, "Restoring replaces the store, so it is a command-line action with the console closed:"
                        + " switchboard restore FILE --as ADMIN --yes (it verifies the backup first and keeps the"
                        + " current store aside)."));
    }

    private static String count(long n) {
        return n < 0 ? "?" : String.format("%,d", n);
    }

    private static TableColumn<SettingsBackend.BackupEntry, String> column(String title,
            Function<SettingsBackend.BackupEntry, String> value) {
        TableColumn<SettingsBackend.BackupEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    // ---- the sandbox clock --------------------------------------------------------------------------------------

    private Node clockCard() {
        ComboBox<SandboxSpeed> choice = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                SandboxSpeed.values()));
        choice.setId("speedChoice");
        choice.valueProperty().bindBidirectional(vm.speedProperty());
        choice.disableProperty().bind(vm.speedAvailableProperty().not());
        Label note = text("speedNote", "");
        note.textProperty().bind(Bindings.createStringBinding(() -> vm.speedOutcomeProperty().get() != null
                        ? vm.speedOutcomeProperty().get() : vm.speedAvailableProperty().get()
                        ? "Virtual time on the sandbox: at 600× a day's campaign runs in under three minutes. The"
                        + " choice is remembered for the console's next start."
                        : "Only the sandbox org has a virtual clock; a real org runs on the wall clock.",
                vm.speedOutcomeProperty(), vm.speedAvailableProperty()));
        HBox row = new HBox(new Label("Speed"), choice);
        row.getStyleClass().add("settings-actions");
        return card("Sandbox clock", row, note);
    }
}
