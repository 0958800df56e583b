package dev.switchboard.app.cli;

import dev.switchboard.engine.bench.BenchOrg;
import dev.switchboard.engine.bench.BudgetBenchmark;
import dev.switchboard.engine.bench.EngineBenchmark;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard bench-engine}: the engine's throughput and budget-use benchmarks (programs, not tests). */
@Command(name = "bench-engine", mixinStandardHelpOptions = true,
        description = {"Benchmark: the campaign engine on a fresh store against a built-in sandbox org.",
                "Default: throughput. N contacts, one SMS each, unlimited org budget; contact-steps per second from"
                        + " launch until every attempt is SENT, against a plain JDBC loop doing the same"
                        + " transactions on another fresh store. Prints engine_vs_raw_ratio (target >= 0.5).",
                "With --budget B: an org allowing B requests per minute for --minutes M; prints the requests per"
                        + " minute achieved against the pacer's budget (target >= 0.97), the 429s (target 0) and the"
                        + " peak in any 60 s window."})
final class BenchEngineCommand implements Callable<Integer> {
    @Option(names = "--contacts", paramLabel = "N", defaultValue = "5000",
            description = "Contacts of the throughput run (default 5,000).")
    int contacts;

    @Option(names = "--workers", paramLabel = "W", defaultValue = "4",
            description = "Engine workers (default 4, as in production); a batch is 3 x W.")
    int workers;

    @Option(names = "--profile", paramLabel = "MS", defaultValue = "0",
            description = "Sample the engine's threads every MS milliseconds and print where they spend time"
                    + " (default 0: off; it slows the engine a little).")
    long profileMillis;

    @Option(names = "--http-ceiling",
            description = "After the throughput run, also time the same sends straight from the client to a fresh"
                    + " sandbox (no engine, no store): the ceiling the HTTP path alone puts on the engine.")
    boolean httpCeiling;

    @Option(names = "--budget", paramLabel = "B",
            description = "Run the budget-use benchmark instead, against an org allowing B requests per minute.")
    Integer budget;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "3",
            description = "Length of the budget-use run in real minutes (default 3).")
    int minutes;

    @Option(names = "--pacer-as-shipped",
            description = "Budget run: leave the engine's pacer at the default org limit (300/min) as the engine"
                    + " starts it, instead of sizing it from the org's limits as the benchmark does by default.")
    boolean pacerAsShipped;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("switchboard-bench-engine-");
        System.out.println("work folder: " + work);
        if (budget != null) {
            BudgetBenchmark.run(work, new BudgetBenchmark.Options(budget, minutes, workers,
                    pacerAsShipped), SandboxOrg::start,
                    System.out);
        } else {
            EngineBenchmark.Result r = EngineBenchmark.run(work, new EngineBenchmark.Options(contacts, workers,
                    profileMillis, httpCeiling), SandboxOrg::start, System.out);
            if (r.duplicates() > 0) {
                return ExitCodes.CHECK_FAILED;
            }
        }
        return ExitCodes.OK;
    }

    /** The sandbox as the benchmarks' org. */
    record SandboxOrg(Sandbox sandbox) implements BenchOrg {
        static BenchOrg start(int requestsPerMinute, double clockSpeed) {
            return new SandboxOrg(Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(requestsPerMinute)
                    .withClockSpeed(clockSpeed)));
        }

        @Override
        public OrgConnection connection() {
            return dev.switchboard.app.host.EngineHost.sandboxConnection(sandbox);
        }

        @Override
        public Instant now() {
            return sandbox.clock().now();
        }

        @Override
        public void advance(Duration d) {
            sandbox.clock().advance(d);
        }

        @Override
        public List<String> ledgerAddresses() {
            return sandbox.ledger().stream().map(LedgerEntry::address).toList();
        }

        @Override
        public long requestsCounted() {
            return sandbox.metrics().counted();
        }

        @Override
        public long budgetRejections() {
            return sandbox.metrics().budgetRejections();
        }

        @Override
        public long peakIn(Duration window) {
            return sandbox.metrics().peakIn(window);
        }

        @Override
        public void resetMetrics() {
            sandbox.metrics().reset();
        }

        @Override
        public java.util.Map<String, Long> requestsByRoute() {
            return sandbox.metrics().byRoute();
        }

        @Override
        public void seededReplies(boolean on) {
            sandbox.seededReplies(on);
        }

        @Override
        public List<String> smsLedgerAddresses(boolean campaignsOnly) {
            return sandbox.ledger().stream().filter(l -> l.channel().equals("sms")
                    && (!campaignsOnly || l.campaignId() != null)).map(LedgerEntry::address).toList();
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }
}
