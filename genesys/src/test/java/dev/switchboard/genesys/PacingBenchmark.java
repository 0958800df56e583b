package dev.switchboard.genesys;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * The pacing benchmark of issue 3 (not a unit test; takes real minutes because the sandbox's budget windows are real
 * minutes). Phase 1: workers issue reads as fast as the pacer allows for several budget windows against a sandbox
 * with a budget of B requests per minute; prints {@code achieved_vs_allowed} (allowed = the pacer's budget, the org
 * limit less at most 5 %) and the 429s seen. Phase 2: 30 % injected 429s while SMS are sent; prints that every send
 * landed exactly once and the peak request rate in any 60 s window.
 *
 * <p>Run: {@code java -cp <test classpath> dev.switchboard.genesys.PacingBenchmark [B] [minutes] [sends]}.
 */
public final class PacingBenchmark {

    private PacingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int budget = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int sends = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ConcurrentLinkedQueue<Long> sentAt = new ConcurrentLinkedQueue<>();
        AtomicInteger tooMany = new AtomicInteger();
        OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            boolean api = chain.request().url().encodedPath().startsWith("/api/");
            if (api) {
                sentAt.add(System.currentTimeMillis());
            }
            var response = chain.proceed(chain.request());
            if (api && response.code() == 429) {
                tooMany.incrementAndGet();
            }
            return response;
        }).build();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(budget));
                GenesysClient client = GenesysClient.builder(GenesysEndpoint.of(sandbox.apiBaseUrl(),
                        sandbox.loginBaseUrl()), new GenesysCredentials(sandbox.clientId(), sandbox.clientSecret()))
                        .httpClient(recording).build()) {
            ConcurrentLinkedQueue<Long> grantedAt = new ConcurrentLinkedQueue<>();
            client.pacer().grantObserver = (priority, at) -> grantedAt.add(at);
            long orgLimit = client.configurePacingFromOrgLimits();
            int allowed = client.pacer().budget();
            System.out.printf("org_limit=%d allowed=%d (headroom %.1f%%)%n", orgLimit, allowed,
                    100.0 * (orgLimit - allowed) / orgLimit);

            // phase 1: steady state
            sandbox.metrics().reset();
            sentAt.clear();
            grantedAt.clear();
            tooMany.set(0);
            AtomicLong ok = new AtomicLong();
            long start = System.currentTimeMillis();
            long end = start + Duration.ofMinutes(minutes).toMillis();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    while (System.currentTimeMillis() < end) {
                        client.organization().tokenInfo();
                        if (System.currentTimeMillis() < end) {
                            ok.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : workers) {
                t.join();
            }
            double elapsedMinutes = (end - start) / 60_000.0;
            System.out.printf("phase1 minutes=%.2f requests_ok=%d achieved_per_min=%.1f achieved_vs_allowed=%.3f "
                    + "peak_in_any_60s=%d peak_grants_in_any_60s=%d requests_seen=%d grants=%d http_429=%d%n",
                    elapsedMinutes, ok.get(), ok.get() / elapsedMinutes, ok.get() / elapsedMinutes / allowed,
                    peak(sentAt), peak(grantedAt), sentAt.size(), grantedAt.size(), tooMany.get());
            System.out.printf("phase1 as the sandbox saw it: counted=%d peak_in_any_60s=%d budget_429=%d%n",
                    sandbox.metrics().counted(), sandbox.metrics().peakIn(Duration.ofSeconds(60)),
                    sandbox.metrics().budgetRejections());
            sandbox.metrics().reset();

            // phase 2: 30 % injected 429s while sending
            sentAt.clear();
            grantedAt.clear();
            tooMany.set(0);
            sandbox.faults().rate429(0.3).retryAfterSeconds(1);
            String from = client.organization().smsPhoneNumbers().getFirst().phoneNumber();
            int ledgerBefore = sandbox.ledger().size();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            workers.clear();
            for (int i = 0; i < 4; i++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int n = next.getAndIncrement(); n < sends; n = next.getAndIncrement()) {
                        try {
                            client.messaging().sendSms(new Messages.Sms(from,
                                    "+1317555" + String.format("%04d", 5000 + n), "benchmark " + n));
                        } catch (GenesysException e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : workers) {
                t.join();
            }
            sandbox.faults().reset();
            var entries = sandbox.ledger().subList(ledgerBefore, sandbox.ledger().size());
            Set<String> unique = new HashSet<>();
            entries.forEach(e -> unique.add(e.address()));
            System.out.printf("phase2 sends=%d failed=%d delivered=%d unique=%d lost=%d duplicated=%d http_429=%d "
                    + "peak_in_any_60s=%d peak_grants_in_any_60s=%d requests_seen=%d grants=%d allowed=%d%n", sends,
                    failures.get(), entries.size(), unique.size(), sends - unique.size(),
                    entries.size() - unique.size(), tooMany.get(), peak(sentAt), peak(grantedAt), sentAt.size(),
                    grantedAt.size(), allowed);
            System.out.printf("phase2 as the sandbox saw it: counted=%d peak_in_any_60s=%d budget_429=%d"
                    + " injected_429=%d%n", sandbox.metrics().counted(), sandbox.metrics().peakIn(Duration.ofSeconds(60)),
                    sandbox.metrics().budgetRejections(), sandbox.metrics().injectedRejections());
        }
    }

    private static int peak(ConcurrentLinkedQueue<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int best = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= 60_000) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }
}
