package dev.switchboard.app.console.compliance;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.audit.AuditEntry;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Audit log tab: Verify (on a worker) with its verdict, and the log a page at a time, newest first. */
final class AuditTab {
    private final VBox root = new VBox(8);

    AuditTab(AuditModel vm) {
        root.getStyleClass().add("tab-body");
        root.setStyle("-fx-padding: 12 16 12 16;");
        Button verify = Ui.button("verifyAuditButton", "Verify", Feather.SHIELD);
        verify.getStyleClass().add(Styles.ACCENT);
        verify.setOnAction(e -> vm.verify());
        verify.disableProperty().bind(vm.verifyingProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.verifyingProperty());
        busy.managedProperty().bind(vm.verifyingProperty());
        Label verdict = Ui.label("auditVerdict", "");
        verdict.textProperty().bind(vm.verdictProperty().orElse("Each row's hash covers the row before it: Verify"
                + " walks the whole chain and finds any row changed, removed or added."));
        verdict.setWrapText(true);
        Runnable style = () -> {
            verdict.getStyleClass().removeAll("check-ok", "problem-text", "muted");
            verdict.getStyleClass().add(vm.verdictProperty().get() == null || vm.verifyingProperty().get() ? "muted"
                    : vm.intactProperty().get() ? "check-ok" : "problem-text");
        };
        vm.verdictProperty().subscribe(v -> style.run());
        vm.intactProperty().subscribe(v -> style.run());
        vm.verifyingProperty().subscribe(v -> style.run());

        Label page = Ui.label("auditPageLabel", "", "muted");
        page.textProperty().bind(vm.pageLabelProperty());
        Button newer = Ui.button("auditNewer", "Newer", Feather.CHEVRON_LEFT);
        newer.getStyleClass().add(Styles.FLAT);
        newer.setOnAction(e -> vm.newer());
        newer.disableProperty().bind(vm.hasNewerProperty().not());
        Button older = Ui.button("auditOlder", "Older", Feather.CHEVRON_RIGHT);
        older.getStyleClass().add(Styles.FLAT);
        older.setOnAction(e -> vm.older());
        older.disableProperty().bind(vm.hasOlderProperty().not());
        HBox bar = new HBox(verify, busy, verdict, Ui.spacer(), page, newer, older);
        bar.getStyleClass().add("settings-actions");
        HBox.setHgrow(verdict, Priority.SOMETIMES);

        TableView<AuditEntry> table = Tables.table("auditTable", "The audit log is empty");
        table.setItems(vm.entries());
        table.getColumns().add(Tables.column("#", 60, e -> Formats.count(e.seq())));
        table.getColumns().add(Tables.column("When", 150, e -> Formats.instant(e.at())));
        table.getColumns().add(Tables.column("Profile", 120, AuditEntry::actor));
        table.getColumns().add(Tables.column("OS login", 100, AuditEntry::osLogin));
        table.getColumns().add(Tables.column("Action", 190, AuditEntry::action));
        table.getColumns().add(Tables.column("Subject", 230, AuditEntry::subject));
        table.getColumns().add(Tables.column("Details", 400, AuditEntry::details));
        vm.selectedProperty().subscribe(s -> {
            if (s == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(s);
                table.scrollTo(s);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, table);
    }

    Node root() {
        return root;
    }
}
