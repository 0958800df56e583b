package dev.switchboard.app.cli;

import dev.switchboard.app.forecast.ForecastText;
import dev.switchboard.app.forecast.SandboxOutcomes;
import dev.switchboard.engine.bench.ForecastBenchmark;
import dev.switchboard.engine.forecast.ForecastReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code switchboard bench-forecast}: how fast a forecast runs (a program, not a test). */
@Command(name = "bench-forecast", mixinStandardHelpOptions = true,
        description = {"Benchmark: forecasts of N contacts (the demo list's people repeated with distinct numbers)"
                + " in a fresh store, against the sandbox's seeded world: a 7-day voice/SMS/email sequence (target"
                + " 60 s for 100,000 contacts, reading the list from the store included), then the outage broadcast"
                + " on one 10DLC long code. Prints both forecasts and their wall times."})
final class BenchForecastCommand implements Callable<Integer> {
    @Option(names = "--contacts", paramLabel = "N", defaultValue = "100000",
            description = "Contacts (default 100,000).")
    int contacts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The sandbox world's seed.")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir)
                : Files.createTempDirectory("switchboard-bench-forecast-");
        System.out.println("work folder: " + work);
        ForecastBenchmark.Result r = ForecastBenchmark.run(work, contacts, new SandboxOutcomes(seed), seed,
                System.out);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println();
        ForecastText.print(r.week(), out);
        out.println();
        ForecastText.print(r.broadcast(), out);
        out.println();
        figures(out, "week", r.week(), r.weekWall(), r.contacts());
        figures(out, "broadcast", r.broadcast(), r.broadcastWall(), r.contacts());
        out.printf("forecast_7day_seconds=%.1f (target <= 60 for 100,000 contacts)%n", r.weekWall().toMillis()
                / 1000.0);
        return ExitCodes.OK;
    }

    private static void figures(PrintWriter out, String name, ForecastReport f, Duration wall, int contacts) {
        out.printf("%s: %,d contacts forecast in %.1f s wall (%,.0f contacts/s; simulation %.1f s), virtual span %s,"
                        + " %,d API requests, peak %d/min%n", name, contacts, wall.toMillis() / 1000.0,
                contacts / Math.max(0.001, wall.toMillis() / 1000.0), f.wallTime().toMillis() / 1000.0,
                f.finish() == null ? "beyond the horizon" : Duration.between(f.start(), f.finish()).toHours() + " h",
                f.apiRequests(), f.peakApiPerMinute());
    }
}
