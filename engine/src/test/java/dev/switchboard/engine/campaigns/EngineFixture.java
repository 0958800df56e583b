package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * A data folder with the demo list imported and an admin profile, a sandbox org on loopback whose virtual clock the
 * engine shares (set to the next Tuesday, 15:00 UTC, when US windows are open in the east), and an engine over both.
 */
final class EngineFixture implements AutoCloseable {
    final Path dir;
    final Sandbox sandbox;
    final Workspace workspace;
    final Actor admin;
    final SuppliedClock clock;
    Engine engine;
    /** Applied to every Genesys client the fixture's org connection builds (fault tests shorten timeouts). */
    java.util.function.UnaryOperator<dev.switchboard.genesys.GenesysClient.Builder> clientTuning = b -> b;

    EngineFixture(Path dir, double speed) throws Exception {
        this.dir = dir;
        this.sandbox = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(100_000).withClockSpeed(speed));
        Instant now = sandbox.clock().now();
        ZonedDateTime tuesday = now.atZone(ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0));
        sandbox.clock().advance(Duration.between(now, tuesday.toInstant()));
        this.clock = new SuppliedClock(() -> sandbox.clock().now());
        this.workspace = Workspace.open(dir.resolve("data"), "the engine test");
        workspace.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        this.admin = workspace.users().authenticate("ada", "admin-pass-1".toCharArray());
        Path csv = dir.resolve("demo-contacts.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/lists/demo-contacts.csv")) {
            Files.copy(in, csv);
        }
        workspace.imports().run(ImportRequest.of(csv, "Demo contacts"), ImportListener.NONE, () -> false);
        readyOutsideData(workspace, admin, org(), dir);
        // the sandbox's numbers send without carrier limits here: these tests are about the engine's paths;
        // SenderThrottleTest and the forecast tests cover the limits
        for (String number : List.of("+13177340100", "+13177340101", "+18887340100")) {
            workspace.senders().register(admin, dev.switchboard.model.throughput.SenderLimits.unthrottled(number,
                    "engine tests"));
        }
    }

    /**
     * What a launch needs besides the campaign: a complete sync of the org's DNC lists, and for marketing the
     * shipped National DNC scrub and RND samples, dated today (as the README's walkthrough does).
     */
    static void readyOutsideData(Workspace workspace, Actor admin, OrgConnection org, Path dir) throws Exception {
        try (dev.switchboard.genesys.GenesysClient c = org.client()) {
            var sync = workspace.dnc().genesys(c).sync();
            if (!sync.complete()) {
                throw new IllegalStateException("the DNC sync failed: " + sync.problem());
            }
        }
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        workspace.dnc().importScrub(admin, resource(dir, "/demo/dnc/national-dnc-scrub-sample.csv"), today);
        workspace.dnc().importRnd(admin, resource(dir, "/demo/dnc/rnd-results-sample.csv"), today);
    }

    private static Path resource(Path dir, String name) throws Exception {
        Path file = dir.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = EngineFixture.class.getResourceAsStream(name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    OrgConnection org() {
        return OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                sandbox.clientSecret().toCharArray()).withInboundQueue(Sandbox.INBOUND_QUEUE_ID)
                .withClientTuning(clientTuning);
    }

    Engine startEngine() {
        return startEngine(org(), Engine.Probe.NONE);
    }

    Engine startEngine(OrgConnection org) {
        return startEngine(org, Engine.Probe.NONE);
    }

    /** An engine whose send protocol calls {@code probe} at its points (see {@link Engine.Probe}). */
    Engine startEngine(Engine.Probe probe) {
        return startEngine(org(), probe);
    }

    Engine startEngine(OrgConnection org, Engine.Probe probe) {
        engine = workspace.newEngine(org, clock, new Engine.Options(4, Duration.ofMillis(20), Duration.ofMinutes(5),
                probe));
        engine.start();
        return engine;
    }

    CampaignService.LaunchReport createAndLaunch(String demo) throws Exception {
        CampaignService.Spec spec = CampaignFile.demo(demo);
        workspace.campaigns().create(admin, spec);
        return workspace.campaigns().launch(admin, spec.name(), engine.orgFacts());
    }

    /** Waits (real time) until no campaign is running, or fails after {@code timeout}. */
    void awaitAllEnded(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (workspace.campaigns().all().stream().noneMatch(c -> c.state().equals("running"))) {
                return;
            }
            Thread.sleep(50);
        }
        StringBuilder sb = new StringBuilder("campaigns still running after " + timeout + " at " + clock.instant());
        for (CampaignService.View v : workspace.campaigns().all()) {
            try {
                sb.append("\n").append(workspace.campaigns().stats(v.name(), clock.instant()));
            } catch (CampaignService.CampaignException e) {
                sb.append(e.getMessage());
            }
        }
        throw new AssertionError(sb.toString());
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        workspace.close();
        sandbox.close();
    }
}
