package dev.switchboard.engine.bench;

import dev.switchboard.engine.campaigns.CampaignService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API-call benchmark of an outage broadcast (issue "campaign engine part 2", item 12): N contacts, the
 * outage-broadcast demo campaign (one SMS each) on a fresh store and a fresh sandbox org whose virtual clock the
 * engine shares, and every request the org counts from the launch until the campaign completes (sends, list adds,
 * campaign operations, reads and polls, notification setup): the API calls per 1000 contacts. With the engine's
 * defaults the broadcast goes through the campaign's Genesys messaging campaign; a smaller sample then runs the same
 * broadcast agentless ({@code -Dswitchboard.messaging.volume=off}) for contrast.
 *
 * <p>The sender is registered without carrier limits (as in the throughput benchmark: it measures the engine, not a
 * number), so the messaging campaign runs at its highest rate. The seeded recipients do not reply unless asked
 * ({@code replies}): replies (reading them, opt-out DNC pushes, confirmations) cost the same on both paths.
 */
public final class BroadcastBenchmark {
    /** An org budget the pacer never reaches. */
    static final int UNLIMITED = 1_000_000;
    static final String PROPERTY = "switchboard.messaging.volume";

    private BroadcastBenchmark() {
    }

    /**
     * @param agentless  contacts of the agentless contrast run (0: none)
     * @param clockSpeed the virtual clock's speed (the SMS window must stay open for the whole run)
     */
    public record Options(int contacts, int agentless, int workers, double clockSpeed, boolean replies) {
    }

    /** One run's figures. */
    public record Run(String path, int contacts, long sent, long calls, Map<String, Long> byKind,
                      Map<String, Long> byRoute, double seconds, int ledger, int duplicates) {
        public double perThousand() {
            return calls * 1000.0 / contacts;
        }
    }

    public record Result(Run messaging, Run agentless) {
    }

    public static Result run(Path workDir, Options o, BenchOrg.Factory orgs, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        out.printf("outage broadcast: %,d contacts, workers=%d, virtual clock x%s, seeded replies %s%n",
                o.contacts(), o.workers(), o.clockSpeed(), o.replies() ? "on" : "off");
        Run m = once(workDir.resolve("messaging"), "messaging campaign", o.contacts(), o, orgs, out, null);
        print(m, out);
        Run a = null;
        if (o.agentless() > 0) {
            a = once(workDir.resolve("agentless"), "agentless", o.agentless(), o, orgs, out, "off");
            print(a, out);
        }
        out.printf("RESULT contacts=%d calls=%d calls_per_1000=%.2f (target <= 20) sent=%d duplicates=%d wall=%.1fs%n",
                m.contacts(), m.calls(), m.perThousand(), m.sent(), m.duplicates(), m.seconds());
        if (a != null) {
            out.printf("RESULT agentless_sample contacts=%d calls=%d calls_per_1000=%.2f sent=%d duplicates=%d"
                    + " wall=%.1fs%n", a.contacts(), a.calls(), a.perThousand(), a.sent(), a.duplicates(),
                    a.seconds());
        }
        return new Result(m, a);
    }

    private static void print(Run r, PrintStream out) {
        out.printf("[%s] %,d contacts, %,d SENT, %,d API calls = %.2f per 1000 contacts, wall %.1f s; ledger %,d"
                + " touches, duplicates %d%n", r.path(), r.contacts(), r.sent(), r.calls(), r.perThousand(),
                r.seconds(), r.ledger(), r.duplicates());
        out.printf("[%s] by kind: %s%n", r.path(), r.byKind());
        out.printf("[%s] by route: %s%n", r.path(), r.byRoute());
    }

    /** One broadcast on a fresh org and store; {@code volume} sets the messaging path's switch for the run. */
    private static Run once(Path dir, String path, int contacts, Options o, BenchOrg.Factory orgs, PrintStream out,
                            String volume) throws Exception {
        String before = System.getProperty(PROPERTY);
        if (volume != null) {
            System.setProperty(PROPERTY, volume);
        }
        try (BenchOrg org = orgs.start(UNLIMITED, o.clockSpeed())) {
            org.seededReplies(o.replies());
            long t = System.nanoTime();
            EngineRig rig = new EngineRig(dir, contacts, org);
            out.printf("[%s] imported %,d contacts in %.1f s%n", path, rig.imported.inserted(),
                    (System.nanoTime() - t) / 1e9);
            try {
                var engine = rig.start(o.workers());
                rig.sizePacerFromOrg();
                AtomicLong sent = new AtomicLong();
                engine.addListener(e -> {
                    if (e.kind().equals("SENT")) {
                        sent.incrementAndGet();
                    }
                });
                org.resetMetrics();
                long start = System.nanoTime();
                CampaignService.LaunchReport report = rig.createAndLaunch();
                if (!report.launched()) {
                    throw new IllegalStateException("the campaign did not launch: " + report.checks());
                }
                out.printf("[%s] launched (%,d enrolled) in %.1f s%n", path, report.enrolled(),
                        (System.nanoTime() - start) / 1e9);
                long last = -1;
                long lastProgress = System.nanoTime();
                long lastPrint = System.nanoTime();
                while (!completed(rig)) {
                    Thread.sleep(200);
                    long n = sent.get();
                    if (n != last) {
                        last = n;
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > 120_000_000_000L) {
                        out.printf("[%s] nothing sent for 120 s after %,d: stopping%n", path, n);
                        break;
                    }
                    if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                        lastPrint = System.nanoTime();
                        out.printf("[%s] %.0f s: %,d SENT, %,d API calls, virtual %s%n", path,
                                (lastPrint - start) / 1e9, n, org.requestsCounted(), org.now());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long calls = org.requestsCounted();
                Map<String, Long> routes = org.requestsByRoute();
                var ledger = org.smsLedgerAddresses(volume == null);
                return new Run(path, contacts, sent.get(), calls, byKind(routes), routes, seconds, ledger.size(),
                        EngineRig.duplicates(ledger));
            } finally {
                rig.close();
            }
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    private static boolean completed(EngineRig rig) {
        return rig.workspace.campaigns().all().stream().filter(v -> v.name().equals(rig.campaign))
                .map(CampaignService.View::state).anyMatch(s -> !s.equals("running"));
    }

    /** The counted requests by kind: sends, list adds and deletes, campaign operations, reads and polls, … */
    static Map<String, Long> byKind(Map<String, Long> routes) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : new String[] {"sends", "list adds", "list deletes", "campaign ops", "reads/polls",
                "notifications setup", "org setup and DNC"}) {
            out.put(k, 0L);
        }
        routes.forEach((route, n) -> out.merge(kind(route), n, Long::sum));
        return out;
    }

    static String kind(String route) {
        String[] p = route.split(" ", 2);
        String method = p[0];
        String path = p.length > 1 ? p[1] : "";
        if (path.contains("/agentless")) {
            return "sends";
        }
        if (path.startsWith("/api/v2/notifications")) {
            return "notifications setup";
        }
        if (path.matches("/api/v2/outbound/contactlists/\\{id}/contacts") && method.equals("POST")) {
            return "list adds";
        }
        if (path.startsWith("/api/v2/outbound/contactlists/") && method.equals("DELETE")) {
            return "list deletes";
        }
        if (method.equals("GET") || path.endsWith("/bulk") || path.endsWith("/search")) {
            return path.contains("/dnclists") || path.contains("/callabletimesets") || path.contains("/routing/")
                    || path.contains("/tokens/") || path.contains("/organizations/") ? "org setup and DNC"
                    : "reads/polls";
        }
        if (path.startsWith("/api/v2/outbound/messagingcampaigns") || path.startsWith("/api/v2/outbound/campaigns")
                || path.equals("/api/v2/outbound/contactlists") || path.startsWith("/api/v2/outbound/contactlists/")) {
            return "campaign ops";
        }
        return "org setup and DNC";
    }
}
