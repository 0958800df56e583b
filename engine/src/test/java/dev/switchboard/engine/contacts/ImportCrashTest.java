package dev.switchboard.engine.contacts;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.bench.ListFileGenerator;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.ListSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 during an import leaves whole batches only, and running the import again finishes it without duplicates.
 * The import runs in a child JVM, which the test kills with SIGKILL at random points (seed printed).
 */
class ImportCrashTest {
    private static final int ROWS = 30_000;

    /** The child: imports the file, printing each progress report's row count. */
    public static void main(String[] args) throws Exception {
        try (Workspace w = Workspace.open(Path.of(args[0]), "the crash-test child")) {
            System.out.println("started");
            w.imports().run(ImportRequest.of(Path.of(args[1]), "Crash"), p -> {
                System.out.println("rows " + p.rowsDone());
                System.out.flush();
            }, () -> false);
            System.out.println("done");
        }
    }

    @Test
    void killNineLeavesWholeBatchesAndTheNextRunFinishesWithoutDuplicates(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        Path csv = dir.resolve("crash.csv");
        ListFileGenerator.write(csv, ROWS, 7);
        Path data = dir.resolve("data");
        List<Long> killedAt = new ArrayList<>();
        for (int kill = 0; kill < 3; kill++) {
            Process child = new ProcessBuilder(javaBin(), "-Xmx256m", vaultProperty("default"),
                    vaultProperty("test-iterations"), usersIterations(), "-cp", System.getProperty("java.class.path"),
                    ImportCrashTest.class.getName(), data.toString(), csv.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            long target = 1 + rnd.nextInt(ROWS / 3);
            String line;
            long rows = 0;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("rows ")) {
                    rows = Long.parseLong(line.substring(5));
                    if (rows >= target) {
                        break;
                    }
                }
                if (line.equals("done")) {
                    break;
                }
            }
            Thread.sleep(rnd.nextInt(150)); // land somewhere inside a batch, or between two
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("seed %d", seed).isTrue();
            killedAt.add(rows);

            try (Workspace w = Workspace.open(data, "the crash test")) {
                ListSummary list = w.contacts().list("Crash").orElseThrow();
                ImportRecord imp = list.lastImport();
                // the store holds exactly the rows of the committed batches: none half-written
                assertThat(imp.lastRecord() % ImportService.BATCH_SIZE == 0 || imp.lastRecord() == ROWS)
                        .as("seed %d: last record %d", seed, imp.lastRecord()).isTrue();
                assertThat(imp.rowsDone()).as("seed %d", seed).isEqualTo(imp.lastRecord());
                assertThat(list.contacts()).as("seed %d", seed).isEqualTo(imp.inserted());
                assertThat(w.contacts().imports(list.list().id())).as("seed %d", seed).hasSize(1);
            }
        }

        try (Workspace w = Workspace.open(data, "the crash test")) {
            ImportSummary s = w.imports().run(ImportRequest.of(csv, "Crash"), ImportListener.NONE, () -> false);
            assertThat(s.state()).isEqualTo(ImportState.COMPLETED);
            assertThat(s.rows()).as("seed %d, killed at %s", seed, killedAt).isEqualTo(ROWS);
            ListSummary list = w.contacts().list("Crash").orElseThrow();
            assertThat(list.contacts()).isEqualTo(s.inserted());
            assertThat(s.inserted() + s.rejected()).isEqualTo(ROWS);
            assertThat(w.contacts().imports(list.list().id())).hasSize(1);

            // a clean re-run of the finished file is all "unchanged": nothing was duplicated or lost
            ImportSummary again = w.imports().run(ImportRequest.of(csv, "Crash"), ImportListener.NONE, () -> false);
            assertThat(again.unchanged()).isEqualTo(s.inserted());
            assertThat(again.inserted()).isZero();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
