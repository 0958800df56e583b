package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.EngineEvent;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live view of one campaign: its state and progress, the per-step funnel, sends per minute per channel, the
 * engine's API use against the org limit, its latest events, and the operator's actions (launch, life-safety approval,
 * pause, resume, acknowledge a breaker, stop). Fed by {@link CampaignsViewModel}'s coalesced refresh.
 */
public final class LiveViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LiveViewModel.class);
    /** Events kept in the list, newest first. */
    public static final int EVENT_ROWS = 200;
    /** Minutes the throughput chart shows. */
    public static final int MINUTES = 15;
    /** Points the API chart keeps. */
    public static final int API_POINTS = 90;
    /** Event kinds that are a touch leaving (an agentless send, a dialer call). */
    static final Set<String> SEND_KINDS = Set.of("SENT", "CALLED");
    public static final List<String> CHANNELS = List.of("sms", "email", "voice");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** A row of the events list. */
    /** One event of the campaign; {@code contactId} 0 when it is not about one contact. */
    public record EventRow(String time, String kind, String contact, String step, String detail, long contactId) {
    }

    /** Sends in one minute, by channel (sms, email, voice). */
    public record MinuteSends(String minute, Map<String, Integer> perChannel) {
    }

    /** API requests per minute (all campaigns) at one moment, with the pacer's budget and the org limit. */
    public record ApiSample(String time, double requestsPerMinute, int budgetPerMinute, int orgLimit) {
    }

    private record Granted(Instant at, long granted) {
    }

    private final CampaignBackend backend;
    private final TaskRunner tasks;
    private final Actions actions;
    private final Runnable refresh;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<CampaignBackend.Summary> campaign = new ReadOnlyObjectWrapper<>(this,
            "campaign");
    private final ReadOnlyObjectWrapper<CampaignState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper stateReason = new ReadOnlyStringWrapper(this, "stateReason");
    private final ReadOnlyStringWrapper breaker = new ReadOnlyStringWrapper(this, "breaker");
    private final ReadOnlyStringWrapper lifeSafety = new ReadOnlyStringWrapper(this, "lifeSafety");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canLaunch = new ReadOnlyBooleanWrapper(this, "canLaunch");
    private final ReadOnlyBooleanWrapper canApprove = new ReadOnlyBooleanWrapper(this, "canApprove");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
    private final ReadOnlyObjectWrapper<CampaignService.LaunchReport> lastLaunch = new ReadOnlyObjectWrapper<>(this,
            "lastLaunch");
    private final ObservableList<CampaignService.StepStats> steps = FXCollections.observableArrayList();
    private final ObservableList<MinuteSends> throughput = FXCollections.observableArrayList();
    private final ObservableList<ApiSample> api = FXCollections.observableArrayList();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final Deque<Granted> granted = new ArrayDeque<>();
    private final ForecastViewModel forecast;
    private Map<String, String> stepChannels = Map.of();
    /** Contact list keys by store id, for the events' Contact column; the ids asked for, and those still to ask. */
    private final Map<Long, String> contactKeys = new HashMap<>();
    private final Set<Long> keysAsked = new java.util.HashSet<>();
    private final Set<Long> keysWanted = new java.util.LinkedHashSet<>();
    private boolean keysInFlight;
    private Instant engineNow;

    private java.util.function.LongConsumer timelineOpener;

    /** What opens a contact's timeline by its store id; without one, events offer none. */
    void setTimelineOpener(java.util.function.LongConsumer opener) {
        this.timelineOpener = opener;
    }

    /** Whether an event's contact timeline can be opened. */
    public boolean canOpenTimeline() {
        return timelineOpener != null;
    }

    /** Opens the timeline of the event's contact (nothing for an event about no contact). */
    public void openTimeline(EventRow row) {
        if (timelineOpener != null && row != null && row.contactId() != 0) {
            timelineOpener.accept(row.contactId());
        }
    }

    LiveViewModel(CampaignBackend backend, TaskRunner tasks, DialogService dialogs, Actions actions, Runnable refresh,
                  ZoneId zone) {
        this.backend = backend;
        this.tasks = tasks;
        this.actions = actions;
        this.refresh = refresh;
        this.zone = zone;
        this.forecast = new ForecastViewModel(backend, tasks, dialogs);
    }

    /** Shows {@code summary} (null: nothing selected); a different campaign starts with empty charts. */
    void show(CampaignBackend.Summary summary) {
        CampaignBackend.Summary was = campaign.get();
        boolean other = summary == null || was == null || summary.view().id() != was.view().id();
        if (other) {
            steps.clear();
            throughput.clear();
            events.clear();
            granted.clear();
            api.clear();
            stepChannels = Map.of();
            contactKeys.clear();
            keysAsked.clear();
            keysWanted.clear();
            lastLaunch.set(null);
            forecast.show(summary == null ? null : summary.name());
        }
        campaign.set(summary);
        if (summary == null) {
            state.set(null);
            headline.set("");
            return;
        }
        CampaignService.View v = summary.view();
        CampaignState s = summary.state();
        state.set(s);
        headline.set(v.purpose().replace('_', '-') + " · list " + v.list() + " · sequence " + v.sequence() + " v"
                + v.sequenceVersion());
        stateReason.set(v.stateReason());
        breaker.set(s == CampaignState.BREAKER ? breakerReason(v.stateReason()) : null);
        lifeSafety.set(!summary.lifeSafety() ? null : summary.lifeSafetyApprovedBy() != null
                ? "Life-safety approval: approved by " + summary.lifeSafetyApprovedBy()
                : "Life-safety approval: waiting for a second person (compliance or admin, not "
                        + v.createdBy() + ")");
        int enrolled = summary.enrolled();
        progress.set(enrolled == 0 ? 0 : (double) summary.done() / enrolled);
        progressText.set(enrolled == 0 ? "not launched" : Formats.count(summary.done()) + " of "
                + Formats.count(enrolled, "contact", "contacts") + " done");
        updateCommands();
    }

    /** A refresh came back: the campaign, its figures (null when they could not be read) and the engine. */
    void update(CampaignBackend.Summary summary, CampaignService.Stats stats, EngineStatus status,
                Collection<EngineEvent> recent) {
        show(summary);
        if (summary == null) {
            return;
        }
        if (stats != null) {
            if (!stats.steps().equals(steps)) {
                steps.setAll(stats.steps());
            }
            Map<String, String> channels = new HashMap<>();
            stats.steps().forEach(st -> {
                if (st.channel() != null) {
                    channels.put(st.step(), st.channel());
                }
            });
            stepChannels = channels;
        }
        if (status != null && status.now() != null) {
            engineNow = status.now();
            sampleApi(status);
        }
        eventsArrived(recent);
    }

    /** New engine events (all campaigns, newest first): the events list and the throughput chart. */
    void eventsArrived(Collection<EngineEvent> recent) {
        CampaignBackend.Summary c = campaign.get();
        if (c == null) {
            return;
        }
        long id = c.view().id();
        List<EventRow> rows = new ArrayList<>();
        Instant latest = engineNow;
        List<EngineEvent> sends = new ArrayList<>();
        for (EngineEvent e : recent) {
            if (e.campaignId() != id) {
                continue;
            }
            if (rows.size() < EVENT_ROWS) {
                rows.add(new EventRow(SECOND.format(e.at().atZone(zone)), e.kind(), contactLabel(e.contactId()),
                        e.step() == null ? "" : e.step(), e.detail() == null ? "" : e.detail(), e.contactId()));
            }
            if (SEND_KINDS.contains(e.kind())) {
                sends.add(e);
            }
            if (latest == null || e.at().isAfter(latest)) {
                latest = e.at();
            }
        }
        if (!rows.equals(events)) {
            events.setAll(rows);
        }
        requestKeys();
        if (latest != null) {
            List<MinuteSends> minutes = perMinute(sends, latest);
            if (!minutes.equals(throughput)) {
                throughput.setAll(minutes);
            }
        }
    }

    /**
     * The contact's list key once known ("C-1001"), "#id" until then: unknown ids are looked up on a worker (a
     * handful per refresh; the keys are kept for the campaign) and the rows relabelled when they come back.
     */
    private String contactLabel(long contactId) {
        if (contactId == 0) {
            return "";
        }
        String key = contactKeys.get(contactId);
        if (key != null) {
            return key;
        }
        if (keysAsked.add(contactId)) {
            keysWanted.add(contactId);
        }
        return "#" + contactId;
    }

    /** Looks up the keys {@link #contactLabel} found missing, unless a lookup is under way (it asks again after). */
    private void requestKeys() {
        if (!keysInFlight && !keysWanted.isEmpty()) {
            keysInFlight = true;
            lookUpKeys();
        }
    }

    private void lookUpKeys() {
        Set<Long> ids = Set.copyOf(keysWanted);
        keysWanted.clear();
        if (ids.isEmpty()) {
            keysInFlight = false;
            return;
        }
        tasks.run(() -> backend.contactKeys(ids), found -> {
            contactKeys.putAll(found);
            List<EventRow> relabelled = events.stream().map(r -> r.contactId() != 0 && found.containsKey(
                    r.contactId()) ? new EventRow(r.time(), r.kind(), found.get(r.contactId()), r.step(), r.detail(),
                    r.contactId()) : r).toList();
            if (!relabelled.equals(events)) {
                events.setAll(relabelled);
            }
            lookUpKeys();
        }, failure -> {
            // the rows keep "#id"; asked again when the campaign is shown anew
            LOG.debug("contact keys not read: {}", failure.toString());
            keysInFlight = false;
        });
    }

    private List<MinuteSends> perMinute(List<EngineEvent> sends, Instant latest) {
        Instant last = latest.truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(Duration.ofMinutes(MINUTES - 1));
        Map<Instant, Map<String, Integer>> buckets = new LinkedHashMap<>();
        for (Instant m = first; !m.isAfter(last); m = m.plus(Duration.ofMinutes(1))) {
            Map<String, Integer> zero = new LinkedHashMap<>();
            CHANNELS.forEach(ch -> zero.put(ch, 0));
            buckets.put(m, zero);
        }
        for (EngineEvent e : sends) {
            Map<String, Integer> b = buckets.get(e.at().truncatedTo(ChronoUnit.MINUTES));
            if (b != null) {
                b.merge(stepChannels.getOrDefault(e.step(), "sms"), 1, Integer::sum);
            }
        }
        List<MinuteSends> out = new ArrayList<>();
        buckets.forEach((m, b) -> out.add(new MinuteSends(MINUTE.format(m.atZone(zone)), Map.copyOf(b))));
        return out;
    }

    private void sampleApi(EngineStatus status) {
        Granted last = granted.peekLast();
        if (last != null && (!status.now().isAfter(last.at()) || status.requestsGranted() < last.granted())) {
            if (status.requestsGranted() < last.granted()) {
                granted.clear(); // a new engine: its counter started again
            } else {
                return;
            }
        }
        granted.addLast(new Granted(status.now(), status.requestsGranted()));
        Instant windowStart = status.now().minusSeconds(60);
        // keep one sample at or before the minute's start, so the rate covers a whole minute once there is one
        while (granted.size() > 1 && !second().at().isAfter(windowStart)) {
            granted.pollFirst();
        }
        Granted oldest = granted.peekFirst();
        if (oldest == null || oldest == granted.peekLast()) {
            return;
        }
        double seconds = Duration.between(oldest.at(), status.now()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return;
        }
        double perMinute = (status.requestsGranted() - oldest.granted()) * 60.0 / seconds;
        ApiSample sample = new ApiSample(SECOND.format(status.now().atZone(zone)), perMinute,
                status.budgetPerMinute(), status.orgLimit());
        if (!api.isEmpty() && api.getLast().time().equals(sample.time())) {
            // two reads within the engine's same second: the chart's categories must stay distinct
            api.set(api.size() - 1, sample);
        } else {
            api.add(sample);
        }
        if (api.size() > API_POINTS) {
            api.remove(0, api.size() - API_POINTS);
        }
    }

    /** The breaker's own words, without the prefix and the command line's hint. */
    static String breakerReason(String stateReason) {
        String r = stateReason.substring(CampaignService.BREAKER_PREFIX.length());
        int hint = r.indexOf("; resume with --acknowledge");
        return hint < 0 ? r : r.substring(0, hint);
    }

    private Granted second() {
        var it = granted.iterator();
        it.next();
        return it.next();
    }

    private void updateCommands() {
        CampaignState s = state.get();
        CampaignBackend.Summary c = campaign.get();
        boolean idle = !busy.get() && c != null;
        canLaunch.set(idle && s == CampaignState.DRAFT);
        canApprove.set(idle && s == CampaignState.DRAFT && c.lifeSafety() && c.lifeSafetyApprovedBy() == null);
        canPause.set(idle && s == CampaignState.RUNNING);
        canResume.set(idle && (s == CampaignState.PAUSED || s == CampaignState.BREAKER));
        canStop.set(idle && (s == CampaignState.DRAFT || s == CampaignState.RUNNING || s == CampaignState.PAUSED
                || s == CampaignState.BREAKER));
    }

    private void setBusy(boolean on) {
        busy.set(on);
        updateCommands();
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    /** Runs the launch checks and launches when all pass; the checklist ends in {@link #lastLaunchProperty()}. */
    public void launch() {
        String name = name();
        if (name == null || !canLaunch.get()) {
            return;
        }
        act("Launch \"" + name + "\"", "The launch checks run first; when every one passes, the list is enrolled"
                        + " and the campaign starts sending.", "Launch", false, false,
                (by, reason) -> backend.launch(by, name), lastLaunch::set);
    }

    /** The second person's approval of a life-safety campaign. */
    public void approveLifeSafety() {
        String name = name();
        if (name == null || !canApprove.get()) {
            return;
        }
        act("Approve life-safety campaign \"" + name + "\"", "A life-safety campaign bypasses consent and product"
                        + " rules (never the law). It needs a compliance or admin profile other than its creator's.",
                "Approve", true, false, (by, reason) -> backend.approveLifeSafety(by, name, reason), v -> { });
    }

    public void pause() {
        String name = name();
        if (name == null || !canPause.get()) {
            return;
        }
        act("Pause \"" + name + "\"", "No new contacts are claimed; touches already in flight finish.", "Pause",
                true, false, (by, reason) -> backend.pause(by, name, reason), v -> { });
    }

    /** Resumes a paused campaign; one a circuit breaker paused is resumed with the breaker acknowledged. */
    public void resume() {
        String name = name();
        if (name == null || !canResume.get()) {
            return;
        }
        boolean ack = state.get() == CampaignState.BREAKER;
        String message = ack ? "The circuit breaker paused this campaign: " + breaker.get() + ". Resuming"
                + " acknowledges that you looked into it (audited with the breaker's reason)."
                : "Every due contact goes through the compliance gate again.";
        act((ack ? "Acknowledge and resume \"" : "Resume \"") + name + "\"", message,
                ack ? "Acknowledge and resume" : "Resume", true, false,
                (by, reason) -> backend.resume(by, name, reason, ack), v -> { });
    }

    public void stop() {
        String name = name();
        if (name == null || !canStop.get()) {
            return;
        }
        act("Stop \"" + name + "\"", "Stopping is for good: nothing more is attempted for this campaign. Results of"
                + " touches in flight are still recorded.", "Stop campaign", true, true,
                (by, reason) -> backend.stop(by, name, reason), v -> { });
    }

    private <T> void act(String title, String message, String action, boolean needsReason, boolean danger,
                         Actions.Work<T> work, java.util.function.Consumer<? super T> done) {
        setBusy(true);
        boolean started = actions.run(title, message, action, needsReason, danger, work, done, () -> {
            setBusy(false);
            refresh.run();
        });
        if (!started) {
            setBusy(false);
        }
    }

    private String name() {
        CampaignBackend.Summary c = campaign.get();
        return c == null ? null : c.name();
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<CampaignBackend.Summary> campaignProperty() {
        return campaign.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CampaignState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "service · list Demo contacts · sequence outage-broadcast v1". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateReasonProperty() {
        return stateReason.getReadOnlyProperty();
    }

    /** The tripped circuit breaker's reason, or null. */
    public ReadOnlyStringProperty breakerProperty() {
        return breaker.getReadOnlyProperty();
    }

    /** The life-safety approval's state, or null for other purposes. */
    public ReadOnlyStringProperty lifeSafetyProperty() {
        return lifeSafety.getReadOnlyProperty();
    }

    /** Contacts done of enrolled, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** An action is being confirmed or runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLaunchProperty() {
        return canLaunch.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApproveProperty() {
        return canApprove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** The last launch's checks (launched or refused), for the checklist. */
    public ReadOnlyObjectProperty<CampaignService.LaunchReport> lastLaunchProperty() {
        return lastLaunch.getReadOnlyProperty();
    }

    /** The checklist was read. */
    public void dismissLaunch() {
        lastLaunch.set(null);
    }

    public ObservableList<CampaignService.StepStats> steps() {
        return steps;
    }

    public ObservableList<MinuteSends> throughput() {
        return throughput;
    }

    public ObservableList<ApiSample> api() {
        return api;
    }

    public ObservableList<EventRow> events() {
        return events;
    }

    public ForecastViewModel forecast() {
        return forecast;
    }
}
