package dev.switchboard.engine.bench;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.RawAttemptWriter;
import dev.switchboard.persistence.Store;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.Messages;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine throughput benchmark: N contacts, the outage-broadcast campaign (one SMS each), an org whose budget is
 * practically unlimited, the engine on a fresh file store. Measures contact-steps per second: SMS sends accepted and
 * committed as SENT, over the wall time from the launch until the last attempt is SENT (delivery receipts, polled
 * later, are not waited for). Then, in the same run, the baseline: the same number of transactions of the same
 * shape with plain JDBC on another fresh file store with the same settings ({@link RawAttemptWriter}).
 */
public final class EngineBenchmark {
    /** An org budget the pacer never reaches. */
    static final int UNLIMITED = 1_000_000;
    private static final int WARM_UP_CONTACTS = 2_000;
    private static final Pattern SEND_MILLIS = Pattern.compile(" in (\\d+) ms$");

    private EngineBenchmark() {
    }

    /** @param profileMillis sample the engine's threads every so many ms (0: no profile) */
    public record Options(int contacts, int workers, long profileMillis, boolean httpCeiling) {
        Options withoutProfile() {
            return new Options(contacts, workers, 0, false);
        }

        public int batch() {
            return workers * 3;
        }
    }

    public record Result(int contacts, int enrolled, long sent, double engineSeconds, RawAttemptWriter.Timings raw,
                         int ledger, int duplicates) {
        public double enginePerSecond() {
            return sent / engineSeconds;
        }

        public double rawPerSecond() {
            return raw.enrollments() / raw.seconds();
        }

        public double ratio() {
            return enginePerSecond() / rawPerSecond();
        }
    }

    public static Result run(Path workDir, Options o, BenchOrg.Factory orgs, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        // H2 is JIT-compiled by a small unmeasured baseline first, so that the engine (measured first) does not pay
        // for what the baseline then gets for free
        raw(workDir.resolve("warm-up-store"), Math.min(o.contacts(), 1_000), o.batch(), "{}", "warm-up", null);
        out.printf("workers=%d batch=%d (3 x workers) contacts=%,d%n", o.workers(), o.batch(), o.contacts());

        if (o.contacts() >= 2 * WARM_UP_CONTACTS) {
            // and the engine's code (jOOQ, H2, the client, the gate, the sandbox) by an unmeasured engine run: a
            // cold run spends more CPU compiling than sending on this 2-core machine
            long w = System.nanoTime();
            engine(workDir.resolve("warm-up-engine"), WARM_UP_CONTACTS, o.withoutProfile(), orgs,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            out.printf("warm-up (an engine run of %,d contacts, not measured) took %.1f s%n", WARM_UP_CONTACTS,
                    (System.nanoTime() - w) / 1e9);
        }
        EngineRun e = engine(workDir, o.contacts(), o, orgs, out);
        int enrolled = e.enrolled();

        RawAttemptWriter.Timings raw = raw(workDir.resolve("raw-store"), enrolled, o.batch(),
                e.written().sampleState(), e.written().sampleEvidence(), out);
        out.printf("raw JDBC baseline: %,d in %.2f s = %,.1f/s (tx1 %.2f s, %,d x CHECKPOINT SYNC %.2f s, tx2 %.2f s)%n",
                raw.enrollments(), raw.seconds(), raw.enrollments() / raw.seconds(), raw.tx1Nanos() / 1e9,
                raw.checkpoints(), raw.checkpointNanos() / 1e9, raw.tx2Nanos() / 1e9);
        Result r = new Result(o.contacts(), enrolled, e.sent(), e.seconds(), raw, e.ledger(), e.duplicates());
        out.printf("engine_vs_raw_ratio=%.3f (target >= 0.5)%n", r.ratio());
        if (o.httpCeiling()) {
            httpCeiling(orgs, Math.min(enrolled, 3_000), o.workers(), out);
        }
        return r;
    }

    private record EngineRun(int enrolled, long sent, double seconds, int ledger, int duplicates,
                             EngineRig.Written written) {
        EngineRun(int enrolled, long sent, double seconds, int ledger, int duplicates) {
            this(enrolled, sent, seconds, ledger, duplicates, null);
        }
    }

    /** One engine run on a fresh data folder under {@code dir} and a fresh org. */
    private static EngineRun engine(Path dir, int contacts, Options o, BenchOrg.Factory orgs, PrintStream out)
            throws Exception {
        try (BenchOrg org = orgs.start(UNLIMITED, 1)) {
            EngineRun run;
            EngineRig rig = new EngineRig(dir, contacts, org);
            try {
                out.printf("imported %,d contacts (%,d rejected) into a fresh file store, WRITE_DELAY=%s%n",
                        rig.imported.inserted(), rig.imported.rejected(), rig.workspace.writeDelay());
                Engine engine = rig.start(o.workers());
                int[] pacer = rig.sizePacerFromOrg();
                out.printf("pacer budget: %d/min as the engine starts it; org limit %d/min -> %d/min for the run%n",
                        pacer[0], pacer[1], pacer[2]);
                AtomicLong sends = new AtomicLong();
                AtomicLong sendMillis = new AtomicLong();
                engine.addListener(e -> {
                    if (e.kind().equals("SENT")) {
                        sends.incrementAndGet();
                        Matcher m = SEND_MILLIS.matcher(e.detail());
                        if (m.find()) {
                            sendMillis.addAndGet(Long.parseLong(m.group(1)));
                        }
                    }
                });
                ThreadSampler sampler = o.profileMillis() > 0 ? new ThreadSampler(o.profileMillis()) : null;
                if (sampler != null) {
                    sampler.start();
                }
                long gcStart = gcMillis();
                long jitStart = jitMillis();
                long cpuStart = processCpuNanos();
                long classesStart = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
                long start = System.nanoTime();
                CampaignService.LaunchReport report = rig.createAndLaunch();
                double launchSeconds = (System.nanoTime() - start) / 1e9;
                if (!report.launched()) {
                    throw new IllegalStateException("the campaign did not launch: " + report.checks());
                }
                int enrolled = report.enrolled();
                long last = sends.get();
                long lastProgress = System.nanoTime();
                while (sends.get() < enrolled) {
                    Thread.sleep(5);
                    long n = sends.get();
                    if (n != last) {
                        last = n;
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > 60_000_000_000L) {
                        out.printf("no send for 60 s after %,d of %,d: stopping%n", n, enrolled);
                        break;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long sent = sends.get();
                out.printf("during the engine run: process cpu %.1f s of %.1f s available (%d cores), GC %.1f s,"
                        + " JIT compilation %.1f s, classes loaded %,d%n", (processCpuNanos() - cpuStart) / 1e9,
                        seconds * Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors(), (gcMillis() - gcStart) / 1e3,
                        (jitMillis() - jitStart) / 1e3,
                        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesStart);
                if (sampler != null) {
                    sampler.stop();
                }
                out.printf("launch (checks + enrolling %,d in one transaction) took %.2f s of that%n", enrolled,
                        launchSeconds);
                out.printf("phase 2 per send (HTTP send + journal + result commit), mean %.1f ms over %,d sends%n",
                        sent == 0 ? 0.0 : (double) sendMillis.get() / sent, sent);
                if (sampler != null) {
                    sampler.print(out);
                }
                var ledgerAddresses = org.ledgerAddresses();
                out.printf("engine: %,d contact-steps in %.2f s = %,.1f/s (launch until every attempt SENT; delivery"
                        + " receipts not awaited)%n", sent, seconds, sent / seconds);
                run = new EngineRun(enrolled, sent, seconds, ledgerAddresses.size(),
                        EngineRig.duplicates(ledgerAddresses));
            } finally {
                rig.close();
            }
            EngineRig.Written written = rig.written();
            out.printf("store attempts by state: %s%n", written.attemptStates());
            out.printf("sandbox ledger: %,d touches, duplicates=%d%n", run.ledger(), run.duplicates());
            return new EngineRun(run.enrolled(), run.sent(), run.seconds(), run.ledger(), run.duplicates(), written);
        }

    }

    /**
     * For the profile: the same SMS sends with the same client from {@code workers} threads straight to a fresh
     * org, without the engine and its store: the ceiling that the HTTP path alone (client + sandbox, same process,
     * same cores) puts on the engine.
     */
    private static void httpCeiling(BenchOrg.Factory orgs, int n, int workers, PrintStream out) throws Exception {
        String text = "Switchboard Energy: service in Manhattan is interrupted. We expect it back by 6 pm. Updates:"
                + " https://status.example.com. Reply STOP to opt out.";
        try (BenchOrg org = orgs.start(UNLIMITED, 1); GenesysClient client = org.connection().client()) {
            client.configurePacingFromOrgLimits();
            String from = client.organization().smsPhoneNumbers().getFirst().phoneNumber();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        String to = "+1" + BenchContacts.phone(i).replaceAll("\\D", "");
                        try {
                            client.messaging().sendSms(new Messages.Sms(from, to, text));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double s = (System.nanoTime() - start) / 1e9;
            out.printf("http_only ceiling (client -> sandbox, %d threads, no engine, no store): %,d sends in %.2f s"
                    + " = %,.1f/s (%d failed)%n", workers, n, s, n / s, failed.get());
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static RawAttemptWriter.Timings raw(Path dir, int n, int batch, String state, String evidence,
                                                PrintStream out) {
        deleteStore(dir);
        try (Store store = Store.openFile(dir)) {
            RawAttemptWriter w = new RawAttemptWriter(store);
            RawAttemptWriter.Prepared p = w.prepare(n, state);
            if (out != null) {
                // for the profile: the engine's claim query over a backlog of n READY enrollments
                EngineRepository repo = new EngineRepository(store);
                repo.dueRows(repo.runningCampaignIds(), Instant.now(), batch);
                long t = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    repo.dueRows(repo.runningCampaignIds(), Instant.now(), batch);
                }
                out.printf("EngineRepository.dueRows(running, now, %d) over %,d READY enrollments: %.1f ms per call%n", batch, n,
                        (System.nanoTime() - t) / 20 / 1e6);
            }
            return w.run(p, batch, state, evidence);
        }
    }

    static void deleteStore(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
