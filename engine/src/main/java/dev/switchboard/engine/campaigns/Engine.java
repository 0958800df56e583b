package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.Messages;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.persistence.DialerRepository;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.InboundRepository;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.Move;
import dev.switchboard.persistence.EngineRepository.Settle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The campaign engine (docs/architecture.md, "Engine shape"): one poll thread that claims due enrollments in
 * batches, a worker pool for the gate and the API calls, and a housekeeper for leases, completion and
 * reconciliation. Each start is a new boot epoch: intents of an earlier epoch become UNKNOWN and are reconciled
 * before the first claim.
 *
 * <p>A batch runs the send protocol in two phases: phase 1 decides and commits every intent of the batch (in
 * parallel); then the store is forced to disk (CHECKPOINT SYNC) and the send journal records the batch's attempts,
 * forced too; only then do the calls of phase 2 start. Nothing is ever resent blindly.
 */
public final class Engine implements EngineContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /**
     * Tuning, and a probe called at the send protocol's points (a test seam: the crash test halts the process
     * there; production passes {@link Probe#NONE}).
     */
    public record Options(int workers, Duration pollInterval, Duration lease, Probe probe) {
        public Options(int workers, Duration pollInterval, Duration lease) {
            this(workers, pollInterval, lease, Probe.NONE);
        }

        public static Options defaults() {
            return new Options(4, Duration.ofMillis(250), Duration.ofMinutes(5));
        }
    }

    /**
     * Called at the points of the send protocol: "intents-committed" (phase 1 of a batch done, nothing forced to
     * disk yet), "before-call" (intent and journal on disk, the HTTP call not started), "after-call" (Genesys
     * answered, its ids not yet in the journal), "after-answer-journaled" (the ids in the journal, the result not yet
     * committed).
     */
    @FunctionalInterface
    public interface Probe {
        Probe NONE = point -> { };

        void at(String point);
    }

    /**
     * The stores the delivery paths and the inbound side use besides the engine's own tables.
     *
     * @param inboundQueueId the Genesys queue whose conversations carry inbound SMS replies (STOP …), or null
     */
    public record Links(DialerRepository placements, InboundRepository inbound, String inboundQueueId, dev.switchboard.engine.dnc.GenesysDnc dnc,
                        dev.switchboard.engine.throughput.SenderThrottle throttle) {
    }

    /** The engine setting naming the Genesys queue of inbound SMS replies. */
    public static final String INBOUND_QUEUE = "inbound_queue";
    /** Notification topics of the dialer's per-contact results. */
    static final String POST_CONTACT = "v2.outbound.voice.campaigns.contact.postContact";

    /** The engine setting holding the last instant the engine's clock showed: engine time never runs back. */
    public static final String CLOCK = "engine_clock";

    private final Path dataDir;
    private final EngineRepository repo;
    private final ContactDirectory contacts;
    private final SuppressionService suppressions;
    private final TemplateService templates;
    private final CampaignService campaigns;
    private final Supplier<RulePack> rulePack;
    private final GenesysClient client;
    private final Clock clock;
    private final Options options;
    private final StepRunner runner;
    private final CircuitBreakers breakers = new CircuitBreakers(dev.switchboard.model.breaker.BreakerPolicy
            .defaults());
    private final VoiceDialer dialer;
    private final MessagingDelivery messaging;
    private final Inbound inbound;
    private final ReplyPoller replies;
    /** How long a start waits for the inbound queue's topic to be live before the first claim. */
    static final Duration REPLY_SUBSCRIBE_WAIT = Duration.ofSeconds(5);
    /** Whether Genesys refused the inbound queue's topic over the WebSocket. */
    private volatile boolean replyTopicRejected;
    private Boolean repliesWereLive;
    private final Links links;
    private volatile dev.switchboard.genesys.NotificationStream notifications;
    private volatile long housekeepRound;
    private final Settlement settlement;
    private final List<EngineEvent.Listener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean reconcileRequested = new AtomicBoolean(true);
    private final AtomicLong sends = new AtomicLong();
    private final Deque<Instant> recentSends = new ArrayDeque<>();
    private final Map<String, Sequence> sequenceCache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean woken;
    private volatile int epoch;
    private volatile String owner;
    private volatile SendJournal journal;
    private volatile RulePack pack;
    private volatile Instant startedAt;
    private volatile String osBoot;
    private volatile String lastError;
    private ExecutorService workers;
    private ExecutorService senders;
    private final java.util.concurrent.Semaphore inFlight;
    private final Set<Long> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Fair, so that an opt-out's write is not starved by a stream of sends. */
    private final java.util.concurrent.locks.ReadWriteLock dispatchLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock(true);
    private Thread pollThread;
    private Thread housekeeper;

    public Engine(Path dataDir, EngineRepository repo, ContactDirectory contacts, SuppressionService suppressions,
                  TemplateService templates, CampaignService campaigns, Supplier<RulePack> rulePack,
                  GenesysClient client, Clock clock, Options options, Links links) {
        this.dataDir = dataDir;
        this.repo = repo;
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.templates = templates;
        this.campaigns = campaigns;
        this.rulePack = rulePack;
        this.client = client;
        this.clock = clock;
        this.options = options;
        this.links = links;
        this.runner = new StepRunner(this);
        this.dialer = new VoiceDialer(this, links.placements());
        this.messaging = new MessagingDelivery(this, links.placements(), dialer);
        this.inbound = new Inbound(this, links.inbound(), dialer, messaging, links.dnc());
        this.replies = new ReplyPoller(this, inbound);
        this.settlement = new Settlement(repo, contacts, campaigns);
        this.inFlight = new java.util.concurrent.Semaphore(options.workers() * 3);
        campaigns.onWake(this::wake);
    }

    public void addListener(EngineEvent.Listener l) {
        listeners.add(l);
    }

    /** Starts a new boot epoch, reconciles what an earlier one left, and starts the threads. */
    public synchronized void start() {
        if (running.get()) {
            return;
        }
        pack = rulePack.get();
        try {
            Map<String, String> types = new HashMap<>();
            client.organization().smsPhoneNumbers().forEach(n -> types.put(n.phoneNumber(), n.phoneNumberType()));
            links.throttle().useOrgNumbers(types);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the org's SMS numbers ({}); unregistered senders get the strictest limits",
                    e.getClass().getSimpleName());
        }
        try {
            client.configurePacingFromOrgLimits();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the org's limits ({}); pacing at the default budget", e.getClass().getSimpleName());
        }
        startedAt = now();
        osBoot = osBootId();
        epoch = repo.newEpoch(ProcessHandle.current().pid(), host(), osBoot, startedAt);
        owner = "boot-" + epoch;
        int unknown = repo.intentsToUnknown(epoch);
        repo.dropForeignLeases(owner);
        journal = SendJournal.open(dataDir, epoch);
        for (AttemptRow a : repo.attemptsInState("UNKNOWN", Integer.MAX_VALUE)) {
            repo.hold(a.enrollmentId(), startedAt);
        }
        // results that came as notifications (messaging campaigns, the dialer) while no engine listened are lost:
        // what was awaited is looked at now, not at its next poll (found by EngineCrashTest: after kills during a
        // volume round, a restarted engine waited its 10 minutes' poll for every placement)
        int awaited = repo.awaitingDueNow(startedAt);
        emit(new EngineEvent(startedAt, "ENGINE", 0, 0, null, "epoch " + epoch + " started; " + unknown
                + " intents of earlier epochs are UNKNOWN; " + awaited + " awaited results looked at now"));
        reconcile();
        links.inbound().replyIntentsToUnknown();
        inbound.processPending();
        running.set(true);
        listen();
        // subscribe before sending: replies to texts sent once the queue's topic is live come as notifications,
        // so only texts sent before (while the engine was down) or during a gap need the conversation poller
        long waitUntil = System.nanoTime() + REPLY_SUBSCRIBE_WAIT.toNanos();
        while (!repliesLive() && notifications != null && !replyTopicRejected && inboundQueue() != null
                && System.nanoTime() < waitUntil) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (repliesLive()) {
            replies.live(now());
        }
        workers = Executors.newFixedThreadPool(options.workers(), Thread.ofPlatform().daemon().name("engine-worker-",
                1).factory());
        senders = Executors.newFixedThreadPool(options.workers(), Thread.ofPlatform().daemon().name("engine-sender-",
                1).factory());
        pollThread = Thread.ofPlatform().daemon().name("engine-poll").start(this::pollLoop);
        housekeeper = Thread.ofPlatform().daemon().name("engine-housekeeper").start(this::housekeepLoop);
    }

    /** Stops claiming, lets the batch in flight finish (up to {@code grace}), and closes the journal. */
    public synchronized void stop(Duration grace) {
        if (!running.getAndSet(false)) {
            return;
        }
        wake();
        try {
            pollThread.join(grace.toMillis());
            housekeeper.interrupt();
            // a round under way (a Genesys call, a DNC read-back) finishes before the store may close under it (the
            // console's close logged housekeeping writes failing on a closed store after a 1 s wait)
            housekeeper.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        senders.shutdown();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            senders.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
        if (notifications != null) {
            notifications.close();
            notifications = null;
        }
        emit(new EngineEvent(now(), "ENGINE", 0, 0, null, "epoch " + epoch + " stopped"));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Wakes the poll thread now (new work was committed, a campaign resumed). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- the poll loop ------------------------------------------------------------------------------------------

    private void pollLoop() {
        while (running.get()) {
            int done = 0;
            try {
                if (!campaigns.killSwitchOn()) {
                    done = pollOnce();
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("engine poll failed: " + lastError);
            }
            if (done == 0) {
                await(options.pollInterval());
            }
        }
    }

    private void await(Duration d) {
        lock.lock();
        try {
            if (!woken) {
                wake.await(d.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One batch: claim up to 3 × workers due enrollments, run phase 1 for each, force the intents to disk, then
     * phase 2. Returns how many enrollments were claimed.
     */
    int pollOnce() {
        Instant now = now();
        int batch = options.workers() * 3;
        // templates are re-checked before every batch: a campaign whose template changed pauses with the reason
        Map<Long, CampaignRow> campaignRows = new HashMap<>();
        Map<Long, Map<String, TemplateVersion>> approved = new HashMap<>();
        List<Long> running = new ArrayList<>();
        for (long id : repo.runningCampaignIds()) {
            CampaignRow c = repo.campaign(id).orElseThrow();
            Map<String, TemplateVersion> tv = checkTemplates(c);
            if (tv != null) {
                campaignRows.put(id, c);
                approved.put(id, tv);
                running.add(id);
            }
        }
        if (running.isEmpty()) {
            return 0;
        }
        // enrollments whose work is still running in this process are never claimed again, whatever their lease
        // says (a fast virtual clock can outrun a lease measured in engine time)
        List<EnrollmentRow> due = repo.dueRows(running, now, batch + busy.size()).stream()
                .filter(r -> !busy.contains(r.id())).limit(batch).toList();
        // a campaign with enough due contacts in this round sends its SMS through its Genesys messaging campaign:
        // the round then takes up to one list add's worth (MessagingDelivery.ROUND)
        Set<Long> volume = Set.of();
        MessagingDelivery.Mode mode = MessagingDelivery.mode();
        if (mode != MessagingDelivery.Mode.OFF && (due.size() >= batch || mode == MessagingDelivery.Mode.ON
                || running.stream().anyMatch(messaging::inUse))) {
            List<EnrollmentRow> more = repo.dueRows(running, now, MessagingDelivery.ROUND + busy.size()).stream()
                    .filter(r -> !busy.contains(r.id())).limit(MessagingDelivery.ROUND).toList();
            Map<Long, Long> ready = new HashMap<>();
            more.stream().filter(r -> r.status().equals("READY")).forEach(r -> ready.merge(r.campaignId(), 1L,
                    Long::sum));
            Set<Long> v = new java.util.HashSet<>();
            ready.forEach((id, n) -> {
                if (MessagingDelivery.volume(n, messaging.inUse(id)) && messaging.mayUseAny(campaignRows.get(id))) {
                    v.add(id);
                }
            });
            if (!v.isEmpty()) {
                volume = v;
                due = more;
            }
        }
        Set<Long> volumeRound = volume;
        List<EnrollmentRow> claimed = repo.claimAll(due, owner, now.plus(options.lease()));
        if (claimed.isEmpty()) {
            return 0;
        }
        claimed.forEach(r -> busy.add(r.id()));
        List<Future<Optional<StepRunner.Work>>> prepared = new ArrayList<>(claimed.size());
        for (EnrollmentRow row : claimed) {
            CampaignRow c = campaignRows.get(row.campaignId());
            Sequence seq = sequence(c);
            prepared.add(workers.submit(() -> runner.prepare(row, row.version(), c, seq,
                    approved.get(c.id()), now, volumeRound.contains(c.id()))));
        }
        List<StepRunner.Work> work = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            long id = claimed.get(i).id();
            try {
                Optional<StepRunner.Work> w = prepared.get(i).get();
                if (w.isPresent()) {
                    work.add(w.get());
                } else {
                    busy.remove(id);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                busy.remove(id);
                LOG.warn("an enrollment failed in phase 1", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                busy.clear();
                return claimed.size();
            }
        }
        List<Long> attempts = work.stream().map(StepRunner.Work::attemptId).filter(java.util.Objects::nonNull)
                .toList();
        if (!attempts.isEmpty()) {
            options.probe().at("intents-committed");
            repo.checkpointSync();
            journal.dispatching(attempts);
        }
        // dialer and messaging-campaign work runs in bulk per campaign (one list add per 1000 contacts, one read
        // per 50)
        Map<String, List<StepRunner.Work>> bulk = new java.util.LinkedHashMap<>();
        List<StepRunner.Work> single = new ArrayList<>();
        for (StepRunner.Work w : work) {
            if (w.dialer() == null) {
                single.add(w);
            } else {
                bulk.computeIfAbsent(w.campaignId() + "/" + w.dialer().getClass().getName(),
                        k -> new ArrayList<>()).add(w);
            }
        }
        for (List<StepRunner.Work> group : bulk.values()) {
            single.add(new StepRunner.Work(group.getFirst().campaignId(), -1, null, () -> {
                long campaignId = group.getFirst().campaignId();
                try {
                    switch (group.getFirst().dialer()) {
                        case VoiceDialer.Injection x -> dialer.inject(campaignId, group.stream()
                                .map(g -> (VoiceDialer.Injection) g.dialer()).toList());
                        case VoiceDialer.Check x -> dialer.check(campaignId, group.stream()
                                .map(g -> (VoiceDialer.Check) g.dialer()).toList());
                        case MessagingDelivery.Placement x -> messaging.place(campaignId, group.stream()
                                .map(g -> (MessagingDelivery.Placement) g.dialer()).toList());
                        case MessagingDelivery.Check x -> messaging.check(campaignId, group.stream()
                                .map(g -> (MessagingDelivery.Check) g.dialer()).toList());
                        default -> throw new IllegalStateException("unknown bulk work "
                                + group.getFirst().dialer().getClass());
                    }
                } finally {
                    group.forEach(g -> busy.remove(g.enrollmentId()));
                }
            }));
        }
        // phase 2 runs beside the next batch's phase 1, at most 3 × workers calls in flight
        for (StepRunner.Work w : single) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.action().run(); // its intent and journal line are on disk: finish it rather than strand it
                busy.remove(w.enrollmentId());
                continue;
            }
            senders.execute(() -> {
                try {
                    w.action().run();
                } catch (RuntimeException e) {
                    LOG.warn("an enrollment failed in phase 2", e);
                } finally {
                    busy.remove(w.enrollmentId());
                    inFlight.release();
                }
            });
        }
        return claimed.size();
    }

    /**
     * The approved template versions a running campaign uses, re-checked before every batch: still approved and
     * with the content hash fixed at launch. Otherwise the campaign is paused with the reason and null returned.
     */
    private Map<String, TemplateVersion> checkTemplates(CampaignRow c) {
        Map<String, TemplateVersion> out = new HashMap<>();
        for (Map.Entry<String, String> e : CampaignService.read(c.templates()).entrySet()) {
            Optional<TemplateService.Entry> current = templates.current(e.getKey());
            String problem = null;
            if (current.isEmpty()) {
                problem = "template " + e.getKey() + " is no longer in the store";
            } else if (!current.get().version().isApprovedFor(e.getValue())) {
                TemplateVersion v = current.get().version();
                problem = "template " + e.getKey() + " changed since launch: v" + v.template().version() + " is "
                        + v.state() + (v.template().contentHash().equals(e.getValue()) ? ""
                        : " with other content (" + v.template().contentHash().substring(0, 12) + " instead of "
                        + e.getValue().substring(0, 12) + ")");
            }
            if (problem != null) {
                pauseCampaign(c.id(), problem + "; re-approve it or create a new campaign");
                return null;
            }
            out.put(e.getKey(), current.get().version());
        }
        return out;
    }

    private Sequence sequence(CampaignRow c) {
        return sequenceCache.computeIfAbsent(c.sequenceKey() + "@" + c.sequenceVersion(), k -> {
            try {
                return campaigns.sequence(c);
            } catch (CampaignService.CampaignException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    // ---- housekeeping -------------------------------------------------------------------------------------------

    private void housekeepLoop() {
        while (running.get()) {
            try {
                housekeepOnce();
            } catch (RuntimeException e) {
                LOG.warn("housekeeping failed: " + e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Lease heartbeats, campaign completion, reconciliation when asked. */
    void housekeepOnce() {
        repo.extendLeases(owner, now().plus(options.lease()));
        repo.putSetting(CLOCK, now().toString(), owner, now());
        for (CampaignRow c : repo.campaignsIn(Set.of("RUNNING"))) {
            if (campaigns.completeIfDone(c)) {
                emit(new EngineEvent(now(), "CAMPAIGN", c.id(), 0, null, c.name() + " completed"));
            }
        }
        if (reconcileRequested.get()) {
            reconcile();
        }
        inbound.processPending();
        inbound.releaseExits();
        long round = housekeepRound++;
        if (round % 5 == 0) {
            Set<Long> runningIds = Set.copyOf(repo.runningCampaignIds());
            dialer.housekeep(runningIds, campaigns.killSwitchOn());
            messaging.housekeep(runningIds, campaigns.killSwitchOn());
        }
        if (round % 15 == 0) {
            enrollLateJoiners();
        }
        // opt-outs pushed to the Genesys DNC lists are read back (export) soon after a push, and every 5 minutes;
        // the org's DNC lists (carrier-intercepted STOPs among them) are synced into the suppressions every 4 hours
        if (round % 10 == 0 && inbound.takeConfirmRequest() || round % 300 == 150) {
            try {
                links.dnc().confirm();
            } catch (RuntimeException e) {
                LOG.warn("DNC read-back failed: {}", e.toString());
            }
        }
        if (round % 14_400 == 60) {
            var sync = links.dnc().sync();
            if (!sync.complete()) {
                LOG.warn("DNC sync incomplete: {}", sync.problem());
            }
        }
        if (round % 60 == 30 && notifications == null) {
            listen();
        }
        boolean live = repliesLive();
        try {
            replies.pass(live);
        } catch (RuntimeException e) {
            LOG.warn("reply polling failed: {}", e.toString());
        }
        // said once the socket had time to connect after the start, and whenever it changes
        if (round >= 10 && !Boolean.valueOf(live).equals(repliesWereLive)) {
            if (!live || repliesWereLive != null) {
                emit(new EngineEvent(now(), "ENGINE", 0, 0, null, live
                        ? "replies arrive as notifications again; recent conversations are polled for another "
                                + ReplyPoller.GRACE.toMinutes() + " minutes to cover the gap"
                        : "replies are not delivered as notifications (" + (inboundQueue() == null
                                ? "no inbound queue is configured" : replyTopicRejected
                                ? "Genesys refused the inbound queue's topic over the WebSocket"
                                : "the notification socket is not connected")
                                + "); the conversations of the last 24 hours' texts are polled for replies"));
            }
            repliesWereLive = live;
        }
    }

    /** Whether customers' replies arrive as notifications right now (the queue's topic subscribed and connected). */
    private boolean repliesLive() {
        var stream = notifications;
        return stream != null && !replyTopicRejected && inboundQueue() != null
                && stream.state() == dev.switchboard.genesys.Notifications.ConnectionState.CONNECTED;
    }

    private String inboundQueue() {
        return links.inboundQueueId() != null ? links.inboundQueueId() : repo.setting(INBOUND_QUEUE).orElse(null);
    }

    /** Rows added to a list after the launch join its campaign; a completed campaign wakes up for them. */
    private void enrollLateJoiners() {
        for (CampaignRow c : repo.campaignsIn(Set.of("RUNNING", "PAUSED", "COMPLETED"))) {
            int n = repo.enrollLateJoiners(c.id(), Progress.INITIAL, now());
            if (n > 0) {
                emit(new EngineEvent(now(), "CAMPAIGN", c.id(), 0, null, n + " contacts added to the list joined "
                        + c.name()));
                wake();
            }
        }
    }

    /**
     * Subscribes to the inbound queue's messages and the dialer's post-contact results over one notification
     * channel. Topics Genesys will not deliver over a WebSocket are covered by polling (dialer results are read in
     * bulk anyway; the events only make the engine look sooner).
     */
    private void listen() {
        List<String> topics = new ArrayList<>();
        topics.add(POST_CONTACT);
        topics.addAll(MessagingDelivery.TOPICS);
        String queue = inboundQueue();
        replyTopicRejected = false;
        if (queue != null) {
            topics.add("v2.routing.queues." + queue + ".conversations.messages");
        }
        try {
            notifications = client.openNotifications(topics, new dev.switchboard.genesys.NotificationListener() {
                @Override
                public void onEvent(dev.switchboard.genesys.NotificationEvent event) {
                    inbound.onNotification(event);
                }

                @Override
                public void onTopicsRejected(List<dev.switchboard.genesys.Notifications.TopicState> rejected) {
                    if (rejected.stream().anyMatch(t -> t.id().endsWith(".conversations.messages"))) {
                        replyTopicRejected = true;
                    }
                    emit(new EngineEvent(now(), "ENGINE", 0, 0, null, "topics not deliverable over the WebSocket,"
                            + " polled instead: " + rejected.stream().map(
                            dev.switchboard.genesys.Notifications.TopicState::id).toList()));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("notifications could not be opened ({}); retried in a minute", e.toString());
            notifications = null;
        }
    }

    /** Records and processes an intake event (conversion, bounce, unsubscribe, enroll request, opt-out). */
    public Optional<InboundRepository.InboundRow> intake(String key, String source, String kind, Long contactId,
                                                         Long campaignId, String address, String body,
                                                         Instant occurredAt) {
        return inbound.record(key, source, kind, contactId, campaignId, address, body, occurredAt);
    }

    // ---- reconciliation -----------------------------------------------------------------------------------------

    /**
     * Settles UNKNOWN attempts with what is known for certain: the send journal shows the call never started
     * (NOT_SENT), or Genesys itself has the message whose ids the journal recorded (SENT). Everything else waits in
     * the operator queue with the evidence. Returns how many were settled.
     */
    public synchronized int reconcile() {
        reconcileRequested.set(false);
        List<AttemptRow> unknown = repo.attemptsInState("UNKNOWN", 10_000);
        if (unknown.isEmpty()) {
            pruneJournals();
            return 0;
        }
        Map<Long, SendJournal.Entry> journals = SendJournal.read(dataDir);
        Map<Integer, String> boots = repo.osBoots();
        int settled = 0;
        for (AttemptRow a : unknown) {
            SendJournal.Entry j = journals.get(a.id());
            boolean sameOsBoot = osBoot != null && osBoot.equals(boots.get(a.epoch()));
            try {
                if (MessagingDelivery.isMessaging(a)) {
                    Optional<Boolean> placed = messaging.reconcile(a);
                    if (placed.isPresent()) {
                        settle(a, placed.get(), placed.get() ? "reconciler: the contact is in the Genesys messaging"
                                + " campaign's list" : "reconciler: the Genesys messaging campaign's list never"
                                + " received the contact", placed.get() ? messaging.listOf(a) : null,
                                placed.get() ? MessagingDelivery.genesysId(a.id()) : null);
                        settled++;
                    } else {
                        reconcileRequested.set(true);
                    }
                    continue;
                }
                if (a.channel().equals(Channel.VOICE.name())) {
                    Optional<Boolean> placed = dialer.reconcile(a);
                    if (placed.isPresent()) {
                        // sent: the ids a placement records (list, contact), so the enrollment awaits the call's
                        // result from the placement; without the contact id it moved on as if nothing were awaited
                        // and the call's outcome was lost (FaultEngineTest: an answered person called again)
                        settle(a, placed.get(), placed.get() ? "reconciler: the contact is in the Genesys dialer's"
                                + " list" : "reconciler: the Genesys dialer's list never received the contact",
                                placed.get() ? dialer.listOf(a) : null,
                                placed.get() ? VoiceDialer.genesysId(a.id()) : null);
                        settled++;
                    } else {
                        reconcileRequested.set(true);
                    }
                    continue;
                }
                if (j == null || !j.dispatched()) {
                    settle(a, false, "reconciler: the send journal of epoch " + a.epoch()
                            + " shows the call never started", null, null);
                    settled++;
                } else if (!j.started() && sameOsBoot) {
                    settle(a, false, "reconciler: the send journal of epoch " + a.epoch() + " shows the call never"
                            + " started (the operating system has not restarted since, so the journal is complete)",
                            null, null);
                    settled++;
                } else if (j.answered()) {
                    if (existsInGenesys(a, j)) {
                        settle(a, true, "reconciler: Genesys has " + (a.channel().equals("SMS") ? "message "
                                + j.messageId() : "email conversation " + j.conversationId()), j.conversationId(),
                                j.messageId());
                        settled++;
                    } else {
                        repo.noteUnsettled(a.id(), "dispatched in epoch " + j.epoch() + "; Genesys answered with "
                                + "conversation " + j.conversationId() + " but does not know it now: decide by hand");
                    }
                } else {
                    repo.noteUnsettled(a.id(), "dispatched in epoch " + j.epoch() + " at about " + a.createdAt()
                            + "; no answer was recorded before the engine stopped. Genesys offers no lookup of"
                            + " agentless messages by address, so a person must decide from the recipient or the"
                            + " Genesys interaction search whether it arrived.");
                }
            } catch (RuntimeException e) {
                reconcileRequested.set(true);
                LOG.warn("attempt {} not reconciled yet, will try again: {}", a.id(), e.toString());
            }
        }
        if (settled > 0) {
            wake();
        }
        pruneJournals();
        return settled;
    }

    /** The journals of earlier epochs go once nothing of theirs is left to reconcile. */
    private void pruneJournals() {
        if (repo.attemptsInState("UNKNOWN", 1).isEmpty() && repo.attemptsInState("INTENT", 10_000).stream()
                .noneMatch(a -> a.epoch() < epoch)) {
            SendJournal.prune(dataDir, epoch);
        }
    }

    private boolean existsInGenesys(AttemptRow a, SendJournal.Entry j) {
        try {
            if (a.channel().equals("SMS")) {
                Messages.MessageStatus s = client.messaging().messageStatus(j.conversationId(), j.messageId());
                return s != null && s.id() != null;
            }
            return client.messaging().emailConversation(j.conversationId()) != null;
        } catch (GenesysApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Settles an UNKNOWN attempt as sent or not sent (see {@link Settlement}). */
    void settle(AttemptRow a, boolean sent, String by, String conversationId, String messageId) {
        if (settlement.settle(a, sent, by, conversationId, messageId, now())) {
            emit(new EngineEvent(now(), "SETTLED", a.campaignId(), a.contactId(), a.stepId(), "attempt " + a.id()
                    + (sent ? " settled as sent" : " settled as not sent") + " (" + by + ")"));
            wake();
        }
    }

    /** What the connected org offers, for the launch checks (two API reads). */
    public CampaignService.OrgFacts orgFacts() {
        return orgFacts(client);
    }

    /** What an org offers, read with a short-lived client (a launch while no engine runs). */
    public static CampaignService.OrgFacts orgFactsOf(dev.switchboard.engine.genesys.OrgConnection org) {
        try (GenesysClient c = org.client()) {
            return orgFacts(c);
        }
    }

    private static CampaignService.OrgFacts orgFacts(GenesysClient client) {
        var info = client.organization().tokenInfo();
        String id = info.organization() == null ? "unknown" : info.organization().id();
        String name = info.organization() == null ? "unknown org" : info.organization().name();
        Set<String> numbers = new java.util.TreeSet<>();
        client.organization().smsPhoneNumbers().forEach(n -> numbers.add(n.phoneNumber()));
        return new CampaignService.OrgFacts("genesys:" + id, name, numbers,
                client.organization().callableTimeSets());
    }

    // ---- status -------------------------------------------------------------------------------------------------

    /** The engine's own state, for status screens. */
    public record Status(boolean running, int epoch, Instant startedAt, Instant now, boolean killSwitch,
                         long sends, double sendsPerMinute, int unknownAttempts, int budgetPerMinute,
                         long requestsGranted, String lastError) {
    }

    /** The org's request limit per minute when no org is known yet (Genesys's documented default). */
    public static final int DEFAULT_ORG_LIMIT = dev.switchboard.genesys.Pacer.DEFAULT_ORG_LIMIT;

    /** The org's request limit per minute, as the client's budget knows it. */
    public int orgLimit() {
        return client.pacer().orgLimit();
    }

    public Status status() {
        Instant now = now();
        double perMinute;
        synchronized (recentSends) {
            while (!recentSends.isEmpty() && recentSends.peekFirst().isBefore(now.minusSeconds(60))) {
                recentSends.pollFirst();
            }
            perMinute = recentSends.size();
        }
        return new Status(running.get(), epoch, startedAt, now, campaigns.killSwitchOn(), sends.get(), perMinute,
                repo.attemptsInState("UNKNOWN", 100_000).size(), client.pacer().budget(), client.pacer().granted(),
                lastError);
    }

    // ---- EngineContext ------------------------------------------------------------------------------------------

    @Override
    public EngineRepository repo() {
        return repo;
    }

    @Override
    public ContactDirectory contacts() {
        return contacts;
    }

    @Override
    public RulePack pack() {
        return pack;
    }

    @Override
    public SuppressionView suppressionView() {
        return suppressions.view();
    }

    @Override
    public GenesysClient client() {
        return client;
    }

    @Override
    public SendJournal journal() {
        return journal;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public Instant startedAt() {
        Instant at = startedAt;
        return at == null ? Instant.MIN : at;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void emit(EngineEvent event) {
        for (EngineEvent.Listener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("an engine listener failed: " + e);
            }
        }
    }

    @Override
    public void probe(String point) {
        options.probe().at(point);
    }

    @Override
    public void countSend() {
        sends.incrementAndGet();
        synchronized (recentSends) {
            recentSends.addLast(now());
            if (recentSends.size() > 100_000) {
                recentSends.pollFirst();
            }
        }
    }

    @Override
    public void pauseCampaign(long campaignId, String reason) {
        if (campaigns.pauseBySystem(campaignId, reason)) {
            emit(new EngineEvent(now(), "CAMPAIGN", campaignId, 0, null, "paused: " + reason));
        }
    }

    @Override
    public void suppress(Suppression.Kind kind, Channel channel, String address, String reason, String source) {
        // exclusive: the sends in flight (past their last gate check) finish first, and those after see this
        dispatchLock.writeLock().lock();
        try {
            suppressions.addBySystem(kind, channel, address, reason, source, now());
        } finally {
            dispatchLock.writeLock().unlock();
        }
    }

    @Override
    public java.util.concurrent.locks.ReadWriteLock dispatchLock() {
        return dispatchLock;
    }

    @Override
    public void wakeReconciler() {
        reconcileRequested.set(true);
    }

    @Override
    public Optional<Outcome> exitSignal(long contactId, long campaignId) {
        return inbound.exitSignal(contactId, campaignId);
    }

    @Override
    public void optedOut(long contactId, String address, String how) {
        inbound.optOut(contactId, address, how);
    }

    @Override
    public int liftSmsOptOut(String number, String why) {
        return suppressions.liftSmsKeywordOptOut(number, why);
    }

    @Override
    public void breaker(long campaignId, CircuitBreakers.Kind kind) {
        // only a running campaign counts: the calls still in flight when a breaker paused it end in the same storm,
        // and counted they re-tripped the campaign right after a person acknowledged and resumed it (found by
        // BreakerTripTest)
        if (!repo.campaign(campaignId).map(c -> c.state().equals("RUNNING")).orElse(false)) {
            return;
        }
        breakers.record(campaignId, kind, now()).ifPresent(reason -> {
            pauseCampaign(campaignId, CircuitBreakers.PREFIX + reason + "; resume with --acknowledge");
            emit(new EngineEvent(now(), "BREAKER", campaignId, 0, null, reason));
        });
    }

    @Override
    public MessagingDelivery messaging() {
        return messaging;
    }

    @Override
    public dev.switchboard.engine.throughput.SenderThrottle throttle() {
        return links.throttle();
    }

    @Override
    public List<String> dncLists() {
        List<String> ids = new ArrayList<>(links.dnc().ensureLists().values());
        for (var l : client.dnc().listDncLists()) {
            if (!ids.contains(l.id()) && !"Email".equalsIgnoreCase(l.contactMethod())) {
                ids.add(l.id());
            }
        }
        return ids;
    }

    /** Linux's boot id (changes with every OS start); null elsewhere. */
    static String osBootId() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of("/proc/sys/kernel/random/boot_id");
            return java.nio.file.Files.isReadable(p) ? java.nio.file.Files.readString(p).strip() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
