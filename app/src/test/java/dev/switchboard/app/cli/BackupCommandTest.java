package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup}, {@code backup list|verify} and {@code restore} as a user runs them: a damaged store comes back
 * whole from a backup (every contact, suppression and audit row; the chain verifies), a changed zip is caught, the
 * data folder keeps --keep backups, and a backup taken while the engine holds the store (in process and forwarded
 * over its API) succeeds while others write.
 */
class BackupCommandTest {
    static final String PASSWORD = CampaignCommandTest.PASSWORD;

    @TempDir
    Path dir;

    Path data() {
        return dir.resolve("data");
    }

    CliRunner.Run run(String... args) {
        return new CliRunner(data()).run(args);
    }

    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    CliRunner.Run as(String... args) {
        return runWith(new String[] {PASSWORD}, args);
    }

    private List<Path> zips() throws Exception {
        try (Stream<Path> s = Files.list(data().resolve("backups"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
    }

    @Test
    void aDamagedStoreComesBackWholeFromABackup() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        CliRunner.Run sup = as("suppress", "add", "+13172321400", "--kind", "opt_out", "--reason", "said STOP",
                "--as", "ada");
        assertThat(sup.code()).as(sup.err()).isZero();
        CliRunner.Run dnc = as("suppress", "add", "jane@example.com", "--kind", "dnc", "--reason", "asked",
                "--as", "ada");
        assertThat(dnc.code()).as(dnc.err()).isZero();
        String contactsBefore = run("contacts", "--list", "Demo contacts", "--page-size", "100").out();
        String suppressionsBefore = run("suppress", "list").out();
        String auditBefore = run("audit", "list", "--limit", "1000").out();

        CliRunner.Run backup = run("backup");
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written: " + data().resolve("backups"))
                .contains("12 contacts, 2 suppressions");
        Path zip = zips().getFirst();
        assertThat(zip.getFileName().toString()).matches("switchboard-\\d{8}T\\d{6}Z\\.zip");
        assertThat(zip.resolveSibling(zip.getFileName().toString().replace(".zip", ".manifest.json"))).exists();
        assertThat(run("backup", "list").out()).contains(zip.getFileName().toString()).contains("12 contacts");
        CliRunner.Run sound = run("backup", "verify");
        assertThat(sound.code()).as(sound.err()).isZero();
        assertThat(sound.out()).contains("Backup sound").contains("audit chain of");
        assertNoScratchLeft();

        // more work after the backup, then the store is damaged
        as("suppress", "add", "+13172321401", "--kind", "opt_out", "--reason", "after the backup", "--as", "ada");
        Path storeFile = data().resolve("switchboard.mv.db");
        long size = Files.size(storeFile);
        try (RandomAccessFile f = new RandomAccessFile(storeFile.toFile(), "rw")) {
            byte[] junk = new byte[8192];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.seek(0);
            f.write(junk);
            f.setLength(size / 2);
        }
        CliRunner.Run broken = run("audit", "verify");
        assertThat(broken.code()).as("a damaged store does not open: " + broken.out()).isNotZero();

        CliRunner.Run unconfirmed = as("restore", zip.toString(), "--as", "ada");
        assertThat(unconfirmed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("--yes");
        CliRunner.Run wrongPassword = runWith(new String[] {"not the password"}, "restore", zip.toString(), "--as",
                "ada", "--yes");
        assertThat(wrongPassword.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(wrongPassword.err()).contains("Nothing changed");
        CliRunner.Run missing = as("restore", dir.resolve("nope.zip").toString(), "--as", "ada", "--yes");
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).contains("no such backup file").contains("nope.zip");

        CliRunner.Run restore = as("restore", zip.toString(), "--as", "ada", "--yes");
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored").contains("before-restore-");
        try (Stream<Path> s = Files.list(data())) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith("switchboard.mv.db.before-restore-"))
                    .findFirst().orElseThrow();
            assertThat(Files.size(aside)).as("the damaged store is kept aside, not deleted").isEqualTo(size / 2);
        }
        assertNoScratchLeft();

        assertThat(run("contacts", "--list", "Demo contacts", "--page-size", "100").out()).isEqualTo(contactsBefore);
        assertThat(run("suppress", "list").out()).isEqualTo(suppressionsBefore);
        CliRunner.Run verify = run("audit", "verify");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        String auditAfter = run("audit", "list", "--limit", "1000").out();
        assertThat(auditAfter.lines().findFirst().orElseThrow()).contains("store.restore").contains("ada")
                .contains(zip.getFileName().toString());
        assertThat(auditAfter.lines().skip(1).toList()).isEqualTo(auditBefore.lines().toList());
    }

    @Test
    void aChangedBackupIsCaughtAndNamed() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        assertThat(run("backup").code()).isZero();
        Path zip = zips().getFirst();
        Path manifest = zip.resolveSibling(zip.getFileName().toString().replace(".zip", ".manifest.json"));

        // a manifest whose figures were edited: the hash still matches, the counts do not
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replace("\"contacts\" : 12", "\"contacts\" : 13"));
        CliRunner.Run counts = run("backup", "verify", zip.toString());
        assertThat(counts.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(counts.err()).contains(zip.toString()).contains("it holds 12 contacts, its manifest says 13");
        Files.writeString(manifest, original);

        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(zip, bytes);
        CliRunner.Run tampered = run("backup", "verify", zip.toString());
        assertThat(tampered.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(tampered.err()).contains(zip.toString()).contains("SHA-256").contains("changed or damaged");
        CliRunner.Run restore = as("restore", zip.toString(), "--as", "ada", "--yes");
        assertThat(restore.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(restore.err()).contains("Nothing changed");
        assertThat(run("audit", "verify").code()).isZero();

        Files.delete(manifest);
        CliRunner.Run noManifest = run("backup", "verify", zip.toString());
        assertThat(noManifest.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(noManifest.err()).contains("manifest").contains("missing");
        CliRunner.Run none = run("backup", "verify", dir.resolve("nope.zip").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.INPUT);
        assertNoScratchLeft();
    }

    @Test
    void theDataFolderKeepsTheNewestBackupsAndToWritesElsewhere() throws Exception {
        for (int i = 0; i < 4; i++) {
            CliRunner.Run b = run("backup", "--keep", "2");
            assertThat(b.code()).as(b.err()).isZero();
        }
        assertThat(zips()).hasSize(2);
        try (Stream<Path> s = Files.list(data().resolve("backups"))) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".manifest.json")).count()).isEqualTo(2);
        }
        assertThat(run("backup", "--keep", "0").code()).isEqualTo(ExitCodes.USAGE);
        Path elsewhere = dir.resolve("offsite");
        CliRunner.Run to = run("backup", "--to", elsewhere.toString(), "--keep", "1");
        assertThat(to.code()).as(to.err()).isZero();
        assertThat(to.out()).contains(elsewhere.toString());
        assertThat(zips()).as("--to prunes nothing, and leaves the data folder's alone").hasSize(2);
        CliRunner.Run list = run("backup", "list", "--in", elsewhere.toString());
        assertThat(list.out()).contains("switchboard-");
        assertThat(run("backup", "verify", Files.list(elsewhere).filter(p -> p.toString().endsWith(".zip"))
                .findFirst().orElseThrow().toString()).code()).isZero();
    }

    @Test
    void aBackupWhileTheEngineRunsAndWritesSucceedsAndRestoreIsRefused() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        Workspace workspace = Workspace.open(data(), "the Switchboard engine");
        EngineHost host = null;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = null;
        try {
            host = EngineHost.start(workspace, new EngineHost.Settings(null, 1.0, null, 0, 1, Forwarding::install));
            Actor ada = workspace.users().authenticate("ada", PASSWORD.toCharArray());
            writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        workspace.suppressions().add(ada, Suppression.Kind.OPT_OUT, Channel.SMS,
                                "+1317232" + String.format("%04d", 1500 + i % 400), null, "load " + i, "test");
                        written.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            while (written.get() < 5) {
                Thread.sleep(10);
            }
            // in this process (the engine's workspace) …
            CliRunner.Run online = run("backup");
            assertThat(online.code()).as(online.err()).isZero();
            // … and forwarded over the engine's API, as from another terminal
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            SwitchboardCommand.Invocation inv = new SwitchboardCommand.Invocation(new String[] {"--data-dir",
                    data().toString(), "backup"}, new PrintWriter(out, true), new PrintWriter(err, true));
            int code;
            try (EngineApiClient client = EngineApiClient.connect(data()).orElseThrow()) {
                code = Forwarding.forward(client, inv, "backup", data());
            }
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Backup written");

            CliRunner.Run refused = as("restore", zips().getFirst().toString(), "--as", "ada", "--yes");
            assertThat(refused.code()).isEqualTo(ExitCodes.STORE);
            assertThat(refused.err()).contains("in use by the Switchboard engine");
        } finally {
            writing.set(false);
            if (writer != null) {
                writer.join();
            }
            if (host != null) {
                host.close();
            }
            workspace.close();
        }
        assertThat(written.get()).as("writes went on during the backups").isGreaterThan(5);
        for (Path zip : zips()) {
            CliRunner.Run v = run("backup", "verify", zip.toString());
            assertThat(v.code()).as(v.err()).isZero();
        }
        assertNoScratchLeft();
    }

    @Test
    void theEngineTakesScheduledBackups() throws Exception {
        Workspace workspace = Workspace.open(data(), "the scheduler test");
        try (AutoCloseable schedule = workspace.backups().schedule(java.time.Duration.ofMillis(300), 2,
                java.time.Duration.ZERO, line -> { })) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((!Files.isDirectory(data().resolve("backups")) || zips().size() < 2)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500);
        } finally {
            workspace.close();
        }
        assertThat(zips()).hasSize(2);
        assertThat(Instant.now()).isNotNull();
    }

    private void assertNoScratchLeft() throws Exception {
        try (Stream<Path> s = Files.walk(data())) {
            assertThat(s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".verify-") || n.startsWith(".restore-") || n.endsWith(".tmp")))
                    .as("no scratch copy or temporary file is left").isEmpty();
        }
    }
}
