package dev.switchboard.app.cli;

import dev.switchboard.engine.bench.BenchContacts;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.StoreException;
import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canary (issue 7): a data folder connected to an org (the sandbox on loopback, whose client secret is the canary
 * secret), a list of canary phone numbers and a broadcast to them run by the real command line in child JVMs with
 * DEBUG logging, the engine killed mid-run (kill -9) and run again to the end; then every file of the data folder,
 * the child JVMs' temp folder, every line they logged and the exports are scanned: neither the secret nor any full
 * canary number is found. The store file copied elsewhere opens neither without its key nor with another.
 */
class CanaryTest {
    private static final int CONTACTS = 60;
    private static final String PASSWORD = "ada-canary-pass-1";

    @TempDir
    Path dir;

    private final List<Path> logs = new ArrayList<>();
    private Path tmp;

    private record Ran(int code, String out, String err) {
    }

    private ProcessBuilder command(Path data, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, vaultProperty("default"), vaultProperty("test-iterations"), usersIterations(),
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Main", "--data-dir",
                data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SWITCHBOARD_LOG_LEVEL", "DEBUG");
        pb.environment().put("SWITCHBOARD_PASSWORD", PASSWORD);
        pb.environment().put("SWITCHBOARD_NEW_PASSWORD", PASSWORD);
        pb.environment().remove("GENESYS_CLIENT_SECRET");
        pb.environment().putAll(env);
        Path out = dir.resolve("log-" + logs.size() + "-out.txt");
        Path err = dir.resolve("log-" + logs.size() + "-err.txt");
        logs.add(out);
        logs.add(err);
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    private Ran run(Path data, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = command(data, env, args);
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("switchboard %s ends", String.join(" ", args)).isTrue();
        return new Ran(p.exitValue(), Files.readString(pb.redirectOutput().file().toPath()),
                Files.readString(pb.redirectError().file().toPath()));
    }

    private Ran run(Path data, String... args) throws Exception {
        return run(data, Map.of(), args);
    }

    /** The test run's password-hash iterations, for the child JVM (production's when unset). */
    private static String usersIterations() {
        return "-Dswitchboard.users.test-iterations=" + Integer.getInteger("switchboard.users.test-iterations",
                600_000);
    }

    private static String vaultProperty(String name) {
        String key = "switchboard.vault." + name;
        return "-D" + key + "=" + System.getProperty(key, "");
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void neitherTheSecretNorAFullNumberIsAnywhereAfterACampaignWithACrash() throws Exception {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        Path data = dir.resolve("data");
        Path csv = dir.resolve("canaries.csv");
        BenchContacts.write(csv, CONTACTS);
        // the canaries: every number of the list, in its national and E.164 forms
        Map<String, String> canaries = new LinkedHashMap<>();
        for (int i = 0; i < CONTACTS; i++) {
            String national = BenchContacts.phone(i).replaceAll("\\D", "");
            canaries.put(national, "contact " + i + "'s number");
            canaries.put("+1" + national, "contact " + i + "'s number (E.164)");
        }
        Instant tuesday = Instant.now().atZone(ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0)).toInstant();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withSeed(11).withClockSpeed(600))) {
            sandbox.clock().advance(Duration.between(sandbox.clock().now(), tuesday));
            String secret = sandbox.clientSecret();
            canaries.put(secret, "the client secret");

            assertThat(run(data, "user", "add", "ada", "--role", "admin").code()).isZero();
            Ran imported = run(data, "import", csv.toString(), "--list", "Demo contacts");
            assertThat(imported.code()).as(imported.err()).isZero();
            Ran connect = run(data, Map.of("GENESYS_CLIENT_SECRET", secret), "org", "connect", "--api-url",
                    sandbox.apiBaseUrl().toString(), "--login-url", sandbox.loginBaseUrl().toString(),
                    "--client-id", sandbox.clientId(), "--as", "ada");
            assertThat(connect.code()).as(connect.err()).isZero();
            assertThat(run(data, "campaign", "create", "--demo", "outage-broadcast", "--as", "ada").code()).isZero();

            // the engine on the connected org, killed (-9) once the broadcast is under way
            ProcessBuilder enginePb = command(data, Map.of(), "engine", "--speed", "600", "--start-at",
                    tuesday.toString());
            Process engine = enginePb.start();
            try {
                // the engine holds the store once its API is up; a command before that would open the store itself
                await(() -> Files.exists(data.resolve("engine-api.json")) || !engine.isAlive(), 60,
                        "the engine's API");
                assertThat(engine.isAlive()).as("the engine runs: %s", read(enginePb.redirectError().file()
                        .toPath())).isTrue();
                Ran launch = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < until) {
                    launch = run(data, "campaign", "launch", "Outage broadcast", "--as", "ada");
                    if (launch.code() == 0) {
                        break;
                    }
                    Thread.sleep(1_000); // the engine is starting, or its first DNC sync is not done
                }
                assertThat(launch.code()).as(launch.out() + launch.err()).isZero();
                try {
                    await(() -> sms(sandbox) >= 5, 90, "the broadcast under way");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; the engine said:\n"
                            + tail(read(enginePb.redirectOutput().file().toPath()))
                            + tail(read(enginePb.redirectError().file().toPath())), e);
                }
            } finally {
                engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            int atCrash = sms(sandbox);
            // the engine again: what was in flight is reconciled (a send it cannot prove either way waits in the
            // operator queue, never resent), the rest is sent
            ProcessBuilder againPb = command(data, Map.of(), "engine", "--speed", "600", "--start-at",
                    tuesday.toString());
            Process again = againPb.start();
            int[] held = {0};
            try {
                // the killed engine's engine-api.json is still there: wait for the new one's (a command run before
                // the new engine holds the store would open the store itself and keep the engine out)
                await(() -> read(data.resolve("engine-api.json")).contains("\"pid\":" + again.pid() + ",")
                        || !again.isAlive(), 60, "the engine again");
                assertThat(again.isAlive()).as(() -> "the engine runs again: "
                        + read(againPb.redirectError().file().toPath())).isTrue();
                // the broadcast finishing is EngineCrashTest's subject; here the engine only has to run on after the
                // crash (reconciling, sending, logging at DEBUG) before the scan
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < until) {
                    Ran queue = run(data, "queue", "--json");
                    held[0] = queue.code() == 0 ? (int) queue.out().chars().filter(c -> c == '{').count() : 0;
                    if (sms(sandbox) + held[0] >= CONTACTS) {
                        break;
                    }
                    Thread.sleep(2_000);
                }
                System.out.printf("after the crash at %d: %d sent, %d in the operator queue%n", atCrash, sms(sandbox),
                        held[0]);
            } finally {
                again.destroy(); // a normal stop
                if (!again.waitFor(30, TimeUnit.SECONDS)) {
                    again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (sms(sandbox) <= atCrash) {
                keepForInspection(data);
            }
            // no number got the broadcast twice: its text is the same for everyone (no per-contact variables), so
            // it is the ledger's most frequent SMS content; the other texts are system replies to the simulated
            // recipients' answers (STOP confirmations, HELP, auto-replies), which are owed and counted apart
            List<LedgerEntry> texts = sandbox.ledger().stream().filter(l -> l.channel().equals("sms")).toList();
            String broadcast = texts.stream().collect(java.util.stream.Collectors.groupingBy(
                    LedgerEntry::contentSha256, java.util.stream.Collectors.counting())).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Map<String, List<LedgerEntry>> broadcastTo = texts.stream()
                    .filter(l -> l.contentSha256().equals(broadcast))
                    .collect(java.util.stream.Collectors.groupingBy(LedgerEntry::address));
            System.out.printf("CanaryTest: %d SMS in the ledger: %d broadcast texts to %d numbers, %d system"
                    + " replies; %d at the crash%n", texts.size(), broadcastTo.values().stream()
                    .mapToInt(List::size).sum(), broadcastTo.size(), texts.stream()
                    .filter(l -> !l.contentSha256().equals(broadcast)).count(), atCrash);
            List<String> twice = new ArrayList<>();
            broadcastTo.forEach((address, entries) -> {
                if (entries.size() > 1) {
                    for (LedgerEntry l : entries) {
                        String who = read(enginePb.redirectError().file().toPath()).contains(l.messageId())
                                ? "first engine" : read(againPb.redirectError().file().toPath())
                                .contains(l.messageId()) ? "second engine" : "neither log";
                        twice.add("..%s at %s message %s: %s".formatted(address.substring(address.length() - 4),
                                l.at(), l.messageId(), who));
                    }
                }
            });
            if (!twice.isEmpty()) {
                keepForInspection(data);
            }
            assertThat(twice).as("numbers that got the broadcast twice").isEmpty();
            assertThat(sms(sandbox)).as(() -> "the engine ran on after the crash; the engine"
                            + " said:\n" + tail(read(againPb.redirectOutput().file().toPath()))
                            + tail(read(againPb.redirectError().file().toPath())))
                    .isLessThanOrEqualTo(CONTACTS).isGreaterThan(atCrash);

            Path export = dir.resolve("exports").resolve("evidence.csv");
            Files.createDirectories(export.getParent());
            Ran evidence = run(data, "evidence", "--campaign", "Outage broadcast", "-o", export.toString());
            assertThat(evidence.code()).as(evidence.err()).isZero();
            assertThat(Files.readAllLines(export).size()).isGreaterThan(atCrash);
            assertThat(run(data, "audit", "list").code()).isZero();
            Ran status = run(data, "campaign", "status", "Outage broadcast");
            if (Boolean.getBoolean("canary.trace")) {
                System.out.println(status.out());
                System.out.println(String.join("\n", Files.readAllLines(export).subList(0, Math.min(3,
                        Files.readAllLines(export).size()))));
            }
            assertThat(status.code()).isZero();
            Ran org = run(data, "org", "status");
            assertThat(org.code()).isZero();
            assertThat(org.out()).contains(sandbox.clientId());

            // the scan: the data folder, the temp folder, every log and the exports
            List<String> found = new ArrayList<>();
            for (Path root : List.of(data, tmp, export.getParent())) {
                scan(root, canaries, found);
            }
            for (Path log : logs) {
                scan(log, canaries, found);
            }
            assertThat(found).as("canaries found").isEmpty();
            assertThat(String.join("\n", logs.stream().map(CanaryTest::read).toList())).as("DEBUG was on")
                    .contains("DEBUG");

            // the store file copied elsewhere: unreadable without its key, and with another key
            Path copy = Files.createDirectories(dir.resolve("copied"));
            Files.copy(data.resolve(Store.FILE_NAME + ".mv.db"), copy.resolve(Store.FILE_NAME + ".mv.db"));
            byte[] before = Files.readAllBytes(copy.resolve(Store.FILE_NAME + ".mv.db"));
            assertThatThrownBy(() -> Store.openFile(copy, null)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("encrypted");
            assertThatThrownBy(() -> Store.openFile(copy, "0".repeat(64).toCharArray()))
                    .isInstanceOf(StoreException.class);
            assertThat(Files.readAllBytes(copy.resolve(Store.FILE_NAME + ".mv.db"))).as("unchanged").isEqualTo(before);
        }
    }

    /** A failed run's logs and data folder, copied to target/canary-failure for a look (the temp folder goes). */
    private void keepForInspection(Path data) throws Exception {
        Path keep = Path.of("target", "canary-failure");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = keep.resolve(dir.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("the failed run's files are in " + keep.toAbsolutePath() + " (data: " + data + ")");
    }

    private static int sms(Sandbox sandbox) {
        return (int) sandbox.ledger().stream().filter(l -> l.channel().equals("sms")).map(LedgerEntry::address)
                .distinct().count();
    }

    private static void scan(Path root, Map<String, String> canaries, List<String> found) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                String utf16 = new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE);
                canaries.forEach((canary, what) -> {
                    if (bytes.contains(canary) || utf16.contains(canary)) {
                        found.add(what + " in " + root.relativize(f.toAbsolutePath()) + " (" + f + ")");
                    }
                });
            }
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        await(condition, seconds, what, () -> "");
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds, String what,
                              java.util.function.Supplier<String> context) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "\n" + context.get());
            }
            Thread.sleep(100);
        }
    }
}
