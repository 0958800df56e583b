package dev.switchboard.persistence;

import dev.switchboard.model.compliance.RndResult;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.persistence.jooq.tables.records.GenesysDncEntryRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.switchboard.persistence.jooq.Tables.GENESYS_DNC_ENTRY;
import static dev.switchboard.persistence.jooq.Tables.GENESYS_DNC_LIST;
import static dev.switchboard.persistence.jooq.Tables.GENESYS_DNC_SYNC;
import static dev.switchboard.persistence.jooq.Tables.NATIONAL_DNC_SCRUB;
import static dev.switchboard.persistence.jooq.Tables.RND_IMPORT;
import static dev.switchboard.persistence.jooq.Tables.RND_RESULT;
import static dev.switchboard.persistence.jooq.Tables.SUPPRESSION;

/**
 * Outside do-not-contact data: Switchboard's own Genesys DNC lists and the state of every address pushed to them,
 * the syncs of the org's DNC lists, National DNC scrubs and Reassigned Numbers Database results. Every write is one
 * durable commit; imports write everything of a file in one transaction or nothing.
 */
public final class DncRepository {
    private final Store store;
    private final DSLContext dsl;

    public DncRepository(Store store) {
        this.store = store;
        this.dsl = store.dsl();
    }

    // ---- own lists ------------------------------------------------------------------------------------------------

    /** One of Switchboard's own lists: PHONE or EMAIL. */
    public record OwnList(String contactMethod, String listId, String name, Instant createdAt) {
    }

    public Optional<OwnList> ownList(String contactMethod) {
        return dsl.selectFrom(GENESYS_DNC_LIST).where(GENESYS_DNC_LIST.CONTACT_METHOD.eq(contactMethod))
                .fetchOptional(r -> new OwnList(r.getContactMethod(), r.getListId(), r.getName(),
                        r.getCreatedAt().toInstant()));
    }

    public List<OwnList> ownLists() {
        return dsl.selectFrom(GENESYS_DNC_LIST).orderBy(GENESYS_DNC_LIST.CONTACT_METHOD)
                .fetch(r -> new OwnList(r.getContactMethod(), r.getListId(), r.getName(),
                        r.getCreatedAt().toInstant()));
    }

    /** Remembers (or replaces) the id of an own list. */
    public void putOwnList(OwnList l) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(GENESYS_DNC_LIST).where(GENESYS_DNC_LIST.CONTACT_METHOD.eq(l.contactMethod())).execute();
            tx.insertInto(GENESYS_DNC_LIST)
                    .set(GENESYS_DNC_LIST.CONTACT_METHOD, l.contactMethod())
                    .set(GENESYS_DNC_LIST.LIST_ID, l.listId())
                    .set(GENESYS_DNC_LIST.NAME, l.name())
                    .set(GENESYS_DNC_LIST.CREATED_AT, utc(l.createdAt()))
                    .execute();
        });
    }

    // ---- pushed entries -------------------------------------------------------------------------------------------

    /** An address mirrored into an own list, with where it stands. */
    public record Entry(String address, String contactMethod, String state, String reason, Instant requestedAt,
                        Instant pushedAt, Instant confirmedAt, int pushCount) {
    }

    /**
     * Records addresses to push: new ones and REMOVED/REMOVING ones become PENDING; PENDING, PUSHED and CONFIRMED
     * ones stay as they are. Returns how many became PENDING.
     */
    public int requestPush(Map<String, String> addressToMethod, String reason, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int n = 0;
            for (var e : addressToMethod.entrySet()) {
                GenesysDncEntryRecord r = tx.selectFrom(GENESYS_DNC_ENTRY)
                        .where(GENESYS_DNC_ENTRY.ADDRESS.eq(e.getKey())).forUpdate().fetchOne();
                if (r == null) {
                    tx.insertInto(GENESYS_DNC_ENTRY)
                            .set(GENESYS_DNC_ENTRY.ADDRESS, e.getKey())
                            .set(GENESYS_DNC_ENTRY.CONTACT_METHOD, e.getValue())
                            .set(GENESYS_DNC_ENTRY.STATE, "PENDING")
                            .set(GENESYS_DNC_ENTRY.REASON, reason)
                            .set(GENESYS_DNC_ENTRY.REQUESTED_AT, utc(at))
                            .set(GENESYS_DNC_ENTRY.PUSH_COUNT, 0)
                            .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                            .execute();
                    n++;
                } else if (r.getState().equals("REMOVED") || r.getState().equals("REMOVING")) {
                    tx.update(GENESYS_DNC_ENTRY)
                            .set(GENESYS_DNC_ENTRY.STATE, "PENDING")
                            .set(GENESYS_DNC_ENTRY.REASON, reason)
                            .set(GENESYS_DNC_ENTRY.REQUESTED_AT, utc(at))
                            .set(GENESYS_DNC_ENTRY.CONFIRMED_AT, (OffsetDateTime) null)
                            .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                            .where(GENESYS_DNC_ENTRY.ADDRESS.eq(e.getKey())).execute();
                    n++;
                }
            }
            return n;
        });
    }

    /** Entries in one of {@code states}, oldest request first. */
    public List<Entry> entries(Collection<String> states, int limit) {
        return dsl.selectFrom(GENESYS_DNC_ENTRY).where(GENESYS_DNC_ENTRY.STATE.in(states))
                .orderBy(GENESYS_DNC_ENTRY.REQUESTED_AT, GENESYS_DNC_ENTRY.ADDRESS).limit(limit)
                .fetch(DncRepository::entry);
    }

    public Optional<Entry> entry(String address) {
        return dsl.selectFrom(GENESYS_DNC_ENTRY).where(GENESYS_DNC_ENTRY.ADDRESS.eq(address))
                .fetchOptional(DncRepository::entry);
    }

    /** Entries by state, for status screens. */
    public Map<String, Integer> entryCounts() {
        Map<String, Integer> out = new TreeMap<>();
        dsl.select(GENESYS_DNC_ENTRY.STATE, org.jooq.impl.DSL.count()).from(GENESYS_DNC_ENTRY)
                .groupBy(GENESYS_DNC_ENTRY.STATE).fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** PENDING (or PUSHED, CONFIRMED: a re-push) → PUSHED after Genesys accepted the PATCH Add. */
    public void markPushed(Collection<String> addresses, Instant at) {
        dsl.update(GENESYS_DNC_ENTRY)
                .set(GENESYS_DNC_ENTRY.STATE, "PUSHED")
                .set(GENESYS_DNC_ENTRY.PUSHED_AT, utc(at))
                .set(GENESYS_DNC_ENTRY.PUSH_COUNT, GENESYS_DNC_ENTRY.PUSH_COUNT.plus(1))
                .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                .where(GENESYS_DNC_ENTRY.ADDRESS.in(addresses)
                        .and(GENESYS_DNC_ENTRY.STATE.in("PENDING", "PUSHED", "CONFIRMED")))
                .execute();
    }

    /** PUSHED → CONFIRMED for addresses seen in a read-back. */
    public void markConfirmed(Collection<String> addresses, Instant at) {
        dsl.update(GENESYS_DNC_ENTRY)
                .set(GENESYS_DNC_ENTRY.STATE, "CONFIRMED")
                .set(GENESYS_DNC_ENTRY.CONFIRMED_AT, utc(at))
                .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                .where(GENESYS_DNC_ENTRY.ADDRESS.in(addresses).and(GENESYS_DNC_ENTRY.STATE.eq("PUSHED")))
                .execute();
    }

    /** A recorded opt-in: the entry is to be removed from Genesys (REMOVING). False when there is no entry. */
    public boolean requestRemoval(String address, String reason, Instant at) {
        return dsl.update(GENESYS_DNC_ENTRY)
                .set(GENESYS_DNC_ENTRY.STATE, "REMOVING")
                .set(GENESYS_DNC_ENTRY.REASON, reason)
                .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                .where(GENESYS_DNC_ENTRY.ADDRESS.eq(address).and(GENESYS_DNC_ENTRY.STATE.ne("REMOVED")))
                .execute() == 1;
    }

    /** REMOVING → REMOVED after Genesys accepted the PATCH Remove. */
    public void markRemoved(Collection<String> addresses, Instant at) {
        dsl.update(GENESYS_DNC_ENTRY)
                .set(GENESYS_DNC_ENTRY.STATE, "REMOVED")
                .set(GENESYS_DNC_ENTRY.UPDATED_AT, utc(at))
                .where(GENESYS_DNC_ENTRY.ADDRESS.in(addresses).and(GENESYS_DNC_ENTRY.STATE.eq("REMOVING")))
                .execute();
    }

    // ---- syncs ----------------------------------------------------------------------------------------------------

    /** One sync of the org's DNC lists; {@code problem} is null for a complete one. */
    public record Sync(long id, Instant startedAt, Instant finishedAt, int lists, int entries, int added,
                       String problem) {
    }

    public void recordSync(Instant startedAt, Instant finishedAt, int lists, int entries, int added, String problem) {
        dsl.insertInto(GENESYS_DNC_SYNC)
                .set(GENESYS_DNC_SYNC.STARTED_AT, utc(startedAt))
                .set(GENESYS_DNC_SYNC.FINISHED_AT, utc(finishedAt))
                .set(GENESYS_DNC_SYNC.LISTS, lists)
                .set(GENESYS_DNC_SYNC.ENTRIES, entries)
                .set(GENESYS_DNC_SYNC.ADDED, added)
                .set(GENESYS_DNC_SYNC.PROBLEM, problem == null ? null : clip(problem, 1000))
                .execute();
    }

    /** The last complete sync. */
    public Optional<Sync> lastCompleteSync() {
        return dsl.selectFrom(GENESYS_DNC_SYNC).where(GENESYS_DNC_SYNC.PROBLEM.isNull())
                .orderBy(GENESYS_DNC_SYNC.STARTED_AT.desc(), GENESYS_DNC_SYNC.ID.desc()).limit(1)
                .fetchOptional(r -> new Sync(r.getId(), r.getStartedAt().toInstant(), r.getFinishedAt().toInstant(),
                        r.getLists(), r.getEntries(), r.getAdded(), null));
    }

    /** The last sync, complete or not. */
    public Optional<Sync> lastSync() {
        return dsl.selectFrom(GENESYS_DNC_SYNC).orderBy(GENESYS_DNC_SYNC.ID.desc()).limit(1)
                .fetchOptional(r -> new Sync(r.getId(), r.getStartedAt().toInstant(), r.getFinishedAt().toInstant(),
                        r.getLists(), r.getEntries(), r.getAdded(), r.getProblem()));
    }

    // ---- suppressions written in bulk -----------------------------------------------------------------------------

    /**
     * Adds the suppressions that no active, all-purpose suppression of the same address and channel (or of every
     * channel) covers yet, in one transaction, then forces the commit to disk. Returns how many were added.
     */
    public int addSuppressionsIfNew(List<Suppression> suppressions, String source, String createdBy, Instant at) {
        int added = dsl.transactionResult(cfg -> insertIfNew(cfg.dsl(), suppressions, source, createdBy, at));
        checkpointSync();
        return added;
    }

    private static int insertIfNew(DSLContext tx, List<Suppression> suppressions, String source, String createdBy,
                                   Instant at) {
        int n = 0;
        for (Suppression s : suppressions) {
            boolean covered = tx.selectOne().from(SUPPRESSION)
                    .where(SUPPRESSION.ADDRESS.eq(s.key()))
                    .and(SUPPRESSION.REMOVED_AT.isNull())
                    .and(SUPPRESSION.KIND.ne(Suppression.Kind.REVIEW.name()))
                    .and(SUPPRESSION.EXPIRES_AT.isNull().or(SUPPRESSION.EXPIRES_AT.gt(utc(at))))
                    .and(s.channel() == null ? SUPPRESSION.CHANNEL.isNull()
                            : SUPPRESSION.CHANNEL.isNull().or(SUPPRESSION.CHANNEL.eq(s.channel().name())))
                    .and(s.expiresAt() == null ? SUPPRESSION.EXPIRES_AT.isNull() : org.jooq.impl.DSL.trueCondition())
                    .limit(1).fetchOptional().isPresent();
            if (covered) {
                continue;
            }
            tx.insertInto(SUPPRESSION)
                    .set(SUPPRESSION.ADDRESS, s.key())
                    .set(SUPPRESSION.KIND, s.kind().name())
                    .set(SUPPRESSION.CHANNEL, s.channel() == null ? null : s.channel().name())
                    .set(SUPPRESSION.REASON, s.reason())
                    .set(SUPPRESSION.SOURCE, source)
                    .set(SUPPRESSION.CREATED_AT, utc(at))
                    .set(SUPPRESSION.CREATED_BY, createdBy)
                    .set(SUPPRESSION.EXPIRES_AT, s.expiresAt() == null ? null : utc(s.expiresAt()))
                    .execute();
            n++;
        }
        return n;
    }

    // ---- National DNC ---------------------------------------------------------------------------------------------

    /** One imported scrub. */
    public record Scrub(long id, LocalDate scrubbedOn, String fileName, int numbers, int added, Instant importedAt,
                        String importedBy) {
    }

    /**
     * Imports a scrub: every number a DNC suppression on voice and on SMS (never expiring), skipping those already
     * suppressed, and the scrub's record, in one transaction. Returns the suppressions added.
     */
    public int importScrub(List<Suppression> suppressions, LocalDate scrubbedOn, String fileName, int numbers,
                           String source, String by, Instant at) {
        int added = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int n = insertIfNew(tx, suppressions, source, by, at);
            tx.insertInto(NATIONAL_DNC_SCRUB)
                    .set(NATIONAL_DNC_SCRUB.SCRUBBED_ON, scrubbedOn)
                    .set(NATIONAL_DNC_SCRUB.FILE_NAME, clip(fileName, 500))
                    .set(NATIONAL_DNC_SCRUB.NUMBERS, numbers)
                    .set(NATIONAL_DNC_SCRUB.ADDED, n)
                    .set(NATIONAL_DNC_SCRUB.IMPORTED_AT, utc(at))
                    .set(NATIONAL_DNC_SCRUB.IMPORTED_BY, by)
                    .execute();
            return n;
        });
        checkpointSync();
        return added;
    }

    /** The scrub with the newest registry copy. */
    public Optional<Scrub> lastScrub() {
        return dsl.selectFrom(NATIONAL_DNC_SCRUB)
                .orderBy(NATIONAL_DNC_SCRUB.SCRUBBED_ON.desc(), NATIONAL_DNC_SCRUB.ID.desc()).limit(1)
                .fetchOptional(r -> new Scrub(r.getId(), r.getScrubbedOn(), r.getFileName(), r.getNumbers(),
                        r.getAdded(), r.getImportedAt().toInstant(), r.getImportedBy()));
    }

    // ---- RND ------------------------------------------------------------------------------------------------------

    /** One imported file of RND results. */
    public record RndImport(long id, LocalDate resultsDate, String fileName, int rows, Instant importedAt,
                            String importedBy) {
    }

    /** Imports every result of a file and its record in one transaction; returns the import's id. */
    public long importRnd(List<RndResult> results, LocalDate resultsDate, String fileName, String by, Instant at) {
        long id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long importId = tx.insertInto(RND_IMPORT)
                    .set(RND_IMPORT.RESULTS_DATE, resultsDate)
                    .set(RND_IMPORT.FILE_NAME, clip(fileName, 500))
                    .set(RND_IMPORT.ROWS_READ, results.size())
                    .set(RND_IMPORT.IMPORTED_AT, utc(at))
                    .set(RND_IMPORT.IMPORTED_BY, by)
                    .returning(RND_IMPORT.ID).fetchSingle().getId();
            var insert = tx.insertInto(RND_RESULT, RND_RESULT.IMPORT_ID, RND_RESULT.ADDRESS, RND_RESULT.CONSENT_DATE,
                    RND_RESULT.ANSWER, RND_RESULT.DATA_DATE, RND_RESULT.IMPORTED_AT);
            int inBatch = 0;
            for (RndResult r : results) {
                insert = insert.values(importId, r.number(), r.consentDate(), r.answer().name(), r.dataDate(),
                        utc(at));
                if (++inBatch == 500) {
                    insert.execute();
                    insert = tx.insertInto(RND_RESULT, RND_RESULT.IMPORT_ID, RND_RESULT.ADDRESS,
                            RND_RESULT.CONSENT_DATE, RND_RESULT.ANSWER, RND_RESULT.DATA_DATE, RND_RESULT.IMPORTED_AT);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.execute();
            }
            return importId;
        });
        checkpointSync();
        return id;
    }

    /** The newest RND import. */
    public Optional<RndImport> lastRndImport() {
        return dsl.selectFrom(RND_IMPORT).orderBy(RND_IMPORT.IMPORTED_AT.desc(), RND_IMPORT.ID.desc()).limit(1)
                .fetchOptional(r -> new RndImport(r.getId(), r.getResultsDate(), r.getFileName(), r.getRowsRead(),
                        r.getImportedAt().toInstant(), r.getImportedBy()));
    }

    /** The latest answer for a number (newest data, then newest import), if it was ever queried. */
    public Optional<RndResult> latestRnd(String address) {
        return dsl.selectFrom(RND_RESULT).where(RND_RESULT.ADDRESS.eq(address))
                .orderBy(RND_RESULT.DATA_DATE.desc(), RND_RESULT.ID.desc()).limit(1)
                .fetchOptional(r -> new RndResult(r.getAddress(), r.getConsentDate(),
                        RndResult.Answer.valueOf(r.getAnswer()), r.getDataDate()));
    }

    /** RND answers stored, by answer. */
    public Map<String, Integer> rndCounts() {
        Map<String, Integer> out = new TreeMap<>();
        dsl.select(RND_RESULT.ANSWER, org.jooq.impl.DSL.count()).from(RND_RESULT).groupBy(RND_RESULT.ANSWER)
                .fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Forces what is committed to disk (H2 CHECKPOINT SYNC). */
    public void checkpointSync() {
        if (store.dialect().family() == SQLDialect.H2) {
            dsl.execute("checkpoint sync");
        }
    }

    private static Entry entry(GenesysDncEntryRecord r) {
        return new Entry(r.getAddress(), r.getContactMethod(), r.getState(), r.getReason(),
                r.getRequestedAt().toInstant(), r.getPushedAt() == null ? null : r.getPushedAt().toInstant(),
                r.getConfirmedAt() == null ? null : r.getConfirmedAt().toInstant(), r.getPushCount());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
