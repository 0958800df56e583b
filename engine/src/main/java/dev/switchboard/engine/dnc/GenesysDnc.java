package dev.switchboard.engine.dnc;

import dev.switchboard.genesys.Dnc;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.GenesysException;
import dev.switchboard.model.redact.LogMask;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.EmailCheck;
import dev.switchboard.model.contact.PhoneCheck;
import dev.switchboard.model.contact.PhoneNormalizer;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.DncRepository;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switchboard's side of the Genesys DNC lists, over one client:
 * <ul>
 *   <li>its own {@code rds} lists ("Switchboard opt-outs (phone)" and "(email)"), created once and remembered;</li>
 *   <li>{@link #push}: opt-outs mirrored into them with PATCH Add, each address recorded PENDING → PUSHED →
 *       CONFIRMED; {@link #confirm} reads the lists back through the export and pushes again what is missing;</li>
 *   <li>{@link #optIn}: PATCH Remove, only for a recorded opt-in;</li>
 *   <li>{@link #sync}: every DNC list of the org exported into the local suppressions (carriers' intercepted STOPs
 *       reach Switchboard only this way), the time of the last complete sync recorded.</li>
 * </ul>
 * Crash-safe: the state is written before and after each PATCH; a crash between the PATCH and the second write
 * leaves the address PENDING, and the next {@link #push} or {@link #confirm} pushes it again (adding twice is
 * harmless). Thread-safe (calls are serialized).
 */
public final class GenesysDnc {
    /** The name of the own phone list. */
    public static final String PHONE_LIST = "Switchboard opt-outs (phone)";
    /** The name of the own email list. */
    public static final String EMAIL_LIST = "Switchboard opt-outs (email)";
    static final String PHONE = "PHONE";
    static final String EMAIL = "EMAIL";

    private static final Logger LOG = LoggerFactory.getLogger(GenesysDnc.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final int BATCH = 10_000;
    private static final Pattern VALUE_HEADER = Pattern.compile("value|phone|number|email|address");
    private static final Pattern EXPIRY_HEADER = Pattern.compile("expir");

    private final GenesysClient client;
    private final DncRepository repo;
    private final AuditLogRepository audit;
    private final Clock clock;
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    /** Own list ids checked against the org during this object's life. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    /** Runs after each PATCH Add, before its state write: a test hook to simulate a crash there. */
    volatile Runnable afterPatch = () -> { };

    public GenesysDnc(GenesysClient client, DncRepository repo, AuditLogRepository audit, Clock clock) {
        this.client = client;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- own lists ------------------------------------------------------------------------------------------------

    /**
     * The ids of the own lists (PHONE, EMAIL), created when missing. A remembered id is checked once per object; a
     * list deleted in the org is created again, and a list of the right name left by a crash between its creation
     * and the id's write is adopted rather than duplicated.
     */
    public synchronized Map<String, String> ensureLists() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(PHONE, ensure(PHONE, PHONE_LIST, "Phone"));
        out.put(EMAIL, ensure(EMAIL, EMAIL_LIST, "Email"));
        return out;
    }

    private String ensure(String method, String name, String contactMethod) {
        String known = verified.get(method);
        if (known != null) {
            return known;
        }
        var remembered = repo.ownList(method);
        if (remembered.isPresent()) {
            try {
                client.dnc().getDncList(remembered.get().listId());
                verified.put(method, remembered.get().listId());
                return remembered.get().listId();
            } catch (GenesysApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                LOG.warn("The DNC list '{}' ({}) is gone from the org; creating it again", name,
                        remembered.get().listId());
            }
        }
        String id = client.dnc().listDncLists().stream()
                .filter(l -> name.equals(l.name()) && "rds".equals(l.dncSourceType())
                        && contactMethod.equals(l.contactMethod()))
                .map(Dnc.DncList::id).findFirst()
                .orElseGet(() -> client.dnc().createDncList(Dnc.DncList.rds(name, contactMethod)).id());
        repo.putOwnList(new DncRepository.OwnList(method, id, name, clock.instant()));
        audit.append("engine", "switchboard", "dnc.list", "genesys dnc list " + id, "own " + contactMethod
                + " list '" + name + "' in use" + (remembered.isPresent() ? " (the remembered one was gone)" : ""),
                clock.instant());
        verified.put(method, id);
        return id;
    }

    // ---- push, confirm, remove ------------------------------------------------------------------------------------

    /** What a push did. */
    public record PushReport(int requested, int pushed) {
    }

    /**
     * Mirrors opted-out addresses (E.164 numbers, email addresses) into the own lists: recorded PENDING first, then
     * every PENDING address (these and any left by a crash) is PATCHed and marked PUSHED.
     *
     * @throws IllegalArgumentException naming an address that is neither a usable number nor an email address
     * @throws GenesysException         when Genesys refuses; the addresses stay PENDING for the next try
     */
    public synchronized PushReport push(List<String> addresses, String reason) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String a : addresses) {
            String key = normalize(a);
            wanted.put(key, key.contains("@") ? EMAIL : PHONE);
        }
        int requested = repo.requestPush(wanted, reason, clock.instant());
        return new PushReport(requested, pushPending());
    }

    /** Pushes every PENDING address; returns how many. */
    synchronized int pushPending() {
        int pushed = 0;
        while (true) {
            List<DncRepository.Entry> pending = repo.entries(List.of("PENDING"), BATCH);
            if (pending.isEmpty()) {
                return pushed;
            }
            patchAdd(pending.stream().map(DncRepository.Entry::address).toList());
            pushed += pending.size();
        }
    }

    private void patchAdd(List<String> addresses) {
        Map<String, String> lists = ensureLists();
        List<String> numbers = addresses.stream().filter(a -> !a.contains("@")).toList();
        List<String> emails = addresses.stream().filter(a -> a.contains("@")).toList();
        if (!numbers.isEmpty()) {
            client.dnc().patchPhoneNumbers(lists.get(PHONE), Dnc.Action.Add, numbers);
            afterPatch.run();
            repo.markPushed(numbers, clock.instant());
        }
        if (!emails.isEmpty()) {
            client.dnc().patchEmailAddresses(lists.get(EMAIL), Dnc.Action.Add, emails);
            afterPatch.run();
            repo.markPushed(emails, clock.instant());
        }
    }

    /** What a read-back found. */
    public record ConfirmReport(int confirmed, int pushedAgain, int removed) {
    }

    /**
     * Reads the own lists back through the export: PUSHED addresses found there become CONFIRMED; PENDING ones, and
     * PUSHED or CONFIRMED ones missing from the export, are pushed again; REMOVING ones are removed.
     */
    public synchronized ConfirmReport confirm() {
        int removed = removePending();
        Map<String, String> lists = ensureLists();
        Set<String> present = new HashSet<>();
        for (String id : lists.values()) {
            for (ExportEntry e : export(id)) {
                String key = normalizeOrNull(e.value());
                if (key != null) {
                    present.add(key);
                }
            }
        }
        List<DncRepository.Entry> entries = repo.entries(List.of("PENDING", "PUSHED", "CONFIRMED"),
                Integer.MAX_VALUE);
        List<String> confirmed = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (DncRepository.Entry e : entries) {
            if (e.state().equals("PENDING") || !present.contains(e.address())) {
                again.add(e.address());
            } else if (e.state().equals("PUSHED")) {
                confirmed.add(e.address());
            }
        }
        if (!confirmed.isEmpty()) {
            repo.markConfirmed(confirmed, clock.instant());
        }
        if (!again.isEmpty()) {
            LOG.warn("{} DNC entries were not in the read-back of the own lists; pushing them again", again.size());
            for (int i = 0; i < again.size(); i += BATCH) {
                patchAdd(again.subList(i, Math.min(again.size(), i + BATCH)));
            }
        }
        return new ConfirmReport(confirmed.size(), again.size(), removed);
    }

    /**
     * A recorded opt-in (START from the same number, a re-subscribe): the address is removed from the own list with
     * PATCH Remove. The caller has recorded the opt-in; this never removes anything on its own. Returns false when
     * Switchboard never pushed the address.
     */
    public synchronized boolean optIn(String address, String reason) {
        String key = normalize(address);
        if (!repo.requestRemoval(key, reason, clock.instant())) {
            return false;
        }
        removePending();
        audit.append("engine", "switchboard", "dnc.remove", "address " + mask(key), reason, clock.instant());
        return true;
    }

    private int removePending() {
        List<DncRepository.Entry> removing = repo.entries(List.of("REMOVING"), Integer.MAX_VALUE);
        if (removing.isEmpty()) {
            return 0;
        }
        Map<String, String> lists = ensureLists();
        List<String> numbers = removing.stream().map(DncRepository.Entry::address).filter(a -> !a.contains("@"))
                .toList();
        List<String> emails = removing.stream().map(DncRepository.Entry::address).filter(a -> a.contains("@"))
                .toList();
        if (!numbers.isEmpty()) {
            client.dnc().patchPhoneNumbers(lists.get(PHONE), Dnc.Action.Remove, numbers);
            repo.markRemoved(numbers, clock.instant());
        }
        if (!emails.isEmpty()) {
            client.dnc().patchEmailAddresses(lists.get(EMAIL), Dnc.Action.Remove, emails);
            repo.markRemoved(emails, clock.instant());
        }
        return removing.size();
    }

    // ---- sync -----------------------------------------------------------------------------------------------------

    /** What a sync did; {@code problem} is null when it was complete. */
    public record SyncReport(Instant startedAt, Instant finishedAt, int lists, int entries, int added,
                             String problem) {
        public boolean complete() {
            return problem == null;
        }
    }

    /**
     * Exports every DNC list of the org and adds what it holds to the local suppressions (numbers: DNC on voice and
     * SMS; email addresses: DNC on email; with the entry's expiry) unless already suppressed, with the source
     * "genesys dnc NAME". Records the sync; it counts as complete only when every list was read. Never throws for
     * Genesys problems: they are in the report.
     */
    public synchronized SyncReport sync() {
        Instant started = clock.instant();
        int listCount = 0;
        int entries = 0;
        int added = 0;
        List<String> problems = new ArrayList<>();
        List<Dnc.DncList> lists;
        try {
            lists = client.dnc().listDncLists();
        } catch (GenesysException e) {
            lists = List.of();
            problems.add("cannot list the org's DNC lists: " + e.getMessage());
        }
        Map<String, String> own = new LinkedHashMap<>();
        repo.ownLists().forEach(l -> own.put(l.listId(), l.contactMethod()));
        Set<String> seenInOwn = new HashSet<>();
        for (Dnc.DncList list : lists) {
            List<ExportEntry> export;
            try {
                export = export(list.id());
            } catch (GenesysException e) {
                problems.add("list '" + list.name() + "': " + e.getMessage());
                continue;
            }
            listCount++;
            Instant now = clock.instant();
            List<Suppression> found = new ArrayList<>();
            String reason = "on the Genesys DNC list '" + list.name() + "'";
            for (ExportEntry e : export) {
                String key = normalizeOrNull(e.value());
                if (key == null || (e.expiresAt() != null && !e.expiresAt().isAfter(now))) {
                    continue;
                }
                entries++;
                if (own.containsKey(list.id())) {
                    seenInOwn.add(key);
                }
                if (key.contains("@")) {
                    found.add(new Suppression(Suppression.Kind.DNC, Channel.EMAIL, key, e.expiresAt(), reason));
                } else {
                    found.add(new Suppression(Suppression.Kind.DNC, Channel.VOICE, key, e.expiresAt(), reason));
                    found.add(new Suppression(Suppression.Kind.DNC, Channel.SMS, key, e.expiresAt(), reason));
                }
            }
            String source = "genesys dnc " + list.name();
            added += repo.addSuppressionsIfNew(found, source.length() > 200 ? source.substring(0, 200) : source,
                    "engine", now);
        }
        if (!seenInOwn.isEmpty()) {
            repo.markConfirmed(seenInOwn, clock.instant());
        }
        Instant finished = clock.instant();
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        repo.recordSync(started, finished, listCount, entries, added, problem);
        if (added > 0 || problem != null) {
            audit.append("engine", "switchboard", "dnc.sync", "genesys dnc lists", listCount + " lists, " + entries
                    + " entries, " + added + " suppressions added" + (problem == null ? "" : "; incomplete: "
                    + problem), finished);
        }
        LOG.info("Genesys DNC sync: {} lists, {} entries, {} suppressions added{}", listCount, entries, added,
                problem == null ? "" : " (incomplete: " + problem + ")");
        return new SyncReport(started, finished, listCount, entries, added, problem);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** One entry of an export: the number or address, and when it expires (null: never). */
    record ExportEntry(String value, Instant expiresAt) {
    }

    private List<ExportEntry> export(String listId) {
        Dnc.Export export = client.dnc().export(listId, POLL, EXPORT_TIMEOUT);
        try {
            return parseExport(export.csv());
        } catch (DncInputException e) {
            throw new GenesysException("the export of DNC list " + listId + " is not readable: " + e.getMessage());
        }
    }

    /**
     * The entries of an export CSV. The exact layout of a real org's file is unrecorded: a header row is recognized
     * by a first cell that is neither a number nor an address; the value column is the one named value, phone,
     * number, email or address (else the first), the expiry the one named expir… (ISO instants; blank: never).
     */
    static List<ExportEntry> parseExport(String csv) throws DncInputException {
        List<CsvInput.Row> rows = CsvInput.parse(new StringReader(csv == null ? "" : csv), "export");
        if (rows.isEmpty()) {
            return List.of();
        }
        CsvInput.Row first = rows.getFirst();
        String c0 = first.cell(0);
        boolean header = !c0.contains("@") && !c0.matches("\\+?[0-9 ().-]{7,}");
        int value = 0;
        int expiry = -1;
        if (header) {
            value = Math.max(0, CsvInput.column(first.cells(), VALUE_HEADER));
            expiry = CsvInput.column(first.cells(), EXPIRY_HEADER);
        }
        List<ExportEntry> out = new ArrayList<>();
        for (CsvInput.Row r : header ? rows.subList(1, rows.size()) : rows) {
            String v = r.cell(value);
            if (v.isEmpty()) {
                continue;
            }
            Instant until = null;
            String e = expiry < 0 ? "" : r.cell(expiry);
            if (!e.isEmpty()) {
                try {
                    until = OffsetDateTime.parse(e).toInstant();
                } catch (DateTimeParseException ex) {
                    try {
                        until = Instant.parse(e);
                    } catch (DateTimeParseException ex2) {
                        // an unreadable expiry is treated as none: the stricter reading
                        until = null;
                    }
                }
            }
            out.add(new ExportEntry(v, until));
        }
        return out;
    }

    /** E.164 or a lower-cased email address; throws IllegalArgumentException naming the value. */
    String normalize(String address) {
        String key = normalizeOrNull(address);
        if (key == null) {
            throw new IllegalArgumentException("'" + mask(address == null ? "" : address.strip())
                    + "' is neither a usable phone number nor an email address");
        }
        return key;
    }

    private String normalizeOrNull(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.strip();
        if (a.contains("@")) {
            return EmailCheck.problem(a).isPresent() ? null : a.toLowerCase(Locale.ROOT);
        }
        return phones.normalize(a) instanceof PhoneCheck.Valid v ? v.e164() : null;
    }

    static String mask(String address) {
        return address.contains("@") ? LogMask.email(address) : LogMask.phone(address);
    }
}
