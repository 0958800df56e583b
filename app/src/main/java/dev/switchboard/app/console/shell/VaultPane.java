package dev.switchboard.app.console.shell;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * What the window shows when the store's vault needs the user: no OS keychain answers and the data folder chose no
 * vault (offers a passphrase vault: what it means, the passphrase twice), or the folder's passphrase vault needs its
 * passphrase. The store opens once it is answered.
 */
final class VaultPane {
    private final VBox root;

    VaultPane(ShellViewModel vm, Runnable quit) {
        boolean choose = vm.vaultNeedProperty().get() == VaultNeededException.Need.CHOOSE;
        PasswordField passphrase = new PasswordField();
        passphrase.setId("vaultPassphrase");
        PasswordField repeat = new PasswordField();
        repeat.setId("vaultRepeat");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label("Passphrase"), passphrase);
        if (choose) {
            grid.addRow(1, new Label("Repeat"), repeat);
        }
        Label error = Ui.label("vaultError", "", "field-error");
        error.textProperty().bind(vm.vaultErrorProperty());
        error.setWrapText(true);
        error.managedProperty().bind(vm.vaultErrorProperty().isNotNull());

        Button ok = Ui.button("vaultOk", choose ? "Use a passphrase vault" : "Unlock", Feather.LOCK);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            char[] p = passphrase.getText().toCharArray();
            char[] r = repeat.getText().toCharArray();
            passphrase.clear();
            repeat.clear();
            vm.submitPassphrase(p, r);
        });
        Button quitButton = Ui.button("vaultQuit", "Quit", null);
        quitButton.setOnAction(e -> quit.run());
        HBox buttons = new HBox(12, ok, quitButton);

        Label why = Ui.label("vaultWhy", "");
        why.textProperty().bind(vm.problemProperty());
        why.setWrapText(true);
        why.getStyleClass().add("muted");
        Label explain = new Label(choose
                ? "Switchboard keeps this data folder's secrets (the store's encryption key, later the Genesys client"
                + " secret) in a vault. No OS keychain answers here, so choose a passphrase vault: the secrets go"
                + " into secrets.vault in the data folder, encrypted under a key made from your passphrase. Anyone"
                + " with that file and the passphrase can read them; if you forget the passphrase, the secrets and"
                + " the store are lost. You type it each time the console opens (or set"
                + " $SWITCHBOARD_VAULT_PASSPHRASE). The command line's 'switchboard vault use-keychain' moves them"
                + " into a keychain later."
                : "This data folder keeps its secrets in a passphrase vault (secrets.vault). Type its passphrase to"
                + " open the store.");
        explain.setWrapText(true);
        VBox box = new VBox(Ui.icon(Feather.LOCK),
                Ui.label("vaultTitle", choose ? "Choose where Switchboard keeps its secrets"
                        : "Unlock the passphrase vault", "error-title"), explain, why, grid, error, buttons);
        box.setId("vaultPane");
        box.getStyleClass().addAll("store-error", "vault-pane");
        box.setMaxWidth(620);
        root = new VBox(box);
        root.setAlignment(Pos.CENTER);
        Platform.runLater(passphrase::requestFocus);
    }

    Node root() {
        return root;
    }
}
