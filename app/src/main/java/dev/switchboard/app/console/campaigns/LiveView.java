package dev.switchboard.app.console.campaigns;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.campaigns.CampaignService.StepStats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The live view of one campaign: header with its state and actions, the circuit-breaker banner, progress, and tabs:
 * Live (funnel, sends per minute, API use, events), Steps (every figure per step) and Forecast.
 */
final class LiveView {
    /** The funnel chart's series: a name and how to count it from a step's figures. */
    private record FunnelSeries(String name, ToIntFunction<StepStats> count) {
    }

    private static final List<FunnelSeries> FUNNEL = List.of(
            new FunnelSeries("waiting", s -> s.ready() + s.inFlight() + s.awaiting() + s.held()),
            new FunnelSeries("sent", StepStats::sent),
            new FunnelSeries("failed", s -> s.failed() + s.notSent() + s.unknown()),
            new FunnelSeries("blocked", StepStats::blocked),
            new FunnelSeries("skipped", StepStats::skipped),
            new FunnelSeries("exited", StepStats::exited));

    private final LiveViewModel vm;
    private final VBox root = new VBox();
    private final TabPane tabs = new TabPane();
    private final Tab forecastTab = new Tab("Forecast");

    LiveView(LiveViewModel vm) {
        this.vm = vm;
        root.setId("liveView");
        root.getStyleClass().add("live-view");
        tabs.getTabs().addAll(liveTab(), stepsTab(), forecastTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("liveTabs");
        onlySelectedInScene(tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(header(), breakerBanner(), lifeSafetyLine(), progressRow(), tabs);
        vm.lastLaunchProperty().addListener((obs, was, now) -> {
            if (now != null && root.getScene() != null) {
                LaunchChecklist.show(root.getScene().getWindow(), now, vm::dismissLaunch);
            }
        });
    }

    Parent root() {
        return root;
    }

    /**
     * Keeps only the selected tab's content in the scene (a tab pane keeps every tab's, hidden): each time the
     * Campaigns screen comes back its nodes get their CSS anew, and the Steps table and the forecast's charts need
     * not, nor their layout while hidden.
     */
    private static void onlySelectedInScene(TabPane tabs) {
        java.util.Map<Tab, Node> contents = new java.util.HashMap<>();
        tabs.getTabs().forEach(t -> contents.put(t, t.getContent()));
        // by the selection model's item: a tab's own selected flag changes after it
        Runnable attach = () -> tabs.getTabs().forEach(t -> t.setContent(
                t == tabs.getSelectionModel().getSelectedItem() ? contents.get(t) : null));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> attach.run());
        attach.run();
    }

    private Node header() {
        Label name = Ui.label("liveName", "", Styles.TITLE_3);
        name.textProperty().bind(vm.campaignProperty().map(CampaignBackend.Summary::name));
        StateChip chip = new StateChip();
        chip.setId("liveState");
        vm.stateProperty().subscribe(chip::show);
        Label headline = Ui.label("liveHeadline", "", "muted");
        headline.textProperty().bind(vm.headlineProperty());
        HBox title = new HBox(8, name, chip);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        title.setMinWidth(0);
        name.setMinWidth(0);

        Button launch = action("launchButton", "Launch…", Feather.PLAY, vm::launch);
        launch.getStyleClass().add(Styles.ACCENT);
        show(launch, vm.canLaunchProperty());
        Button approve = action("approveButton", "Approve (second person)…", Feather.USER_CHECK,
                vm::approveLifeSafety);
        show(approve, vm.canApproveProperty());
        Button pause = action("pauseButton", "Pause…", Feather.PAUSE, vm::pause);
        show(pause, vm.canPauseProperty());
        Button resume = action("resumeButton", "Resume…", Feather.PLAY, vm::resume);
        show(resume, vm.canResumeProperty().and(vm.breakerProperty().isNull()));
        Button stop = action("stopButton", "Stop…", Feather.SQUARE, vm::stop);
        stop.getStyleClass().add(Styles.DANGER);
        show(stop, vm.canStopProperty());
        Button forecast = action("forecastButton", "Forecast", Feather.TRENDING_UP, () -> {
            tabs.getSelectionModel().select(forecastTab);
            vm.forecast().run();
        });
        forecast.disableProperty().bind(vm.forecast().runningProperty());
        HBox bar = new HBox(8, title, Ui.spacer(), launch, approve, pause, resume, stop, forecast);
        bar.getStyleClass().add("live-header");
        return new VBox(2, bar, headline);
    }

    private static Button action(String id, String text, Feather icon, Runnable run) {
        Button b = Ui.button(id, text, icon);
        b.setOnAction(e -> run.run());
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    private static void show(Node n, javafx.beans.value.ObservableValue<Boolean> when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }

    private Node breakerBanner() {
        Message banner = new Message("Circuit breaker tripped", "");
        banner.setId("breakerBanner");
        banner.getStyleClass().add(Styles.DANGER);
        banner.setGraphic(Ui.icon(Feather.ALERT_OCTAGON));
        banner.descriptionProperty().bind(vm.breakerProperty().map(r -> "The engine paused this campaign: " + r
                + ". Look into it, then acknowledge and resume (audited with the breaker's reason)."));
        Button ack = Ui.button("acknowledgeButton", "Acknowledge and resume…", Feather.CHECK);
        ack.setOnAction(e -> vm.resume());
        ack.disableProperty().bind(vm.busyProperty());
        banner.setActionHandler(null);
        VBox box = new VBox(6, banner, new HBox(ack));
        box.getStyleClass().add("banner-box");
        show(box, vm.breakerProperty().isNotNull());
        return box;
    }

    private Node lifeSafetyLine() {
        Label l = Ui.label("lifeSafetyState", "", "life-safety");
        l.setGraphic(Ui.icon(Feather.SHIELD));
        l.textProperty().bind(vm.lifeSafetyProperty());
        show(l, vm.lifeSafetyProperty().isNotNull());
        return l;
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("liveProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = Ui.label("liveProgressText", "", "muted");
        text.textProperty().bind(vm.progressTextProperty());
        text.setMinWidth(Label.USE_PREF_SIZE);
        Label reason = Ui.label("liveStateReason", "", "muted");
        reason.textProperty().bind(vm.stateReasonProperty().map(r -> "· " + r));
        show(reason, vm.stateReasonProperty().isNotNull().and(vm.breakerProperty().isNull()));
        HBox row = new HBox(12, bar, text, reason);
        row.getStyleClass().add("live-progress");
        return row;
    }

    // ---- Live tab -----------------------------------------------------------------------------------------------

    private Tab liveTab() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("live-grid");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        grid.add(panel("Funnel per step", funnelChart()), 0, 0);
        grid.add(panel("Sends per minute", throughputChart()), 1, 0);
        grid.add(panel("API requests per minute (engine) vs the org limit", apiChart()), 0, 1);
        grid.add(panel("Events, newest first", eventsTable()), 1, 1);
        Button launch = Ui.button("draftLaunchButton", "Launch…", Feather.PLAY);
        launch.getStyleClass().add(Styles.ACCENT);
        launch.setOnAction(e -> vm.launch());
        launch.disableProperty().bind(vm.canLaunchProperty().not());
        VBox note = Ui.emptyState(Feather.SEND, "Not launched yet", "Launch runs the checks first (templates"
                + " approved, senders, do-not-call data, the org) and shows each one; when all pass the list is"
                + " enrolled and this view follows the campaign live. Forecast shows when it would finish.", launch);
        note.setId("draftNote");
        note.setMaxWidth(560);
        javafx.beans.binding.BooleanBinding draft = vm.stateProperty().isEqualTo(CampaignState.DRAFT);
        note.visibleProperty().bind(draft);
        grid.visibleProperty().bind(draft.not());
        Tab tab = new Tab("Live", new javafx.scene.layout.StackPane(grid, note));
        tab.setId("liveTab");
        return tab;
    }

    static VBox panel(String title, Node content) {
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, Ui.label(null, title, "section-title"), content);
        box.getStyleClass().add("chart-panel");
        box.setMinSize(0, 0);
        return box;
    }

    private Node funnelChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        // side by side, not stacked: enrollments waiting at a step and its touches' outcomes overlap (a sent SMS
        // awaiting its receipt is both), so a stack would add them up into a total that means nothing
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setBarGap(1);
        chart.setId("funnelChart");
        chart.setAnimated(false);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setMinSize(0, 0);
        Runnable redraw = () -> {
            List<StepStats> steps = List.copyOf(vm.steps());
            List<String> names = steps.stream().map(StepStats::step).toList();
            boolean sameSteps = names.equals(x.getCategories());
            if (!sameSteps) {
                x.setCategories(FXCollections.observableArrayList(names));
                chart.setCategoryGap(steps.size() <= 2 ? 120 : steps.size() <= 4 ? 40 : 16);
            }
            if (chart.getData().size() != FUNNEL.size()) {
                chart.getData().setAll(FUNNEL.stream().map(f -> {
                    XYChart.Series<String, Number> s = new XYChart.Series<>();
                    s.setName(f.name());
                    return s;
                }).toList());
            }
            for (int i = 0; i < FUNNEL.size(); i++) {
                FunnelSeries f = FUNNEL.get(i);
                setValues(chart.getData().get(i), names, steps.stream().map(s -> (Number) f.count().applyAsInt(s))
                        .toList());
            }
        };
        vm.steps().addListener((javafx.collections.ListChangeListener<StepStats>) c -> redraw.run());
        redraw.run();
        return chart;
    }

    /** A chart of sends by channel: not animated, legend on the right, one series per channel (SMS, email, voice). */
    static <C extends XYChart<String, Number>> C perChannel(C chart, String id) {
        chart.setId(id);
        chart.setAnimated(false);
        chart.setMinSize(0, 0);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        for (String ch : LiveViewModel.CHANNELS) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(ch.equals("sms") ? "SMS" : ch);
            chart.getData().add(s);
        }
        return chart;
    }

    private Node throughputChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        LineChart<String, Number> chart = perChannel(new LineChart<>(x, y), "throughputChart");
        chart.setCreateSymbols(false);
        Runnable redraw = () -> {
            List<LiveViewModel.MinuteSends> minutes = List.copyOf(vm.throughput());
            List<String> labels = minutes.stream().map(LiveViewModel.MinuteSends::minute).toList();
            if (!labels.equals(x.getCategories())) {
                x.setCategories(FXCollections.observableArrayList(labels));
            }
            for (int i = 0; i < LiveViewModel.CHANNELS.size(); i++) {
                String ch = LiveViewModel.CHANNELS.get(i);
                setValues(chart.getData().get(i), labels, minutes.stream().map(m -> (Number) m.perChannel()
                        .getOrDefault(ch, 0)).toList());
            }
            rangeFor(y, minutes.stream().flatMap(m -> m.perChannel().values().stream()).mapToInt(Integer::intValue)
                    .max().orElse(0));
        };
        vm.throughput().addListener((javafx.collections.ListChangeListener<LiveViewModel.MinuteSends>) c ->
                redraw.run());
        redraw.run();
        return chart;
    }

    private Node apiChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId("apiChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinSize(0, 0);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        List<String> names = List.of("requests/min", "pacer budget", "org limit");
        List<Function<LiveViewModel.ApiSample, Number>> values = List.of(LiveViewModel.ApiSample::requestsPerMinute,
                LiveViewModel.ApiSample::budgetPerMinute, LiveViewModel.ApiSample::orgLimit);
        for (String n : names) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(n);
            chart.getData().add(s);
        }
        Runnable redraw = () -> {
            List<LiveViewModel.ApiSample> samples = List.copyOf(vm.api());
            x.setCategories(FXCollections.observableArrayList(samples.stream().map(LiveViewModel.ApiSample::time)
                    .toList()));
            for (int i = 0; i < names.size(); i++) {
                Function<LiveViewModel.ApiSample, Number> v = values.get(i);
                chart.getData().get(i).getData().setAll(samples.stream()
                        .map(a -> new XYChart.Data<String, Number>(a.time(), v.apply(a))).toList());
            }
            rangeFor(y, samples.stream().mapToDouble(a -> Math.max(a.orgLimit(), a.requestsPerMinute())).max()
                    .orElse(0));
        };
        vm.api().addListener((javafx.collections.ListChangeListener<LiveViewModel.ApiSample>) c -> redraw.run());
        redraw.run();
        return chart;
    }

    private Node eventsTable() {
        TableView<LiveViewModel.EventRow> table = new TableView<>(vm.events());
        table.setId("eventsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                fixed(column("Time", 82, LiveViewModel.EventRow::time)),
                fixed(column("Kind", 98, LiveViewModel.EventRow::kind)),
                fixed(column("Contact", 84, LiveViewModel.EventRow::contact)),
                fixed(column("Step", 90, LiveViewModel.EventRow::step)),
                column("Detail", 200, LiveViewModel.EventRow::detail)));
        table.setPlaceholder(Ui.label(null, "No events yet", "muted"));
        table.setMinSize(0, 0);
        if (vm.canOpenTimeline()) {
            // a double click, Enter or the context menu opens the event's contact's timeline
            Runnable open = () -> vm.openTimeline(table.getSelectionModel().getSelectedItem());
            javafx.scene.control.MenuItem timeline = Ui.rowAction(table, "eventTimeline",
                    "Open the contact's timeline", open);
            table.getContextMenu().setOnShowing(e -> {
                LiveViewModel.EventRow row = table.getSelectionModel().getSelectedItem();
                timeline.setDisable(row == null || row.contactId() == 0);
            });
        }
        return table;
    }

    // ---- Steps tab ----------------------------------------------------------------------------------------------

    private Tab stepsTab() {
        TableView<StepStats> table = new TableView<>(vm.steps());
        table.setId("stepsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Step", 120, StepStats::step),
                column("Kind", 70, StepStats::kind),
                column("Channel", 70, s -> s.channel() == null ? "" : s.channel()),
                number("Ready", StepStats::ready), number("Due", StepStats::due),
                number("In flight", StepStats::inFlight), number("Awaiting", StepStats::awaiting),
                number("Held", StepStats::held), number("Sent", StepStats::sent),
                number("Delivered", StepStats::delivered), number("Failed", StepStats::failed),
                number("Not sent", StepStats::notSent), number("Unknown", StepStats::unknown),
                number("Blocked", StepStats::blocked), number("Deferred", StepStats::deferred),
                number("Skipped", StepStats::skipped), number("Exited", StepStats::exited)));
        table.setPlaceholder(Ui.label(null, "No figures yet", "muted"));
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        Tab tab = new Tab("Steps", box);
        tab.setId("stepsTab");
        return tab;
    }

    private Tab forecastTab() {
        forecastTab.setContent(new ForecastView(vm.forecast()).root());
        forecastTab.setId("forecastTab");
        return forecastTab;
    }

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static <S> TableColumn<S, String> fixed(TableColumn<S, String> c) {
        c.setMinWidth(c.getPrefWidth());
        return c;
    }

    /** Wide bars look like walls: few categories get wide gaps. */
    static void gapFor(javafx.scene.chart.StackedBarChart<String, Number> chart, int categories) {
        chart.setCategoryGap(categories <= 1 ? 240 : categories <= 3 ? 90 : categories <= 6 ? 40 : 12);
    }

    /**
     * Puts {@code values} at {@code categories} into {@code series}: when the series already has those categories in
     * that order, only the values that changed are set, so that its nodes (a bar chart's bars) are kept and their
     * CSS not applied anew; otherwise its data is replaced.
     */
    static void setValues(XYChart.Series<String, Number> series, List<String> categories, List<Number> values) {
        var data = series.getData();
        boolean same = data.size() == categories.size();
        for (int i = 0; same && i < data.size(); i++) {
            same = data.get(i).getXValue().equals(categories.get(i));
        }
        if (!same) {
            List<XYChart.Data<String, Number>> fresh = new java.util.ArrayList<>(categories.size());
            for (int i = 0; i < categories.size(); i++) {
                fresh.add(new XYChart.Data<>(categories.get(i), values.get(i)));
            }
            data.setAll(fresh);
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            if (!data.get(i).getYValue().equals(values.get(i))) {
                data.get(i).setYValue(values.get(i));
            }
        }
    }

    /** An axis over nothing but zeros shows 0 to 5, not a single "0.0". */
    static void rangeFor(NumberAxis y, double max) {
        if (max <= 0) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(5);
            y.setTickUnit(1);
        } else {
            y.setAutoRanging(true);
        }
    }

    private static TableColumn<StepStats, String> number(String title, ToIntFunction<StepStats> value) {
        TableColumn<StepStats, String> c = column(title, 72, s -> dev.switchboard.app.console.common.Formats.count(
                value.applyAsInt(s)));
        c.getStyleClass().add(Styles.TEXT_MUTED);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
