package dev.switchboard.app.console.timeline;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.timeline.TimelineViewModel.Entry;
import dev.switchboard.engine.campaigns.Timelines;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The contact timeline screen: who and where (zones and their source), "why not now / when next", the lanes chart,
 * and every entry in a table; Refresh and Export evidence.
 */
public final class TimelineView {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TimelineViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Entry> table = new TableView<>();

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        root.setId("timelineScreen");
        root.getStyleClass().add("timeline-screen");
        root.setTop(header());
        VBox body = new VBox(12, nowCard(), chartCard(), tableCard());
        VBox.setVgrow(body.getChildren().getLast(), Priority.ALWAYS);
        body.setPadding(new Insets(0, 16, 12, 16));
        root.setCenter(body);
        Label message = Ui.label("timelineMessage", "", Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        HBox status = new HBox(message);
        status.setPadding(new Insets(4, 16, 8, 16));
        root.setBottom(status);
    }

    public Parent root() {
        return root;
    }

    private HBox header() {
        Label title = Ui.label("timelineTitle", "", Styles.TITLE_3);
        title.textProperty().bind(vm.titleProperty());
        Label subtitle = Ui.label("timelineSubtitle", "", Styles.TEXT_MUTED);
        subtitle.textProperty().bind(vm.subtitleProperty());
        VBox who = new VBox(2, title, subtitle);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        Button refresh = Ui.button("timelineRefresh", "Refresh", Feather.REFRESH_CW);
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        Button export = Ui.button("timelineExport", "Export evidence…", Feather.DOWNLOAD);
        export.setOnAction(e -> vm.exportEvidence());
        HBox header = new HBox(12, who, Ui.spacer(), busy, refresh, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        return header;
    }

    private VBox nowCard() {
        Label next = Ui.label("timelineNext", "", Styles.TEXT_BOLD);
        next.setWrapText(true);
        next.textProperty().bind(vm.nextProperty());
        Label why = Ui.label("timelineWhyNot", "");
        why.setWrapText(true);
        why.textProperty().bind(vm.whyNotProperty());
        TableView<Timelines.Rule> rules = new TableView<>(vm.rules());
        rules.setId("timelineRules");
        rules.getColumns().add(column("Rule", 200, Timelines.Rule::rule));
        rules.getColumns().add(column("Verdict", 90, Timelines.Rule::verdict));
        rules.getColumns().add(column("Reason", 360, Timelines.Rule::reason));
        rules.getColumns().add(column("Inputs", 360, Timelines.Rule::inputs));
        rules.setPrefHeight(170);
        rules.setMinHeight(150);
        rules.setPlaceholder(new Label("The gate has nothing to decide for this contact now."));
        rules.getStyleClass().add(Styles.DENSE);
        TitledPane trace = new TitledPane("Every rule the gate evaluated for the next touch now", rules);
        trace.setExpanded(false);
        trace.setId("timelineTrace");
        VBox card = new VBox(6, Ui.label(null, "Why not now, and when next", Styles.TITLE_4), next, why, trace);
        card.getStyleClass().add("timeline-card");
        return card;
    }

    private VBox chartCard() {
        TimelineChart chart = new TimelineChart(vm.entries(), () -> vm.nowProperty().get(),
                () -> vm.zoneProperty().get(), e -> {
            table.getSelectionModel().select(e);
            table.scrollTo(e);
        });
        vm.nowProperty().addListener((obs, was, now) -> chart.redraw());
        vm.zoneProperty().addListener((obs, was, now) -> chart.redraw());
        HBox legend = new HBox(14);
        legend.getStyleClass().add("timeline-legend");
        for (String[] l : new String[][] {{"DELIVERED", "delivered / answered"}, {"FAILED", "failed / no answer"},
                {"PENDING", "in flight"}, {"NOT_SENT", "not sent / skipped"}, {"BLOCKED", "blocked"},
                {"DEFERRED", "deferred"}, {"EXITED", "exit"}, {"INBOUND", "reply / intake"},
                {"PLANNED", "planned"}}) {
            TimelineViewModel.Mark mark = TimelineViewModel.Mark.valueOf(l[0]);
            javafx.scene.shape.Shape dot = TimelineChart.shape(mark, 0, 0);
            dot.getStyleClass().addAll("timeline-mark", "mark-" + mark.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            Label label = new Label(l[1], dot);
            label.getStyleClass().add(Styles.TEXT_SMALL);
            legend.getChildren().add(label);
        }
        VBox card = new VBox(6, chart, legend);
        card.getStyleClass().add("timeline-card");
        return card;
    }

    private VBox tableCard() {
        table.setItems(vm.entries());
        table.getColumns().add(column("Contact's local time", 190, Entry::local));
        table.getColumns().add(column("UTC", 205, e -> UTC.format(e.at())));
        table.getColumns().add(column("Lane", 130, e -> e.lane().label()));
        table.getColumns().add(column("What", 290, Entry::title));
        table.getColumns().add(column("Detail", 600, Entry::detail));
        table.setPlaceholder(new Label("Nothing has happened to this contact yet."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("planned"),
                        !empty && item != null && item.planned());
            }
        });
        table.getStyleClass().add(Styles.DENSE);
        table.setId("timelineTable");
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(160);
        VBox card = new VBox(table);
        VBox.setVgrow(card, Priority.ALWAYS);
        return card;
    }

    private static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return c;
    }
}
