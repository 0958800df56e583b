package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.CoalescingUpdater;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.model.contact.Channel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The forecast of the selected campaign: runs it in the background with progress and Cancel, then shows its report
 * as sends per day per channel, the rules that blocked or deferred touches, the finish and the peak API use.
 */
public final class ForecastViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MM-dd", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT);

    /** Sends on one day (UTC), by channel. */
    public record DaySends(String day, Map<String, Integer> perChannel) {
    }

    /** A rule that blocked or deferred touches: {@code kind} is "blocked" or "deferred". */
    public record RuleRow(String rule, String kind, int count) {
    }

    /** A line of the report's summary: what, and the figure. */
    public record Fact(String label, String value) {
    }

    private final CampaignBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper campaign = new ReadOnlyStringWrapper(this, "campaign");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<ForecastReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<DaySends> days = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final CoalescingUpdater<int[]> progressUpdates;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Cancellable handle = Cancellable.NONE;

    ForecastViewModel(CampaignBackend backend, TaskRunner tasks, DialogService dialogs) {
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.progressUpdates = new CoalescingUpdater<>(tasks::onUi, p -> {
            if (running.get()) {
                progress.set(p[1] == 0 ? -1 : (double) p[0] / p[1]);
                progressText.set(Formats.count(p[0]) + " of " + Formats.count(p[1], "contact", "contacts")
                        + " simulated");
            }
        });
    }

    /** Another campaign was selected: its forecast starts empty (a running one is cancelled). */
    void show(String name) {
        if (name != null && name.equals(campaign.get())) {
            return;
        }
        cancel();
        campaign.set(name);
        clear();
        message.set(null);
    }

    /** Runs the forecast from now over the list as it is. */
    public void run() {
        String name = campaign.get();
        if (name == null || running.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(-1);
        progressText.set("Preparing the forecast…");
        message.set(null);
        clear();
        handle = tasks.task(() -> backend.forecast(name, (ended, total, now) -> progressUpdates.offer(
                        new int[] {ended, total}), stop::get))
                .onSuccess(r -> {
                    if (r.cancelled()) {
                        message.set("Forecast cancelled.");
                    } else {
                        apply(r);
                    }
                })
                .onFailure(e -> {
                    message.set("The forecast failed: " + Actions.message(e));
                    dialogs.showError("Forecast of \"" + name + "\"", Actions.message(e));
                })
                .andFinally(() -> running.set(false))
                .start();
    }

    /** Stops a running forecast at its next step. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            handle.cancel();
            running.set(false);
            message.set("Forecast cancelled.");
        }
    }

    private void clear() {
        report.set(null);
        days.clear();
        rules.clear();
        facts.clear();
    }

    private void apply(ForecastReport r) {
        Map<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        r.sendsPerHour().forEach((hour, perChannel) -> {
            Map<String, Integer> day = byDay.computeIfAbsent(hour.atZone(ZoneOffset.UTC).toLocalDate(),
                    d -> new TreeMap<>());
            perChannel.forEach((ch, n) -> day.merge(ch.name().toLowerCase(Locale.ROOT), n, Integer::sum));
        });
        List<DaySends> d = new ArrayList<>();
        byDay.forEach((day, perChannel) -> d.add(new DaySends(DAY.format(day), perChannel)));
        days.setAll(d);
        List<RuleRow> r2 = new ArrayList<>();
        r.blocksPerRule().forEach((rule, n) -> r2.add(new RuleRow(rule, "blocked", n)));
        r.deferralsPerRule().forEach((rule, n) -> r2.add(new RuleRow(rule, "deferred", n)));
        r2.sort((a, b) -> Integer.compare(b.count(), a.count()));
        rules.setAll(r2);
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("Contacts", Formats.count(r.contacts())));
        f.add(new Fact("Start", when(r.start())));
        f.add(new Fact("Finish", r.finish() == null ? Formats.count(r.unfinished())
                + " contacts still running at the forecast's horizon" : when(r.finish()) + " (" + Formats.duration(Duration.between(r.start(),
                r.finish())) + " after the start)"));
        StringBuilder sends = new StringBuilder();
        for (Channel ch : Channel.values()) {
            if (!sends.isEmpty()) {
                sends.append(" · ");
            }
            sends.append(ch.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(Formats.count(r.sendsPerChannel().getOrDefault(ch, 0)));
        }
        f.add(new Fact("Sends", sends.toString()));
        f.add(new Fact("Peak API use", Formats.count(r.peakApiPerMinute()) + " requests in a minute"
                + (r.peakApiMinute() == null ? "" : " (" + when(r.peakApiMinute()) + ")") + " of a budget of "
                + Formats.count(r.apiBudgetPerMinute()) + "/min; " + Formats.count(r.apiRequests()) + " in all"));
        if (r.smsBoundBy() != null && !"nothing".equals(r.smsBoundBy())) {
            f.add(new Fact("SMS bound by", r.smsBoundBy()));
        }
        r.warnings().forEach(w -> f.add(new Fact("Warning", w)));
        facts.setAll(f);
        report.set(r);
        message.set("Forecast computed in " + Formats.duration(r.wallTime()) + " (sandbox world seed " + r.seed()
                + ").");
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneOffset.UTC));
    }

    public ReadOnlyStringProperty campaignProperty() {
        return campaign.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** How the last run ended (computed, cancelled, failed), or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ForecastReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<DaySends> days() {
        return days;
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ObservableList<Fact> facts() {
        return facts;
    }
}
