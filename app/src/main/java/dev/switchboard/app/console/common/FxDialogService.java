package dev.switchboard.app.console.common;

import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX file choosers and alerts, owned by the window the supplier names. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private Session session;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Contact lists (*.csv, *.txt, *.tsv)", "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv"));
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner.get());
        alert.showAndWait();
    }

    @Override
    public boolean ask(String title, String message, String action) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(action,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType no = new javafx.scene.control.ButtonType("Not now",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("askDialog");
        alert.getDialogPane().lookupButton(yes).setId("askYes");
        alert.initOwner(owner.get());
        if (owner.get() != null && owner.get().getScene() != null) {
            alert.getDialogPane().getStylesheets().addAll(owner.get().getScene().getStylesheets());
        }
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Confirmation> confirm(ConfirmRequest request) {
        String signedIn = session == null ? null : session.actor().map(a -> a.name()).orElse(null);
        // an audited action asks the password again, of the profile signed in unless the user names another
        ConfirmRequest asked = request.profile() == null && signedIn != null ? new ConfirmRequest(request.title(),
                request.message(), request.action(), request.needsReason(), request.danger(), signedIn) : request;
        return ConfirmDialog.show(owner.get(), asked);
    }

    /** The signed-in profile, which confirmations propose. */
    public FxDialogService withSession(Session session) {
        this.session = session;
        return this;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
