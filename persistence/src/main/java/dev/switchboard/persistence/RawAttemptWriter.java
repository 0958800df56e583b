package dev.switchboard.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine benchmark's baseline: the send protocol's writes with plain JDBC on one connection, nothing else (no
 * claim, no reads, no gate, no HTTP, no journal). Per enrollment, transaction 1 moves the enrollment to SENDING with
 * its version checked and inserts the attempt in INTENT; after every batch of intents, {@code CHECKPOINT SYNC};
 * then transaction 2 per enrollment sets the attempt SENT and moves the enrollment to AWAITING (version checked).
 * The same shape as {@link EngineRepository#recordIntent} and {@link EngineRepository#recordResult}. Not used by the
 * product.
 */
public final class RawAttemptWriter {
    private static final String MOVE = "update enrollment set status = ?, step_id = ?, due_at = ?, due_ms = ?, state = ?,"
            + " exit_reason = null, lease_owner = null, lease_until = null, updated_at = ?, version = version + 1"
            + " where id = ? and version = ?";
    private static final String INSERT_ATTEMPT = "insert into attempt (idem_key, enrollment_id, campaign_id,"
            + " contact_id, step_id, attempt_no, channel, address, template_key, content_hash, state, epoch,"
            + " created_at, evidence, pack_version) values (?, ?, ?, ?, ?, 1, 'SMS', ?, ?, ?, 'INTENT', 1, ?, ?, ?)";
    private static final String SETTLE = "update attempt set state = 'SENT', conversation_id = ?, message_id = ?,"
            + " outcome = null, reason = null, settled_by = null, settled_at = ? where id = ? and state = 'INTENT'";

    private final Store store;

    public RawAttemptWriter(Store store) {
        this.store = store;
    }

    /** One prepared enrollment: ids and the address its attempt goes to. */
    public record Row(long enrollmentId, long contactId, String address) {
    }

    /** The rows' campaign and enrollments, made by {@link #prepare}. */
    public record Prepared(long campaignId, List<Row> rows) {
    }

    /** What a run took, in total and per kind of work. */
    public record Timings(int enrollments, int checkpoints, long tx1Nanos, long checkpointNanos, long tx2Nanos,
                          long totalNanos) {
        public double seconds() {
            return totalNanos / 1e9;
        }
    }

    /**
     * Creates a list with {@code n} contacts, a RUNNING campaign over it and {@code n} READY enrollments (planner
     * state {@code stateJson}) with plain SQL, in one transaction. Not what the benchmark times.
     */
    public Prepared prepare(int n, String stateJson) {
        Timestamp at = Timestamp.from(Instant.now());
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long listId;
            try (PreparedStatement ps = c.prepareStatement("insert into contact_list (name, default_region,"
                    + " column_mapping, created_at, updated_at) values (?, 'US', '{}', ?, ?)", new String[]{"id"})) {
                ps.setString(1, "raw-" + System.nanoTime());
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, at);
                listId = insertedId(ps);
            }
            List<Long> contactIds = new ArrayList<>(n);
            try (PreparedStatement ps = c.prepareStatement("insert into contact (list_id, external_key, attributes,"
                    + " content_hash, created_at, updated_at) values (?, ?, '{}', 0, ?, ?)", new String[]{"id"})) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, listId);
                    ps.setString(2, "R-" + i);
                    ps.setTimestamp(3, at);
                    ps.setTimestamp(4, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        contactIds.add(keys.getLong(1));
                    }
                }
            }
            long campaignId;
            try (PreparedStatement ps = c.prepareStatement("insert into campaign (name, list_id, sequence_key,"
                    + " sequence_version, purpose, sms_from, templates, variables, state, org, created_at, created_by,"
                    + " updated_at) values (?, ?, 'outage-broadcast', 1, 'SERVICE', '+13177340100', '{}', '{}',"
                    + " 'RUNNING', 'raw', ?, 'raw', ?)", new String[]{"id"})) {
                ps.setString(1, "raw-" + System.nanoTime());
                ps.setLong(2, listId);
                ps.setTimestamp(3, at);
                ps.setTimestamp(4, at);
                campaignId = insertedId(ps);
            }
            List<Row> rows = new ArrayList<>(n);
            try (PreparedStatement ps = c.prepareStatement("insert into enrollment (campaign_id, contact_id,"
                    + " sequence_version, status, due_at, due_ms, state, updated_at) values (?, ?, 1, 'READY', ?, ?, ?, ?)",
                    new String[]{"id"})) {
                for (long contactId : contactIds) {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, contactId);
                    ps.setTimestamp(3, at);
                    ps.setLong(4, at.getTime());
                    ps.setString(5, stateJson);
                    ps.setTimestamp(6, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        rows.add(new Row(keys.getLong(1), contactIds.get(i), String.format("+1212%07d", 2_000_000 + i)));
                        i++;
                    }
                }
            }
            c.commit();
            return new Prepared(campaignId, rows);
        } catch (SQLException e) {
            throw new StoreException("raw prepare failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the two transactions per row in batches of {@code batchSize}: every row's transaction 1, then one
     * {@code CHECKPOINT SYNC}, then every row's transaction 2. {@code evidence} and {@code stateJson} should be as
     * long as the engine's, so that the rows weigh the same.
     */
    public Timings run(Prepared p, int batchSize, String stateJson, String evidence) {
        long tx1 = 0;
        long sync = 0;
        long tx2 = 0;
        int checkpoints = 0;
        long start = System.nanoTime();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement move = c.prepareStatement(MOVE);
             PreparedStatement insert = c.prepareStatement(INSERT_ATTEMPT, new String[]{"id"});
             PreparedStatement settle = c.prepareStatement(SETTLE);
             Statement checkpoint = c.createStatement()) {
            c.setAutoCommit(false);
            List<Row> rows = p.rows();
            long[] attemptIds = new long[batchSize];
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Row> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                long t = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    Row r = batch.get(i);
                    Timestamp now = Timestamp.from(Instant.now());
                    bindMove(move, "SENDING", null, stateJson, now, r.enrollmentId(), 0);
                    if (move.executeUpdate() != 1) {
                        throw new StoreException("raw: enrollment " + r.enrollmentId() + " moved", null);
                    }
                    insert.setString(1, "e" + r.enrollmentId() + "/sms/1");
                    insert.setLong(2, r.enrollmentId());
                    insert.setLong(3, p.campaignId());
                    insert.setLong(4, r.contactId());
                    insert.setString(5, "sms");
                    insert.setString(6, r.address());
                    insert.setString(7, "outage-sms");
                    insert.setString(8, "0".repeat(64));
                    insert.setTimestamp(9, now);
                    insert.setString(10, evidence);
                    insert.setString(11, "us-baseline@1");
                    attemptIds[i] = insertedId(insert);
                    c.commit();
                }
                long t1 = System.nanoTime();
                checkpoint.execute("checkpoint sync");
                checkpoints++;
                long t2 = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    Row r = batch.get(i);
                    Timestamp now = Timestamp.from(Instant.now());
                    settle.setString(1, "conv-" + r.enrollmentId());
                    settle.setString(2, "msg-" + r.enrollmentId());
                    settle.setTimestamp(3, now);
                    settle.setLong(4, attemptIds[i]);
                    if (settle.executeUpdate() != 1) {
                        throw new StoreException("raw: attempt " + attemptIds[i] + " was settled already", null);
                    }
                    bindMove(move, "AWAITING", Timestamp.from(now.toInstant().plusSeconds(5)), stateJson, now,
                            r.enrollmentId(), 1);
                    if (move.executeUpdate() != 1) {
                        throw new StoreException("raw: enrollment " + r.enrollmentId() + " moved", null);
                    }
                    c.commit();
                }
                long t3 = System.nanoTime();
                tx1 += t1 - t;
                sync += t2 - t1;
                tx2 += t3 - t2;
            }
        } catch (SQLException e) {
            throw new StoreException("raw attempt writes failed: " + e.getMessage(), e);
        }
        return new Timings(p.rows().size(), checkpoints, tx1, sync, tx2, System.nanoTime() - start);
    }

    private static void bindMove(PreparedStatement ps, String status, Timestamp due, String state, Timestamp at,
                                 long id, int version) throws SQLException {
        ps.setString(1, status);
        ps.setString(2, "sms");
        ps.setTimestamp(3, due);
        if (due == null) {
            ps.setNull(4, java.sql.Types.BIGINT);
        } else {
            ps.setLong(4, due.getTime());
        }
        ps.setString(5, state);
        ps.setTimestamp(6, at);
        ps.setLong(7, id);
        ps.setInt(8, version);
    }

    private static long insertedId(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
