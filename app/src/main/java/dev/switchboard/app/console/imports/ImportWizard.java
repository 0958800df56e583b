package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.Ui;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * The import wizard's window: modal over the main window, closed when the view model reports an outcome. Closing it
 * while an import runs asks the import to stop instead.
 */
public final class ImportWizard {
    private ImportWizard() {
    }

    /**
     * Shows a wizard for {@code vm} and returns its window; {@code onClosed} hears the outcome once the window has
     * closed.
     */
    public static Stage open(Window owner, ImportWizardViewModel vm,
                             Consumer<ImportWizardViewModel.Outcome> onClosed) {
        Stage stage = new Stage();
        stage.setTitle("Import contacts");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(new ImportWizardView(vm).root(), 960, 760);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        stage.setOnCloseRequest(e -> {
            if (!vm.close()) {
                e.consume();
            }
        });
        vm.outcomeProperty().addListener((obs, was, outcome) -> {
            if (outcome != null) {
                stage.close();
                onClosed.accept(outcome);
            }
        });
        stage.show();
        return stage;
    }
}
