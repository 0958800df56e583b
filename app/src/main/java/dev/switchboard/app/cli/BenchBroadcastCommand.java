package dev.switchboard.app.cli;

import dev.switchboard.engine.bench.BroadcastBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard bench-broadcast}: API calls per 1000 contacts of an outage broadcast (a program, not a test). */
@Command(name = "bench-broadcast", mixinStandardHelpOptions = true,
        description = {"Benchmark: API calls per 1000 contacts of an outage broadcast against a built-in sandbox org.",
                "N contacts, one SMS each, through the campaign's Genesys messaging campaign (the engine's default"
                        + " for volume); every request the org counts from the launch until the campaign completes,"
                        + " by kind. Then a smaller sample agentless, for contrast. Target: <= 20 per 1000."})
final class BenchBroadcastCommand implements Callable<Integer> {
    @Option(names = "--contacts", paramLabel = "N", defaultValue = "100000",
            description = "Contacts of the broadcast (default 100,000).")
    int contacts;

    @Option(names = "--agentless", paramLabel = "N", defaultValue = "2000",
            description = "Contacts of the agentless contrast run (default 2,000; 0: none).")
    int agentless;

    @Option(names = "--workers", paramLabel = "W", defaultValue = "4",
            description = "Engine workers (default 4, as in production).")
    int workers;

    @Option(names = "--clock-speed", paramLabel = "X", defaultValue = "20",
            description = "Speed of the shared virtual clock (default 20; the SMS window must stay open).")
    double clockSpeed;

    @Option(names = "--replies", description = "Let the seeded recipients reply (STOP, HELP, free text), as they do"
            + " by default in the sandbox; off by default here: replies cost the same on either path.")
    boolean replies;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("switchboard-bench-broadcast-");
        System.out.println("work folder: " + work);
        long start = System.nanoTime();
        BroadcastBenchmark.Result r = BroadcastBenchmark.run(work, new BroadcastBenchmark.Options(contacts, agentless,
                workers, clockSpeed, replies), BenchEngineCommand.SandboxOrg::start, System.out);
        System.out.printf("total wall time %.1f s%n", (System.nanoTime() - start) / 1e9);
        return r.messaging().duplicates() > 0 || r.agentless() != null && r.agentless().duplicates() > 0
                ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
