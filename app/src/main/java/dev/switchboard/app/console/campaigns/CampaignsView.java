package dev.switchboard.app.console.campaigns;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.console.common.Ui;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Campaigns screen: a bar with the engine's kill switch and New campaign, the campaigns on the left (state chip,
 * progress), the selected campaign's live view on the right, and a first-start state when there are none.
 */
public final class CampaignsView {
    private final CampaignsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<CampaignBackend.Summary> listView = new ListView<>();
    private Stage dialog;

    public CampaignsView(CampaignsViewModel vm) {
        this.vm = vm;
        root.setId("campaignsScreen");
        root.setTop(header());
        SplitPane split = new SplitPane();
        VBox left = listPane();
        SplitPane.setResizableWithParent(left, false);
        split.getItems().addAll(left, detailPane());
        split.setDividerPositions(0.24);
        root.setCenter(split);
    }

    public Parent root() {
        return root;
    }

    public CampaignsViewModel viewModel() {
        return vm;
    }

    /** Opens the New campaign dialog over this screen's window. */
    public void openNewCampaign() {
        if (root.getScene() == null || dialog != null && dialog.isShowing()) {
            return;
        }
        dialog = NewCampaignDialog.open(root.getScene().getWindow(), vm.newCampaign());
    }

    private Node header() {
        Label title = Ui.label(null, "Campaigns", Styles.TITLE_4);
        Label engine = Ui.label("campaignsEngine", "", "muted");
        engine.textProperty().bind(vm.engineStatusProperty().map(EngineStatus::label));
        Button kill = new Button();
        kill.setId("killSwitchButton");
        kill.textProperty().bind(vm.engineStatusProperty().map(s -> s.killSwitch() ? "Kill switch is ON — turn off…"
                : "Kill switch…"));
        kill.setGraphic(Ui.icon(Feather.POWER));
        vm.engineStatusProperty().subscribe(s -> {
            kill.getStyleClass().removeAll(Styles.DANGER);
            if (s.killSwitch()) {
                kill.getStyleClass().add(Styles.DANGER);
            }
        });
        kill.setOnAction(e -> vm.toggleKillSwitch());
        Button create = Ui.button("newCampaignButton", "New campaign…", Feather.PLUS);
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> openNewCampaign());
        HBox bar = new HBox(title, Ui.spacer(), engine, kill, create);
        bar.getStyleClass().addAll("pane-header", "screen-header");
        return bar;
    }

    private VBox listPane() {
        listView.setId("campaignsList");
        listView.setItems(vm.campaigns());
        listView.setCellFactory(v -> new CampaignCell());
        listView.setPlaceholder(Ui.label(null, "No campaigns yet", "muted"));
        VBox.setVgrow(listView, Priority.ALWAYS);
        listView.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().subscribe(now -> {
            if (now == null) {
                listView.getSelectionModel().clearSelection();
            } else if (listView.getSelectionModel().getSelectedItem() != now) {
                listView.getSelectionModel().select(now);
            }
        });
        VBox pane = new VBox(listView);
        pane.setId("campaignsPane");
        pane.getStyleClass().add("lists-pane");
        return pane;
    }

    private StackPane detailPane() {
        Node live = new LiveView(vm.live()).root();
        live.visibleProperty().bind(vm.selectedProperty().isNotNull());

        Button create = Ui.button("emptyNewCampaignButton", "New campaign…", Feather.PLUS);
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> openNewCampaign());
        VBox empty = Ui.emptyState(Feather.SEND, "No campaigns yet",
                "A campaign sends a published sequence to a list, for a purpose, from your senders. Create one, run"
                        + " its launch checks, and watch it here as it runs.", create);
        empty.setId("campaignsEmptyState");
        empty.setMaxWidth(520);
        empty.visibleProperty().bind(vm.emptyProperty());

        Label error = Ui.label("campaignsError", "", "problem");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        return new StackPane(live, empty, error);
    }
}
