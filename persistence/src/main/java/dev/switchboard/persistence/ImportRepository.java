package dev.switchboard.persistence;

import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ImportState;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.persistence.jooq.tables.records.ContactImportRecord;
import dev.switchboard.persistence.jooq.tables.records.ImportIssueRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.switchboard.persistence.jooq.Tables.CONTACT_IMPORT;
import static dev.switchboard.persistence.jooq.Tables.IMPORT_BATCH;
import static dev.switchboard.persistence.jooq.Tables.IMPORT_ISSUE;

/** Imports, their issues and their verdicts. Every method does IO. */
public final class ImportRepository {
    private final DSLContext dsl;

    public ImportRepository(Store store) {
        this.dsl = store.dsl();
    }

    public ImportRecord create(long listId, String fileName, String filePath, long fileSize, String fingerprint,
                               String encoding, String delimiter, ColumnMapping mapping, Instant now) {
        ContactImportRecord r = dsl.insertInto(CONTACT_IMPORT)
                .set(CONTACT_IMPORT.LIST_ID, listId)
                .set(CONTACT_IMPORT.FILE_NAME, fileName)
                .set(CONTACT_IMPORT.FILE_PATH, filePath)
                .set(CONTACT_IMPORT.FILE_SIZE, fileSize)
                .set(CONTACT_IMPORT.FILE_FINGERPRINT, fingerprint)
                .set(CONTACT_IMPORT.ENCODING, encoding)
                .set(CONTACT_IMPORT.DELIMITER, delimiter)
                .set(CONTACT_IMPORT.COLUMN_MAPPING, Json.mapping(mapping))
                .set(CONTACT_IMPORT.STATE, ImportState.RUNNING.name())
                .set(CONTACT_IMPORT.STARTED_AT, now.atOffset(ZoneOffset.UTC))
                .returning()
                .fetchSingle();
        return toModel(r);
    }

    /** The newest unfinished (running or cancelled) import of the same file content into the same list. */
    public Optional<ImportRecord> resumable(long listId, String fingerprint) {
        return dsl.selectFrom(CONTACT_IMPORT)
                .where(CONTACT_IMPORT.LIST_ID.eq(listId))
                .and(CONTACT_IMPORT.FILE_FINGERPRINT.eq(fingerprint))
                .and(CONTACT_IMPORT.STATE.in(ImportState.RUNNING.name(), ImportState.CANCELLED.name()))
                .orderBy(CONTACT_IMPORT.ID.desc())
                .limit(1)
                .fetchOptional(ImportRepository::toModel);
    }

    /** The column mapping an import was started with (a resume must use the same). */
    public ColumnMapping mapping(long importId) {
        return Json.mapping(dsl.select(CONTACT_IMPORT.COLUMN_MAPPING).from(CONTACT_IMPORT)
                .where(CONTACT_IMPORT.ID.eq(importId)).fetchSingle().value1());
    }

    public void setState(long importId, ImportState state, String message, Instant finishedAt) {
        dsl.update(CONTACT_IMPORT)
                .set(CONTACT_IMPORT.STATE, state.name())
                .set(CONTACT_IMPORT.MESSAGE, message)
                .set(CONTACT_IMPORT.FINISHED_AT, finishedAt == null ? null : finishedAt.atOffset(ZoneOffset.UTC))
                .where(CONTACT_IMPORT.ID.eq(importId))
                .execute();
    }

    public Optional<ImportRecord> byId(long importId) {
        return dsl.selectFrom(CONTACT_IMPORT).where(CONTACT_IMPORT.ID.eq(importId))
                .fetchOptional(ImportRepository::toModel);
    }

    /** Newest first. */
    public List<ImportRecord> forList(long listId) {
        return dsl.selectFrom(CONTACT_IMPORT).where(CONTACT_IMPORT.LIST_ID.eq(listId))
                .orderBy(CONTACT_IMPORT.ID.desc()).fetch(ImportRepository::toModel);
    }

    public Optional<ImportRecord> latest(long listId) {
        return dsl.selectFrom(CONTACT_IMPORT).where(CONTACT_IMPORT.LIST_ID.eq(listId))
                .orderBy(CONTACT_IMPORT.ID.desc()).limit(1).fetchOptional(ImportRepository::toModel);
    }

    /** How many batches an import has committed (the next batch's sequence number). */
    public int batchCount(long importId) {
        return dsl.fetchCount(IMPORT_BATCH, IMPORT_BATCH.IMPORT_ID.eq(importId));
    }

    /** Rows with issues (not issues): a row rejected for two reasons counts once. */
    public long countIssueRows(long importId, boolean rejectedOnly) {
        return dsl.fetchCount(dsl.selectDistinct(IMPORT_ISSUE.RECORD_NO).from(IMPORT_ISSUE)
                .where(issueFilter(importId, rejectedOnly)));
    }

    public long countIssues(long importId, boolean rejectedOnly) {
        return dsl.fetchCount(IMPORT_ISSUE, issueFilter(importId, rejectedOnly));
    }

    public List<ImportIssue> issues(long importId, boolean rejectedOnly, long offset, int limit) {
        return dsl.selectFrom(IMPORT_ISSUE)
                .where(issueFilter(importId, rejectedOnly))
                .orderBy(IMPORT_ISSUE.RECORD_NO, IMPORT_ISSUE.POSITION)
                .limit(limit)
                .offset(offset)
                .fetch(ImportRepository::toModel);
    }

    private static Condition issueFilter(long importId, boolean rejectedOnly) {
        Condition c = IMPORT_ISSUE.IMPORT_ID.eq(importId);
        return rejectedOnly ? c.and(IMPORT_ISSUE.SEVERITY.eq(RowIssue.Severity.REJECTED.name())) : c;
    }

    /** Every data row's verdict in file order, with its issues; reads one batch at a time. */
    public void forEachVerdict(long importId, Consumer<VerdictRow> sink) {
        int batches = batchCount(importId);
        for (int seq = 0; seq < batches; seq++) {
            var batch = dsl.selectFrom(IMPORT_BATCH)
                    .where(IMPORT_BATCH.IMPORT_ID.eq(importId).and(IMPORT_BATCH.SEQ.eq(seq)))
                    .fetchSingle();
            Map<Long, List<RowIssue>> issues = new HashMap<>();
            dsl.selectFrom(IMPORT_ISSUE)
                    .where(IMPORT_ISSUE.IMPORT_ID.eq(importId))
                    .and(IMPORT_ISSUE.RECORD_NO.between(batch.getFirstRecord(), batch.getLastRecord()))
                    .orderBy(IMPORT_ISSUE.RECORD_NO, IMPORT_ISSUE.POSITION)
                    .forEach(r -> issues.computeIfAbsent(r.getRecordNo(), k -> new ArrayList<>())
                            .add(toModel(r).issue()));
            for (VerdictCodec.Entry e : VerdictCodec.decode(batch.getVerdicts())) {
                sink.accept(new VerdictRow(e.recordNo(), e.lineNo(), e.verdict(), e.externalKey(),
                        issues.getOrDefault(e.recordNo(), List.of())));
            }
        }
    }

    static ImportIssue toModel(ImportIssueRecord r) {
        return new ImportIssue(r.getImportId(), r.getRecordNo(), r.getLineNo(), r.getExternalKey(),
                new RowIssue(RowIssue.Severity.valueOf(r.getSeverity()), r.getColumnName(), r.getFieldValue(),
                        r.getReason()));
    }

    static ImportRecord toModel(ContactImportRecord r) {
        return new ImportRecord(r.getId(), r.getListId(), r.getFileName(), r.getFilePath(), r.getFileSize(),
                r.getEncoding(), r.getDelimiter(), ImportState.valueOf(r.getState()), r.getStartedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(), r.getLastRecord(), r.getLastLine(),
                r.getRowsInserted(), r.getRowsUpdated(), r.getRowsUnchanged(), r.getRowsRejected(),
                r.getRowsWarned(), r.getMessage());
    }
}
