package dev.switchboard.app.console.compliance;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Compliance screen: a header with the rule pack in use and the signed-in profile, and tabs for the suppression
 * list, the blocks by rule across campaigns, and the audit log. Binds to {@link ComplianceViewModel}.
 */
public final class ComplianceView {
    private final ComplianceViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public ComplianceView(ComplianceViewModel vm) {
        this.vm = vm;
        root.setId("complianceScreen");
        Label title = Ui.label(null, "Compliance", Styles.TITLE_4);
        Label pack = Ui.label("rulePackLabel", "", "chip", "chip-completed");
        pack.setGraphic(Ui.icon(Feather.BOOK_OPEN));
        pack.textProperty().bind(vm.rulePackProperty());
        Label who = Ui.label("complianceSignedIn", "", "muted");
        who.textProperty().bind(vm.signedInProperty());
        who.setWrapText(true);
        HBox header = new HBox(title, pack, Ui.spacer(), who);
        header.getStyleClass().addAll("pane-header", "screen-header");
        root.setTop(header);

        tabs.setId("complianceTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("suppressionsTab", "Suppressions", Feather.SLASH, new SuppressionsTab(vm.suppressions()).root()),
                tab("blocksTab", "Blocks by rule", Feather.BAR_CHART_2, new BlocksTab(vm.blocks()).root()),
                tab("auditTab", "Audit log", Feather.SHIELD, new AuditTab(vm.audit()).root()));
        // a tab shown again reads what changed meanwhile (the audit log grows with every action)
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            switch (now.intValue()) {
                case 1 -> vm.blocks().refresh();
                case 2 -> vm.audit().refresh();
                default -> vm.suppressions().search();
            }
        });
        root.setCenter(new VBox(tabs));
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
    }

    private static Tab tab(String id, String title, Feather icon, javafx.scene.Node body) {
        Tab t = new Tab(title, body);
        t.setId(id);
        t.setGraphic(Ui.icon(icon));
        return t;
    }

    public Parent root() {
        return root;
    }

    public ComplianceViewModel viewModel() {
        return vm;
    }

    /** Shows a tab: 0 suppressions, 1 blocks by rule, 2 audit log. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }
}
