package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.ops.Operations;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 chaos for the send protocol (compliance-rules.md, acceptance test 17, scaled down). The engine runs in a
 * child JVM against a sandbox org in this JVM; each run is ended either by the engine halting itself at a chosen
 * point of the protocol (between the intent commit and the call, after Genesys answered but before the result
 * commit, …) or by SIGKILL from here at a random moment, with the sandbox adding latency so that kills land during
 * calls. Then a clean engine finishes. The sandbox's ledger must show no contact reached twice, no enrollment lost,
 * and every attempt settled or waiting in the operator queue with its evidence.
 *
 * <p>Scale with {@code -Dcrash.contacts=10000 -Dcrash.kills=20} (scripts/crash-engine); the seed is printed and
 * can be fixed with {@code -Dcrash.seed=N}.
 */
class EngineCrashTest {
    private static final String[] POINTS = {"intents-committed", "before-call", "after-call",
        "after-answer-journaled"};

    /** The child: an engine over the data folder with a probe that halts the JVM at one point, with a probability. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        OrgConnection org = OrgConnection.urls(URI.create(args[1]), URI.create(args[2]), args[3],
                System.getenv("CRASH_SECRET").toCharArray());
        Instant start = Instant.parse(args[4]);
        String point = args[5];
        double probability = Double.parseDouble(args[6]);
        Random random = new Random(Long.parseLong(args[7]));
        Engine.Probe probe = p -> {
            if (p.equals(point) && random.nextDouble() < probability) {
                System.out.println("halting at " + p);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        };
        try (Workspace ws = Workspace.open(data, "the crash test's engine")) {
            Instant at = ws.lastEngineInstant().filter(i -> i.isAfter(start)).orElse(start);
            Engine engine = ws.newEngine(org, SuppliedClock.virtual(at, 1), new Engine.Options(4, Duration.ofMillis(20),
                    Duration.ofMinutes(5), probe));
            engine.start();
            System.out.println("engine started, epoch " + engine.status().epoch());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @TempDir
    Path dir;

    /**
     * The volume path: with 300 contacts due at once, the broadcast goes through a Genesys messaging campaign
     * (list adds, withdrawals, reconciliation by the list's contents).
     */
    @Test
    void killNineAtAnyPointSendsNothingTwiceLosesNothingAndQueuesWhatItCannotProve() throws Exception {
        crash("auto", Integer.getInteger("crash.contacts", 300), Integer.getInteger("crash.kills", 6));
    }

    /**
     * The agentless path: one send per contact (the send journal, reconciliation by message id, the operator queue for
     * what cannot be proven), killed the same way.
     */
    @Test
    void killNineDuringAgentlessSendsSendsNothingTwiceLosesNothingAndQueuesWhatItCannotProve() throws Exception {
        crash("off", Integer.getInteger("crash.agentless-contacts", 150), Integer.getInteger("crash.kills", 4));
    }

    /** @param volume the engine's {@code switchboard.messaging.volume} ({@code auto}, or {@code off}: agentless) */
    private void crash(String volume, int contacts, int kills) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("EngineCrashTest seed " + seed + ", " + contacts + " contacts, " + kills + " kills, volume "
                + volume);
        Path data = dir.resolve("data");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(1_000_000))) {
            sandbox.faults().latency(Duration.ofMillis(15));
            Instant start = Instant.now().atZone(ZoneOffset.UTC).plusDays(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).with(LocalTime.of(16, 0)).toInstant();
            OrgConnection org = OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                    sandbox.clientSecret().toCharArray());
            try (Workspace ws = Workspace.open(data, "the crash test")) {
                ws.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
                Actor ada = ws.users().authenticate("ada", "admin-pass-1".toCharArray());
                Path csv = dir.resolve("list.csv");
                writeList(csv, contacts);
                ws.imports().run(ImportRequest.of(csv, "Crash list"), ImportListener.NONE, () -> false);
                EngineFixture.readyOutsideData(ws, ada, org, dir);
                CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
                // the crash test measures the send protocol, not a sender's carrier limits
                ws.senders().register(ada, dev.switchboard.model.throughput.SenderLimits.unthrottled(demo.smsFrom(),
                        "crash test"));
                ws.campaigns().create(ada, new CampaignService.Spec("Crash", "Crash list", demo.sequence(), null,
                        demo.purpose(), demo.smsFrom(), null, demo.variables()));
                assertThat(ws.campaigns().launch(ada, "Crash", Engine.orgFactsOf(org)).launched()).isTrue();
            }
            List<String> history = new ArrayList<>();
            for (int k = 0; k < kills; k++) {
                String point = random.nextInt(3) == 0 ? "none" : POINTS[random.nextInt(POINTS.length)];
                Path log = dir.resolve("child-" + k + ".log");
                Process child = child(data, sandbox, start, point, 0.02 + random.nextDouble() * 0.1,
                        random.nextLong(), log, volume);
                // kill at a random moment after the engine started (JVM start and migration take seconds here)
                long started = System.nanoTime();
                while (!Files.readString(log).contains("engine started") && child.isAlive()
                        && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30)) {
                    Thread.sleep(20);
                }
                // ... once it sends: a kill before its first send (its start-up reads the org, reconciles and
                // subscribes, seconds on a loaded machine) would test a restart, not a crash in the send protocol
                int before = sandbox.ledger().size();
                long sending = System.nanoTime();
                while (sandbox.ledger().size() == before && child.isAlive() && before < contacts
                        && System.nanoTime() - sending < TimeUnit.SECONDS.toNanos(30)) {
                    Thread.sleep(5);
                }
                long waitMs = random.nextInt(400);
                boolean exited = child.waitFor(waitMs, TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
                    child.waitFor();
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                history.add((out.contains("halting at") ? "halted at " + point : "SIGKILL " + waitMs + " ms after its first send")
                        + " (ledger " + sandbox.ledger().size() + ")");
            }
            System.out.println("EngineCrashTest runs (" + (System.nanoTime() - t0) / 1_000_000 + " ms): " + history);
            sandbox.faults().reset();

            // a clean engine finishes the campaign: everything is sent, or settled, or in the operator queue
            String volumeBefore = System.setProperty(MessagingDelivery.PROPERTY, volume);
            try (Workspace ws = Workspace.open(data, "the crash test's final engine")) {
                Instant at = ws.lastEngineInstant().filter(i -> i.isAfter(start)).orElse(start);
                Engine engine = ws.newEngine(org, SuppliedClock.virtual(at, 1), new Engine.Options(4, Duration.ofMillis(20),
                        Duration.ofMinutes(5)));
                engine.start();
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + contacts / 50);
                    CampaignService.Stats stats;
                    while (true) {
                        stats = ws.campaigns().stats("Crash", engine.now());
                        int held = stats.enrollments().getOrDefault("held", 0);
                        int done = stats.enrollments().getOrDefault("done", 0);
                        if (done + held == contacts && ws.operatorQueue().size() == held) {
                            break;
                        }
                        if (System.nanoTime() > end) {
                            StringWriter ev = new StringWriter();
                            ws.timelines().evidenceForCampaign("Crash", ev);
                            String sent = ev.toString().lines().filter(l -> l.contains(",SENT,,"))
                                    .limit(5).collect(Collectors.joining("\n"));
                            try (var client = org.client()) {
                                for (String l : sent.lines().toList()) {
                                    String[] f = l.split(",", -1);
                                    try {
                                        sent += "\n" + client.messaging().messageStatus(f[17], f[18]);
                                    } catch (RuntimeException e) {
                                        sent += "\n" + e.getMessage();
                                    }
                                }
                            }
                            for (int i = 0; i < contacts; i++) {
                                var t = ws.timelines().timeline(ws.timelines().contactId("Crash list",
                                        String.format("K-%06d", i)).orElseThrow(), ws.suppressions().view(),
                                        engine.now()).orElseThrow();
                                if (t.planned().stream().anyMatch(p -> "sending".equals(p.state()))) {
                                    sent += "\nSENDING " + t;
                                }
                            }
                            // the enrollments not done, with their attempts: what the campaign waits for
                            long cid = ws.engineRepository().campaignsIn(Set.of("RUNNING", "COMPLETED", "PAUSED"))
                                    .getFirst().id();
                            for (var e : ws.engineRepository().enrollmentsOfCampaign(cid, 0, 100_000).stream()
                                    .filter(e -> !e.status().equals("DONE")).limit(5).toList()) {
                                sent += "\nNOT DONE " + e;
                                for (var a : ws.engineRepository().attemptsOfContact(e.contactId())) {
                                    sent += "\n    " + a;
                                }
                            }
                            sent += "\noperator queue " + ws.operatorQueue().size();
                            StringBuilder dump = new StringBuilder();
                            Thread.getAllStackTraces().forEach((th, st) -> {
                                if (th.getName().startsWith("engine-")) {
                                    dump.append("\n").append(th.getName()).append(' ').append(th.getState());
                                    for (int k = 0; k < Math.min(st.length, 14); k++) {
                                        dump.append("\n    at ").append(st[k]);
                                    }
                                }
                            });
                            sent += dump;
                            throw new AssertionError("campaign did not settle: " + stats + ", seed " + seed
                                    + "\n" + sent + "\nnow " + engine.now());
                        }
                        Thread.sleep(100);
                    }
                    System.out.println("EngineCrashTest: the final engine settled the campaign at "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    verify(ws, sandbox, contacts, stats, seed, history);
                } finally {
                    engine.close();
                }
            } finally {
                if (volumeBefore == null) {
                    System.clearProperty(MessagingDelivery.PROPERTY);
                } else {
                    System.setProperty(MessagingDelivery.PROPERTY, volumeBefore);
                }
            }
        }
    }

    private void verify(Workspace ws, Sandbox sandbox, int contacts, CampaignService.Stats stats, long seed,
                        List<String> history) throws Exception {
        String why = "seed " + seed + ", runs " + history;
        List<LedgerEntry> ledger = sandbox.ledger();
        Map<String, Long> perAddress = ledger.stream().collect(Collectors.groupingBy(LedgerEntry::address,
                Collectors.counting()));
        assertThat(perAddress.values()).as("no contact reached twice; " + why).allMatch(n -> n == 1);

        StringWriter w = new StringWriter();
        ws.timelines().evidenceForCampaign("Crash", w);
        Map<String, List<String>> statesByAddress = new HashMap<>();
        w.toString().lines().skip(1).forEach(line -> {
            String[] f = line.split(",", -1);
            String address = f[6].startsWith("'") ? f[6].substring(1) : f[6]; // formula-escaped in the CSV
            statesByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(f[7]);
        });
        // every accepted touch is on record as SENT, or still UNKNOWN in the operator queue: never NOT_SENT alone
        for (String address : perAddress.keySet()) {
            assertThat(statesByAddress.getOrDefault(address, List.of())).as(address + "; " + why)
                    .containsAnyOf("SENT", "UNKNOWN");
        }
        // every SENT attempt reached the sandbox (nothing recorded as sent that was not)
        statesByAddress.forEach((address, states) -> {
            if (states.contains("SENT")) {
                assertThat(perAddress).as(address + "; " + why).containsKey(address);
            }
            assertThat(states.stream().filter(s -> Set.of("SENT", "UNKNOWN", "INTENT").contains(s)).count())
                    .as("at most one live attempt per contact: " + address + "; " + why).isLessThanOrEqualTo(1);
        });
        assertThat(stats.enrollments().getOrDefault("done", 0) + stats.enrollments().getOrDefault("held", 0))
                .as("no enrollment lost; " + why).isEqualTo(contacts);
        List<Operations.QueueItem> queue = ws.operatorQueue();
        assertThat(queue).as(why).allSatisfy(q -> assertThat(q.evidence()).contains("dispatched"));
        assertThat(ws.audit().verify().problem()).isEmpty();
        System.out.println("EngineCrashTest: ledger " + ledger.size() + " sends for " + contacts + " contacts, "
                + queue.size() + " in the operator queue, " + stats.enrollments());
    }

    private static Process child(Path data, Sandbox sandbox, Instant start, String point, double probability,
                                 long seed, Path log, String volume) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + MessagingDelivery.PROPERTY + "=" + volume, vaultProperty("default"), vaultProperty("test-iterations"), usersIterations(),
                "-cp", System.getProperty("java.class.path"), EngineCrashTest.class.getName(),
                data.toString(), sandbox.apiBaseUrl().toString(), sandbox.loginBaseUrl().toString(),
                sandbox.clientId(), start.toString(), point, String.valueOf(probability), String.valueOf(seed));
        pb.environment().put("CRASH_SECRET", sandbox.clientSecret());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    /** Contacts in New York (one zone, one state), valid numbers, SMS consent. */
    static void writeList(Path csv, int n) throws Exception {
        StringBuilder sb = new StringBuilder("external_id,first_name,last_name,mobile_phone,zip,state,sms_consent,"
                + "outage_area,restore_eta\n");
        String[] areas = {"212", "646", "718", "917", "347"};
        for (int i = 0; i < n; i++) {
            String area = areas[i % areas.length];
            int exchange = 200 + (i / 10_000) % 700;
            if (exchange == 555) {
                exchange = 556;
            }
            sb.append(String.format("K-%06d,First%d,Last%d,(%s) %03d-%04d,10001,NY,yes,Manhattan,6 pm%n", i, i, i,
                    area, exchange, i % 10_000));
        }
        Files.writeString(csv, sb.toString());
    }

    /** The test run's vault settings, for a child JVM (its passphrase comes through the inherited environment). */
    /** The test run's password-hash iterations, for the child JVM (production's when unset). */
    private static String usersIterations() {
        return "-Dswitchboard.users.test-iterations=" + Integer.getInteger("switchboard.users.test-iterations",
                600_000);
    }

    private static String vaultProperty(String name) {
        String key = "switchboard.vault." + name;
        return "-D" + key + "=" + System.getProperty(key, "");
    }
}
