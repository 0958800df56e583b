package dev.switchboard.engine.bench;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.SuppliedClock;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.contacts.ImportSummary;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What both engine benchmarks set up, as the engine tests do: a fresh data folder (the production file store), an
 * admin, a generated list imported, the org's virtual clock moved to the next Tuesday 15:00 UTC (10:00 in New York,
 * SMS windows open) and shared with the engine, and the outage-broadcast demo campaign over the list.
 */
final class EngineRig implements AutoCloseable {
    static final String LIST = "Bench contacts";

    final Path dataDir;
    final BenchOrg org;
    final SuppliedClock clock;
    final Workspace workspace;
    final Actor admin;
    /** The scratch store's key lives in memory: the benchmark's folder is thrown away. */
    private final dev.switchboard.engine.secrets.SecretVault vault =
            dev.switchboard.engine.secrets.SecretVault.inMemory();
    final ImportSummary imported;
    Engine engine;
    String campaign;

    EngineRig(Path workDir, int contacts, BenchOrg org) throws Exception {
        this.org = org;
        Files.createDirectories(workDir);
        Instant now = org.now();
        ZonedDateTime tuesday = now.atZone(ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(15, 0));
        org.advance(Duration.between(now, tuesday.toInstant()));
        this.clock = new SuppliedClock(org::now);
        this.dataDir = workDir.resolve("engine-data");
        this.workspace = Workspace.open(dataDir, "the engine benchmark", vault);
        workspace.users().add(null, "ada", Role.ADMIN, "bench-admin-pass".toCharArray());
        this.admin = workspace.users().authenticate("ada", "bench-admin-pass".toCharArray());
        Path csv = workDir.resolve("bench-contacts-" + contacts + ".csv");
        BenchContacts.write(csv, contacts);
        this.imported = workspace.imports().run(ImportRequest.of(csv, LIST), ImportListener.NONE, () -> false);
    }

    /** A new engine with production settings but {@code workers}; started, its pacer sized from the org's limits. */
    Engine start(int workers) {
        Engine.Options d = Engine.Options.defaults();
        engine = workspace.newEngine(org.connection(), clock, new Engine.Options(workers,
                d.pollInterval(), d.lease()));
        engine.start();
        return engine;
    }

    /**
     * The production engine never reads the org's limits: its pacer stays at the default org limit (300/min, budget
     * 291). The benchmarks size it from the org as {@code GenesysClient.configurePacingFromOrgLimits()} does.
     * Returns {default budget, org limit, budget now}.
     */
    int[] sizePacerFromOrg() {
        int before = engine.status().budgetPerMinute();
        long limit = engine.client().configurePacingFromOrgLimits();
        return new int[] {before, (int) limit, engine.status().budgetPerMinute()};
    }

    CampaignService.LaunchReport createAndLaunch() throws Exception {
        CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
        CampaignService.Spec spec = new CampaignService.Spec("Bench broadcast", LIST, demo.sequence(),
                demo.sequenceVersion(), demo.purpose(), demo.smsFrom(), demo.emailFrom(), demo.variables());
        campaign = spec.name();
        // the benchmarks measure the engine, not a sender: the bench number is registered without carrier limits
        workspace.senders().register(admin, dev.switchboard.model.throughput.SenderLimits.unthrottled(spec.smsFrom(),
                "benchmark"));
        workspace.campaigns().create(admin, spec);
        var facts = engine.orgFacts();
        return workspace.campaigns().launch(admin, spec.name(), facts);
    }

    /** Distinct addresses touched more than once (every generated contact has its own number). */
    static int duplicates(List<String> ledger) {
        Map<String, Integer> n = new HashMap<>();
        ledger.forEach(a -> n.merge(a, 1, Integer::sum));
        return (int) n.values().stream().filter(c -> c > 1).mapToInt(c -> c - 1).sum();
    }

    /**
     * After {@link #close}: reads the campaign's attempts from the store (state counts, a sample planner state and
     * evidence, for the baseline's rows to weigh the same).
     */
    record Written(Map<String, Integer> attemptStates, String sampleState, String sampleEvidence) {
    }

    Written written() {
        try (Store store = Workspace.openStore(dataDir, vault)) {
            EngineRepository repo = new EngineRepository(store);
            long id = repo.campaign(campaign).orElseThrow().id();
            Map<String, Integer> states = new java.util.TreeMap<>();
            for (Object[] r : repo.attemptCounts(id)) {
                states.merge((String) r[1], ((Number) r[3]).intValue(), Integer::sum);
            }
            String state = repo.enrollmentsOfCampaign(id, 0, 1).getFirst().state();
            String evidence = repo.attemptsOfCampaign(id, 0, 1).getFirst().evidence();
            return new Written(states, state, evidence);
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        workspace.close();
    }
}
