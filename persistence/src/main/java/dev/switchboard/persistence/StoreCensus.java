package dev.switchboard.persistence;

import org.jooq.DSLContext;

import static dev.switchboard.persistence.jooq.Tables.AUDIT_LOG;
import static dev.switchboard.persistence.jooq.Tables.CONTACT;
import static dev.switchboard.persistence.jooq.Tables.SUPPRESSION;

/**
 * What a store holds, counted: the figures a backup's manifest records and its verification compares.
 *
 * @param schemaVersion the last migration applied
 * @param contacts      contact rows (every list)
 * @param suppressions  suppression ledger rows (opt-outs, DNC, bounces, holds; removed ones too)
 * @param auditEntries  audit log rows
 * @param auditHead     the hash of the last audit row ("" when the log is empty)
 */
public record StoreCensus(String schemaVersion, long contacts, long suppressions, long auditEntries,
                          String auditHead) {

    /** Counts {@code store} (one read per figure; on a copy nothing changes meanwhile). */
    public static StoreCensus of(Store store) {
        DSLContext dsl = store.dsl();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long contacts = tx.fetchCount(CONTACT);
            long suppressions = tx.fetchCount(SUPPRESSION);
            long audit = tx.fetchCount(AUDIT_LOG);
            String head = tx.select(AUDIT_LOG.HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(1)
                    .fetchOptional(AUDIT_LOG.HASH).orElse("");
            return new StoreCensus(store.schemaVersion(), contacts, suppressions, audit, head);
        });
    }
}
