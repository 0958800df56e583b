package dev.switchboard.persistence;

import dev.switchboard.model.audit.AuditChain;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.persistence.jooq.tables.records.AuditLogRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import static dev.switchboard.persistence.jooq.Tables.AUDIT_LOG;

/** The append-only, hash-chained audit log. */
public final class AuditLogRepository {
    private final DSLContext dsl;

    public AuditLogRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** Appends a row chained to the last one, in its own transaction (or the caller's, given its DSLContext). */
    public AuditEntry append(String actor, String osLogin, String action, String subject, String details,
                             Instant at) {
        return dsl.transactionResult(cfg -> append(cfg.dsl(), actor, osLogin, action, subject, details, at));
    }

    /**
     * Appends in the caller's transaction. Two appenders may read the same last row (H2's {@code FOR UPDATE} waits
     * for the other's commit, then returns the row it had found, no longer the last); the second insert then meets
     * the first one's sequence number and reads the head again (each statement sees what is committed).
     */
    static AuditEntry append(DSLContext tx, String actor, String osLogin, String action, String subject,
                             String details, Instant at) {
        for (int tries = 1; ; tries++) {
            try {
                return appendOnce(tx, actor, osLogin, action, subject, details, at);
            } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
                if (tries >= 20) {
                    throw e;
                }
            }
        }
    }

    private static AuditEntry appendOnce(DSLContext tx, String actor, String osLogin, String action, String subject,
                                         String details, Instant at) {
        AuditEntry last = tx.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(1).forUpdate()
                .fetchOptional(AuditLogRepository::toModel).orElse(null);
        // the column keeps microseconds: hash what is stored, or verification would fail on the nanoseconds
        AuditEntry next = AuditChain.next(last, at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, osLogin,
                action, subject, details);
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SEQ, next.seq())
                .set(AUDIT_LOG.AT, next.at().atOffset(ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR, next.actor())
                .set(AUDIT_LOG.OS_LOGIN, next.osLogin())
                .set(AUDIT_LOG.ACTION, next.action())
                .set(AUDIT_LOG.SUBJECT, next.subject())
                .set(AUDIT_LOG.DETAILS, next.details())
                .set(AUDIT_LOG.PREV_HASH, next.prevHash())
                .set(AUDIT_LOG.HASH, next.hash())
                .execute();
        return next;
    }

    /** Every row in order, a page at a time. */
    public void forEach(Consumer<AuditEntry> sink) {
        long after = 0;
        while (true) {
            List<AuditEntry> page = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(after)).orderBy(AUDIT_LOG.SEQ)
                    .limit(1000).fetch(AuditLogRepository::toModel);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().seq();
        }
    }

    /** The newest rows, newest first. */
    public List<AuditEntry> recent(int limit) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(limit)
                .fetch(AuditLogRepository::toModel);
    }

    /**
     * The rows whose subject starts with {@code prefix} (matched literally, no wildcards), oldest first, at most
     * {@code limit} of the newest.
     */
    public List<AuditEntry> withSubjectPrefix(String prefix, int limit) {
        String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<AuditEntry> newest = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SUBJECT.like(pattern, '!'))
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(limit).fetch(AuditLogRepository::toModel);
        return newest.reversed();
    }

    /**
     * Up to {@code limit} rows before row {@code beforeSeq} (exclusive; {@code Long.MAX_VALUE} for the newest),
     * newest first.
     */
    public List<AuditEntry> page(long beforeSeq, int limit) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.lt(beforeSeq)).orderBy(AUDIT_LOG.SEQ.desc()).limit(limit)
                .fetch(AuditLogRepository::toModel);
    }

    /** The number of the newest row (the count of rows of an intact chain); 0 when the log is empty. */
    public long lastSeq() {
        Long last = dsl.select(org.jooq.impl.DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    static AuditEntry toModel(AuditLogRecord r) {
        // timestamps are stored to the microsecond; the hash was computed over the stored value
        return new AuditEntry(r.getSeq(), r.getAt().toInstant(), r.getActor(), r.getOsLogin(), r.getAction(),
                r.getSubject(), r.getDetails(), r.getPrevHash(), r.getHash());
    }
}
