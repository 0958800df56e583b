package dev.switchboard.persistence;

import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.persistence.jooq.tables.records.SuppressionRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.switchboard.persistence.jooq.Tables.SUPPRESSION;

/** The suppression ledger. Each write is its own durable commit (WRITE_DELAY=0) before anything else happens. */
public final class SuppressionRepository {
    private final DSLContext dsl;

    public SuppressionRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** A stored suppression with its bookkeeping. */
    public record Row(long id, Suppression suppression, String source, Instant createdAt, String createdBy) {
    }

    public long add(Suppression s, String source, String createdBy, Instant at) {
        return dsl.insertInto(SUPPRESSION)
                .set(SUPPRESSION.ADDRESS, s.key())
                .set(SUPPRESSION.KIND, s.kind().name())
                .set(SUPPRESSION.CHANNEL, s.channel() == null ? null : s.channel().name())
                .set(SUPPRESSION.REASON, s.reason())
                .set(SUPPRESSION.SOURCE, source)
                .set(SUPPRESSION.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(SUPPRESSION.CREATED_BY, createdBy)
                .set(SUPPRESSION.EXPIRES_AT, s.expiresAt() == null ? null : s.expiresAt().atOffset(ZoneOffset.UTC))
                .returning(SUPPRESSION.ID)
                .fetchSingle().getId();
    }

    /** The suppressions of an address that have not been lifted (expired ones included: the gate checks expiry). */
    public List<Suppression> forAddress(String address) {
        return dsl.selectFrom(SUPPRESSION)
                .where(SUPPRESSION.ADDRESS.eq(address).and(SUPPRESSION.REMOVED_AT.isNull()))
                .fetch(r -> toRow(r).suppression());
    }

    /**
     * Lifts the suppressions of an address of one kind, channel and source (e.g. an SMS keyword opt-out after
     * START from the same number); they stay in the ledger as removed. Returns how many were lifted.
     */
    public int lift(String address, String kind, String channel, String source, String by, Instant at) {
        return dsl.update(SUPPRESSION).set(SUPPRESSION.REMOVED_AT, at.atOffset(ZoneOffset.UTC))
                .set(SUPPRESSION.REMOVED_BY, by)
                .where(SUPPRESSION.ADDRESS.eq(address).and(SUPPRESSION.KIND.eq(kind))
                        .and(SUPPRESSION.CHANNEL.eq(channel)).and(SUPPRESSION.SOURCE.eq(source))
                        .and(SUPPRESSION.REMOVED_AT.isNull()))
                .execute();
    }

    /** Newest first. */
    public List<Row> recent(int limit) {
        return dsl.selectFrom(SUPPRESSION).where(SUPPRESSION.REMOVED_AT.isNull()).orderBy(SUPPRESSION.ID.desc())
                .limit(limit).fetch(SuppressionRepository::toRow);
    }

    private static Row toRow(SuppressionRecord r) {
        Suppression s = new Suppression(Suppression.Kind.valueOf(r.getKind()),
                r.getChannel() == null ? null : Channel.valueOf(r.getChannel()), r.getAddress(),
                r.getExpiresAt() == null ? null : r.getExpiresAt().toInstant(), r.getReason());
        return new Row(r.getId(), s, r.getSource(), r.getCreatedAt().toInstant(), r.getCreatedBy());
    }
}
