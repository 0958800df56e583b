package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console benchmarks at a tiny size, so that they cannot rot: each runs as {@code switchboard bench-…} in its own
 * JVM (the console calls {@code Application.launch}, once per JVM) on JavaFX's headless platform, and must finish and
 * print its figures. Nothing here is timed.
 */
class ConsoleBenchmarksSmokeTest {
    @TempDir
    Path dir;

    private record Ran(int code, String out) {
    }

    private Ran run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out-" + args[0] + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SWITCHBOARD_VAULT_PASSPHRASE");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Ran(p.isAlive() ? -1 : p.exitValue(), Files.readString(out));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theStallBenchmarkImportsThroughTheConsoleWithACampaignRunningAndPrintsItsFigures() throws Exception {
        Ran r = run("bench-console", "--contacts", "2000", "--campaign-contacts", "100",
                "--dir", dir.resolve("console").toString());

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("campaign: Launched: 100 contacts enrolled",
                "| rows imported through the console | 2,000 (", "import service alone (baseline)",
                "console_vs_baseline_ratio", "FX stalls > 50 ms (probes)", "frame gaps > 50 ms",
                "longest_fx_stall_ms=", "longest_fx_stall_switching_ms=", "longest_fx_stall_opening_ms=");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theStartupBenchmarkStartsTheConsoleTwiceAndPrintsBothStarts() throws Exception {
        Ran r = run("bench-startup", "--dir", dir.resolve("startup").toString());

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("first start (new store", "second start (same folder)",
                "first_start_first_frame_ms=", "second_start_first_frame_ms=");
    }
}
