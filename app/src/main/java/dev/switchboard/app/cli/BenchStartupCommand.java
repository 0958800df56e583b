package dev.switchboard.app.cli;

import dev.switchboard.app.bench.StartupBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard bench-startup}: the console's startup time, first and second start (a program, not a test). */
@Command(name = "bench-startup", mixinStandardHelpOptions = true,
        description = {"Benchmark: starts the console twice in fresh JVMs on a new data folder (the first start"
                + " creates the store) and prints the time from process start to the first frame and to the screens"
                + " (target <= 3 s for the second start).",
                "Needs a display (e.g. Xvfb) or -Dglass.platform=Headless -Dprism.order=sw (./switchboard adds"
                        + " these when DISPLAY is not set)."})
final class BenchStartupCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("switchboard-bench-startup-");
        System.out.println("work folder: " + work);
        StartupBenchmark.run(work, System.out);
        return ExitCodes.OK;
    }
}
