package dev.switchboard.app.bench;

import dev.switchboard.engine.secrets.Vaults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console's startup benchmark: two fresh JVMs, each started the way {@code ./switchboard} starts the console
 * (this JVM's java, the launcher's options, this class path; the JavaFX platform options and the collector this JVM
 * was given), on the same new data folder. The first start creates the store (migrations, demo seeding); the second
 * opens it. Each child ({@link StartupProbe}) reports, from its own process start, when its first frame was laid out
 * and when the screens were up; the parent adds the wall time from spawning the child to that report.
 */
public final class StartupBenchmark {
    /** The options {@code ./switchboard} gives every JVM. */
    static final List<String> LAUNCHER_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8");

    private StartupBenchmark() {
    }

    public record Start(String which, long mainMs, long firstFrameMs, long screensMs, long spawnToFrameMs,
                        long totalMs) {
    }

    public static List<Start> run(Path work, PrintStream out) throws Exception {
        Path data = work.resolve("startup-data");
        Files.createDirectories(data);
        // the folder's vault, as 'switchboard vault use-passphrase' makes it; the store itself is the first start's
        Vaults.usePassphrase(data, ConsoleBenchmark.PASSPHRASE.toCharArray());
        List<Start> starts = new ArrayList<>();
        starts.add(start("first start (new store: migrations, demo seeding)", data, work, out));
        starts.add(start("second start (same folder)", data, work, out));
        out.println();
        out.println("| start | JVM to main | first frame | screens up (store open) | spawn to first frame |");
        out.println("|---|---|---|---|---|");
        for (Start s : starts) {
            out.printf("| %s | %d ms | **%d ms** | %d ms | %d ms |%n", s.which(), s.mainMs(), s.firstFrameMs(),
                    s.screensMs(), s.spawnToFrameMs());
        }
        out.printf("first_start_first_frame_ms=%d%n", starts.get(0).firstFrameMs());
        out.printf("second_start_first_frame_ms=%d (target <= 3000)%n", starts.get(1).firstFrameMs());
        return starts;
    }

    private static Start start(String which, Path data, Path work, PrintStream out) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER_OPTIONS);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Dglass.") || arg.startsWith("-Dprism.") || arg.startsWith("-Dmonocle.")
                    || arg.startsWith("-Djava.awt.headless") || arg.startsWith("-Dswitchboard.vault.")
                    || arg.startsWith("-XX:+Use") && arg.endsWith("GC") || arg.startsWith("-XX:MaxGCPauseMillis=")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(),
                "--data-dir", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put(Vaults.PASSPHRASE_ENV, ConsoleBenchmark.PASSPHRASE);
        Path log = work.resolve("startup-" + (which.startsWith("first") ? 1 : 2) + ".log");
        long spawned = System.nanoTime();
        Process p = pb.start();
        Map<String, Long> figures = new HashMap<>();
        long frameAt = -1;
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("startup.") && line.contains("=")) {
                    String key = line.substring(0, line.indexOf('='));
                    figures.put(key, Long.parseLong(line.substring(line.indexOf('=') + 1).trim()));
                    if (line.startsWith(StartupProbe.FIRST_FRAME)) {
                        frameAt = System.nanoTime();
                    }
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
        writeLog(log, lines);
        Long frame = figures.get(key(StartupProbe.FIRST_FRAME));
        Long screens = figures.get(key(StartupProbe.SCREENS));
        if (frame == null || screens == null || p.exitValue() != 0) {
            throw new IllegalStateException(which + ": the console did not report its first frame and screens"
                    + " (exit " + p.exitValue() + "); see " + log);
        }
        Start s = new Start(which, figures.getOrDefault(key(StartupProbe.MAIN), -1L), frame, screens,
                TimeUnit.NANOSECONDS.toMillis(frameAt - spawned), total);
        out.printf("%s: first frame %d ms, screens up %d ms after the process started (main at %d ms); %d ms from"
                + " spawn to first frame, %d ms to exit%n", which, s.firstFrameMs(), s.screensMs(), s.mainMs(),
                s.spawnToFrameMs(), s.totalMs());
        return s;
    }

    private static String key(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }

    private static void writeLog(Path log, List<String> lines) throws IOException {
        Files.write(log, lines, StandardCharsets.UTF_8);
    }
}
