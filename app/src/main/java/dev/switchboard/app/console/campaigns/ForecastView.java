package dev.switchboard.app.console.campaigns;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The forecast of the selected campaign: Run with a progress bar and Cancel; then sends per day per channel, the
 * finish and peak API use, and the rules that blocked or deferred touches.
 */
final class ForecastView {
    private final ForecastViewModel vm;
    private final VBox root = new VBox(12);

    ForecastView(ForecastViewModel vm) {
        this.vm = vm;
        root.setId("forecastView");
        root.getStyleClass().add("tab-body");
        Node report = report();
        VBox.setVgrow(report, Priority.ALWAYS);
        root.getChildren().addAll(toolbar(), report);
    }

    Parent root() {
        return root;
    }

    private Node toolbar() {
        Button run = Ui.button("forecastRun", "Run forecast", Feather.TRENDING_UP);
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty().or(vm.campaignProperty().isNull()));
        Button cancel = Ui.button("forecastCancel", "Cancel", Feather.X);
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("forecastProgress");
        bar.setPrefWidth(240);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = Ui.label("forecastProgressText", "", "muted");
        progress.textProperty().bind(vm.progressTextProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = Ui.label("forecastMessage", "", "muted");
        message.textProperty().bind(vm.messageProperty());
        Label about = Ui.label(null, "From now, over the list as it is, on the sandbox's seeded world; nothing is"
                + " written.", "muted");
        HBox bar2 = new HBox(12, run, cancel, bar, progress, message, Ui.spacer());
        bar2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, bar2, about);
    }

    private Node report() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        StackedBarChart<String, Number> chart = LiveView.perChannel(new StackedBarChart<>(x, y), "forecastChart");
        Runnable redraw = () -> {
            List<ForecastViewModel.DaySends> days = List.copyOf(vm.days());
            x.setCategories(FXCollections.observableArrayList(days.stream().map(ForecastViewModel.DaySends::day)
                    .toList()));
            LiveView.gapFor(chart, days.size());
            for (int i = 0; i < LiveViewModel.CHANNELS.size(); i++) {
                String ch = LiveViewModel.CHANNELS.get(i);
                chart.getData().get(i).getData().setAll(days.stream().map(d -> new XYChart.Data<String, Number>(
                        d.day(), d.perChannel().getOrDefault(ch, 0))).toList());
            }
        };
        vm.days().addListener((ListChangeListener<ForecastViewModel.DaySends>) c -> redraw.run());

        GridPane facts = new GridPane();
        facts.setId("forecastFacts");
        facts.getStyleClass().add("facts-grid");
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(labels, values);
        vm.facts().addListener((ListChangeListener<ForecastViewModel.Fact>) c -> {
            facts.getChildren().clear();
            int row = 0;
            for (ForecastViewModel.Fact f : vm.facts()) {
                Label label = Ui.label(null, f.label(), "fact-label");
                label.setMinWidth(Label.USE_PREF_SIZE);
                Label value = new Label(f.value());
                value.setWrapText(true);
                value.setMaxWidth(Double.MAX_VALUE);
                value.setMinHeight(Label.USE_PREF_SIZE);
                if (f.label().equals("Finish")) {
                    value.setId("forecastFinish");
                }
                facts.addRow(row++, label, value);
            }
        });

        TableView<ForecastViewModel.RuleRow> rules = new TableView<>(vm.rules());
        rules.setId("forecastRules");
        rules.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.getColumns().setAll(List.of(
                LiveView.column("Rule", 220, ForecastViewModel.RuleRow::rule),
                LiveView.column("Kind", 90, ForecastViewModel.RuleRow::kind),
                LiveView.column("Touches", 90, r -> Formats.count(r.count()))));
        rules.setPlaceholder(Ui.label(null, "No touch was blocked or deferred", "muted"));
        rules.setMinHeight(120);

        VBox left = LiveView.panel("Sends per day (UTC)", chart);
        VBox summary = LiveView.panel("Summary", facts);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox right = new VBox(12, summary, LiveView.panel("Blocks and deferrals per rule", rules));
        VBox.setVgrow(right.getChildren().get(1), Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setPrefWidth(500);
        right.setPrefWidth(460);
        right.setMinWidth(360);
        HBox body = new HBox(12, left, right);
        Label empty = Ui.label("forecastEmpty", "Run the forecast to see when this campaign would finish, what it"
                + " would send each day and which rules would hold it back.", "muted");
        empty.setWrapText(true);
        VBox box = new VBox(body);
        VBox.setVgrow(body, Priority.ALWAYS);
        body.visibleProperty().bind(vm.reportProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        empty.visibleProperty().bind(vm.reportProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        box.getChildren().add(empty);
        return box;
    }
}
