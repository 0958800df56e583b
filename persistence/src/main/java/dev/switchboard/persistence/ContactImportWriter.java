package dev.switchboard.persistence;

import dev.switchboard.model.contact.Consent;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.model.contact.RowResult;
import dev.switchboard.model.contact.Verdict;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes import batches: upserts contacts by (list, external key) and records every row's verdict, all of one batch
 * in one transaction together with the import's progress. So after a crash the store holds whole batches only, and
 * the import's {@code last_record} says exactly where to resume.
 *
 * <p>This is the import's hot path, so it speaks plain JDBC batches rather than jOOQ; the SQL stays portable
 * (H2 and PostgreSQL).
 */
public final class ContactImportWriter {
    /*
     * Looking up a batch's keys: H2 uses only the list_id part of the (list_id, external_key) index for
     * "external_key = any(?)" or "in (…)" and scans the whole list per batch (quadratic over an import); joined
     * against its TABLE() of the keys it does two-column index lookups. PostgreSQL plans "= any(?)" well.
     */
    private static final String SELECT_EXISTING_H2 =
            "select c.id, c.external_key, c.content_hash, c.import_id, c.import_line"
                    + " from table(k varchar = ?) t join contact c on c.list_id = ? and c.external_key = t.k";
    private static final String SELECT_EXISTING =
            "select id, external_key, content_hash, import_id, import_line from contact"
                    + " where external_key = any(?) and list_id = ?";
    static final String INSERT_CONTACT = "insert into contact (list_id, external_key, first_name, last_name, email,"
            + " email_raw, postal_code, address_region, country, jurisdiction, jurisdiction_source, time_zones,"
            + " time_zone_source, time_zone_flag, attributes, content_hash, import_id, import_line, created_at,"
            + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String UPDATE_CONTACT = "update contact set first_name = ?, last_name = ?, email = ?,"
            + " email_raw = ?, postal_code = ?, address_region = ?, country = ?, jurisdiction = ?,"
            + " jurisdiction_source = ?, time_zones = ?, time_zone_source = ?, time_zone_flag = ?, attributes = ?,"
            + " content_hash = ?, import_id = ?, import_line = ?, updated_at = ?, version = version + 1"
            + " where id = ?";
    private static final String TOUCH_CONTACT = "update contact set import_id = ?, import_line = ? where id = ?";
    static final String INSERT_PHONE = "insert into contact_phone (contact_id, position, phone_type, e164,"
            + " raw_value, source_column) values (?, ?, ?, ?, ?, ?)";
    static final String INSERT_CONSENT = "insert into contact_consent (contact_id, channel, granted, obtained_at,"
            + " source) values (?, ?, ?, ?, ?)";
    private static final String DELETE_PHONES = "delete from contact_phone where contact_id = ?";
    private static final String DELETE_CONSENTS = "delete from contact_consent where contact_id = ?";
    private static final String INSERT_ISSUE = "insert into import_issue (import_id, record_no, line_no, position,"
            + " severity, external_key, column_name, field_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BATCH = "insert into import_batch (import_id, seq, first_record, last_record,"
            + " last_line, verdicts) values (?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE_IMPORT = "update contact_import set last_record = ?, last_line = ?,"
            + " rows_inserted = rows_inserted + ?, rows_updated = rows_updated + ?,"
            + " rows_unchanged = rows_unchanged + ?, rows_rejected = rows_rejected + ?,"
            + " rows_warned = rows_warned + ? where id = ? and last_record = ?";

    private final Store store;

    public ContactImportWriter(Store store) {
        this.store = store;
    }

    /** Lets the store reclaim file space between batches; see {@link Store#compact(int)}. */
    public void compact(int maxMillis) {
        store.compact(maxMillis);
    }

    private record Existing(long id, long contentHash, Long importId, Long importLine) {
    }

    /**
     * Commits one batch of rows of import {@code importId}, numbered after {@code expectedLastRecord}.
     *
     * @param seq                the batch's number within the import (0, 1, …)
     * @param expectedLastRecord the import's {@code last_record} before this batch: a guard against two writers
     */
    public BatchOutcome write(long importId, long listId, int seq, long expectedLastRecord, List<ImportRow> rows,
                              Instant now) {
        return write(importId, listId, seq, expectedLastRecord, rows, now, key -> true);
    }

    /**
     * As {@link #write(long, long, int, long, List, Instant)}, looking up only the keys that {@code mightExist}
     * (a fresh list's import knows most keys are new). Should a key it called new exist after all, the batch is
     * rolled back and written again with every key looked up.
     */
    public BatchOutcome write(long importId, long listId, int seq, long expectedLastRecord, List<ImportRow> rows,
                              Instant now, Predicate<String> mightExist) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        try {
            return writeOnce(importId, listId, seq, expectedLastRecord, rows, now, mightExist);
        } catch (StoreException e) {
            if (!uniqueViolation(e.getCause())) {
                throw e;
            }
            return writeOnce(importId, listId, seq, expectedLastRecord, rows, now, key -> true);
        }
    }

    private static boolean uniqueViolation(Throwable t) {
        for (; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException q ? q : null; s != null; s = s.getNextException()) {
                if (s instanceof SQLIntegrityConstraintViolationException || "23505".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private BatchOutcome writeOnce(long importId, long listId, int seq, long expectedLastRecord, List<ImportRow> rows,
                                   Instant now, Predicate<String> mightExist) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchOutcome outcome = write(c, importId, listId, seq, expectedLastRecord, rows, now, mightExist);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot write import batch " + seq + ": " + Store.firstLine(e.getMessage()), e);
        }
    }

    private BatchOutcome write(Connection c, long importId, long listId, int seq, long expectedLastRecord,
                               List<ImportRow> rows, Instant now, Predicate<String> mightExist) throws SQLException {
        Map<String, Existing> existing = existing(c, listId, rows, mightExist);
        Timestamp at = Timestamp.from(now);
        Map<String, ImportRow> firstInBatch = new HashMap<>();
        List<ImportRow> inserts = new ArrayList<>();
        List<ImportRow> updates = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        List<Long> touchIds = new ArrayList<>();
        List<ImportRow> touches = new ArrayList<>();
        Verdict[] verdicts = new Verdict[rows.size()];
        List<List<RowIssue>> issues = new ArrayList<>(rows.size());
        int warned = 0;

        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            List<RowIssue> rowIssues = new ArrayList<>(row.result().issues());
            issues.add(rowIssues);
            if (row.result() instanceof RowResult.Rejected) {
                verdicts[i] = Verdict.REJECTED;
                continue;
            }
            ContactDraft d = ((RowResult.Accepted) row.result()).contact();
            String key = d.externalKey();
            ImportRow earlier = firstInBatch.get(key);
            Existing e = existing.get(key);
            if (earlier == null && e != null && e.importId() != null && e.importId() == importId) {
                rowIssues.clear();
                rowIssues.add(duplicate(key, e.importLine()));
                verdicts[i] = Verdict.REJECTED;
                continue;
            }
            if (earlier != null) {
                rowIssues.clear();
                rowIssues.add(duplicate(key, earlier.lineNo()));
                verdicts[i] = Verdict.REJECTED;
                continue;
            }
            firstInBatch.put(key, row);
            if (!rowIssues.isEmpty()) {
                warned++;
            }
            if (e == null) {
                verdicts[i] = Verdict.INSERTED;
                inserts.add(row);
            } else if (e.contentHash() != d.contentHash()) {
                verdicts[i] = Verdict.UPDATED;
                updates.add(row);
                updateIds.add(e.id());
            } else {
                verdicts[i] = Verdict.UNCHANGED;
                touches.add(row);
                touchIds.add(e.id());
            }
        }

        List<Long> newIds = insert(c, listId, importId, inserts, at);
        update(c, importId, updates, updateIds, at);
        touch(c, importId, touches, touchIds);
        details(c, inserts, newIds, updates, updateIds);
        int[] counts = new int[Verdict.values().length];
        for (Verdict v : verdicts) {
            counts[v.ordinal()]++;
        }
        recordIssues(c, importId, rows, issues);
        recordBatch(c, importId, seq, rows, verdicts);
        ImportRow last = rows.getLast();
        try (PreparedStatement ps = c.prepareStatement(ADVANCE_IMPORT)) {
            ps.setLong(1, last.recordNo());
            ps.setLong(2, last.lineNo());
            ps.setLong(3, counts[Verdict.INSERTED.ordinal()]);
            ps.setLong(4, counts[Verdict.UPDATED.ordinal()]);
            ps.setLong(5, counts[Verdict.UNCHANGED.ordinal()]);
            ps.setLong(6, counts[Verdict.REJECTED.ordinal()]);
            ps.setLong(7, warned);
            ps.setLong(8, importId);
            ps.setLong(9, expectedLastRecord);
            if (ps.executeUpdate() != 1) {
                throw new StoreException("Import " + importId + " moved on under us: is it running elsewhere?");
            }
        }
        return new BatchOutcome(counts[Verdict.INSERTED.ordinal()], counts[Verdict.UPDATED.ordinal()],
                counts[Verdict.UNCHANGED.ordinal()], counts[Verdict.REJECTED.ordinal()], warned);
    }

    private static RowIssue duplicate(String key, Long otherLine) {
        return RowIssue.rejected(null, key, "duplicate external key '" + key + "': line " + otherLine
                + " of this file has it too (the first is kept)");
    }

    private Map<String, Existing> existing(Connection c, long listId, List<ImportRow> rows,
                                           Predicate<String> mightExist) throws SQLException {
        Object[] keys = rows.stream().map(r -> r.result().externalKey())
                .filter(k -> k != null && mightExist.test(k)).distinct().toArray();
        Map<String, Existing> found = new HashMap<>();
        if (keys.length == 0) {
            return found;
        }
        String sql = store.dialect() == org.jooq.SQLDialect.H2 ? SELECT_EXISTING_H2 : SELECT_EXISTING;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("VARCHAR", keys);
            ps.setArray(1, array);
            ps.setLong(2, listId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long importId = rs.getLong(4);
                    Long imp = rs.wasNull() ? null : importId;
                    long line = rs.getLong(5);
                    Long ln = rs.wasNull() ? null : line;
                    found.put(rs.getString(2), new Existing(rs.getLong(1), rs.getLong(3), imp, ln));
                }
            }
        }
        return found;
    }

    private static List<Long> insert(Connection c, long listId, long importId, List<ImportRow> rows, Timestamp at)
            throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONTACT, new String[]{"id"})) {
            for (ImportRow row : rows) {
                ContactDraft d = ((RowResult.Accepted) row.result()).contact();
                bindContact(ps, listId, d, importId, row.lineNo(), at);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("expected " + rows.size() + " generated ids, got " + ids.size());
        }
        return ids;
    }

    /** Binds the 20 parameters of {@link #INSERT_CONTACT}; shared with the raw-insert benchmark baseline. */
    public static void bindContact(PreparedStatement ps, long listId, ContactDraft d, Long importId, long line,
                                   Timestamp at) throws SQLException {
        ps.setLong(1, listId);
        ps.setString(2, d.externalKey());
        bindFields(ps, 3, d);
        if (importId == null) {
            ps.setNull(17, Types.BIGINT);
        } else {
            ps.setLong(17, importId);
        }
        ps.setLong(18, line);
        ps.setTimestamp(19, at);
        ps.setTimestamp(20, at);
    }

    /** Binds the 14 data columns first_name … content_hash starting at parameter {@code p}. */
    private static void bindFields(PreparedStatement ps, int p, ContactDraft d) throws SQLException {
        ps.setString(p, d.firstName());
        ps.setString(p + 1, d.lastName());
        ps.setString(p + 2, d.email());
        ps.setString(p + 3, d.emailRaw());
        ps.setString(p + 4, d.postalCode());
        ps.setString(p + 5, d.addressRegion());
        ps.setString(p + 6, d.country());
        ps.setString(p + 7, d.jurisdiction() == null ? null : d.jurisdiction().code());
        ps.setString(p + 8, d.jurisdiction() == null ? null : d.jurisdiction().source().name());
        ps.setString(p + 9, d.timeZones().missing() ? null
                : d.timeZones().candidates().stream().map(z -> z.getId()).collect(Collectors.joining(",")));
        ps.setString(p + 10, d.timeZones().source().name());
        ps.setString(p + 11, d.timeZones().flag());
        ps.setString(p + 12, Json.attributes(d.attributes()));
        ps.setLong(p + 13, d.contentHash());
    }

    private static void update(Connection c, long importId, List<ImportRow> rows, List<Long> ids, Timestamp at)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_CONTACT);
             PreparedStatement delPhones = c.prepareStatement(DELETE_PHONES);
             PreparedStatement delConsents = c.prepareStatement(DELETE_CONSENTS)) {
            for (int i = 0; i < rows.size(); i++) {
                ContactDraft d = ((RowResult.Accepted) rows.get(i).result()).contact();
                bindFields(ps, 1, d);
                ps.setLong(15, importId);
                ps.setLong(16, rows.get(i).lineNo());
                ps.setTimestamp(17, at);
                ps.setLong(18, ids.get(i));
                ps.addBatch();
                delPhones.setLong(1, ids.get(i));
                delPhones.addBatch();
                delConsents.setLong(1, ids.get(i));
                delConsents.addBatch();
            }
            ps.executeBatch();
            delPhones.executeBatch();
            delConsents.executeBatch();
        }
    }

    private static void touch(Connection c, long importId, List<ImportRow> rows, List<Long> ids) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // Unchanged rows still record this import and line: that is how a later duplicate in the same file is
        // recognised, with bounded memory, even across a resume.
        try (PreparedStatement ps = c.prepareStatement(TOUCH_CONTACT)) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setLong(1, importId);
                ps.setLong(2, rows.get(i).lineNo());
                ps.setLong(3, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void details(Connection c, List<ImportRow> inserts, List<Long> insertIds, List<ImportRow> updates,
                                List<Long> updateIds) throws SQLException {
        try (PreparedStatement phones = c.prepareStatement(INSERT_PHONE);
             PreparedStatement consents = c.prepareStatement(INSERT_CONSENT)) {
            int[] pending = new int[2];
            addDetails(phones, consents, inserts, insertIds, pending);
            addDetails(phones, consents, updates, updateIds, pending);
            if (pending[0] > 0) {
                phones.executeBatch();
            }
            if (pending[1] > 0) {
                consents.executeBatch();
            }
        }
    }

    private static void addDetails(PreparedStatement phones, PreparedStatement consents, List<ImportRow> rows,
                                   List<Long> ids, int[] pending) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            ContactDraft d = ((RowResult.Accepted) rows.get(i).result()).contact();
            pending[0] += bindPhones(phones, ids.get(i), d);
            pending[1] += bindConsents(consents, ids.get(i), d);
        }
    }

    /** Adds the contact's phones to a batch of {@link #INSERT_PHONE}; returns how many. */
    public static int bindPhones(PreparedStatement ps, long contactId, ContactDraft d) throws SQLException {
        int position = 0;
        for (Phone p : d.phones()) {
            ps.setLong(1, contactId);
            ps.setInt(2, position++);
            ps.setString(3, p.type().name());
            ps.setString(4, p.e164());
            ps.setString(5, p.raw());
            ps.setString(6, p.sourceColumn());
            ps.addBatch();
        }
        return position;
    }

    /** Adds the contact's consents to a batch of {@link #INSERT_CONSENT}; returns how many. */
    public static int bindConsents(PreparedStatement ps, long contactId, ContactDraft d) throws SQLException {
        int n = 0;
        for (Consent consent : d.consents()) {
            ps.setLong(1, contactId);
            ps.setString(2, consent.channel().name());
            ps.setBoolean(3, consent.granted());
            if (consent.obtainedAt() == null) {
                ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(4, OffsetDateTime.ofInstant(consent.obtainedAt(), ZoneOffset.UTC));
            }
            ps.setString(5, consent.source());
            ps.addBatch();
            n++;
        }
        return n;
    }

    private static void recordIssues(Connection c, long importId, List<ImportRow> rows, List<List<RowIssue>> issues)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ISSUE)) {
            int n = 0;
            for (int i = 0; i < rows.size(); i++) {
                int position = 0;
                for (RowIssue issue : issues.get(i)) {
                    ImportRow row = rows.get(i);
                    ps.setLong(1, importId);
                    ps.setLong(2, row.recordNo());
                    ps.setLong(3, row.lineNo());
                    ps.setInt(4, position++);
                    ps.setString(5, issue.severity().name());
                    ps.setString(6, cut(row.result().externalKey(), 200));
                    ps.setString(7, cut(issue.column(), 200));
                    ps.setString(8, cut(issue.value(), 1000));
                    ps.setString(9, cut(issue.reason(), 1000));
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void recordBatch(Connection c, long importId, int seq, List<ImportRow> rows, Verdict[] verdicts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_BATCH)) {
            ps.setLong(1, importId);
            ps.setInt(2, seq);
            ps.setLong(3, rows.getFirst().recordNo());
            ps.setLong(4, rows.getLast().recordNo());
            ps.setLong(5, rows.getLast().lineNo());
            ps.setBytes(6, VerdictCodec.encode(rows, verdicts));
            ps.executeUpdate();
        }
    }
}
