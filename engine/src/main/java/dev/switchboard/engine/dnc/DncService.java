package dev.switchboard.engine.dnc;

import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.RndResult;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.ScrubPolicy;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.PhoneNormalizer;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.DncRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outside do-not-contact data over the store: the Genesys DNC component (per client, {@link #genesys}), National
 * DNC scrub and Reassigned Numbers Database imports, what the gate learns from RND answers, and the status.
 * Thread-safe.
 */
public final class DncService {
    private final DncRepository repo;
    private final AuditLogRepository audit;
    private final Supplier<RulePack> rulePack;
    private final Clock clock;
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private final LaunchFreshness freshness;

    public DncService(DncRepository repo, AuditLogRepository audit, Supplier<RulePack> rulePack, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.rulePack = rulePack;
        this.clock = clock;
        this.freshness = new LaunchFreshness(repo, this::genesys, rulePack, clock);
    }

    /** The Genesys DNC component over {@code client} (the caller keeps the client open while using it). */
    public GenesysDnc genesys(GenesysClient client) {
        return genesys(client, clock);
    }

    /** The same, stamping what it records with {@code clock} (the engine's, which may run faster than real time). */
    public GenesysDnc genesys(GenesysClient client, Clock clock) {
        return new GenesysDnc(client, repo, audit, clock);
    }

    /** The launch checks of the outside data (and the on-demand sync behind them). */
    public LaunchFreshness freshness() {
        return freshness;
    }

    // ---- imports --------------------------------------------------------------------------------------------------

    /** What an import did. */
    public record ImportReport(String file, LocalDate date, int rows, int suppressionsAdded) {
    }

    /**
     * Imports a National DNC scrub result (the numbers found on the registry): each number becomes a DNC
     * suppression on voice and SMS, never expiring, source "national dnc scrub DATE"; the scrub date is recorded.
     * All of it or, on the first bad row, nothing.
     */
    public ImportReport importScrub(Actor by, Path file, LocalDate scrubbedOn) throws DncInputException,
            PermissionDeniedException {
        requireSuppressor(by, "import National DNC scrubs");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (scrubbedOn == null) {
            throw new IllegalArgumentException("--scrubbed-on: the date of the registry copy is required");
        }
        if (scrubbedOn.isAfter(today)) {
            throw new IllegalArgumentException("--scrubbed-on " + scrubbedOn + " is in the future (today is " + today
                    + " UTC)");
        }
        List<String> numbers = ScrubFiles.scrubNumbers(file, phones);
        String source = "national dnc scrub " + scrubbedOn;
        String reason = "on the National Do Not Call Registry (scrub of " + scrubbedOn + ")";
        List<Suppression> s = new ArrayList<>(numbers.size() * 2);
        for (String n : numbers) {
            s.add(new Suppression(Suppression.Kind.DNC, Channel.VOICE, n, null, reason));
            s.add(new Suppression(Suppression.Kind.DNC, Channel.SMS, n, null, reason));
        }
        Instant now = clock.instant();
        int added = repo.importScrub(s, scrubbedOn, file.getFileName().toString(), numbers.size(), source,
                by.name(), now);
        audit.append(by.name(), by.osLogin(), "dnc.import-scrub", "national dnc scrub " + scrubbedOn,
                numbers.size() + " numbers from " + file.getFileName() + ", " + added + " suppressions added", now);
        return new ImportReport(file.getFileName().toString(), scrubbedOn, numbers.size(), added);
    }

    /**
     * Imports Reassigned Numbers Database results. They are kept with their dates; the gate reads the latest answer
     * per number ("yes" blocks voice and SMS to it, "no data" what the pack says).
     *
     * @param resultsDate when the results were obtained; null for the newest data date in the file. It may not be
     *                    before any data date in the file, nor in the future.
     */
    public ImportReport importRnd(Actor by, Path file, LocalDate resultsDate) throws DncInputException,
            PermissionDeniedException {
        requireSuppressor(by, "import RND results");
        List<RndResult> results = ScrubFiles.rndResults(file, phones);
        LocalDate newest = results.stream().map(RndResult::dataDate).max(LocalDate::compareTo).orElseThrow();
        LocalDate date = resultsDate == null ? newest : resultsDate;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (date.isAfter(today)) {
            throw new IllegalArgumentException((resultsDate == null ? "the newest data date " : "--results-date ")
                    + date + " is in the future (today is " + today + " UTC)");
        }
        if (date.isBefore(newest)) {
            throw new IllegalArgumentException("--results-date " + date + " is before the newest data date "
                    + newest + " in " + file.getFileName());
        }
        Instant now = clock.instant();
        repo.importRnd(results, date, file.getFileName().toString(), by.name(), now);
        long yes = results.stream().filter(r -> r.answer() == RndResult.Answer.YES).count();
        long noData = results.stream().filter(r -> r.answer() == RndResult.Answer.NO_DATA).count();
        audit.append(by.name(), by.osLogin(), "rnd.import", "rnd results " + date, results.size() + " answers from "
                + file.getFileName() + ": " + yes + " yes, " + noData + " no data", now);
        return new ImportReport(file.getFileName().toString(), date, results.size(), 0);
    }

    /** What the latest RND answer for {@code address} stops (nothing for an email or an unqueried number). */
    public List<Suppression> rndSuppressions(String address) {
        if (address == null || address.contains("@")) {
            return List.of();
        }
        Optional<RndResult> latest = repo.latestRnd(address);
        if (latest.isEmpty()) {
            return List.of();
        }
        return latest.get().suppressions(policy().rndNoData());
    }

    // ---- status ---------------------------------------------------------------------------------------------------

    /** One of Switchboard's own Genesys DNC lists. */
    public record OwnList(String contactMethod, String listId, String name, Instant createdAt) {
    }

    /** An address pushed to the own lists (masked: never a full number on screen), and where it stands. */
    public record Pushed(String address, String state, Instant requestedAt, int pushCount) {
    }

    /** A sync of the org's DNC lists; {@code problem} is null for a complete one. */
    public record SyncRecord(Instant startedAt, Instant finishedAt, int lists, int entries, int added,
                             String problem) {
    }

    /** The last National DNC scrub imported. */
    public record ScrubRecord(LocalDate scrubbedOn, String fileName, int numbers, int added, Instant importedAt,
                              String importedBy) {
    }

    /** The last RND results imported. */
    public record RndRecord(LocalDate resultsDate, String fileName, int rows, Instant importedAt,
                            String importedBy) {
    }

    /** Everything `switchboard dnc status` shows. */
    public record Status(List<OwnList> ownLists, Map<String, Integer> entries, Optional<SyncRecord> lastSync,
                         Optional<SyncRecord> lastCompleteSync, Optional<ScrubRecord> lastScrub,
                         Optional<RndRecord> lastRnd, Map<String, Integer> rndAnswers, ScrubPolicy policy,
                         List<Pushed> pending) {
    }

    public Status status() {
        return new Status(
                repo.ownLists().stream().map(l -> new OwnList(l.contactMethod(), l.listId(), l.name(),
                        l.createdAt())).toList(),
                repo.entryCounts(), repo.lastSync().map(DncService::sync), repo.lastCompleteSync().map(DncService::sync),
                repo.lastScrub().map(x -> new ScrubRecord(x.scrubbedOn(), x.fileName(), x.numbers(), x.added(),
                        x.importedAt(), x.importedBy())),
                repo.lastRndImport().map(x -> new RndRecord(x.resultsDate(), x.fileName(), x.rows(), x.importedAt(),
                        x.importedBy())),
                repo.rndCounts(), policy(),
                repo.entries(List.of("PENDING", "PUSHED", "REMOVING"), 20).stream().map(e -> new Pushed(
                        GenesysDnc.mask(e.address()), e.state(), e.requestedAt(), e.pushCount())).toList());
    }

    private static SyncRecord sync(DncRepository.Sync s) {
        return new SyncRecord(s.startedAt(), s.finishedAt(), s.lists(), s.entries(), s.added(), s.problem());
    }

    // ---- sync through a connection --------------------------------------------------------------------------------

    /**
     * Syncs the org's DNC lists with the running engine's client when this process runs one, else with a client
     * of {@code org} opened for the purpose (and closed). {@code org} is asked for only when needed.
     */
    public GenesysDnc.SyncReport sync(Supplier<OrgConnection> org) {
        Optional<GenesysClient> engine = freshness.engineClient();
        if (engine.isPresent()) {
            return genesys(engine.get()).sync();
        }
        try (GenesysClient c = org.get().client()) {
            return genesys(c).sync();
        }
    }

    /**
     * A sync someone asked for (the Compliance screen's "Sync now"): as {@link #sync(Supplier)}, the request and its
     * outcome audited under {@code by}. Any signed-in profile may ask: a sync only adds suppressions.
     */
    public GenesysDnc.SyncReport syncBy(Actor by, Supplier<OrgConnection> org) {
        GenesysDnc.SyncReport r = sync(org);
        audit.append(by.name(), by.osLogin(), "dnc.sync-request", "genesys dnc lists", r.lists() + " lists, "
                + r.entries() + " entries, " + r.added() + " suppressions added" + (r.problem() == null ? ""
                : "; incomplete: " + r.problem()), clock.instant());
        return r;
    }

    /** Whether this process runs an engine whose client syncs (then no org needs starting for it). */
    public boolean engineClientAtHand() {
        return freshness.engineClient().isPresent();
    }

    /** Where an address pushed to the own lists stands: PENDING, PUSHED, CONFIRMED, REMOVING or REMOVED. */
    public Optional<String> pushState(String address) {
        return repo.entry(address).map(DncRepository.Entry::state);
    }

    ScrubPolicy policy() {
        try {
            return rulePack.get().scrubs();
        } catch (RuntimeException e) {
            return ScrubPolicy.DEFAULT;
        }
    }

    private static void requireSuppressor(Actor by, String what) throws PermissionDeniedException {
        Role r = by.profile().role();
        if (r != Role.ADMIN && r != Role.COMPLIANCE) {
            throw new PermissionDeniedException(by.name() + " (" + r + ") may not " + what
                    + ": that takes a compliance or admin profile.");
        }
    }
}
