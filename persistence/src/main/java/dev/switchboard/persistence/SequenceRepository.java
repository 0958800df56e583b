package dev.switchboard.persistence;

import dev.switchboard.persistence.jooq.tables.records.SequenceVersionRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.SEQUENCE_LAYOUT;
import static dev.switchboard.persistence.jooq.Tables.SEQUENCE_VERSION;

/**
 * Stored sequence versions as their JSON definition (the engine owns the format). A published row is never updated:
 * {@link #saveDraft} refuses to overwrite one.
 */
public final class SequenceRepository {
    private final DSLContext dsl;

    public SequenceRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** One stored version. */
    public record Row(String key, int version, String name, String definition, String contentHash, boolean published,
                      String author, String publishedBy, Instant createdAt, Instant publishedAt) {
    }

    public Optional<Row> latest(String key) {
        return dsl.selectFrom(SEQUENCE_VERSION).where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(key))
                .orderBy(SEQUENCE_VERSION.VERSION.desc()).limit(1).fetchOptional(SequenceRepository::toRow);
    }

    /** One version of a sequence. */
    public Optional<Row> version(String key, int version) {
        return dsl.selectFrom(SEQUENCE_VERSION)
                .where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(key).and(SEQUENCE_VERSION.VERSION.eq(version)))
                .fetchOptional(SequenceRepository::toRow);
    }

    /** The newest published version of a sequence. */
    public Optional<Row> latestPublished(String key) {
        return dsl.selectFrom(SEQUENCE_VERSION)
                .where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(key).and(SEQUENCE_VERSION.PUBLISHED.eq(true)))
                .orderBy(SEQUENCE_VERSION.VERSION.desc()).limit(1).fetchOptional(SequenceRepository::toRow);
    }

    /** Where the designer placed a step: layout only. */
    public record Position(double x, double y) {
    }

    /** Inserts a draft version, or replaces the same unpublished version; its stored layout is kept. */
    public void saveDraft(Row row) {
        dsl.transaction(cfg -> storeDraft(cfg.dsl(), row));
    }

    /**
     * Inserts a draft version, or replaces the same unpublished version, with the designer's layout of its steps
     * (replacing the stored one), in one transaction.
     */
    public void saveDraft(Row row, Map<String, Position> layout) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            storeDraft(tx, row);
            tx.deleteFrom(SEQUENCE_LAYOUT).where(SEQUENCE_LAYOUT.SEQUENCE_KEY.eq(row.key())
                    .and(SEQUENCE_LAYOUT.VERSION.eq(row.version()))).execute();
            var insert = tx.insertInto(SEQUENCE_LAYOUT, SEQUENCE_LAYOUT.SEQUENCE_KEY, SEQUENCE_LAYOUT.VERSION,
                    SEQUENCE_LAYOUT.STEP_ID, SEQUENCE_LAYOUT.X, SEQUENCE_LAYOUT.Y);
            for (Map.Entry<String, Position> e : layout.entrySet()) {
                insert = insert.values(row.key(), row.version(), e.getKey(), e.getValue().x(), e.getValue().y());
            }
            if (!layout.isEmpty()) {
                insert.execute();
            }
        });
    }

    /** The stored layout of a version, by step id; empty when it has none. */
    public Map<String, Position> layout(String key, int version) {
        Map<String, Position> out = new LinkedHashMap<>();
        dsl.selectFrom(SEQUENCE_LAYOUT)
                .where(SEQUENCE_LAYOUT.SEQUENCE_KEY.eq(key).and(SEQUENCE_LAYOUT.VERSION.eq(version)))
                .orderBy(SEQUENCE_LAYOUT.STEP_ID)
                .forEach(r -> out.put(r.getStepId(), new Position(r.getX(), r.getY())));
        return out;
    }

    /** Every stored version of a sequence, newest first. */
    public List<Row> versions(String key) {
        return dsl.selectFrom(SEQUENCE_VERSION).where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(key))
                .orderBy(SEQUENCE_VERSION.VERSION.desc()).fetch(SequenceRepository::toRow);
    }

    private static void storeDraft(DSLContext tx, Row row) {
        SequenceVersionRecord r = tx.selectFrom(SEQUENCE_VERSION)
                .where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(row.key()).and(SEQUENCE_VERSION.VERSION.eq(row.version())))
                .forUpdate().fetchOptional().orElseGet(() -> tx.newRecord(SEQUENCE_VERSION));
        if (Boolean.TRUE.equals(r.getPublished())) {
            throw new StoreException("Sequence " + row.key() + " v" + row.version() + " is published and cannot"
                    + " change.");
        }
        r.setSequenceKey(row.key());
        r.setVersion(row.version());
        r.setName(row.name());
        r.setDefinition(row.definition());
        r.setContentHash(row.contentHash());
        r.setPublished(false);
        r.setAuthor(row.author());
        r.setCreatedAt(row.createdAt().atOffset(ZoneOffset.UTC));
        r.store();
    }

    /** Marks a draft published, with the definition it was published with. */
    public void publish(String key, int version, String definition, String publishedBy, Instant at) {
        int n = dsl.update(SEQUENCE_VERSION)
                .set(SEQUENCE_VERSION.PUBLISHED, true)
                .set(SEQUENCE_VERSION.DEFINITION, definition)
                .set(SEQUENCE_VERSION.PUBLISHED_BY, publishedBy)
                .set(SEQUENCE_VERSION.PUBLISHED_AT, at.atOffset(ZoneOffset.UTC))
                .where(SEQUENCE_VERSION.SEQUENCE_KEY.eq(key).and(SEQUENCE_VERSION.VERSION.eq(version)))
                .and(SEQUENCE_VERSION.PUBLISHED.eq(false))
                .execute();
        if (n != 1) {
            throw new StoreException("Sequence " + key + " v" + version + " is not a draft.");
        }
    }

    public List<Row> latestOfEach() {
        var newest = dsl.select(SEQUENCE_VERSION.SEQUENCE_KEY, org.jooq.impl.DSL.max(SEQUENCE_VERSION.VERSION))
                .from(SEQUENCE_VERSION).groupBy(SEQUENCE_VERSION.SEQUENCE_KEY);
        return dsl.selectFrom(SEQUENCE_VERSION)
                .where(org.jooq.impl.DSL.row(SEQUENCE_VERSION.SEQUENCE_KEY, SEQUENCE_VERSION.VERSION).in(newest))
                .orderBy(SEQUENCE_VERSION.SEQUENCE_KEY).fetch(SequenceRepository::toRow);
    }

    private static Row toRow(SequenceVersionRecord r) {
        return new Row(r.getSequenceKey(), r.getVersion(), r.getName(), r.getDefinition(), r.getContentHash(),
                r.getPublished(), r.getAuthor(), r.getPublishedBy(), r.getCreatedAt().toInstant(),
                r.getPublishedAt() == null ? null : r.getPublishedAt().toInstant());
    }
}
