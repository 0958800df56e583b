package dev.switchboard.app.cli;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.EngineEvent;
import dev.switchboard.engine.genesys.OrgConnection;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard engine}: the one process that holds the store and sends. Runs until stopped (Ctrl-C, SIGTERM)
 * or, with {@code --until-idle}, until no campaign runs and no attempt waits for reconciliation.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Runs the campaign engine: claims due steps of running campaigns, checks each with the"
                + " compliance gate, records the intent, sends through Genesys and records the result. Other"
                + " commands (campaign, kill-switch, contact, queue, evidence) reach it over an authenticated"
                + " loopback API while it runs.",
                "Without --region or --api-url it drives the org connected with 'switchboard org connect', else the"
                        + " data folder's sandbox org (started inside the engine; its state survives restarts). A real"
                        + " org given by flags needs --client-id and the secret in $GENESYS_CLIENT_SECRET or on"
                        + " standard input, never a flag."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped or idle", "2:wrong flag", "4:the store is in use by another process",
                "130:interrupted"})
final class EngineCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--region", paramLabel = "NAME", description = "A real org's region, e.g. us_east_1.")
    String region;

    @Option(names = "--api-url", paramLabel = "URL", description = "Explicit API base URL (with --login-url).")
    URI apiUrl;

    @Option(names = "--login-url", paramLabel = "URL", description = "Explicit login base URL.")
    URI loginUrl;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth client id (real orgs).")
    String clientId;

    @Option(names = "--sandbox", description = "Drive the data folder's sandbox org even when an org is connected"
            + " ('switchboard org connect').")
    boolean sandbox;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Virtual clock speed: virtual seconds per real second (default 1). On the sandbox the"
                    + " engine shares the sandbox's clock; --speed 3600 runs an hour per second, so a two-day"
                    + " sequence finishes in about a minute.")
    double speed;

    @Option(names = "--start-at", paramLabel = "INSTANT", description = "Start the engine's clock here"
            + " (2026-12-08T15:00:00Z) if that is later than the clock already is. For tests and demos.")
    Instant startAt;

    @Option(names = "--sandbox-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the built-in sandbox on 127.0.0.1 (default: any free port).")
    int sandboxPort;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = "Worker threads (default 4).")
    int workers;

    @Option(names = "--until-idle", description = "Exit when no campaign runs and no attempt waits for"
            + " reconciliation.")
    boolean untilIdle;

    @Option(names = "--backup-every", paramLabel = "HOURS", defaultValue = "24",
            description = "Take an online backup of the store every HOURS (default ${DEFAULT-VALUE}; 0: never). The"
                    + " first comes when the newest backup is that old (a minute after start when it is older).")
    double backupEveryHours;

    @Option(names = "--backup-keep", paramLabel = "N", defaultValue = "7",
            description = "Backups the data folder keeps (default ${DEFAULT-VALUE}).")
    int backupKeep;

    @Option(names = {"-q", "--quiet"}, description = "Print a summary every 10 s instead of every event.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(backupEveryHours >= 0) || backupKeep < 1) {
            err.println("switchboard engine: --backup-every must be 0 or more hours and --backup-keep at least 1");
            return ExitCodes.USAGE;
        }
        if (!(speed > 0) || workers < 1 || workers > 64) {
            err.println("switchboard engine: --speed must be positive and --workers between 1 and 64");
            return ExitCodes.USAGE;
        }
        boolean real = region != null || apiUrl != null;
        if (real && sandbox) {
            err.println("switchboard engine: --sandbox goes without --region and --api-url");
            return ExitCodes.USAGE;
        }
        if (real && clientId == null) {
            err.println("switchboard engine: a real org needs --client-id (and the secret in $"
                    + SendTestCommand.SECRET_ENV + " or on standard input)");
            return ExitCodes.USAGE;
        }
        if (apiUrl != null && loginUrl == null) {
            err.println("switchboard engine: --api-url needs --login-url too");
            return ExitCodes.USAGE;
        }
        Path dataDir = SwitchboardCommand.dataDirOf(spec);
        OrgConnection org = null;
        if (real) {
            char[] secret = SendTestCommand.secret();
            if (secret.length == 0) {
                err.println("switchboard engine: no client secret: set $" + SendTestCommand.SECRET_ENV
                        + " or pipe it on standard input");
                return ExitCodes.USAGE;
            }
            org = region != null ? OrgConnection.region(region, clientId, secret)
                    : OrgConnection.urls(apiUrl, loginUrl, clientId, secret);
        }
        Workspace workspace;
        try {
            workspace = Workspace.open(dataDir, "the Switchboard engine");
        } catch (StoreUnavailableException e) {
            err.println("switchboard engine: " + e.getMessage());
            return ExitCodes.STORE;
        }
        if (org == null && !sandbox) {
            try {
                org = workspace.storedOrg().orElse(null);
            } catch (RuntimeException e) {
                workspace.close();
                err.println("switchboard engine: " + e.getMessage());
                return ExitCodes.STORE;
            }
            if (org != null) {
                out.printf("Using the connected org %s (switchboard org status; --sandbox for the sandbox)%n",
                        workspace.orgSettings().map(dev.switchboard.engine.genesys.OrgSettings::where).orElse(""));
            }
        }
        EngineHost host = null;
        try {
            host = EngineHost.start(workspace, new EngineHost.Settings(org, speed, startAt, sandboxPort, workers,
                    Forwarding::install));
            Engine engine = host.engine();
            host.scheduleBackups(java.time.Duration.ofSeconds(Math.round(backupEveryHours * 3600)), backupKeep,
                    line -> {
                        synchronized (out) {
                            out.println(TIME.format(Instant.now()) + "  " + line);
                            out.flush();
                        }
                    });
            if (!quiet) {
                engine.addListener(ev -> print(out, ev));
            }
            Clock clock = host.clock();
            out.printf("Switchboard engine running (epoch %d) on %s%n", engine.status().epoch(), host.where());
            out.printf("  clock %s (%s) · API on 127.0.0.1:%d · data %s%n", clock.instant(),
                    speed == 1 ? "real time" : speed + "× real time", host.apiPort(), dataDir);
            out.println("  Other terminals: switchboard campaign status NAME · campaign pause NAME --reason …"
                    + " --as … · kill-switch on --reason … --as …  · Ctrl-C stops the engine.");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "engine-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            long lastSummary = System.nanoTime();
            while (!stop.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (quiet && System.nanoTime() - lastSummary > 10_000_000_000L) {
                    Engine.Status s = engine.status();
                    out.printf("%s  %d sends (%.0f/min), %d unknown, kill switch %s%n", TIME.format(s.now()),
                            s.sends(), s.sendsPerMinute(), s.unknownAttempts(), s.killSwitch() ? "ON" : "off");
                    out.flush();
                    lastSummary = System.nanoTime();
                }
                if (untilIdle && idle(workspace, engine)) {
                    out.println("Idle: no campaign runs and no attempt waits for reconciliation.");
                    break;
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping (Ctrl-C): the hook already ran
            }
            return ExitCodes.OK;
        } finally {
            if (host != null) {
                host.close();
            }
            workspace.close();
            out.println("Engine stopped.");
            out.flush();
        }
    }

    private static boolean idle(Workspace workspace, Engine engine) {
        return workspace.campaigns().all().stream().noneMatch(c -> c.state().equals("running"))
                && engine.status().unknownAttempts() == 0;
    }

    private static void print(PrintWriter out, EngineEvent e) {
        synchronized (out) {
            out.printf("%s  %-9s %s%s%s%n", TIME.format(e.at()), e.kind(),
                    e.campaignId() == 0 ? "" : "campaign " + e.campaignId() + " ",
                    e.contactId() == 0 ? "" : "contact " + e.contactId() + (e.step() == null ? " " : " " + e.step()
                            + " "), e.detail());
            out.flush();
        }
    }
}
