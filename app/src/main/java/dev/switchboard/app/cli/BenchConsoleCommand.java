package dev.switchboard.app.cli;

import dev.switchboard.app.bench.ConsoleBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard bench-console}: the console's FX-thread stall benchmark (a program, not a test). */
@Command(name = "bench-console", mixinStandardHelpOptions = true,
        description = {"Benchmark: opens the console on a fresh data folder, launches a campaign on its Campaigns"
                + " screen and imports N contacts through its import wizard while switching screens, and measures"
                + " how long the FX thread was unavailable (longest stall, p99, p99.9, stalls over 50 ms) and the"
                + " import's rows per second.",
                "Needs a display (e.g. Xvfb) or -Dglass.platform=Headless -Dprism.order=sw (./switchboard adds"
                        + " these when DISPLAY is not set)."})
final class BenchConsoleCommand implements Callable<Integer> {
    @Option(names = "--contacts", paramLabel = "N", defaultValue = "1000000",
            description = "Rows imported through the console (default 1,000,000).")
    int contacts;

    @Option(names = "--campaign-contacts", paramLabel = "N", defaultValue = "5000",
            description = "Contacts of the running campaign (default 5,000).")
    int campaignContacts;

    @Option(names = "--no-baseline", description = "Skip the same import without the console.")
    boolean noBaseline;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("switchboard-bench-console-");
        System.out.println("work folder: " + work);
        ConsoleBenchmark.run(work, contacts, campaignContacts, !noBaseline, System.out);
        return ExitCodes.OK;
    }
}
