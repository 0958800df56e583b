package dev.switchboard.app.console.campaigns;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.CoalescingUpdater;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.EngineEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Campaigns screen: the campaigns with their state and progress, the selected one's live view, the engine's
 * kill switch, and the New campaign dialog. Engine events arrive on engine threads and are handed to the UI thread
 * coalesced, and reach the live view at most once a {@link #LIVE_EVERY}; the store is read again at most once a
 * {@link #TICK}, sooner never, and every few ticks when quiet.
 */
public final class CampaignsViewModel {
    public static final Duration TICK = Duration.ofSeconds(1);
    /**
     * The live view's events and sends per minute are updated at most this often: a running campaign's events arrive
     * by the hundred a second, and each update lays out the events table and the chart again (the FX thread's and
     * the software renderer's work), where two updates a second read as live.
     */
    public static final Duration LIVE_EVERY = Duration.ofMillis(500);
    /** Ticks without events between two reads (state changes made elsewhere, the engine's figures). */
    static final int QUIET_TICKS = 3;
    /** Engine events kept in memory, all campaigns. */
    static final int EVENT_BUFFER = 5_000;

    /** What one refresh read on a worker. */
    private record Snapshot(List<CampaignBackend.Summary> campaigns, EngineStatus status,
                            CampaignService.Stats stats) {
    }

    private final CampaignBackend backend;
    private final TaskRunner tasks;
    private final EngineMonitor engine;
    private final Actions actions;
    private java.util.function.Supplier<String> signedIn = () -> null;
    private final ObservableList<CampaignBackend.Summary> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<CampaignBackend.Summary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<EngineStatus> engineStatus = new ReadOnlyObjectWrapper<>(this,
            "engineStatus", EngineStatus.starting());
    private final ReadOnlyBooleanWrapper loadedOnce = new ReadOnlyBooleanWrapper(this, "loadedOnce");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanBinding empty;
    private final LiveViewModel live;
    private final ConcurrentLinkedQueue<EngineEvent> incoming = new ConcurrentLinkedQueue<>();
    private final Deque<EngineEvent> recent = new ArrayDeque<>();
    private final CoalescingUpdater<Boolean> eventsArrived;
    private final Duration liveEvery;
    private final java.util.function.LongSupplier nanoTime;
    private long lastDrain;
    private boolean drainedOnce;
    private boolean drainScheduled;
    private boolean dirty;
    private boolean refreshing;
    private boolean refreshAgain;
    private int quietTicks;
    private boolean running;
    private Cancellable timer = Cancellable.NONE;

    public CampaignsViewModel(CampaignBackend backend, EngineMonitor engine, TaskRunner tasks, DialogService dialogs) {
        this(backend, engine, tasks, dialogs, ZoneId.systemDefault(), LIVE_EVERY, System::nanoTime);
    }

    /** {@code liveEvery}: how often at most events reach the live view, by the clock {@code nanoTime}. */
    CampaignsViewModel(CampaignBackend backend, EngineMonitor engine, TaskRunner tasks, DialogService dialogs,
                       ZoneId zone, Duration liveEvery, java.util.function.LongSupplier nanoTime) {
        this.liveEvery = liveEvery;
        this.nanoTime = nanoTime;
        this.backend = backend;
        this.tasks = tasks;
        this.engine = engine;
        this.actions = new Actions(tasks, dialogs);
        this.live = new LiveViewModel(backend, tasks, dialogs, actions, this::refresh, zone);
        this.empty = Bindings.createBooleanBinding(() -> loadedOnce.get() && campaigns.isEmpty()
                && error.get() == null, loadedOnce, campaigns, error);
        this.eventsArrived = new CoalescingUpdater<>(tasks::onUi, b -> eventsDue());
        selected.addListener((obs, was, now) -> {
            live.show(now);
            if (now != null && (was == null || !was.name().equals(now.name()))) {
                refresh();
            }
        });
    }

    /** Listens to the engine, reads the campaigns and keeps them current until {@link #stop()}. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        engine.addListener(this::onEngineEvent);
        refresh();
        schedule();
    }

    /** Stops the periodic reads (the console is closing). */
    public void stop() {
        running = false;
        timer.cancel();
    }

    private void onEngineEvent(EngineEvent event) {
        incoming.add(event);
        eventsArrived.offer(Boolean.TRUE);
    }

    /** Hands the events to the live view now, or once {@link #liveEvery} has passed since the last time. */
    private void eventsDue() {
        if (drainScheduled) {
            return;
        }
        long wait = liveEvery.toNanos() - (nanoTime.getAsLong() - lastDrain);
        if (!drainedOnce || wait <= 0) {
            drainEvents();
        } else {
            drainScheduled = true;
            tasks.later(Duration.ofNanos(wait), () -> {
                drainScheduled = false;
                drainEvents();
            });
        }
    }

    private void drainEvents() {
        drainedOnce = true;
        lastDrain = nanoTime.getAsLong();
        boolean any = false;
        for (EngineEvent e; (e = incoming.poll()) != null; ) {
            recent.addFirst(e);
            any = true;
        }
        while (recent.size() > EVENT_BUFFER) {
            recent.removeLast();
        }
        if (any) {
            dirty = true;
            live.eventsArrived(recent);
        }
    }

    private void schedule() {
        if (running) {
            timer = tasks.later(TICK, this::tick);
        }
    }

    /** One tick: reads again when events came in since the last read, or after a few quiet ticks. */
    void tick() {
        if (dirty || ++quietTicks >= QUIET_TICKS) {
            refresh();
        }
        schedule();
    }

    /** Reads the campaigns, the engine's status and the selected campaign's figures in one background task. */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        dirty = false;
        quietTicks = 0;
        CampaignBackend.Summary current = selected.get();
        String name = current == null ? null : current.name();
        tasks.task(() -> read(name))
                .onSuccess(this::apply)
                .onFailure(e -> error.set("Could not read the campaigns: " + Actions.message(e)))
                .andFinally(() -> {
                    refreshing = false;
                    loadedOnce.set(true);
                    if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                    }
                })
                .start();
    }

    private Snapshot read(String name) {
        List<CampaignBackend.Summary> all = backend.campaigns();
        String pick = name != null && all.stream().anyMatch(s -> s.name().equals(name)) ? name
                : all.isEmpty() ? null : all.getFirst().name();
        CampaignService.Stats stats = null;
        if (pick != null) {
            try {
                stats = backend.stats(pick);
            } catch (CampaignService.CampaignException e) {
                stats = null;
            }
        }
        return new Snapshot(all, engine.status(), stats);
    }

    private void apply(Snapshot s) {
        error.set(null);
        engineStatus.set(s.status());
        CampaignBackend.Summary current = selected.get();
        String name = current == null ? null : current.name();
        if (!s.campaigns().equals(new ArrayList<>(campaigns))) {
            campaigns.setAll(s.campaigns());
        }
        CampaignBackend.Summary pick = s.campaigns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElse(s.campaigns().isEmpty() ? null : s.campaigns().getFirst());
        if (!Objects.equals(pick, current)) {
            selected.set(pick);
        }
        if (pick != null && s.stats() != null && s.stats().campaign().name().equals(pick.name())) {
            live.update(pick, s.stats(), s.status(), recent);
        }
    }

    /** A fresh view model for the New campaign dialog; the campaign it creates is selected. */
    public NewCampaignViewModel newCampaign() {
        String profile = actions.lastProfile() != null ? actions.lastProfile() : signedIn.get();
        NewCampaignViewModel vm = new NewCampaignViewModel(backend, tasks, profile, this::created);
        vm.load();
        return vm;
    }

    private void created(String name) {
        tasks.task(backend::campaigns)
                .onSuccess(all -> {
                    campaigns.setAll(all);
                    all.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(selected::set);
                })
                .start();
    }

    /** Turns the engine-wide kill switch on (or off when it is on), after a confirmation with a reason. */
    public void toggleKillSwitch() {
        boolean on = !engineStatus.get().killSwitch();
        actions.run(on ? "Turn the kill switch on" : "Turn the kill switch off", on
                        ? "While the kill switch is on the engine claims nothing for any campaign. Touches in flight"
                        + " finish." : "Running campaigns start sending again; every due contact goes through the"
                        + " compliance gate first.", on ? "Kill switch on" : "Kill switch off", true, on,
                (by, reason) -> {
                    backend.killSwitch(by, on, reason);
                    return on;
                }, v -> { }, this::refresh);
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ObservableList<CampaignBackend.Summary> campaigns() {
        return campaigns;
    }

    public ObjectProperty<CampaignBackend.Summary> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<EngineStatus> engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    /** True once the campaigns were read and there are none. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public ReadOnlyBooleanProperty loadedOnceProperty() {
        return loadedOnce.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What opens a contact's timeline from the live view's events (by the contact's store id). */
    public void setTimelineOpener(java.util.function.LongConsumer opener) {
        live.setTimelineOpener(opener);
    }

    /** The signed-in profile's name (or null), which New campaign proposes until another profile has acted. */
    public void setSignedIn(java.util.function.Supplier<String> name) {
        this.signedIn = name;
    }

    public LiveViewModel live() {
        return live;
    }
}
