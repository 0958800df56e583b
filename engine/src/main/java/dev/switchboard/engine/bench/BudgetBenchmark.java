package dev.switchboard.engine.bench;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget-use benchmark: an org whose budget is B requests per minute, more contacts than the engine can send in
 * the run, the engine on a fresh file store for M minutes of real time. Reports the requests the org counted per
 * minute (sends, status polls and every other authenticated call) against what the client's pacer allows (the org
 * limit less its headroom), the 429s the org served, and the peak in any 60 s window.
 */
public final class BudgetBenchmark {
    private BudgetBenchmark() {
    }

    /** @param pacerAsShipped leave the engine's pacer as the engine sizes it (the default org limit, 300/min) */
    public record Options(int budget, int minutes, int workers, boolean pacerAsShipped) {
        /** Enough contacts that the engine never runs out of work: at least one request each. */
        public int contacts() {
            return budget * (minutes + 1);
        }
    }

    public record Result(int orgLimit, int allowed, double minutes, long counted, long http429, long peak60s,
                         long sends, int duplicates) {
        public double perMinute() {
            return counted / minutes;
        }

        public double achievedVsAllowed() {
            return perMinute() / allowed;
        }
    }

    public static Result run(Path workDir, Options o, BenchOrg.Factory orgs, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        out.printf("budget=%d/min minutes=%d workers=%d contacts=%,d%n", o.budget(), o.minutes(), o.workers(),
                o.contacts());
        try (BenchOrg org = orgs.start(o.budget(), 1)) {
            EngineRig rig = new EngineRig(workDir, o.contacts(), org);
            try {
                Engine engine = rig.start(o.workers());
                int[] pacer = o.pacerAsShipped() ? new int[] {engine.status().budgetPerMinute(), o.budget(),
                        engine.status().budgetPerMinute()} : rig.sizePacerFromOrg();
                int allowed = engine.status().budgetPerMinute();
                out.printf("org_limit=%d allowed=%d (the pacer's budget; %d as the engine starts it%s)%n", pacer[1],
                        allowed, pacer[0], o.pacerAsShipped() ? ", left so" : ", then sized from the org's limits");
                CampaignService.LaunchReport report = rig.createAndLaunch();
                if (!report.launched()) {
                    throw new IllegalStateException("the campaign did not launch: " + report.checks());
                }
                // the window starts at the launch: the calls before it (token, limits, numbers) are not counted
                org.resetMetrics();
                long start = System.nanoTime();
                long end = start + Duration.ofMinutes(o.minutes()).toNanos();
                List<String> rejections = new ArrayList<>();
                long seen429 = 0;
                long lastMinuteCount = 0;
                int minute = 1;
                while (System.nanoTime() < end) {
                    Thread.sleep(250);
                    long elapsed = System.nanoTime() - start;
                    long r = org.budgetRejections();
                    if (r > seen429) {
                        rejections.add(String.format("%d at %.1f s", r - seen429, elapsed / 1e9));
                        seen429 = r;
                    }
                    if (elapsed >= minute * 60_000_000_000L) {
                        long c = org.requestsCounted();
                        out.printf("minute %d: %,d requests counted, %,d sends so far%n", minute, c - lastMinuteCount,
                                engine.status().sends());
                        lastMinuteCount = c;
                        minute++;
                    }
                }
                double minutes = (System.nanoTime() - start) / 60e9;
                long counted = org.requestsCounted();
                long http429 = org.budgetRejections();
                long peak = org.peakIn(Duration.ofSeconds(60));
                long sends = engine.status().sends();
                int duplicates = EngineRig.duplicates(org.ledgerAddresses());
                Result res = new Result(pacer[1], allowed, minutes, counted, http429, peak, sends, duplicates);
                out.printf("achieved_per_min=%.1f allowed=%d achieved_vs_allowed=%.3f (target >= 0.97);"
                        + " achieved_vs_org_limit=%.3f%n", res.perMinute(), allowed, res.achievedVsAllowed(),
                        res.perMinute() / pacer[1]);
                out.printf("requests_counted=%,d over %.2f min; sends=%,d (the rest: status polls, token info)%n",
                        counted, minutes, sends);
                out.printf("peak_in_any_60s=%d (org limit %d, allowed %d)%n", peak, pacer[1], allowed);
                out.printf("http_429=%d%s (target 0 in steady state)%n", http429, rejections.isEmpty() ? ""
                        : " " + rejections);
                out.printf("sandbox ledger duplicates=%d%n", duplicates);
                return res;
            } finally {
                rig.close();
            }
        }
    }
}
