package dev.switchboard.app.console.compliance;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.compliance.BlockService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Blocks by rule tab: per-rule counts (with bars) across campaigns, and the selected rule's blocks. */
final class BlocksTab {
    private static final double BAR = 180;

    private final BlocksModel vm;
    private final VBox root = new VBox(8);

    BlocksTab(BlocksModel vm) {
        this.vm = vm;
        root.getStyleClass().add("tab-body");
        root.setStyle("-fx-padding: 12 16 12 16;");
        ComboBox<ComplianceBackend.CampaignRef> campaign = new ComboBox<>(vm.campaigns());
        campaign.setId("blockCampaign");
        campaign.setConverter(Ui.itemLabels(campaign::getItems, ComplianceBackend.CampaignRef::name));
        campaign.valueProperty().bindBidirectional(vm.campaignProperty());
        Label summary = Ui.label("blockSummary", "", "muted");
        summary.textProperty().bind(vm.summaryProperty());
        HBox bar = new HBox(new Label("Campaign"), campaign, summary);
        bar.getStyleClass().add("settings-actions");
        SplitPane split = new SplitPane(rulesTable(), blocksPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(bar, split);
    }

    Node root() {
        return root;
    }

    private Node rulesTable() {
        TableView<BlockService.RuleTotal> table = Tables.table("rulesTable", "No touch was blocked");
        table.setItems(vm.totals());
        table.getColumns().add(Tables.column("Rule", 220, BlockService.RuleTotal::rule));
        TableColumn<BlockService.RuleTotal, BlockService.RuleTotal> count = new TableColumn<>("Blocks");
        count.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue()));
        count.setCellFactory(c -> new BarCell());
        count.setPrefWidth(BAR + 80);
        count.setSortable(false);
        table.getColumns().add(count);
        table.getColumns().add(Tables.column("Last block", 140, t -> Formats.instant(t.lastAt())));
        table.getColumns().add(Tables.column("Campaigns", 360, BlocksModel::campaignsOf));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedRuleProperty().get()) {
                vm.selectedRuleProperty().set(now);
            }
        });
        vm.selectedRuleProperty().subscribe(r -> {
            if (r != null && r != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(r);
            }
        });
        return table;
    }

    /** The count with a bar as long as its share of the largest rule's count. */
    private final class BarCell extends TableCell<BlockService.RuleTotal, BlockService.RuleTotal> {
        private final Region bar = new Region();
        private final Label label = new Label();
        private final HBox box = new HBox(8, bar, label);

        BarCell() {
            bar.setMinHeight(10);
            bar.setMaxHeight(10);
            bar.setStyle("-fx-background-color: -color-danger-emphasis; -fx-background-radius: 2;");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(BlockService.RuleTotal item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            int max = vm.totals().stream().mapToInt(BlockService.RuleTotal::blocks).max().orElse(1);
            double w = Math.max(2, BAR * item.blocks() / Math.max(1, max));
            bar.setMinWidth(w);
            bar.setPrefWidth(w);
            bar.setMaxWidth(w);
            label.setText(Formats.count(item.blocks()));
            setGraphic(box);
        }
    }

    private Node blocksPane() {
        Label label = Ui.label("blocksLabel", "", "section-title");
        label.textProperty().bind(vm.blocksLabelProperty());
        TableView<BlockService.Block> table = Tables.table("blocksTable", "Choose a rule above");
        table.setItems(vm.blocks());
        table.getColumns().add(Tables.column("When", 140, b -> Formats.instant(b.at())));
        table.getColumns().add(Tables.column("Campaign", 170, BlockService.Block::campaign));
        table.getColumns().add(Tables.column("Contact", 170, b -> (b.list() == null ? "" : b.list() + " / ")
                + b.contactKey()));
        table.getColumns().add(Tables.column("Step", 90, b -> b.stepId() == null ? "" : b.stepId()));
        table.getColumns().add(Tables.column("Channel", 80, b -> b.channel() == null ? "" : b.channel()
                .toLowerCase(java.util.Locale.ROOT)));
        table.getColumns().add(Tables.column("Pack", 110, b -> b.packVersion() == null ? "" : b.packVersion()));
        table.getColumns().add(Tables.column("Why", 360, b -> b.detail() == null ? "" : b.detail()));
        Ui.rowAction(table, "openBlockTimeline", "Open the contact's timeline",
                () -> vm.open(table.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = Ui.button("moreBlocksButton", "Load more", Feather.CHEVRONS_DOWN);
        more.getStyleClass().add(Styles.FLAT);
        more.setOnAction(e -> vm.loadMore());
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(vm.moreProperty());
        HBox head = new HBox(label, Ui.spacer(), Ui.label(null, "Double-click a block to open the contact's"
                + " timeline", "muted"));
        head.getStyleClass().add("settings-actions");
        VBox box = new VBox(6, head, table, more);
        box.setStyle("-fx-padding: 8 0 0 0;");
        return box;
    }
}
