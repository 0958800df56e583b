package dev.switchboard.persistence;

import dev.switchboard.persistence.jooq.tables.records.PlacementRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.GENESYS_OBJECT;
import static dev.switchboard.persistence.jooq.Tables.PLACEMENT;

/**
 * What the engine keeps in Genesys: the objects it created per campaign (a voice contact list and campaign), and
 * every contact it placed in a Genesys list, so that a withdrawal (opt-out, conversion, pause, window close) can
 * find every list the person sits in.
 */
public final class DialerRepository {
    private final DSLContext dsl;

    public DialerRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** A contact placed into a Genesys contact list for one attempt. */
    public record PlacementRow(long id, long attemptId, long enrollmentId, long campaignId, long contactId,
                               String listId, String genesysContactId, String address, String state,
                               Instant placedAt, Instant expiresAt, Instant closedAt, int dials, String lastDial,
                               String reason) {
    }

    // ---- Genesys objects ----------------------------------------------------------------------------------------

    public Optional<String> object(long campaignId, String kind) {
        return dsl.select(GENESYS_OBJECT.GENESYS_ID).from(GENESYS_OBJECT)
                .where(GENESYS_OBJECT.CAMPAIGN_ID.eq(campaignId).and(GENESYS_OBJECT.KIND.eq(kind)))
                .fetchOptional(r -> r.value1());
    }

    /** Records an object once; a second writer's row wins nothing (the first id stays). */
    public String putObject(long campaignId, String kind, String genesysId, String detail, Instant at) {
        dsl.insertInto(GENESYS_OBJECT, GENESYS_OBJECT.CAMPAIGN_ID, GENESYS_OBJECT.KIND, GENESYS_OBJECT.GENESYS_ID,
                        GENESYS_OBJECT.DETAIL, GENESYS_OBJECT.CREATED_AT)
                .values(campaignId, kind, genesysId, clip(detail, 2000), ts(at))
                .onDuplicateKeyIgnore().execute();
        return object(campaignId, kind).orElse(genesysId);
    }

    // ---- placements ---------------------------------------------------------------------------------------------

    /** Records a placement (idempotent per attempt: a retried injection keeps the first row). */
    public PlacementRow place(long attemptId, long enrollmentId, long campaignId, long contactId, String listId,
                              String genesysContactId, String address, Instant placedAt, Instant expiresAt) {
        Optional<PlacementRow> existing = byAttempt(attemptId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            // a plain insert: H2 runs an "ignore duplicates" insert as a MERGE that scans the whole table
            dsl.insertInto(PLACEMENT, PLACEMENT.ATTEMPT_ID, PLACEMENT.ENROLLMENT_ID, PLACEMENT.CAMPAIGN_ID,
                            PLACEMENT.CONTACT_ID, PLACEMENT.LIST_ID, PLACEMENT.GENESYS_CONTACT_ID, PLACEMENT.ADDRESS,
                            PLACEMENT.STATE, PLACEMENT.PLACED_AT, PLACEMENT.EXPIRES_AT)
                    .values(attemptId, enrollmentId, campaignId, contactId, listId, genesysContactId, address,
                            "PLACED", ts(placedAt), ts(expiresAt))
                    .execute();
        } catch (org.jooq.exception.DataAccessException e) {
            // a concurrent writer recorded it first (uq_placement_attempt): the first row stays
            if (byAttempt(attemptId).isEmpty()) {
                throw e;
            }
        }
        return byAttempt(attemptId).orElseThrow();
    }

    /** A placement to record with {@link #placeAll}. */
    public record NewPlacement(long attemptId, long enrollmentId, long campaignId, long contactId, String listId,
                               String genesysContactId, String address, Instant placedAt, Instant expiresAt) {
    }

    /** Records many placements in one transaction (idempotent per attempt, as {@link #place}). */
    public void placeAll(List<NewPlacement> rows) {
        if (rows.isEmpty()) {
            return;
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // existing rows are looked up by the unique attempt index (H2 runs an "ignore duplicates" insert as a
            // MERGE that scans the table: quadratic over a broadcast)
            java.util.Set<Long> existing = new java.util.HashSet<>(tx.select(PLACEMENT.ATTEMPT_ID).from(PLACEMENT)
                    .where(PLACEMENT.ATTEMPT_ID.in(rows.stream().map(NewPlacement::attemptId).toList()))
                    .fetch(r -> r.value1()));
            var batch = tx.batch(tx.insertInto(PLACEMENT, PLACEMENT.ATTEMPT_ID, PLACEMENT.ENROLLMENT_ID,
                    PLACEMENT.CAMPAIGN_ID, PLACEMENT.CONTACT_ID, PLACEMENT.LIST_ID, PLACEMENT.GENESYS_CONTACT_ID,
                    PLACEMENT.ADDRESS, PLACEMENT.STATE, PLACEMENT.PLACED_AT, PLACEMENT.EXPIRES_AT)
                    .values((Long) null, null, null, null, null, null, null, null, null, null));
            boolean any = false;
            for (NewPlacement p : rows) {
                if (existing.add(p.attemptId())) {
                    batch.bind(p.attemptId(), p.enrollmentId(), p.campaignId(), p.contactId(), p.listId(),
                            p.genesysContactId(), p.address(), "PLACED", ts(p.placedAt()), ts(p.expiresAt()));
                    any = true;
                }
            }
            if (any) {
                batch.execute();
            }
        });
    }

    /** Notes that a placement's contact left its Genesys list (its result is still to be recorded). */
    public void noteRemoved(long id) {
        dsl.update(PLACEMENT).set(PLACEMENT.REASON, "removed from the Genesys list")
                .where(PLACEMENT.ID.eq(id).and(PLACEMENT.REASON.isNull())).execute();
    }

    public Optional<PlacementRow> byAttempt(long attemptId) {
        return dsl.selectFrom(PLACEMENT).where(PLACEMENT.ATTEMPT_ID.eq(attemptId))
                .fetchOptional(DialerRepository::row);
    }

    public Optional<PlacementRow> byGenesysContact(String genesysContactId) {
        return dsl.selectFrom(PLACEMENT).where(PLACEMENT.GENESYS_CONTACT_ID.eq(genesysContactId))
                .orderBy(PLACEMENT.ID.desc()).limit(1).fetchOptional(DialerRepository::row);
    }

    /** Placements of a contact still in a Genesys list (PLACED or SETTLED). */
    public List<PlacementRow> openOfContact(long contactId) {
        return dsl.selectFrom(PLACEMENT)
                .where(PLACEMENT.CONTACT_ID.eq(contactId).and(PLACEMENT.STATE.in("PLACED", "SETTLED")))
                .orderBy(PLACEMENT.ID).fetch(DialerRepository::row);
    }

    /** Placements of a campaign in the given states, oldest first. */
    public List<PlacementRow> ofCampaign(long campaignId, Collection<String> states, int limit) {
        return dsl.selectFrom(PLACEMENT)
                .where(PLACEMENT.CAMPAIGN_ID.eq(campaignId).and(PLACEMENT.STATE.in(states)))
                .orderBy(PLACEMENT.ID).limit(limit).fetch(DialerRepository::row);
    }

    /** Placements of a campaign in one Genesys list in the given states, oldest first. */
    public List<PlacementRow> ofList(long campaignId, String listId, Collection<String> states, int limit) {
        return ofList(campaignId, listId, states, 0, limit);
    }

    /** Placements of one Genesys list in the given states with an id above {@code afterId}, oldest first (a page). */
    public List<PlacementRow> ofList(long campaignId, String listId, Collection<String> states, long afterId,
                                     int limit) {
        return dsl.selectFrom(PLACEMENT)
                .where(PLACEMENT.CAMPAIGN_ID.eq(campaignId).and(PLACEMENT.LIST_ID.eq(listId))
                        .and(PLACEMENT.STATE.in(states)).and(PLACEMENT.ID.gt(afterId)))
                .orderBy(PLACEMENT.ID).limit(limit).fetch(DialerRepository::row);
    }

    /** How many placements of one Genesys list are PLACED with nothing heard of them yet (no news noted). */
    public int waitingWithoutNews(long campaignId, String listId) {
        return dsl.fetchCount(PLACEMENT, PLACEMENT.CAMPAIGN_ID.eq(campaignId).and(PLACEMENT.STATE.eq("PLACED"))
                .and(PLACEMENT.LIST_ID.eq(listId))
                .and(PLACEMENT.LAST_DIAL.isNull()));
    }

    /** Campaigns with placements in the given states. */
    public List<Long> campaignsWith(Collection<String> states) {
        return dsl.selectDistinct(PLACEMENT.CAMPAIGN_ID).from(PLACEMENT).where(PLACEMENT.STATE.in(states))
                .orderBy(PLACEMENT.CAMPAIGN_ID).fetch(r -> r.value1());
    }

    /** The dialer's latest call seen for a placement. */
    public void noteDial(long id, String lastDial) {
        dsl.update(PLACEMENT).set(PLACEMENT.DIALS, PLACEMENT.DIALS.plus(1)).set(PLACEMENT.LAST_DIAL, lastDial)
                .where(PLACEMENT.ID.eq(id)).execute();
    }

    /** PLACED → SETTLED (result recorded, still in the list) or anything open → WITHDRAWN. */
    public boolean close(long id, String state, String reason, Instant at) {
        return dsl.update(PLACEMENT).set(PLACEMENT.STATE, state)
                .set(PLACEMENT.REASON, DSL.coalesce(DSL.val(clip(reason, 1000)), PLACEMENT.REASON))
                .set(PLACEMENT.CLOSED_AT, ts(at))
                .where(PLACEMENT.ID.eq(id).and(PLACEMENT.STATE.ne("WITHDRAWN")))
                .execute() == 1;
    }

    private static PlacementRow row(PlacementRecord r) {
        return new PlacementRow(r.getId(), r.getAttemptId(), r.getEnrollmentId(), r.getCampaignId(),
                r.getContactId(), r.getListId(), r.getGenesysContactId(), r.getAddress(), r.getState(),
                inst(r.getPlacedAt()), inst(r.getExpiresAt()), inst(r.getClosedAt()), r.getDials(), r.getLastDial(),
                r.getReason());
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant inst(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
