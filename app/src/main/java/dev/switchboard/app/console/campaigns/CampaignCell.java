package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A campaign in the list: its name and state chip, a progress bar (contacts done of enrolled) and a line of facts. */
final class CampaignCell extends ListCell<CampaignBackend.Summary> {
    private final Label name = new Label();
    private final StateChip chip = new StateChip();
    private final ProgressBar bar = new ProgressBar();
    private final Label meta = new Label();
    private final VBox box;

    CampaignCell() {
        name.getStyleClass().add("campaign-name");
        meta.getStyleClass().add("campaign-meta");
        bar.getStyleClass().add("campaign-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, name, Ui.spacer(), chip);
        top.getStyleClass().add("campaign-cell-top");
        box = new VBox(4, top, bar, meta);
        box.getStyleClass().add("campaign-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(CampaignBackend.Summary item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        name.setText(item.name());
        chip.show(item.state());
        int enrolled = item.enrolled();
        bar.setProgress(enrolled == 0 ? 0 : (double) item.done() / enrolled);
        meta.setText((enrolled == 0 ? "not launched" : Formats.count(item.done()) + " / " + Formats.count(enrolled)
                + " done") + " · " + item.view().purpose().replace('_', '-') + " · " + item.view().list());
        setGraphic(box);
    }
}
