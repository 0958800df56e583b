package dev.switchboard.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.javalin.Javalin;
import tools.jackson.databind.JsonNode;

/**
 * A simulated Genesys Cloud org on a loopback port: the Platform API under {@code /api/v2}, the token endpoint at
 * {@code /login/oauth/token}, notification WebSockets at {@code /channels/{id}}, and sandbox-only endpoints under
 * {@code /sandbox} (ledger, faults, clock, DNC export downloads). Start with {@link #start(SandboxConfig)}; close to
 * stop and save. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    /** The queue whose {@code v2.routing.queues.{id}.conversations.messages} topic carries inbound SMS replies. */
    public static final String INBOUND_QUEUE_ID = "7a5d1e2b-3c4f-4a6b-9c8d-0e1f2a3b4c5d";

    /** Default heartbeat interval on notification WebSockets (real time). */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    private final SandboxMetrics metrics = new SandboxMetrics();
    private final SandboxConfig config;
    private final VirtualClock clock;
    private final SandboxFaults faults;
    private final TokenService tokens;
    private final Ledger ledger;
    private final StateStore store;
    private final Notifications notifications;
    private final Simulator simulator;
    private final OrgState state;
    private final Conversations conversations;
    private final ApiPipeline pipeline;
    private final Javalin app;
    private volatile boolean closed;

    private Sandbox(SandboxConfig config) {
        this.config = config;
        OrgState state = StateStore.load(config.stateFile());
        Instant saved = state.savedClock();
        Instant realNow = Instant.now();
        Instant start = saved != null && saved.isAfter(realNow) ? saved : realNow;
        this.clock = new VirtualClock(Clock.systemUTC(), start, config.clockSpeed());
        this.store = new StateStore(config.stateFile(), state, clock);
        this.faults = new SandboxFaults();
        this.tokens = new TokenService(config.seed(), clock, config.tokenLifetime());
        this.ledger = new Ledger(state, config.stateFile());
        World world = new World(config.seed());
        // parsing the spec takes seconds: do it beside the start, the first API request waits for it
        CompletableFuture<SpecValidator> validator = CompletableFuture.supplyAsync(SpecValidator::shared);
        JsonNode topicSchemas = Json.parse(SpecValidator.readSpec()).path("x-genesys-notification-topics");
        int[] port = new int[1];
        this.notifications = new Notifications(Clock.systemUTC(), () -> "ws://127.0.0.1:" + port[0], topicSchemas,
                DEFAULT_HEARTBEAT);
        RequestBudget budget = new RequestBudget(Clock.systemUTC(), config.requestsPerMinute());
        this.pipeline = new ApiPipeline(tokens, budget, faults, validator::join, metrics);
        this.state = state;
        Conversations conversations = new Conversations(state, world, clock, ledger, notifications);
        this.conversations = conversations;
        ContactListsApi lists = new ContactListsApi(state, clock, notifications);
        DncApi dnc = new DncApi(state, clock, notifications, () -> "http://127.0.0.1:" + port[0]);
        CampaignsApi campaigns = new CampaignsApi(state, clock, notifications, lists, dnc);
        Dialer dialer = new Dialer(state, world, ledger, conversations, dnc, campaigns);
        MessagingRunner messaging = new MessagingRunner(state, conversations, dnc, campaigns);
        this.simulator = new Simulator(state, clock, conversations, dialer, messaging, notifications,
                config.webhookUrl());
        faults.hooks(new SandboxFaults.Hooks() {
            @Override
            public void revokeAllTokens() {
                tokens.revokeAll();
                notifications.tokensRevoked();
            }

            @Override
            public void closeSockets() {
                notifications.closeSockets();
            }
        });
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = 16L * 1024 * 1024;
            pipeline.install(cfg.routes);
            new LoginApi(tokens).install(cfg.routes);
            new CatalogApi(state, tokens, clock, config.requestsPerMinute(), notifications).install(cfg.routes);
            new ConversationsApi(state, conversations, clock).install(cfg.routes);
            lists.install(cfg.routes);
            dnc.install(cfg.routes);
            campaigns.install(cfg.routes);
            new NotificationsApi(notifications, topicSchemas).install(cfg.routes);
            new AdminApi(ledger, faults, clock, notifications, this::reply).install(cfg.routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            simulator.close();
            notifications.close();
            store.close();
            throw e;
        }
        port[0] = app.port();
        simulator.start();
    }

    /**
     * Points the simulated email provider's bounce and unsubscribe POSTs at {@code url} (null: nowhere), e.g. the
     * engine's intake once it listens.
     */
    public void webhook(URI url) {
        simulator.webhook(url);
    }

    /**
     * Replies as the recipient {@code address} on the latest SMS conversation with it, now on the virtual clock:
     * the text appears as an inbound message and on the inbound queue's topic, and STOP/START words opt the number
     * out or in, exactly as a seeded reply would.
     *
     * @return the conversation id
     * @throws IllegalArgumentException when nothing was ever texted to {@code address}
     */
    public String reply(String address, String text) {
        String conversationId;
        synchronized (state) {
            conversationId = conversations.scriptReply(address, text, clock.now());
        }
        if (conversationId == null) {
            throw new IllegalArgumentException("nothing was texted to " + address + " in this sandbox, so there is"
                    + " no conversation to reply on");
        }
        return conversationId;
    }

    /** Starts a sandbox on {@code 127.0.0.1}; returns once it accepts requests. */
    public static Sandbox start(SandboxConfig config) {
        return new Sandbox(Objects.requireNonNull(config, "config"));
    }

    /** The configuration it was started with. */
    public SandboxConfig config() {
        return config;
    }

    /** {@code http://127.0.0.1:PORT}; API paths are {@code /api/v2/...}. */
    public URI apiBaseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** {@code http://127.0.0.1:PORT/login}; the token is at {@code POST {loginBaseUrl}/oauth/token}. */
    public URI loginBaseUrl() {
        return URI.create("http://127.0.0.1:" + app.port() + "/login");
    }

    /** The org's OAuth client id (derived from the seed, so stable across restarts). */
    /** What the sandbox has seen of its clients' traffic (budget, 429s, peak rates). */
    public SandboxMetrics metrics() {
        return metrics;
    }

    public String clientId() {
        return tokens.clientId();
    }

    /** The org's OAuth client secret (derived from the seed). */
    public String clientSecret() {
        return tokens.clientSecret();
    }

    /** The faults injected into API calls; change them at any time from any thread. */
    public SandboxFaults faults() {
        return faults;
    }

    /** Every touch delivered so far, oldest first (a copy). */
    public List<LedgerEntry> ledger() {
        return ledger.entries();
    }

    /** The virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** Sets the real-time interval of WebSocket heartbeats (default 30 s); tests use a short one. */
    /**
     * Whether the seeded recipients answer SMS (about a third reply: STOP, HELP, free text; on by default). Off, only
     * scripted replies ({@link #reply}) arrive: for measurements of the outbound path alone.
     */
    public void seededReplies(boolean on) {
        conversations.seededReplies(on);
    }

    public void heartbeatInterval(Duration every) {
        notifications.heartbeatInterval(every);
    }

    /** Lets the org-wide {@code v2.outbound.*.campaigns.contact.*} topics be subscribed over WebSocket or not. */
    public void orgWideOutboundTopicsDeliverable(boolean deliverable) {
        notifications.orgWideOutboundDeliverable(deliverable);
    }

    /** Applies what is due on the virtual clock now (the simulator also does this every 50 ms). */
    public void tick() {
        simulator.tick();
    }

    /** Stops the server, releases held responses and writes the state file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pipeline.release();
        simulator.close();
        notifications.close();
        app.stop();
        store.close();
    }
}
