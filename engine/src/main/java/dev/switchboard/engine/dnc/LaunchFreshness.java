package dev.switchboard.engine.dnc;

import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.ScrubFreshness;
import dev.switchboard.model.compliance.ScrubPolicy;
import dev.switchboard.persistence.DncRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launch checks of outside do-not-contact data (compliance-rules §3, acceptance test 10): the Genesys DNC sync
 * (every launch), the National DNC scrub and the RND results (marketing launches; other purposes are told).
 * When the last sync is stale and a Genesys client is at hand (the running engine's), a sync runs first, so a new
 * user's first launch is not refused for it; only when none can be made is a stale sync a refusal. Thread-safe.
 */
public final class LaunchFreshness {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchFreshness.class);

    private final DncRepository repo;
    private final Function<GenesysClient, GenesysDnc> dnc;
    private final Supplier<RulePack> rulePack;
    private final Clock clock;
    private volatile Supplier<GenesysClient> client;

    LaunchFreshness(DncRepository repo, Function<GenesysClient, GenesysDnc> dnc, Supplier<RulePack> rulePack,
                    Clock clock) {
        this.repo = repo;
        this.dnc = dnc;
        this.rulePack = rulePack;
        this.clock = clock;
    }

    /** The client an on-demand sync uses (the running engine's), or null for none. */
    public void useClient(Supplier<GenesysClient> source) {
        this.client = source;
    }

    /** The client registered by the running engine of this process, if any. */
    public Optional<GenesysClient> engineClient() {
        Supplier<GenesysClient> source = client;
        return source == null ? Optional.empty() : Optional.ofNullable(source.get());
    }

    /** The checklist lines for a campaign of {@code purpose}, syncing first when stale and a client is at hand. */
    public List<ScrubFreshness.Line> checks(Purpose purpose) {
        ScrubPolicy policy = policy();
        String problem = null;
        Supplier<GenesysClient> source = client;
        if (stale(policy) && source != null) {
            problem = syncNow(source.get()).orElse(null);
        }
        if (problem == null && stale(policy)) {
            // say why the last attempt failed, when it came after the last complete sync
            Optional<DncRepository.Sync> last = repo.lastSync();
            if (last.isPresent() && last.get().problem() != null) {
                problem = last.get().problem() + " (at " + last.get().startedAt() + ")";
            }
        }
        ScrubFreshness.State state = new ScrubFreshness.State(
                repo.lastCompleteSync().map(DncRepository.Sync::startedAt).orElse(null), problem,
                repo.lastScrub().map(DncRepository.Scrub::scrubbedOn).orElse(null),
                repo.lastRndImport().map(DncRepository.RndImport::resultsDate).orElse(null));
        return ScrubFreshness.evaluate(purpose, state, policy, clock.instant());
    }

    /**
     * Syncs with {@code c} when the last complete sync is stale (a command that starts the org only for the launch
     * checks calls this while its client is open). Returns why a sync failed, if one was tried and failed.
     */
    public Optional<String> syncIfStale(GenesysClient c) {
        return stale(policy()) ? syncNow(c) : Optional.empty();
    }

    /** {@link #syncIfStale(GenesysClient)} with a client of {@code org}, opened only when a sync is due. */
    public Optional<String> syncIfStale(dev.switchboard.engine.genesys.OrgConnection org) {
        if (!stale(policy())) {
            return Optional.empty();
        }
        try (GenesysClient c = org.client()) {
            return syncNow(c);
        }
    }

    /** Whether the last complete sync is older than the pack allows (or there was none). */
    public boolean stale(ScrubPolicy policy) {
        Optional<Instant> last = repo.lastCompleteSync().map(DncRepository.Sync::startedAt);
        return last.isEmpty() || Duration.between(last.get(), clock.instant()).compareTo(policy.genesysDncMaxAge()) > 0;
    }

    private synchronized Optional<String> syncNow(GenesysClient c) {
        if (!stale(policy())) {
            return Optional.empty(); // another launch synced meanwhile
        }
        try {
            GenesysDnc.SyncReport r = dnc.apply(c).sync();
            return Optional.ofNullable(r.problem());
        } catch (RuntimeException e) {
            LOG.warn("The Genesys DNC sync before a launch failed: {}", e.getMessage());
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private ScrubPolicy policy() {
        try {
            return rulePack.get().scrubs();
        } catch (RuntimeException e) {
            return ScrubPolicy.DEFAULT;
        }
    }
}
