package dev.switchboard.app.console.campaigns;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.campaigns.CampaignService;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The launch checks as a checklist: each check passed or failed with what was found; says whether it launched. */
final class LaunchChecklist {
    private LaunchChecklist() {
    }

    static Stage show(Window owner, CampaignService.LaunchReport report, Runnable closed) {
        long failed = report.checks().stream().filter(c -> !c.passed()).count();
        Label title = Ui.label("launchOutcome", report.launched()
                ? "Launched: " + Formats.count(report.enrolled(), "contact", "contacts") + " enrolled"
                : "Launch refused: " + failed + (failed == 1 ? " check failed" : " checks failed"), Styles.TITLE_3);
        title.setGraphic(icon(report.launched()));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("checklist");
        int row = 0;
        for (CampaignService.Check c : report.checks()) {
            Label name = Ui.label(null, c.name(), "check-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label detail = new Label(c.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add(c.passed() ? "muted" : "field-error");
            grid.addRow(row++, icon(c.passed()), name, detail);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        Button close = Ui.button("launchChecklistClose", "Close", null);
        close.setDefaultButton(true);
        VBox root = new VBox(12, title, scroll, new HBox(Ui.spacer(), close));
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.setId("launchChecklist");
        root.getStyleClass().add("dialog-body");

        Stage stage = new Stage();
        stage.setTitle("Launch checks — " + report.campaign().name());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(root, 760, 560);
        scene.getStylesheets().add(Ui.stylesheet());
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> closed.run());
        stage.show();
        return stage;
    }

    private static FontIcon icon(boolean passed) {
        FontIcon i = Ui.icon(passed ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE);
        i.getStyleClass().add(passed ? "check-pass" : "check-fail");
        return i;
    }
}
