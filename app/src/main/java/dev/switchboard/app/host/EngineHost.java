package dev.switchboard.app.host;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.SuppliedClock;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.ipc.EngineApiServer;
import dev.switchboard.engine.ipc.Router;
import dev.switchboard.engine.ops.LocalOperations;
import dev.switchboard.engine.ops.OperationsApi;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The engine inside a process that holds the store (the {@code engine} command or the console): the org (the data
 * folder's sandbox, or a real org), the engine on its clock, and the authenticated loopback API through which every
 * other command reaches it. Closing stops the API, the engine and the sandbox, not the workspace.
 */
public final class EngineHost implements AutoCloseable {
    private static volatile EngineHost current;

    private final Workspace workspace;
    private final Sandbox sandbox;
    private final Engine engine;
    private final EngineApiServer api;
    private final Clock clock;
    private final String where;
    private volatile AutoCloseable backups = () -> { };

    /**
     * How to run.
     *
     * @param org       a real org, or null for the data folder's sandbox org
     * @param speed     virtual seconds per real second
     * @param startAt   start the clock here if that is later than it already is; null for now
     * @param extraApi  more routes for the loopback API (the command line's forwarding)
     */
    public record Settings(OrgConnection org, double speed, Instant startAt, int sandboxPort, int workers,
                           Consumer<Router> extraApi) {
        public static Settings sandbox() {
            return new Settings(null, 1.0, null, 0, 4, r -> { });
        }
    }

    private EngineHost(Workspace workspace, Sandbox sandbox, Engine engine, EngineApiServer api, Clock clock,
                       String where) {
        this.workspace = workspace;
        this.sandbox = sandbox;
        this.engine = engine;
        this.api = api;
        this.clock = clock;
        this.where = where;
    }

    /** Starts the org, the engine and the API over an open workspace. */
    public static EngineHost start(Workspace workspace, Settings s) throws IOException {
        Path dataDir = workspace.dataDir();
        Sandbox sandbox = null;
        Engine engine = null;
        try {
            Clock clock;
            OrgConnection org = s.org();
            String where;
            if (org != null) {
                Instant start = latest(Instant.now(), s.startAt(), workspace.lastEngineInstant().orElse(null));
                clock = s.speed() == 1 && !start.isAfter(Instant.now()) ? Clock.systemUTC()
                        : SuppliedClock.virtual(start, s.speed());
                where = "the org at " + org.apiBase();
            } else {
                sandbox = startSandbox(dataDir, s.sandboxPort(), s.speed());
                Instant target = latest(sandbox.clock().now(), s.startAt(),
                        workspace.lastEngineInstant().orElse(null));
                Duration ahead = Duration.between(sandbox.clock().now(), target);
                if (ahead.isPositive()) {
                    sandbox.clock().advance(ahead);
                }
                Sandbox sb = sandbox;
                clock = new SuppliedClock(() -> sb.clock().now());
                org = sandboxConnection(sandbox);
                where = "the sandbox org at " + sandbox.apiBaseUrl() + " (ledger: "
                        + sandbox.apiBaseUrl().resolve("/sandbox/ledger") + ")";
            }
            engine = workspace.newEngine(org, clock, new Engine.Options(s.workers(), Duration.ofMillis(250),
                    Duration.ofMinutes(5)));
            engine.start();
            Engine e = engine;
            Router router = OperationsApi.router(new LocalOperations(workspace, engine, e::orgFacts, clock));
            s.extraApi().accept(router);
            if (sandbox != null) {
                Sandbox sb = sandbox;
                // "reply as this recipient": the sandbox's stand-in for a person answering a text
                router.post("/sandbox/reply", q -> {
                    var b = q.requireBody();
                    try {
                        String conv = sb.reply(b.path("from").asString(""), b.path("text").asString(""));
                        return dev.switchboard.engine.ipc.ApiResponse.ok(tools.jackson.databind.json.JsonMapper
                                .builder().build().createObjectNode().put("conversationId", conv));
                    } catch (IllegalArgumentException bad) {
                        throw new dev.switchboard.engine.ipc.ApiException(400, bad.getMessage());
                    }
                });
            }
            EngineApiServer api = EngineApiServer.start(dataDir, router);
            if (sandbox != null) {
                // the sandbox plays the email provider: its bounces and unsubscribes reach the engine's intake
                sandbox.webhook(api.hookUrl("email-provider"));
            }
            EngineHost host = new EngineHost(workspace, sandbox, engine, api, clock, where);
            current = host;
            return host;
        } catch (IOException | RuntimeException ex) {
            if (engine != null) {
                engine.stop(Duration.ofSeconds(5));
            }
            if (sandbox != null) {
                sandbox.close();
            }
            throw ex;
        }
    }

    /**
     * The data folder's sandbox org: its state and virtual clock in {@code <data>/sandbox/org-state.json}, so it
     * survives restarts like a real org. The caller closes it.
     */
    public static Sandbox startSandbox(Path dataDir, int port, double speed) {
        return Sandbox.start(SandboxConfig.defaults().withPort(port).withClockSpeed(speed)
                .withStateFile(dataDir.resolve("sandbox").resolve("org-state.json")));
    }

    /** The connection to a sandbox org. */
    public static OrgConnection sandboxConnection(Sandbox sandbox) {
        return OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                sandbox.clientSecret().toCharArray()).withInboundQueue(Sandbox.INBOUND_QUEUE_ID);
    }

    /** The workspace of the engine hosted in this process for {@code dataDir}, if any. */
    public static Workspace ambient(Path dataDir) {
        EngineHost h = current;
        return h != null && h.workspace.dataDir().toAbsolutePath().equals(dataDir.toAbsolutePath())
                ? h.workspace : null;
    }

    /**
     * Takes a backup of the store every {@code every} (zero: never) while the engine runs, keeping {@code keep} in
     * the data folder; {@code report} hears of each one written or failed.
     */
    public void scheduleBackups(Duration every, int keep, Consumer<String> report) {
        stopBackups();
        backups = workspace.backups().schedule(every, keep, Duration.ofMinutes(1), report);
    }

    private void stopBackups() {
        try {
            backups.close();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    public Engine engine() {
        return engine;
    }

    public Clock clock() {
        return clock;
    }

    /** "the sandbox org at …" or "the org at …". */
    public String where() {
        return where;
    }

    public int apiPort() {
        return api.address().getPort();
    }

    /** The sandbox's API base, or null on a real org. */
    public URI sandboxUrl() {
        return sandbox == null ? null : sandbox.apiBaseUrl();
    }

    /** The sandbox clock's speed (virtual seconds per real second), or empty on a real org. */
    public java.util.OptionalDouble sandboxSpeed() {
        return sandbox == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(sandbox.clock().speed());
    }

    /**
     * Runs the sandbox's virtual clock at {@code speed} from now on (time already passed is kept); the engine shares
     * that clock. Refused on a real org.
     */
    public void setSandboxSpeed(double speed) {
        if (sandbox == null) {
            throw new IllegalStateException("The engine drives a real org: its clock is the wall clock.");
        }
        sandbox.clock().setSpeed(speed);
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        stopBackups();
        try {
            api.close();
        } finally {
            try {
                engine.stop(Duration.ofSeconds(10));
            } finally {
                if (sandbox != null) {
                    sandbox.close();
                }
            }
        }
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant m = a;
        if (b != null && b.isAfter(m)) {
            m = b;
        }
        if (c != null && c.isAfter(m)) {
            m = c;
        }
        return m;
    }
}
