package dev.switchboard.engine.suppressions;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.EmailCheck;
import dev.switchboard.model.contact.PhoneCheck;
import dev.switchboard.model.contact.PhoneNormalizer;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SuppressionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The suppression ledger: adding a suppression is a durable commit and an audit row; the gate reads it through
 * {@link #view()}, keyed by normalized address, so every contact of every list sharing the address is covered.
 * Lifting one takes two people: {@link #requestRemoval} by one profile, {@link #approveRemoval} by a different
 * compliance or admin profile; both audited. Thread-safe; every method does IO (never on the FX thread).
 */
public final class SuppressionService {
    private final SuppressionRepository suppressions;
    private final AuditLogRepository audit;
    private final Clock clock;
    private final Runnable sync;
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private volatile java.util.function.Function<String, List<Suppression>> derived = a -> List.of();

    public SuppressionService(SuppressionRepository suppressions, AuditLogRepository audit, Clock clock) {
        this(suppressions, audit, clock, () -> { });
    }

    /**
     * @param sync forces what is committed to disk (H2 CHECKPOINT SYNC); run after every suppression write, before
     *             anything else happens
     */
    public SuppressionService(SuppressionRepository suppressions, AuditLogRepository audit, Clock clock,
                              Runnable sync) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.clock = clock;
        this.sync = sync;
    }

    /**
     * Records a suppression the engine learnt of (a RecipientOptedOut receipt, a STOP reply), in its own durable
     * commit forced to disk before this returns.
     */
    public long addBySystem(Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String key,
                            String reason, String source) {
        return addBySystem(kind, channel, key, reason, source, clock.instant());
    }

    /** As {@link #addBySystem(Suppression.Kind, dev.switchboard.model.contact.Channel, String, String, String)}, at
     * the engine's instant (its clock may be virtual). */
    public long addBySystem(Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String key,
                            String reason, String source, java.time.Instant at) {
        Suppression s = new Suppression(kind, channel, key, null, reason);
        long id = suppressions.add(s, source, "engine", at);
        sync.run();
        audit.append("engine", "switchboard", "suppression.add", "address " + mask(key),
                kind + (channel == null ? " all channels" : " " + channel) + ": " + reason, clock.instant());
        return id;
    }

    /** Source of suppressions made by an SMS opt-out keyword (the only ones a START from the number lifts). */
    public static final String SMS_KEYWORD = "sms keyword";

    /**
     * Lifts the SMS keyword opt-outs of a number after an opt-in keyword from that same number (audited); other
     * suppressions (DNC, legal holds, opt-outs made any other way) stay. Returns how many were lifted.
     */
    public int liftSmsKeywordOptOut(String number, String why) {
        int n = suppressions.lift(number, Suppression.Kind.OPT_OUT.name(), "SMS", SMS_KEYWORD, "engine",
                clock.instant());
        if (n > 0) {
            sync.run();
            audit.append("engine", "switchboard", "suppression.lift", "address " + mask(number),
                    "SMS keyword opt-out lifted: " + why, clock.instant());
        }
        return n;
    }

    /** A phone in E.164 or a lower-cased email address; throws IllegalArgumentException naming the problem. */
    public String normalize(String address) {
        String a = address.strip();
        if (a.contains("@")) {
            EmailCheck.problem(a).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return a.toLowerCase(Locale.ROOT);
        }
        if (phones.normalize(a) instanceof PhoneCheck.Valid v) {
            return v.e164();
        }
        throw new IllegalArgumentException("'" + address + "' is neither a valid phone number nor an email address");
    }

    public long add(Actor by, Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String address,
                    Instant expiresAt, String reason, String source) throws PermissionDeniedException {
        if (by.profile().role() == dev.switchboard.model.user.Role.SUPERVISOR) {
            throw new PermissionDeniedException(by.name() + " (SUPERVISOR) may not change suppressions.");
        }
        String key = normalize(address);
        Suppression s = new Suppression(kind, channel, key, expiresAt, reason);
        long id = suppressions.add(s, source, by.name(), clock.instant());
        sync.run();
        audit.append(by.name(), by.osLogin(), "suppression.add", "address " + mask(key),
                kind + (channel == null ? " all channels" : " " + channel) + (expiresAt == null ? ""
                        : " until " + expiresAt) + ": " + reason, clock.instant());
        return id;
    }

    /** A suppression as the ledger lists it. */
    public record Entry(long id, Suppression suppression, String source, Instant createdAt, String createdBy) {
    }

    public List<Entry> recent(int limit) {
        return suppressions.recent(limit).stream().map(SuppressionService::entry).toList();
    }

    private static Entry entry(SuppressionRepository.Row r) {
        return new Entry(r.id(), r.suppression(), r.source(), r.createdAt(), r.createdBy());
    }

    // ---- search ---------------------------------------------------------------------------------------------------

    /**
     * What to look for among the active (not lifted) suppressions; null fields match anything.
     *
     * @param text    part of an address: "555 01" finds +12125550100 (a number's digits are matched), "@example"
     *                finds every address at example.com
     * @param channel suppressions that stop this channel: those of the channel and those of every channel
     */
    public record Search(String text, Suppression.Kind kind, dev.switchboard.model.contact.Channel channel) {
        public static final Search ALL = new Search(null, null, null);

        SuppressionRepository.Query query() {
            return new SuppressionRepository.Query(fragment(text), kind == null ? null : kind.name(),
                    channel == null ? null : channel.name());
        }
    }

    /** A page of a search: its entries, newest first, and how many the search matches in all. */
    public record Page(List<Entry> entries, int offset, int total) {
    }

    public Page search(Search search, int offset, int limit) {
        SuppressionRepository.Query q = search.query();
        return new Page(suppressions.search(q, offset, limit).stream().map(SuppressionService::entry).toList(),
                offset, suppressions.count(q));
    }

    /** The stored form of an address fragment: an email's text lower-cased, a number's digits only. */
    static String fragment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.contains("@") || t.chars().anyMatch(Character::isLetter)) {
            return t;
        }
        String digits = t.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    // ---- removal with two people ----------------------------------------------------------------------------------

    /** A pending request to lift a suppression. */
    public record RemovalRequest(long id, Entry suppression, String reason, String requestedBy,
                                 Instant requestedAt) {
    }

    /**
     * Asks for a suppression to be lifted (an operator, compliance or admin profile; audited). Nothing is lifted
     * until a different compliance or admin profile approves. Returns the request's id.
     *
     * @throws IllegalArgumentException no reason, no such suppression, lifted already, or a request pending for it
     */
    public long requestRemoval(Actor by, long suppressionId, String reason) throws PermissionDeniedException {
        if (by.profile().role() == dev.switchboard.model.user.Role.SUPERVISOR) {
            throw new PermissionDeniedException(by.name() + " (SUPERVISOR) may not change suppressions: that takes"
                    + " an operator, compliance or admin profile.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required: it goes into the audit log and the approver"
                    + " reads it.");
        }
        SuppressionRepository.Stored s = suppressions.byId(suppressionId).orElseThrow(
                () -> new IllegalArgumentException("No suppression " + suppressionId + "."));
        if (s.removed()) {
            throw new IllegalArgumentException("Suppression " + suppressionId + " is lifted already.");
        }
        long id = suppressions.requestRemoval(suppressionId, reason.strip(), by.name(), clock.instant())
                .orElseThrow(() -> new IllegalArgumentException("A removal of suppression " + suppressionId
                        + " is pending already (or it was lifted meanwhile)."));
        audit.append(by.name(), by.osLogin(), "suppression.removal-request", "suppression " + suppressionId
                + " address " + mask(s.row().suppression().key()), "request " + id + ": " + reason.strip(),
                clock.instant());
        return id;
    }

    /**
     * Approves a pending request: the suppression is lifted (durably) and the approval audited. Only a compliance or
     * admin profile other than the one that asked may approve.
     */
    public void approveRemoval(Actor by, long requestId) throws PermissionDeniedException {
        SuppressionRepository.Removal r = pending(requestId);
        dev.switchboard.model.user.Role role = by.profile().role();
        if (role != dev.switchboard.model.user.Role.COMPLIANCE && role != dev.switchboard.model.user.Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " (" + role + ") may not approve the removal of a"
                    + " suppression: that takes a compliance or admin profile.");
        }
        if (r.requestedBy().equals(by.name())) {
            throw new PermissionDeniedException(by.name() + " asked for this removal and may not approve it: a"
                    + " different compliance or admin profile must.");
        }
        SuppressionRepository.Stored s = suppressions.byId(r.suppressionId()).orElseThrow();
        if (!suppressions.decideRemoval(requestId, true, by.name(), null, clock.instant())) {
            throw new IllegalArgumentException("Removal request " + requestId + " was decided meanwhile.");
        }
        sync.run();
        audit.append(by.name(), by.osLogin(), "suppression.lift", "suppression " + r.suppressionId() + " address "
                + mask(s.row().suppression().key()), "approved request " + requestId + " of " + r.requestedBy()
                + ": " + r.reason(), clock.instant());
    }

    /**
     * Rejects a pending request (a compliance or admin profile, or the one that asked, withdrawing it); the
     * suppression stays. Audited with the note.
     */
    public void rejectRemoval(Actor by, long requestId, String note) throws PermissionDeniedException {
        SuppressionRepository.Removal r = pending(requestId);
        dev.switchboard.model.user.Role role = by.profile().role();
        boolean own = r.requestedBy().equals(by.name());
        if (!own && role != dev.switchboard.model.user.Role.COMPLIANCE
                && role != dev.switchboard.model.user.Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " (" + role + ") may not reject the removal of a"
                    + " suppression: that takes a compliance or admin profile (or the one who asked).");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (!suppressions.decideRemoval(requestId, false, by.name(), n, clock.instant())) {
            throw new IllegalArgumentException("Removal request " + requestId + " was decided meanwhile.");
        }
        audit.append(by.name(), by.osLogin(), "suppression.removal-reject", "suppression " + r.suppressionId(),
                (own ? "withdrawn" : "rejected") + " request " + requestId + " of " + r.requestedBy()
                        + (n == null ? "" : ": " + n), clock.instant());
    }

    private SuppressionRepository.Removal pending(long requestId) {
        SuppressionRepository.Removal r = suppressions.removal(requestId).orElseThrow(
                () -> new IllegalArgumentException("No removal request " + requestId + "."));
        if (!r.state().equals("PENDING")) {
            throw new IllegalArgumentException("Removal request " + requestId + " is " + r.state().toLowerCase(
                    Locale.ROOT) + " already (by " + r.decidedBy() + ").");
        }
        return r;
    }

    /** The requests waiting for a second profile, oldest first. */
    public List<RemovalRequest> pendingRemovals() {
        List<RemovalRequest> out = new java.util.ArrayList<>();
        for (SuppressionRepository.Removal r : suppressions.pendingRemovals()) {
            suppressions.byId(r.suppressionId()).ifPresent(s -> out.add(new RemovalRequest(r.id(), entry(s.row()),
                    r.reason(), r.requestedBy(), r.requestedAt())));
        }
        return out;
    }

    // ---- CSV import and export ------------------------------------------------------------------------------------

    /** Hears how far an import is: {@code done} of {@code total} steps (each row is read, then written). */
    @FunctionalInterface
    public interface Progress {
        void at(long done, long total);
    }

    /** What an import did: data rows read, suppressions added, rows already in the ledger (skipped). */
    public record ImportReport(String file, int rows, int added, int alreadyThere) {
    }

    /** One bad row of an import file: its line, the column and what is wrong. */
    public record RowProblem(long line, String field, String message) {
        @Override
        public String toString() {
            return "line " + line + ", " + field + ": " + message;
        }
    }

    /** An import refused: nothing was written. {@link #problems()} names each bad row and column. */
    public static final class ImportRefusedException extends Exception {
        private final transient List<RowProblem> problems;

        ImportRefusedException(String message, List<RowProblem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<RowProblem> problems() {
            return problems;
        }
    }

    /**
     * Imports a CSV file ({@code address,kind,channel,reason,expires}; see the export's columns) as one transaction:
     * every good row, or, when any row is bad, nothing (each bad row is reported). Rows whose address, kind and
     * channel are in the ledger already are skipped. Compliance or admin only; audited.
     */
    public ImportReport importCsv(Actor by, java.nio.file.Path file, Progress progress)
            throws ImportRefusedException, PermissionDeniedException {
        requireSuppressionManager(by, "import suppressions");
        List<SuppressionCsv.Line> lines;
        try {
            lines = SuppressionCsv.read(file);
        } catch (SuppressionCsv.FileProblem e) {
            throw new ImportRefusedException(e.getMessage(), List.of(new RowProblem(0, "file", e.getMessage())));
        }
        long total = 2L * lines.size();
        List<RowProblem> problems = new java.util.ArrayList<>();
        List<Suppression> good = new java.util.ArrayList<>(lines.size());
        long done = 0;
        for (SuppressionCsv.Line l : lines) {
            Suppression s = parse(l, problems);
            if (s != null) {
                good.add(s);
            }
            if (++done % 500 == 0) {
                progress.at(done, total);
            }
        }
        String name = file.getFileName().toString();
        if (!problems.isEmpty()) {
            // rows, not problems: a row may have several bad columns
            long rows = problems.stream().mapToLong(RowProblem::line).distinct().count();
            throw new ImportRefusedException(name + ": " + rows + (rows == 1 ? " row is" : " rows are")
                    + " not valid" + (problems.size() > rows ? " (" + problems.size() + " problems)" : "")
                    + "; nothing was imported", problems);
        }
        progress.at(lines.size(), total);
        java.util.Set<String> known = suppressions.activeKeys(good.stream().map(Suppression::key).toList());
        List<Suppression> fresh = new java.util.ArrayList<>();
        for (Suppression s : good) {
            if (known.add(SuppressionRepository.key(s.key(), s.kind().name(),
                    s.channel() == null ? null : s.channel().name()))) {
                fresh.add(s);
            }
        }
        int skipped = good.size() - fresh.size();
        Instant now = clock.instant();
        int added = fresh.isEmpty() ? 0 : suppressions.addAll(fresh, "csv import " + name, by.name(), now,
                n -> progress.at(lines.size() + (long) n * lines.size() / fresh.size(), total));
        sync.run();
        progress.at(total, total);
        audit.append(by.name(), by.osLogin(), "suppression.import", "file " + name, lines.size() + " rows: " + added
                + " suppressions added, " + skipped + " in the ledger already", now);
        return new ImportReport(name, lines.size(), added, skipped);
    }

    private Suppression parse(SuppressionCsv.Line l, List<RowProblem> problems) {
        int before = problems.size();
        String address = null;
        String raw = l.cell("address");
        if (raw.isEmpty()) {
            problems.add(new RowProblem(l.line(), "address", "empty"));
        } else {
            try {
                address = normalize(raw);
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(l.line(), "address", e.getMessage()));
            }
        }
        Suppression.Kind kind = null;
        try {
            kind = l.cell("kind").isEmpty() ? fail("empty") : SuppressionCsv.kind(l.cell("kind"));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(l.line(), "kind", e.getMessage()));
        }
        dev.switchboard.model.contact.Channel channel = null;
        try {
            channel = SuppressionCsv.channel(l.cell("channel"));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(l.line(), "channel", e.getMessage()));
        }
        String reason = l.cell("reason");
        if (reason.isEmpty()) {
            problems.add(new RowProblem(l.line(), "reason", "empty (say why it must not be contacted)"));
        } else if (reason.length() > 1000) {
            problems.add(new RowProblem(l.line(), "reason", "longer than 1000 characters"));
        }
        Instant expires = null;
        try {
            expires = SuppressionCsv.expires(l.cell("expires"));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(l.line(), "expires", e.getMessage()));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Suppression(kind, channel, address, expires, reason);
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }

    /**
     * Writes the suppressions {@code search} matches to {@code file} (CSV, UTF-8; cells that a spreadsheet would
     * read as formulas are escaped), replacing it only once complete. Audited (the file holds addresses). Returns
     * how many were written.
     */
    public int exportCsv(Actor by, Search search, java.nio.file.Path file) throws PermissionDeniedException,
            java.io.IOException {
        if (by.profile().role() == dev.switchboard.model.user.Role.SUPERVISOR) {
            throw new PermissionDeniedException(by.name() + " (SUPERVISOR) may not export suppressions: that takes"
                    + " an operator, compliance or admin profile.");
        }
        java.nio.file.Path dir = file.toAbsolutePath().getParent();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, ".suppressions-", ".csv.part");
        int[] n = {0};
        try {
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(tmp,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                de.siegmar.fastcsv.writer.CsvWriter csv = SuppressionCsv.writer(out);
                suppressions.forEach(search.query(), r -> {
                    SuppressionCsv.write(csv, entry(r));
                    n[0]++;
                });
                csv.flush();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        audit.append(by.name(), by.osLogin(), "suppression.export", "file " + file.getFileName(), n[0]
                + " suppressions" + (search.equals(Search.ALL) ? "" : " matching " + describe(search)),
                clock.instant());
        return n[0];
    }

    private static String describe(Search s) {
        List<String> parts = new java.util.ArrayList<>();
        if (s.text() != null && !s.text().isBlank()) {
            parts.add("address containing '" + mask(s.text().strip()) + "'");
        }
        if (s.kind() != null) {
            parts.add("kind " + s.kind());
        }
        if (s.channel() != null) {
            parts.add("channel " + s.channel());
        }
        return String.join(", ", parts);
    }

    private static void requireSuppressionManager(Actor by, String what) throws PermissionDeniedException {
        dev.switchboard.model.user.Role r = by.profile().role();
        if (r != dev.switchboard.model.user.Role.COMPLIANCE && r != dev.switchboard.model.user.Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " (" + r + ") may not " + what
                    + ": that takes a compliance or admin profile.");
        }
    }

    /**
     * Suppressions that are not rows of the ledger but follow from other records (the latest Reassigned Numbers
     * Database answer of a number): the gate's view adds them to the ledger's.
     */
    public void derive(java.util.function.Function<String, List<Suppression>> source) {
        this.derived = source;
    }

    /** The gate's view of the ledger: person keys are the person's normalized addresses. */
    public SuppressionView view() {
        return new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return forAddress(personKey);
            }

            @Override
            public List<Suppression> forAddress(String address) {
                List<Suppression> more = derived.apply(address);
                List<Suppression> rows = suppressions.forAddress(address);
                if (more.isEmpty()) {
                    return rows;
                }
                List<Suppression> all = new java.util.ArrayList<>(rows);
                all.addAll(more);
                return all;
            }
        };
    }

    /** Audit rows name an address by its last four characters only. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return "***" + address.substring(at);
        }
        return address.length() <= 4 ? "****" : "*".repeat(address.length() - 4) + address.substring(address.length() - 4);
    }
}
