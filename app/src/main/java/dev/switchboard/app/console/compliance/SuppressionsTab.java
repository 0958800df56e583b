package dev.switchboard.app.console.compliance;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.suppressions.SuppressionService;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The Suppressions tab of the Compliance screen. Binds to {@link SuppressionsModel}. */
final class SuppressionsTab {
    private final SuppressionsModel vm;
    private final VBox root = new VBox();

    SuppressionsTab(SuppressionsModel vm) {
        this.vm = vm;
        root.getStyleClass().add("tab-body");
        root.setSpacing(8);
        root.setStyle("-fx-padding: 12 16 12 16;");
        SplitPane split = new SplitPane(suppressionsPane(), pendingPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(toolbar(), syncRow(), outcome(), importReport(), split);
    }

    Node root() {
        return root;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node toolbar() {
        TextField search = new TextField();
        search.setId("suppressionSearch");
        search.setPromptText("Search address: digits, or part of an email");
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setOnAction(e -> vm.search());
        search.setPrefColumnCount(24);
        search.setMinWidth(180);
        HBox.setHgrow(search, Priority.SOMETIMES);
        ComboBox<Choices.KindFilter> kind = new ComboBox<>();
        kind.setId("kindFilter");
        kind.getItems().setAll(Choices.KindFilter.values());
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        ComboBox<Choices.ChannelChoice> channel = new ComboBox<>();
        channel.setId("channelFilter");
        channel.getItems().setAll(Choices.ChannelChoice.values());
        channel.setConverter(Ui.itemLabels(channel::getItems, Choices.ChannelChoice::filterLabel));
        channel.valueProperty().bindBidirectional(vm.channelFilterProperty());

        Button add = Ui.button("addSuppressionButton", "Add…", Feather.PLUS);
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> SuppressionDialogs.add(window(), vm));
        shownWhen(add, vm.canChangeProperty());
        Button remove = Ui.button("requestRemovalButton", "Request removal…", Feather.USER_MINUS);
        remove.setOnAction(e -> requestRemoval());
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                        || vm.removalPending(vm.selectedProperty().get()) || vm.busyProperty().get(),
                vm.selectedProperty(), vm.busyProperty(), vm.pendingVersionProperty()));
        shownWhen(remove, vm.canChangeProperty());
        Button importCsv = Ui.button("importCsvButton", "Import CSV…", Feather.UPLOAD);
        importCsv.setOnAction(e -> vm.importCsv());
        importCsv.disableProperty().bind(vm.busyProperty());
        shownWhen(importCsv, vm.canDecideProperty());
        Button exportCsv = Ui.button("exportCsvButton", "Export CSV…", Feather.DOWNLOAD);
        exportCsv.setOnAction(e -> vm.exportCsv());
        exportCsv.disableProperty().bind(vm.busyProperty());
        shownWhen(exportCsv, vm.canChangeProperty());
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {kind, channel, add, remove,
                importCsv, exportCsv}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(search, kind, channel, Ui.spacer(), add, remove, importCsv, exportCsv);
        bar.getStyleClass().add("settings-actions");
        return bar;
    }

    private void requestRemoval() {
        SuppressionService.Entry e = vm.selectedProperty().get();
        if (e == null) {
            return;
        }
        SuppressionDialogs.reason(window(), "Request removal", "requestRemoval", "Ask for the suppression of "
                        + e.suppression().key() + " (" + Choices.kind(e.suppression().kind()) + ", "
                        + Choices.channel(e.suppression().channel()) + ") to be lifted. Nothing changes until a"
                        + " different compliance or admin profile approves.", "Request removal", true, true,
                reason -> vm.requestRemoval(e, reason));
    }

    private static void shownWhen(Node n, javafx.beans.value.ObservableBooleanValue shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }

    private Node syncRow() {
        Label text = Ui.label("syncText", "", "muted");
        text.textProperty().bind(vm.syncTextProperty());
        text.setWrapText(true);
        Button sync = Ui.button("syncDncButton", "Sync with Genesys DNC", Feather.REFRESH_CW);
        sync.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sync.setOnAction(e -> vm.syncDnc());
        sync.disableProperty().bind(vm.syncingProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.syncingProperty());
        busy.managedProperty().bind(vm.syncingProperty());
        HBox row = new HBox(Ui.icon(Feather.PHONE_OFF), text, Ui.spacer(), busy, sync);
        row.getStyleClass().add("settings-actions");
        return row;
    }

    private Node outcome() {
        Label outcome = Ui.label("suppressionOutcome", "");
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.setWrapText(true);
        vm.outcomeOkProperty().subscribe(ok -> {
            outcome.getStyleClass().removeAll("check-ok", "problem-text");
            outcome.getStyleClass().add(ok ? "check-ok" : "problem-text");
        });
        outcome.managedProperty().bind(vm.outcomeProperty().isNotNull());
        outcome.visibleProperty().bind(vm.outcomeProperty().isNotNull());
        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setPrefWidth(260);
        progress.progressProperty().bind(vm.importProgressProperty());
        progress.visibleProperty().bind(vm.importProgressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        HBox row = new HBox(outcome, progress);
        row.getStyleClass().add("settings-actions");
        return row;
    }

    private Node importReport() {
        ListView<String> problems = new ListView<>(vm.importProblems());
        problems.setId("importProblems");
        problems.setPrefHeight(120);
        Button dismiss = Ui.button("dismissReportButton", "Dismiss", Feather.X);
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setOnAction(e -> vm.dismissReport());
        HBox head = new HBox(Ui.label(null, "Rows to fix (line, column: problem); nothing was imported",
                "section-title"), Ui.spacer(), dismiss);
        head.getStyleClass().add("settings-actions");
        VBox box = new VBox(6, head, problems);
        box.setId("importReport");
        Runnable show = () -> {
            box.setVisible(!vm.importProblems().isEmpty());
            box.setManaged(!vm.importProblems().isEmpty());
        };
        vm.importProblems().addListener((ListChangeListener<String>) c -> show.run());
        show.run();
        return box;
    }

    private Node suppressionsPane() {
        TableView<SuppressionService.Entry> table = Tables.table("suppressionsTable", "No suppressions match");
        table.setItems(vm.entries());
        table.getColumns().add(Tables.column("Address", 200, e -> e.suppression().key()));
        table.getColumns().add(Tables.column("Kind", 115, e -> Choices.kind(e.suppression().kind())));
        table.getColumns().add(Tables.column("Channel", 100, e -> Choices.channel(e.suppression().channel())));
        table.getColumns().add(Tables.column("Last day", 90, e -> e.suppression().expiresAt() == null ? "never"
                : e.suppression().expiresAt().minusNanos(1).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .toString()));
        table.getColumns().add(Tables.column("Added", 200, e -> Formats.instant(e.createdAt()) + " · "
                + e.createdBy()));
        table.getColumns().add(Tables.column("Source", 130, SuppressionService.Entry::source));
        table.getColumns().add(Tables.column("Status", 150, e -> vm.removalPending(e) ? "removal pending"
                : "active"));
        table.getColumns().add(Tables.column("Reason", 260, e -> e.suppression().reason()));
        vm.pendingVersionProperty().addListener((o, was, now) -> table.refresh());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().subscribe(s -> {
            if (s != table.getSelectionModel().getSelectedItem()) {
                if (s == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(s);
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label pageLabel = Ui.label("suppressionsPage", "", "muted");
        pageLabel.textProperty().bind(vm.pageProperty().map(SuppressionsModel::pageLabel).orElse("…"));
        Button prev = Ui.button("suppressionsPrevious", "Previous", Feather.CHEVRON_LEFT);
        prev.getStyleClass().add(Styles.FLAT);
        prev.setOnAction(e -> vm.previousPage());
        prev.disableProperty().bind(vm.pageProperty().map(p -> p.offset() == 0).orElse(true));
        Button next = Ui.button("suppressionsNext", "Next", Feather.CHEVRON_RIGHT);
        next.getStyleClass().add(Styles.FLAT);
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.pageProperty().map(p -> p.offset() + p.entries().size() >= p.total())
                .orElse(true));
        HBox pager = new HBox(pageLabel, Ui.spacer(), prev, next);
        pager.getStyleClass().add("settings-actions");
        return new VBox(6, table, pager);
    }

    private Node pendingPane() {
        TableView<SuppressionService.RemovalRequest> table = Tables.table("pendingTable",
                "No removals waiting for approval");
        table.setItems(vm.pending());
        table.getColumns().add(Tables.column("Address", 200, r -> r.suppression().suppression().key()));
        table.getColumns().add(Tables.column("Kind", 100, r -> Choices.kind(r.suppression().suppression().kind())));
        table.getColumns().add(Tables.column("Channel", 100,
                r -> Choices.channel(r.suppression().suppression().channel())));
        table.getColumns().add(Tables.column("Asked by", 120, SuppressionService.RemovalRequest::requestedBy));
        table.getColumns().add(Tables.column("Asked", 140, r -> Formats.instant(r.requestedAt())));
        table.getColumns().add(Tables.column("Reason", 300, SuppressionService.RemovalRequest::reason));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedRequestProperty().get()) {
                vm.selectedRequestProperty().set(now);
            }
        });
        vm.selectedRequestProperty().subscribe(r -> {
            if (r == null) {
                table.getSelectionModel().clearSelection();
            } else if (r != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(r);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button approve = Ui.button("approveRemovalButton", "Approve", Feather.CHECK);
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.setOnAction(e -> vm.approveSelected());
        approve.disableProperty().bind(vm.canApproveProperty().not().or(vm.busyProperty()));
        shownWhen(approve, vm.canDecideProperty());
        Button reject = Ui.button("rejectRemovalButton", "Reject…", Feather.X);
        reject.setOnAction(e -> {
            boolean own = vm.selectedIsOwn();
            SuppressionDialogs.reason(window(), own ? "Withdraw request" : "Reject removal", "rejectRemoval",
                    own ? "Withdraw your request? The suppression stays." : "Reject this removal? The suppression"
                            + " stays; the one who asked sees your note in the audit log.",
                    own ? "Withdraw" : "Reject", false, false, note -> {
                        vm.rejectSelected(note);
                        return null;
                    });
        });
        reject.disableProperty().bind(vm.canRejectProperty().not().or(vm.busyProperty()));
        Label hint = Ui.label("pendingHint", "", "muted");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedRequestProperty().get() != null
                        && vm.selectedIsOwn() ? "You asked for this removal: a different compliance or admin profile"
                        + " approves it." : vm.canDecideProperty().get() ? "Lifting a suppression takes two people: the"
                        + " one who asked never approves." : "A compliance or admin profile approves removals.",
                vm.selectedRequestProperty(), vm.canDecideProperty()));
        HBox head = new HBox(Ui.label(null, "Pending removals", "section-title"), hint, Ui.spacer(), approve, reject);
        head.getStyleClass().add("settings-actions");
        VBox box = new VBox(6, head, table);
        box.setStyle("-fx-padding: 8 0 0 0;");
        return box;
    }
}
