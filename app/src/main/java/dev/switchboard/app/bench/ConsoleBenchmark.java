package dev.switchboard.app.bench;

import dev.switchboard.app.console.ConsoleApp;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.bench.BenchContacts;
import dev.switchboard.engine.bench.ListFileGenerator;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.engine.secrets.Vaults;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.user.Role;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Random;

/**
 * The console's FX-thread stall benchmark: the real console ({@link ConsoleApp}: shell, Lists and Campaigns screens,
 * its engine on the data folder's sandbox) over a fresh data folder holding a campaign list and the outage broadcast
 * on it. Through the console's own controls it launches the campaign (Launch…, the confirmation with profile and
 * password), opens the import wizard, imports an N-row file, and while the import runs switches between the Lists
 * screen (picking lists, scrolling the contacts) and the Campaigns screen's live view every two seconds. Meanwhile
 * {@link FxStallMonitor} measures how long the FX thread was unavailable. Optionally the same file is first imported
 * without the console (the engine's import service on another fresh folder) for the console's overhead.
 */
public final class ConsoleBenchmark {
    static final String PASSPHRASE = "bench-console-passphrase";
    private static final String ADMIN = "ada";
    private static final String ADMIN_PASSWORD = "bench-admin-pass";
    private static final String CAMPAIGN_LIST = "Campaign contacts";
    private static final String CAMPAIGN = "Bench outage broadcast";
    private static final int WARM_UP_ROWS = 20_000;
    private static final long SWITCH_EVERY_MS = 2_000;

    private ConsoleBenchmark() {
    }

    /**
     * {@code opening}: from Import… to the import's start (the wizard's first opening, the file's preview);
     * {@code steady}: the first half of the import, with the campaign's live view on screen beside the import's
     * progress (what an operator watches); {@code switching}: the second half, switching screens every two seconds.
     */
    public record Result(int rows, long inserted, long rejected, double importSeconds, Double baselineSeconds,
                         FxStallMonitor.Result opening, FxStallMonitor.Result steady, FxStallMonitor.Result switching,
                         String campaignState, String campaignProgress) {
        public double rowsPerSecond() {
            return rows / importSeconds;
        }
    }

    public static Result run(Path work, int contacts, int campaignContacts, boolean baseline, PrintStream out)
            throws Exception {
        Files.createDirectories(work);
        Vaults.setPassphrasePrompt(PASSPHRASE::toCharArray);
        Path csv = work.resolve("contacts-" + contacts + ".csv");
        long t = System.nanoTime();
        ListFileGenerator.write(csv, contacts, 42);
        out.printf("generated %,d rows (%,d bytes) in %.1f s%n", contacts, Files.size(csv), since(t));

        Double baselineSeconds = null;
        if (baseline) {
            baselineSeconds = baseline(work.resolve("baseline-data"), csv, contacts, out);
        }

        Path data = work.resolve("console-data");
        t = System.nanoTime();
        prepare(data, work, campaignContacts);
        out.printf("data folder %s prepared (%,d campaign contacts, the outage broadcast, the sandbox clock at a"
                + " Tuesday 15:00 UTC) in %.1f s%n", data, campaignContacts, since(t));

        Thread console = Thread.ofPlatform().name("console-launcher").start(
                () -> ConsoleApp.launch(data, new String[0]));
        FxStallMonitor monitor = new FxStallMonitor();
        try {
            return drive(csv, contacts, baselineSeconds, monitor, out);
        } finally {
            Platform.exit();
            console.join(60_000);
        }
    }

    private static Result drive(Path csv, int contacts, Double baselineSeconds, FxStallMonitor monitor,
                                PrintStream out) throws Exception {
        long t = System.nanoTime();
        FxDriver.waitUntil(120, "the console's Lists screen shows", () -> isFxUp() && FxDriver.isVisible(
                "listsScreen"));
        out.printf("console up, Lists screen showing after %.1f s%n", since(t));
        // the sign-in: the folder's one profile is proposed; its password, then Sign in
        FxDriver.waitUntil(60, "the sign-in shows", () -> FxDriver.isVisible("signInDialog"));
        FxDriver.setText("signInPassword", ADMIN_PASSWORD);
        FxDriver.fire("signInButton");
        FxDriver.waitUntil(60, "the admin is signed in", () -> !FxDriver.isVisible("signInDialog")
                && FxDriver.text("statusUser").startsWith(ADMIN));
        monitor.start();

        // the Campaigns screen: the campaign shows as a draft once the engine runs
        select("navCampaigns");
        FxDriver.waitUntil(120, "the campaign shows as a draft and the engine runs", () ->
                "Draft".equals(FxDriver.text("liveState")) && "Engine running".equals(FxDriver.text("statusEngine")));
        launch(out);
        FxDriver.waitUntil(120, "the campaign runs", () -> "Running".equals(FxDriver.text("liveState")));

        // the import through the wizard, over the Lists screen
        select("navLists");
        FxDriver.waitUntil(30, "the Lists screen shows", () -> FxDriver.isVisible("listsScreen"));
        monitor.record(true);
        FxDriver.fire("importButton");
        FxDriver.waitUntil(30, "the wizard opens", () -> FxDriver.isVisible("wizardFilePage"));
        FxDriver.setText("wizardFile", csv.toString());
        FxDriver.waitUntil(10, "Next is enabled", () -> FxDriver.call(() -> FxDriver.find("wizardNext")
                .map(n -> !n.isDisabled()).orElse(false)));
        FxDriver.fire("wizardNext");
        FxDriver.waitUntil(60, "the preview shows", () -> FxDriver.isVisible("wizardPreviewPage")
                && FxDriver.call(() -> FxDriver.find("wizardNext").map(n -> !n.isDisabled()).orElse(false)));
        long start = System.nanoTime();
        FxDriver.fire("wizardNext");
        FxStallMonitor.Result opening = monitor.cut();
        out.printf("import of %,d rows started through the wizard; the campaign's live view on screen for the first"
                + " half%n", contacts);
        select("navCampaigns");
        while (!FxDriver.isVisible("wizardSummaryPage") && rowsDone() < contacts / 2) {
            if (FxDriver.isVisible("wizardError")) {
                throw new IllegalStateException("the import failed: " + FxDriver.text("wizardError"));
            }
            Thread.sleep(250);
        }
        FxStallMonitor.Result steady = monitor.cut();
        out.printf("  %.0f s: %s; now switching screens every %d ms%n", since(start), FxDriver.text("importRows"),
                SWITCH_EVERY_MS);
        Random random = new Random(7);
        long nextSwitch = System.nanoTime();
        boolean onLists = true;
        int round = 0;
        long lastReport = System.nanoTime();
        while (!FxDriver.isVisible("wizardSummaryPage")) {
            if (FxDriver.isVisible("wizardError")) {
                throw new IllegalStateException("the import failed: " + FxDriver.text("wizardError"));
            }
            if (System.nanoTime() >= nextSwitch) {
                onLists = !onLists;
                select(onLists ? "navLists" : "navCampaigns");
                if (onLists) {
                    browseLists(round++, random);
                }
                nextSwitch = System.nanoTime() + SWITCH_EVERY_MS * 1_000_000;
            }
            if (System.nanoTime() - lastReport > 15_000_000_000L) {
                lastReport = System.nanoTime();
                out.printf("  %.0f s: %s | campaign %s, %s%n", since(start), FxDriver.text("importRows"),
                        FxDriver.text("liveState"), FxDriver.text("liveProgressText"));
            }
            Thread.sleep(250);
        }
        double importSeconds = since(start);
        monitor.record(false);
        long inserted = parse(FxDriver.text("summaryInserted"));
        long rejected = parse(FxDriver.text("summaryRejected"));
        select("navCampaigns");
        Thread.sleep(300);
        String state = FxDriver.text("liveState");
        String progress = FxDriver.text("liveProgressText");
        FxStallMonitor.Result switching = monitor.stop();
        Result r = new Result(contacts, inserted, rejected, importSeconds, baselineSeconds, opening, steady, switching,
                state, progress);
        print(r, out);
        return r;
    }

    /** Launch…, the confirmation (profile and password), then the checklist; retried while the engine syncs. */
    private static void launch(PrintStream out) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (true) {
            FxDriver.fire("launchButton");
            FxDriver.waitUntil(30, "the confirmation shows", () -> FxDriver.isVisible("confirmDialog"));
            if (FxDriver.isVisible("confirmReason")) {
                FxDriver.setText("confirmReason", "benchmark");
            }
            FxDriver.setText("confirmProfile", ADMIN);
            FxDriver.setText("confirmPassword", ADMIN_PASSWORD);
            FxDriver.fire("confirmOk");
            FxDriver.waitUntil(120, "the launch checklist shows", () -> FxDriver.isVisible("launchOutcome"));
            String outcome = FxDriver.text("launchOutcome");
            FxDriver.fire("launchChecklistClose");
            FxDriver.waitUntil(30, "the checklist closes", () -> !FxDriver.isVisible("launchOutcome"));
            if (outcome.startsWith("Launched")) {
                out.println("campaign: " + outcome);
                return;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the campaign did not launch: " + outcome);
            }
            out.println("launch refused (" + outcome + "); again in 2 s");
            Thread.sleep(2_000);
        }
    }

    /** On the Lists screen: pick the next list and scroll its contacts somewhere. */
    @SuppressWarnings("unchecked")
    private static void browseLists(int round, Random random) {
        int pick = random.nextInt(1_000_000);
        FxDriver.post(() -> {
            FxDriver.find("listsList").ifPresent(n -> {
                ListView<?> lists = (ListView<?>) n;
                if (!lists.getItems().isEmpty()) {
                    lists.getSelectionModel().select(round % lists.getItems().size());
                }
            });
            FxDriver.find("contactsTable").ifPresent(n -> {
                TableView<?> table = (TableView<?>) n;
                if (!table.getItems().isEmpty()) {
                    table.scrollTo(pick % table.getItems().size());
                }
            });
        });
    }

    /** The rows the wizard's progress page shows as done ("12,345 rows · …"). */
    private static long rowsDone() {
        String text = FxDriver.text("importRows");
        int space = text == null ? -1 : text.indexOf(' ');
        return space < 0 ? 0 : Math.max(0, parse(text.substring(0, space)));
    }

    private static void select(String railItem) {
        FxDriver.call(() -> {
            ((ToggleButton) FxDriver.find(railItem).orElseThrow(() -> new IllegalStateException("no #" + railItem)))
                    .setSelected(true);
            return null;
        });
    }

    private static boolean isFxUp() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /** A fresh folder: the admin profile, the campaign list, the outage broadcast on it, the sandbox clock set. */
    static void prepare(Path data, Path work, int campaignContacts) throws Exception {
        Files.createDirectories(data);
        Vaults.usePassphrase(data, passphrase());
        try (Workspace ws = Workspace.open(data, "the console benchmark (preparing)")) {
            ws.users().add(null, ADMIN, Role.ADMIN, ADMIN_PASSWORD.toCharArray());
            Actor ada = ws.users().authenticate(ADMIN, ADMIN_PASSWORD.toCharArray());
            Path list = work.resolve("campaign-contacts-" + campaignContacts + ".csv");
            BenchContacts.write(list, campaignContacts);
            ws.imports().run(ImportRequest.of(list, CAMPAIGN_LIST), ImportListener.NONE, () -> false);
            CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
            CampaignService.Spec spec = new CampaignService.Spec(CAMPAIGN, CAMPAIGN_LIST, demo.sequence(),
                    demo.sequenceVersion(), demo.purpose(), demo.smsFrom(), demo.emailFrom(), demo.variables());
            // the sender without carrier limits: the campaign sends as fast as the engine and the org allow, the
            // most events a second the live view gets
            ws.senders().register(ada, SenderLimits.unthrottled(spec.smsFrom(), "benchmark"));
            ws.campaigns().create(ada, spec);
            // the folder's sandbox clock to a Tuesday 15:00 UTC (the SMS window is open in New York); the console's
            // engine continues from there in real time
            Instant tuesday = Instant.now().atZone(ZoneOffset.UTC).plusDays(1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0)).toInstant();
            EngineHost.start(ws, new EngineHost.Settings(null, 1.0, tuesday, 0, 1, r -> { })).close();
        }
    }

    /** $SWITCHBOARD_VAULT_PASSPHRASE when set (the console's opens read it first), else the benchmark's. */
    private static char[] passphrase() {
        char[] p = Vaults.passphrase();
        return p != null ? p : PASSPHRASE.toCharArray();
    }

    /** The same file through the engine's import service alone, on another fresh folder. */
    private static double baseline(Path data, Path csv, int rows, PrintStream out) throws Exception {
        Files.createDirectories(data);
        Vaults.usePassphrase(data, passphrase());
        try (Workspace ws = Workspace.open(data, "the console benchmark (baseline)")) {
            if (rows > WARM_UP_ROWS * 5) {
                Path warm = data.resolveSibling("warm-up.csv");
                ListFileGenerator.write(warm, WARM_UP_ROWS, 7);
                long w = System.nanoTime();
                ws.imports().run(ImportRequest.of(warm, "warm-up"), ImportListener.NONE, () -> false);
                out.printf("warm-up import (%,d rows, not measured) took %.1f s%n", WARM_UP_ROWS, since(w));
            }
            long t = System.nanoTime();
            ImportSummary s = ws.imports().run(ImportRequest.of(csv, "baseline"), ImportListener.NONE, () -> false);
            double seconds = since(t);
            out.printf("baseline (import service, no console): %,d rows (%,d inserted, %,d rejected) in %.2f s ="
                    + " %,.0f rows/s%n", s.rows(), s.inserted(), s.rejected(), seconds, s.rows() / seconds);
            return seconds;
        }
    }

    private static void print(Result r, PrintStream out) {
        out.println();
        out.println("| figure | value |");
        out.println("|---|---|");
        out.printf("| rows imported through the console | %,d (%,d inserted, %,d rejected) |%n", r.rows(),
                r.inserted(), r.rejected());
        out.printf("| import time / throughput | %.2f s / %,.0f rows/s |%n", r.importSeconds(), r.rowsPerSecond());
        if (r.baselineSeconds() != null) {
            out.printf("| import service alone (baseline) | %.2f s / %,.0f rows/s |%n", r.baselineSeconds(),
                    r.rows() / r.baselineSeconds());
            out.printf("| console_vs_baseline_ratio | %.2f |%n", r.importSeconds() / r.baselineSeconds());
        }
        figures("opening the wizard, preview and mapping", r.opening(), out);
        figures("first half: import and live campaign on screen", r.steady(), out);
        figures("second half: switching screens every " + SWITCH_EVERY_MS / 1000 + " s", r.switching(), out);
        out.printf("| campaign at the end of the import | %s, %s |%n", r.campaignState(), r.campaignProgress());
        out.printf("longest_fx_stall_ms=%.1f (target <= %d; import and live campaign on screen)%n",
                longest(r.steady()), FxStallMonitor.STALL_MS);
        out.printf("longest_fx_stall_switching_ms=%.1f (while switching screens every %d s)%n",
                longest(r.switching()), SWITCH_EVERY_MS / 1000);
        out.printf("longest_fx_stall_opening_ms=%.1f (the wizard's first opening and the preview)%n",
                longest(r.opening()));
        stacks("opening", r.opening(), out);
        stacks("first half", r.steady(), out);
        stacks("second half", r.switching(), out);
    }

    private static double longest(FxStallMonitor.Result r) {
        return Math.max(r.probes().max(), r.frames().max());
    }

    private static void figures(String phase, FxStallMonitor.Result r, PrintStream out) {
        FxStallMonitor.Stats p = r.probes();
        FxStallMonitor.Stats f = r.frames();
        out.printf("| %s: FX probe latency (runLater every %d ms, %,d probes): longest / p99 / p99.9 / p50 |"
                        + " %.1f / %.1f / %.1f / %.1f ms |%n", phase, FxStallMonitor.PROBE_EVERY_MS, p.samples(),
                p.max(), p.p99(), p.p999(), p.p50());
        out.printf("| %s: FX stalls > %d ms (probes) | %d |%n", phase, FxStallMonitor.STALL_MS, p.over50());
        out.printf("| %s: frame gaps (%,d pulses): longest / p99 / p99.9 | %.1f / %.1f / %.1f ms |%n", phase,
                f.samples(), f.max(), f.p99(), f.p999());
        out.printf("| %s: frame gaps > %d ms | %d |%n", phase, FxStallMonitor.STALL_MS, f.over50());
        out.printf("| %s: processor time of the FX / render thread (%.0f s) | %.0f / %.0f ms per second |%n", phase,
                r.seconds(), r.fxCpuMs() / Math.max(0.001, r.seconds()), r.renderCpuMs() / Math.max(0.001,
                        r.seconds()));
        out.printf("| %s: collector pauses (all threads stopped): count / longest / total | %d / %.1f / %.0f ms |%n",
                phase, r.gcPauses(), r.gcLongestMs(), r.gcTotalMs());
    }

    private static void stacks(String phase, FxStallMonitor.Result r, PrintStream out) {
        if (!r.stallFrames().isEmpty()) {
            out.println(phase + ": where the FX thread was while a probe waited > " + FxStallMonitor.SAMPLE_AFTER_MS
                    + " ms (samples):");
            for (Map.Entry<String, Integer> e : r.stallFrames()) {
                out.printf("  %5d  %s%n", e.getValue(), e.getKey());
            }
        }
    }

    private static long parse(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
