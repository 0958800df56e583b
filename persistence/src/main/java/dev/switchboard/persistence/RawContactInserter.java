package dev.switchboard.persistence;

import dev.switchboard.model.contact.Contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The import benchmark's baseline: inserts already-normalized contacts into the same tables with plain JDBC
 * batches, one transaction per batch: no lookups, no verdicts, no bookkeeping. Not used by the product.
 */
public final class RawContactInserter {
    private final Store store;

    public RawContactInserter(Store store) {
        this.store = store;
    }

    /** Inserts one batch in one transaction. */
    public void insert(long listId, List<Contact> batch) {
        Timestamp at = Timestamp.from(Instant.now());
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>(batch.size());
            try (PreparedStatement ps = c.prepareStatement(ContactImportWriter.INSERT_CONTACT, new String[]{"id"})) {
                for (Contact contact : batch) {
                    ContactImportWriter.bindContact(ps, listId, contact.data(), null, 0, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement phones = c.prepareStatement(ContactImportWriter.INSERT_PHONE);
                 PreparedStatement consents = c.prepareStatement(ContactImportWriter.INSERT_CONSENT)) {
                int p = 0;
                int k = 0;
                for (int i = 0; i < batch.size(); i++) {
                    p += ContactImportWriter.bindPhones(phones, ids.get(i), batch.get(i).data());
                    k += ContactImportWriter.bindConsents(consents, ids.get(i), batch.get(i).data());
                }
                if (p > 0) {
                    phones.executeBatch();
                }
                if (k > 0) {
                    consents.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("raw insert failed: " + e.getMessage(), e);
        }
    }
}
