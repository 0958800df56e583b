package dev.switchboard.persistence;

import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.persistence.jooq.tables.records.SuppressionRecord;
import dev.switchboard.persistence.jooq.tables.records.SuppressionRemovalRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static dev.switchboard.persistence.jooq.Tables.SUPPRESSION;
import static dev.switchboard.persistence.jooq.Tables.SUPPRESSION_REMOVAL;

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

    /**
     * What a search matches: an address fragment ({@code addressLike}, already normalized by the caller: digits of a
     * number or lower-cased email text; null for any), a kind and a channel name (null for any; a channel matches the
     * suppressions of that channel and those of every channel: what stops it). Lifted suppressions never match.
     */
    public record Query(String addressLike, String kind, String channel) {
        public static final Query ALL = new Query(null, null, null);

        Condition condition() {
            Condition c = SUPPRESSION.REMOVED_AT.isNull();
            if (addressLike != null && !addressLike.isEmpty()) {
                c = c.and(SUPPRESSION.ADDRESS.contains(addressLike));
            }
            if (kind != null) {
                c = c.and(SUPPRESSION.KIND.eq(kind));
            }
            if (channel != null) {
                c = c.and(SUPPRESSION.CHANNEL.eq(channel).or(SUPPRESSION.CHANNEL.isNull()));
            }
            return c;
        }
    }

    /** A page of the suppressions {@code q} matches, newest first. */
    public List<Row> search(Query q, int offset, int limit) {
        return dsl.selectFrom(SUPPRESSION).where(q.condition()).orderBy(SUPPRESSION.ID.desc()).offset(offset)
                .limit(limit).fetch(SuppressionRepository::toRow);
    }

    /** How many suppressions {@code q} matches. */
    public int count(Query q) {
        return dsl.fetchCount(SUPPRESSION, q.condition());
    }

    /** Every suppression {@code q} matches, oldest first, a page at a time (for an export). */
    public void forEach(Query q, Consumer<Row> sink) {
        long after = 0;
        while (true) {
            List<Row> page = dsl.selectFrom(SUPPRESSION).where(q.condition().and(SUPPRESSION.ID.gt(after)))
                    .orderBy(SUPPRESSION.ID).limit(1000).fetch(SuppressionRepository::toRow);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().id();
        }
    }

    /** A suppression by id, lifted or not; {@code removed} says whether it was lifted. */
    public record Stored(Row row, boolean removed) {
    }

    public Optional<Stored> byId(long id) {
        return dsl.selectFrom(SUPPRESSION).where(SUPPRESSION.ID.eq(id))
                .fetchOptional(r -> new Stored(toRow(r), r.getRemovedAt() != null));
    }

    /**
     * The active suppressions among {@code addresses}, as {@code address|KIND|CHANNEL} keys (channel "ALL" for every
     * channel), so that an import can skip what the ledger holds already.
     */
    public Set<String> activeKeys(Collection<String> addresses) {
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(addresses);
        for (int i = 0; i < all.size(); i += 500) {
            dsl.select(SUPPRESSION.ADDRESS, SUPPRESSION.KIND, SUPPRESSION.CHANNEL).from(SUPPRESSION)
                    .where(SUPPRESSION.ADDRESS.in(all.subList(i, Math.min(all.size(), i + 500)))
                            .and(SUPPRESSION.REMOVED_AT.isNull()))
                    .forEach(r -> out.add(key(r.value1(), r.value2(), r.value3())));
        }
        return out;
    }

    /** The key {@link #activeKeys} uses. */
    public static String key(String address, String kind, String channel) {
        return address + "|" + kind + "|" + (channel == null ? "ALL" : channel);
    }

    /**
     * Adds every suppression in one transaction: all of them or none. {@code progress} hears how many are written
     * so far (on the caller's thread, inside the transaction).
     */
    public int addAll(List<Suppression> all, String source, String createdBy, Instant at, IntConsumer progress) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int done = 0;
            for (int i = 0; i < all.size(); i += 500) {
                var batch = tx.batch(tx.insertInto(SUPPRESSION, SUPPRESSION.ADDRESS, SUPPRESSION.KIND,
                        SUPPRESSION.CHANNEL, SUPPRESSION.REASON, SUPPRESSION.SOURCE, SUPPRESSION.CREATED_AT,
                        SUPPRESSION.CREATED_BY, SUPPRESSION.EXPIRES_AT)
                        .values((String) null, null, null, null, null, null, null, null));
                List<Suppression> chunk = all.subList(i, Math.min(all.size(), i + 500));
                for (Suppression s : chunk) {
                    batch.bind(s.key(), s.kind().name(), s.channel() == null ? null : s.channel().name(), s.reason(),
                            source, at.atOffset(ZoneOffset.UTC), createdBy,
                            s.expiresAt() == null ? null : s.expiresAt().atOffset(ZoneOffset.UTC));
                }
                batch.execute();
                done += chunk.size();
                progress.accept(done);
            }
            return done;
        });
    }

    // ---- removal with two-person approval ------------------------------------------------------------------------

    /** A request to lift a suppression, and its decision. State: PENDING, APPROVED or REJECTED. */
    public record Removal(long id, long suppressionId, String reason, String requestedBy, Instant requestedAt,
                          String state, String decidedBy, Instant decidedAt, String decisionNote) {
    }

    /**
     * Records a PENDING request to lift suppression {@code suppressionId}; empty when the suppression is lifted
     * already or missing, or when a request for it is pending (checked in the same transaction).
     */
    public Optional<Long> requestRemoval(long suppressionId, String reason, String by, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean active = tx.fetchExists(tx.selectFrom(SUPPRESSION).where(SUPPRESSION.ID.eq(suppressionId)
                    .and(SUPPRESSION.REMOVED_AT.isNull())).forUpdate());
            boolean pending = tx.fetchExists(SUPPRESSION_REMOVAL, SUPPRESSION_REMOVAL.SUPPRESSION_ID.eq(suppressionId)
                    .and(SUPPRESSION_REMOVAL.STATE.eq("PENDING")));
            if (!active || pending) {
                return Optional.<Long>empty();
            }
            return Optional.of(tx.insertInto(SUPPRESSION_REMOVAL)
                    .set(SUPPRESSION_REMOVAL.SUPPRESSION_ID, suppressionId)
                    .set(SUPPRESSION_REMOVAL.REASON, reason)
                    .set(SUPPRESSION_REMOVAL.REQUESTED_BY, by)
                    .set(SUPPRESSION_REMOVAL.REQUESTED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(SUPPRESSION_REMOVAL.STATE, "PENDING")
                    .returning(SUPPRESSION_REMOVAL.ID).fetchSingle().getId());
        });
    }

    public Optional<Removal> removal(long id) {
        return dsl.selectFrom(SUPPRESSION_REMOVAL).where(SUPPRESSION_REMOVAL.ID.eq(id))
                .fetchOptional(SuppressionRepository::toRemoval);
    }

    /** The pending requests, oldest first. */
    public List<Removal> pendingRemovals() {
        return dsl.selectFrom(SUPPRESSION_REMOVAL).where(SUPPRESSION_REMOVAL.STATE.eq("PENDING"))
                .orderBy(SUPPRESSION_REMOVAL.ID).fetch(SuppressionRepository::toRemoval);
    }

    /**
     * Decides a PENDING request in one transaction: APPROVED lifts its suppression (removed_at, removed_by), REJECTED
     * leaves it. False when the request was no longer pending (decided meanwhile).
     */
    public boolean decideRemoval(long id, boolean approve, String by, String note, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SuppressionRemovalRecord r = tx.selectFrom(SUPPRESSION_REMOVAL).where(SUPPRESSION_REMOVAL.ID.eq(id)
                    .and(SUPPRESSION_REMOVAL.STATE.eq("PENDING"))).forUpdate().fetchOne();
            if (r == null) {
                return false;
            }
            tx.update(SUPPRESSION_REMOVAL).set(SUPPRESSION_REMOVAL.STATE, approve ? "APPROVED" : "REJECTED")
                    .set(SUPPRESSION_REMOVAL.DECIDED_BY, by)
                    .set(SUPPRESSION_REMOVAL.DECIDED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(SUPPRESSION_REMOVAL.DECISION_NOTE, note)
                    .where(SUPPRESSION_REMOVAL.ID.eq(id)).execute();
            if (approve) {
                tx.update(SUPPRESSION).set(SUPPRESSION.REMOVED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(SUPPRESSION.REMOVED_BY, by)
                        .where(SUPPRESSION.ID.eq(r.getSuppressionId()).and(SUPPRESSION.REMOVED_AT.isNull()))
                        .execute();
            }
            return true;
        });
    }

    private static Removal toRemoval(SuppressionRemovalRecord r) {
        return new Removal(r.getId(), r.getSuppressionId(), r.getReason(), r.getRequestedBy(),
                r.getRequestedAt().toInstant(), r.getState(), r.getDecidedBy(),
                r.getDecidedAt() == null ? null : r.getDecidedAt().toInstant(), r.getDecisionNote());
    }

    private static Row toRow(SuppressionRecord r) {
        Suppression s = new Suppression(Suppression.Kind.valueOf(r.getKind()),
                r.getChannel() == null ? null : Channel.valueOf(r.getChannel()), r.getAddress(),
                r.getExpiresAt() == null ? null : r.getExpiresAt().toInstant(), r.getReason());
        return new Row(r.getId(), s, r.getSource(), r.getCreatedAt().toInstant(), r.getCreatedBy());
    }
}
