package dev.switchboard.app.console.shell;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The About dialog: what runs (the app, Java, JavaFX, the OS) and the data folder. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner, List<ShellViewModel.Fact> facts) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Switchboard");
        dialog.getDialogPane().setId("aboutDialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        FontIcon logo = Ui.icon(Feather.RADIO);
        logo.getStyleClass().add("about-logo");
        Label title = Ui.label(null, "Switchboard", Styles.TITLE_2);
        title.setGraphic(logo);
        Label tagline = Ui.label(null, "Outbound campaigns on Genesys Cloud that never contact someone they must"
                + " not.", "muted");
        tagline.setWrapText(true);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts-grid");
        int row = 0;
        for (ShellViewModel.Fact f : facts) {
            Label label = Ui.label(null, f.label(), "fact-label");
            label.setMinWidth(Label.USE_PREF_SIZE);
            Label value = Ui.label("about" + f.label().replace(" ", ""), f.value());
            value.setWrapText(true);
            grid.addRow(row++, label, value);
        }
        VBox body = new VBox(12, title, tagline, grid);
        body.setPrefWidth(520);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
