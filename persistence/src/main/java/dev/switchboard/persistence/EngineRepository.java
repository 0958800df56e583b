package dev.switchboard.persistence;

import dev.switchboard.persistence.jooq.tables.records.AttemptRecord;
import dev.switchboard.persistence.jooq.tables.records.CampaignRecord;
import dev.switchboard.persistence.jooq.tables.records.EnrollmentEventRecord;
import dev.switchboard.persistence.jooq.tables.records.EnrollmentRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.ATTEMPT;
import static dev.switchboard.persistence.jooq.Tables.CAMPAIGN;
import static dev.switchboard.persistence.jooq.Tables.CONTACT;
import static dev.switchboard.persistence.jooq.Tables.ENGINE_BOOT;
import static dev.switchboard.persistence.jooq.Tables.ENGINE_SETTING;
import static dev.switchboard.persistence.jooq.Tables.ENROLLMENT;
import static dev.switchboard.persistence.jooq.Tables.ENROLLMENT_EVENT;

/**
 * The engine's tables: campaigns, enrollments, attempts (the send protocol's intents and results, also the pressure
 * ledger), enrollment events (blocks, deferrals, exits), boot epochs and engine settings. Every method is one
 * transaction; the two that the send protocol depends on ({@link #recordIntent} and {@link #recordResult}) write the
 * attempt and move the enrollment together, with the enrollment's version checked.
 */
public final class EngineRepository {
    private final Store store;
    private final DSLContext dsl;

    public EngineRepository(Store store) {
        this(store, store.dsl());
    }

    private EngineRepository(Store store, DSLContext dsl) {
        this.store = store;
        this.dsl = dsl;
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    /** A campaign. {@code templates} maps template key to the content hash fixed at launch (empty before). */
    public record CampaignRow(long id, String name, long listId, String sequenceKey, int sequenceVersion,
                              String purpose, String smsFrom, String emailFrom, String templates,
                              String variables, String lifeSafetyApprovedBy, String state, String stateReason, String org,
                              Instant createdAt, String createdBy, Instant launchedAt, Instant updatedAt,
                              int version) {
    }

    /** One contact in one campaign; {@code state} is the planner's progress as JSON. */
    public record EnrollmentRow(long id, long campaignId, long contactId, int sequenceVersion, String status,
                                String stepId, Instant dueAt, String state, String leaseOwner, Instant leaseUntil,
                                String exitReason, Instant updatedAt, int version) {
    }

    /** One touch of the send protocol. */
    public record AttemptRow(long id, String idemKey, long enrollmentId, long campaignId, long contactId,
                             String stepId, int attemptNo, String channel, String address, String templateKey,
                             String contentHash, String state, int epoch, Instant createdAt, Instant settledAt,
                             String conversationId, String messageId, String outcome, String reason,
                             String evidence, String settledBy, String packVersion) {
    }

    /** A decision that was not a send: a block, a deferral, a skip, an exit, an operator action. */
    public record EventRow(long id, long enrollmentId, long campaignId, long contactId, Instant at, String kind,
                           String stepId, String channel, String rule, Instant until, String detail,
                           String packVersion) {
    }

    /** How an enrollment moves: the new status, step, due instant, planner state and exit reason. */
    public record Move(String status, String stepId, Instant dueAt, String state, String exitReason) {
    }

    // ---- campaigns ----------------------------------------------------------------------------------------------

    public long insertCampaign(CampaignRow c) {
        return dsl.insertInto(CAMPAIGN)
                .set(CAMPAIGN.NAME, c.name())
                .set(CAMPAIGN.LIST_ID, c.listId())
                .set(CAMPAIGN.SEQUENCE_KEY, c.sequenceKey())
                .set(CAMPAIGN.SEQUENCE_VERSION, c.sequenceVersion())
                .set(CAMPAIGN.PURPOSE, c.purpose())
                .set(CAMPAIGN.SMS_FROM, c.smsFrom())
                .set(CAMPAIGN.EMAIL_FROM, c.emailFrom())
                .set(CAMPAIGN.TEMPLATES, c.templates())
                .set(CAMPAIGN.VARIABLES, c.variables())
                .set(CAMPAIGN.LIFE_SAFETY_APPROVED_BY, c.lifeSafetyApprovedBy())
                .set(CAMPAIGN.STATE, c.state())
                .set(CAMPAIGN.STATE_REASON, c.stateReason())
                .set(CAMPAIGN.ORG, c.org())
                .set(CAMPAIGN.CREATED_AT, ts(c.createdAt()))
                .set(CAMPAIGN.CREATED_BY, c.createdBy())
                .set(CAMPAIGN.UPDATED_AT, ts(c.createdAt()))
                .returning(CAMPAIGN.ID)
                .fetchSingle().getId();
    }

    public Optional<CampaignRow> campaign(long id) {
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).fetchOptional(EngineRepository::campaign);
    }

    public Optional<CampaignRow> campaign(String name) {
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.NAME.eq(name)).fetchOptional(EngineRepository::campaign);
    }

    public List<CampaignRow> campaigns() {
        return dsl.selectFrom(CAMPAIGN).orderBy(CAMPAIGN.ID).fetch(EngineRepository::campaign);
    }

    public List<CampaignRow> campaignsIn(Collection<String> states) {
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.STATE.in(states)).orderBy(CAMPAIGN.ID)
                .fetch(EngineRepository::campaign);
    }

    /**
     * Moves a campaign from one of {@code from} to {@code to}; false when it was in none of them (someone else moved
     * it first).
     */
    public boolean moveCampaign(long id, Collection<String> from, String to, String reason, Instant at) {
        return dsl.update(CAMPAIGN)
                .set(CAMPAIGN.STATE, to)
                .set(CAMPAIGN.STATE_REASON, reason)
                .set(CAMPAIGN.UPDATED_AT, ts(at))
                .set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.STATE.in(from)))
                .execute() == 1;
    }

    /** Records the second person's approval of a life-safety draft; false when it is no longer a draft. */
    public boolean approveLifeSafety(long id, String approver, Instant at) {
        return dsl.update(CAMPAIGN).set(CAMPAIGN.LIFE_SAFETY_APPROVED_BY, approver).set(CAMPAIGN.UPDATED_AT, ts(at))
                .set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.STATE.eq("DRAFT")).and(CAMPAIGN.PURPOSE.eq("LIFE_SAFETY")))
                .execute() == 1;
    }

    /**
     * Launches a draft: fixes the template hashes, enrolls every contact of the list not yet enrolled (READY, due
     * {@code at}, planner state {@code initialState}), and sets it RUNNING, all in one transaction.
     *
     * @return the number of contacts enrolled, or -1 when the campaign was no longer a draft
     */
    public int launch(long id, String templates, String initialState, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int moved = tx.update(CAMPAIGN)
                    .set(CAMPAIGN.STATE, "RUNNING")
                    .set(CAMPAIGN.STATE_REASON, (String) null)
                    .set(CAMPAIGN.TEMPLATES, templates)
                    .set(CAMPAIGN.LAUNCHED_AT, ts(at))
                    .set(CAMPAIGN.UPDATED_AT, ts(at))
                    .set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                    .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.STATE.eq("DRAFT")))
                    .execute();
            if (moved != 1) {
                return -1;
            }
            return enrollNew(tx, id, initialState, at);
        });
    }

    private static int enrollNew(DSLContext tx, long campaignId, String initialState, Instant at) {
        CampaignRecord c = tx.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).fetchSingle();
        return tx.insertInto(ENROLLMENT, ENROLLMENT.CAMPAIGN_ID, ENROLLMENT.CONTACT_ID, ENROLLMENT.SEQUENCE_VERSION,
                        ENROLLMENT.STATUS, ENROLLMENT.DUE_AT, ENROLLMENT.DUE_MS, ENROLLMENT.STATE, ENROLLMENT.UPDATED_AT)
                .select(DSL.select(DSL.val(campaignId), CONTACT.ID, DSL.val(c.getSequenceVersion()), DSL.val("READY"),
                                DSL.val(ts(at)), DSL.val(at.toEpochMilli()), DSL.val(initialState), DSL.val(ts(at)))
                        .from(CONTACT)
                        .where(CONTACT.LIST_ID.eq(c.getListId()))
                        .and(DSL.notExists(DSL.selectOne().from(ENROLLMENT)
                                .where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId))
                                .and(ENROLLMENT.CONTACT_ID.eq(CONTACT.ID))))
                        .orderBy(CONTACT.ID))
                .execute();
    }

    // ---- enrollments --------------------------------------------------------------------------------------------

    /** The ids of the RUNNING campaigns. */
    public List<Long> runningCampaignIds() {
        return dsl.select(CAMPAIGN.ID).from(CAMPAIGN).where(CAMPAIGN.STATE.eq("RUNNING")).orderBy(CAMPAIGN.ID)
                .fetch(r -> r.value1());
    }

    /**
     * Up to {@code limit} due, unleased enrollments of these campaigns in due order, as whole rows: outcome polls
     * (AWAITING) get up to a third of the batch so receipts keep flowing while a large list is being sent. One index
     * range scan per campaign and status (ix_enrollment_due).
     */
    public List<EnrollmentRow> dueRows(List<Long> campaignIds, Instant now, int limit) {
        List<EnrollmentRow> ready = new ArrayList<>();
        List<EnrollmentRow> awaiting = new ArrayList<>();
        for (long id : campaignIds) {
            awaiting.addAll(dueOf(id, "AWAITING", now, limit));
            ready.addAll(dueOf(id, "READY", now, limit));
        }
        java.util.Comparator<EnrollmentRow> byDue = java.util.Comparator.comparing(EnrollmentRow::dueAt)
                .thenComparingLong(EnrollmentRow::id);
        awaiting.sort(byDue);
        ready.sort(byDue);
        List<EnrollmentRow> out = new ArrayList<>(limit);
        int polls = ready.isEmpty() ? limit : Math.max(1, limit / 3);
        awaiting.stream().limit(polls).forEach(out::add);
        ready.stream().limit(limit - out.size()).forEach(out::add);
        if (out.size() < limit && awaiting.size() > polls) {
            awaiting.stream().skip(polls).limit(limit - out.size()).forEach(out::add);
        }
        return out;
    }

    private List<EnrollmentRow> dueOf(long campaignId, String status, Instant now, int limit) {
        return dsl.selectFrom(ENROLLMENT)
                .where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId).and(ENROLLMENT.STATUS.eq(status))
                        .and(ENROLLMENT.DUE_MS.le(now.toEpochMilli())))
                .and(ENROLLMENT.LEASE_UNTIL.isNull().or(ENROLLMENT.LEASE_UNTIL.lt(ts(now))))
                .orderBy(ENROLLMENT.CAMPAIGN_ID, ENROLLMENT.STATUS, ENROLLMENT.DUE_MS)
                .limit(limit)
                .fetch(EngineRepository::enrollment);
    }

    /**
     * Claims a batch in one transaction (version-checked per row: 0 rows updated means another worker has it); returns the rows it got,
     * with their new version and lease.
     */
    public List<EnrollmentRow> claimAll(List<EnrollmentRow> rows, String owner, Instant leaseUntil) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            List<EnrollmentRow> got = new ArrayList<>(rows.size());
            for (EnrollmentRow r : rows) {
                int n = tx.update(ENROLLMENT)
                        .set(ENROLLMENT.LEASE_OWNER, owner)
                        .set(ENROLLMENT.LEASE_UNTIL, ts(leaseUntil))
                        .set(ENROLLMENT.VERSION, ENROLLMENT.VERSION.plus(1))
                        .where(ENROLLMENT.ID.eq(r.id()).and(ENROLLMENT.VERSION.eq(r.version())))
                        .execute();
                if (n == 1) {
                    got.add(new EnrollmentRow(r.id(), r.campaignId(), r.contactId(), r.sequenceVersion(), r.status(),
                            r.stepId(), r.dueAt(), r.state(), owner, leaseUntil, r.exitReason(), r.updatedAt(),
                            r.version() + 1));
                }
            }
            return got;
        });
    }

    /** Extends the leases of enrollments this owner still holds. */
    public int extendLeases(String owner, Instant leaseUntil) {
        return dsl.update(ENROLLMENT).set(ENROLLMENT.LEASE_UNTIL, ts(leaseUntil))
                .where(ENROLLMENT.LEASE_OWNER.eq(owner)).execute();
    }

    /** Drops every lease not held by {@code owner} (an earlier boot's): at start, before the first claim. */
    public int dropForeignLeases(String owner) {
        return dsl.update(ENROLLMENT).set(ENROLLMENT.LEASE_OWNER, (String) null)
                .set(ENROLLMENT.LEASE_UNTIL, (OffsetDateTime) null)
                .where(ENROLLMENT.LEASE_OWNER.isNotNull().and(ENROLLMENT.LEASE_OWNER.ne(owner))).execute();
    }

    public Optional<EnrollmentRow> enrollment(long id) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.ID.eq(id)).fetchOptional(EngineRepository::enrollment);
    }

    public List<EnrollmentRow> enrollmentsOfContact(long contactId) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.CONTACT_ID.eq(contactId)).orderBy(ENROLLMENT.ID)
                .fetch(EngineRepository::enrollment);
    }

    public List<EnrollmentRow> enrollmentsOfCampaign(long campaignId, long afterId, int limit) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId).and(ENROLLMENT.ID.gt(afterId)))
                .orderBy(ENROLLMENT.ID).limit(limit).fetch(EngineRepository::enrollment);
    }

    /** Moves an enrollment whose version is still {@code version}; releases its lease. False when it moved. */
    public boolean move(long id, int version, Move m, Instant at) {
        return move(dsl, id, version, m, at);
    }

    private static boolean move(DSLContext tx, long id, int version, Move m, Instant at) {
        return tx.update(ENROLLMENT)
                .set(ENROLLMENT.STATUS, m.status())
                .set(ENROLLMENT.STEP_ID, m.stepId())
                .set(ENROLLMENT.DUE_AT, ts(m.dueAt()))
                .set(ENROLLMENT.DUE_MS, m.dueAt() == null ? null : m.dueAt().toEpochMilli())
                .set(ENROLLMENT.STATE, m.state())
                .set(ENROLLMENT.EXIT_REASON, m.exitReason())
                .set(ENROLLMENT.LEASE_OWNER, (String) null)
                .set(ENROLLMENT.LEASE_UNTIL, (OffsetDateTime) null)
                .set(ENROLLMENT.UPDATED_AT, ts(at))
                .set(ENROLLMENT.VERSION, ENROLLMENT.VERSION.plus(1))
                .where(ENROLLMENT.ID.eq(id).and(ENROLLMENT.VERSION.eq(version)))
                .execute() == 1;
    }

    /** Moves an enrollment and records an event about it in one transaction. */
    public boolean moveWithEvent(long id, int version, Move m, EventRow event, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!move(tx, id, version, m, at)) {
                return false;
            }
            insertEvent(tx, event);
            return true;
        });
    }

    /** Moves an enrollment and records events about it in one transaction. */
    public boolean moveWithEvents(long id, int version, Move m, List<EventRow> events, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!move(tx, id, version, m, at)) {
                return false;
            }
            events.forEach(e -> insertEvent(tx, e));
            return true;
        });
    }

    /** Moves the enrollment of an UNKNOWN attempt to HELD whatever its version (the reconciler owns it now). */
    /**
     * Makes an AWAITING or READY enrollment due now (news arrived: a dialer result, an opt-out, a conversion), so
     * the next poll looks at it. Returns false when it is in another status.
     */
    public boolean nudge(long enrollmentId, Instant at) {
        return dsl.update(ENROLLMENT).set(ENROLLMENT.DUE_AT, ts(at)).set(ENROLLMENT.DUE_MS, at.toEpochMilli())
                .where(ENROLLMENT.ID.eq(enrollmentId).and(ENROLLMENT.STATUS.in("AWAITING", "READY"))
                        .and(ENROLLMENT.DUE_MS.gt(at.toEpochMilli())))
                .execute() == 1;
    }

    /**
     * Every enrollment awaiting a result is due at {@code at}: at an engine's start, news that came as notifications
     * while no engine listened is lost, so what was awaited is looked at now rather than at its next poll. Returns
     * how many moved.
     */
    public int awaitingDueNow(Instant at) {
        return dsl.update(ENROLLMENT).set(ENROLLMENT.DUE_AT, ts(at)).set(ENROLLMENT.DUE_MS, at.toEpochMilli())
                .where(ENROLLMENT.STATUS.eq("AWAITING").and(ENROLLMENT.DUE_MS.gt(at.toEpochMilli())))
                .execute();
    }

    /**
     * Enrolls the list's contacts that joined after the launch (RUNNING, PAUSED or COMPLETED campaigns); a
     * COMPLETED campaign with new enrollments runs again. Returns how many were enrolled.
     */
    public int enrollLateJoiners(long campaignId, String initialState, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int n = enrollNew(tx, campaignId, initialState, at);
            if (n > 0) {
                tx.update(CAMPAIGN).set(CAMPAIGN.STATE, "RUNNING").set(CAMPAIGN.STATE_REASON, (String) null)
                        .set(CAMPAIGN.UPDATED_AT, ts(at)).set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                        .where(CAMPAIGN.ID.eq(campaignId).and(CAMPAIGN.STATE.eq("COMPLETED"))).execute();
            }
            return n;
        });
    }

    /** Enrolls one contact now (an "enroll this contact" event); false when it is enrolled already. */
    public boolean enrollOne(long campaignId, long contactId, int sequenceVersion, String initialState, Instant at) {
        return dsl.insertInto(ENROLLMENT, ENROLLMENT.CAMPAIGN_ID, ENROLLMENT.CONTACT_ID, ENROLLMENT.SEQUENCE_VERSION,
                        ENROLLMENT.STATUS, ENROLLMENT.DUE_AT, ENROLLMENT.DUE_MS, ENROLLMENT.STATE, ENROLLMENT.UPDATED_AT)
                .values(campaignId, contactId, sequenceVersion, "READY", ts(at), at.toEpochMilli(), initialState,
                        ts(at))
                .onDuplicateKeyIgnore().execute() == 1;
    }

    public void hold(long enrollmentId, Instant at) {
        dsl.update(ENROLLMENT).set(ENROLLMENT.STATUS, "HELD").set(ENROLLMENT.LEASE_OWNER, (String) null)
                .set(ENROLLMENT.LEASE_UNTIL, (OffsetDateTime) null).set(ENROLLMENT.UPDATED_AT, ts(at))
                .set(ENROLLMENT.VERSION, ENROLLMENT.VERSION.plus(1))
                .where(ENROLLMENT.ID.eq(enrollmentId).and(ENROLLMENT.STATUS.in("SENDING", "HELD"))).execute();
    }

    /** READY enrollments of a campaign due by {@code now}, per step. */
    public List<Map.Entry<String, Integer>> dueCounts(long campaignId, Instant now) {
        return dsl.select(ENROLLMENT.STEP_ID, DSL.count()).from(ENROLLMENT)
                .where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId).and(ENROLLMENT.STATUS.eq("READY"))
                        .and(ENROLLMENT.DUE_AT.le(ts(now))))
                .groupBy(ENROLLMENT.STEP_ID)
                .fetch(r -> Map.entry(r.value1() == null ? "(start)" : r.value1(), r.value2()));
    }

    /** Enrollment counts by status for one campaign. */
    public Map<String, Integer> statusCounts(long campaignId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        dsl.select(ENROLLMENT.STATUS, DSL.count()).from(ENROLLMENT).where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId))
                .groupBy(ENROLLMENT.STATUS).fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Active (not DONE) enrollments of a campaign, for completion. */
    public int activeEnrollments(long campaignId) {
        return dsl.fetchCount(ENROLLMENT, ENROLLMENT.CAMPAIGN_ID.eq(campaignId).and(ENROLLMENT.STATUS.ne("DONE")));
    }

    /** Enrollments of a campaign at each step and status: (step, status) → count. */
    public List<Object[]> stepCounts(long campaignId) {
        List<Object[]> out = new ArrayList<>();
        dsl.select(ENROLLMENT.STEP_ID, ENROLLMENT.STATUS, DSL.count()).from(ENROLLMENT)
                .where(ENROLLMENT.CAMPAIGN_ID.eq(campaignId))
                .groupBy(ENROLLMENT.STEP_ID, ENROLLMENT.STATUS)
                .fetch().forEach(r -> out.add(new Object[] {r.value1(), r.value2(), r.value3()}));
        return out;
    }

    // ---- attempts -----------------------------------------------------------------------------------------------

    /**
     * Step 3 of the send protocol: inserts the attempt in INTENT and moves the enrollment to SENDING, in one
     * transaction, only if the enrollment's version is still {@code version}.
     *
     * @return the attempt's id, or empty when the enrollment moved meanwhile (nothing written)
     */
    public Optional<Long> recordIntent(AttemptRow a, int version, Move m, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!move(tx, a.enrollmentId(), version, m, at)) {
                return Optional.<Long>empty();
            }
            long id = tx.insertInto(ATTEMPT)
                    .set(ATTEMPT.IDEM_KEY, a.idemKey())
                    .set(ATTEMPT.ENROLLMENT_ID, a.enrollmentId())
                    .set(ATTEMPT.CAMPAIGN_ID, a.campaignId())
                    .set(ATTEMPT.CONTACT_ID, a.contactId())
                    .set(ATTEMPT.STEP_ID, a.stepId())
                    .set(ATTEMPT.ATTEMPT_NO, a.attemptNo())
                    .set(ATTEMPT.CHANNEL, a.channel())
                    .set(ATTEMPT.ADDRESS, a.address())
                    .set(ATTEMPT.TEMPLATE_KEY, a.templateKey())
                    .set(ATTEMPT.CONTENT_HASH, a.contentHash())
                    .set(ATTEMPT.STATE, "INTENT")
                    .set(ATTEMPT.EPOCH, a.epoch())
                    .set(ATTEMPT.CREATED_AT, ts(a.createdAt()))
                    .set(ATTEMPT.EVIDENCE, a.evidence())
                    .set(ATTEMPT.PACK_VERSION, a.packVersion())
                    .returning(ATTEMPT.ID).fetchSingle().getId();
            return Optional.of(id);
        });
    }

    /** {@link #recordIntent} and the events that led to it (deferrals passed, blocks of earlier steps). */
    public Optional<Long> recordIntentWithEvents(AttemptRow a, int version, Move m, List<EventRow> events,
                                                 Instant at) {
        if (events.isEmpty()) {
            return recordIntent(a, version, m, at);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<Long> id = new EngineRepository(store, tx).recordIntent(a, version, m, at);
            if (id.isPresent()) {
                events.forEach(e -> insertEvent(tx, e));
            }
            return id;
        });
    }

    /** An attempt whose call may have left: UNKNOWN with the evidence, and its enrollment HELD, one commit. */
    public void markUnknown(long attemptId, String why, long enrollmentId, Instant at) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.update(ATTEMPT).set(ATTEMPT.STATE, "UNKNOWN").set(ATTEMPT.REASON, clip(why, 1000))
                    .where(ATTEMPT.ID.eq(attemptId).and(ATTEMPT.STATE.eq("INTENT"))).execute();
            new EngineRepository(store, tx).hold(enrollmentId, at);
        });
    }

    /** Notes what the reconciler found about an attempt it could not settle (the operator queue's evidence). */
    public void noteUnsettled(long attemptId, String evidence) {
        dsl.update(ATTEMPT).set(ATTEMPT.EVIDENCE, clip(evidence, 4000))
                .where(ATTEMPT.ID.eq(attemptId).and(ATTEMPT.STATE.eq("UNKNOWN"))).execute();
    }

    /** The newest attempt of an enrollment. */
    public Optional<AttemptRow> lastAttempt(long enrollmentId) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.ENROLLMENT_ID.eq(enrollmentId)).orderBy(ATTEMPT.ID.desc())
                .limit(1).fetchOptional(EngineRepository::attempt);
    }

    /** How an attempt ended (or what is known of it). */
    public record Settle(String state, String conversationId, String messageId, String outcome, String reason,
                         String settledBy) {
    }

    /**
     * Step 5: records the attempt's result and moves its enrollment (when {@code m} is not null) in one
     * transaction. The attempt must still be in one of {@code fromStates}.
     */
    public boolean recordResult(long attemptId, Collection<String> fromStates, Settle s, long enrollmentId,
                                int version, Move m, Instant at) {
        return dsl.transactionResult(cfg -> recordOne(DSL.using(cfg), attemptId, fromStates, s, enrollmentId,
                version, m, at));
    }

    /** One result for {@link #recordResults}: the arguments of {@link #recordResult}. */
    public record Result(long attemptId, Collection<String> fromStates, Settle settle, long enrollmentId,
                         int version, Move move) {
    }

    /**
     * Records many results in one transaction (a bulk placement's thousand contacts), each as {@link #recordResult}
     * would: a result whose enrollment moved meanwhile is skipped (its version-checked move, made first, touches
     * nothing). Rows are locked in enrollment order, so two batches cannot deadlock each other. A result whose
     * attempt is no longer in {@code fromStates} after its move rolls the whole batch back (the caller records one by
     * one then). Returns the attempts recorded.
     */
    public Set<Long> recordResults(List<Result> results, Instant at) {
        List<Result> ordered = results.stream().sorted(java.util.Comparator.comparingLong(Result::enrollmentId))
                .toList();
        // transactions of at most RESULTS_PER_TRANSACTION: short row locks, and little to roll back after a crash
        Set<Long> done = new java.util.HashSet<>();
        for (int from = 0; from < ordered.size(); from += RESULTS_PER_TRANSACTION) {
            done.addAll(recordResultsOnce(ordered.subList(from, Math.min(ordered.size(),
                    from + RESULTS_PER_TRANSACTION)), at));
        }
        return done;
    }

    /** The most results {@link #recordResults} records in one transaction. */
    public static final int RESULTS_PER_TRANSACTION = 100;

    private Set<Long> recordResultsOnce(List<Result> ordered, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Set<Long> done = new java.util.HashSet<>();
            for (Result r : ordered) {
                if (r.move() != null && !move(tx, r.enrollmentId(), r.version(), r.move(), at)) {
                    continue;
                }
                if (!updateAttempt(tx, r.attemptId(), r.fromStates(), r.settle(), at)) {
                    throw new StaleEnrollmentException(r.enrollmentId());
                }
                exitEvent(tx, r.enrollmentId(), r.move(), at);
                done.add(r.attemptId());
            }
            return done;
        });
    }

    private boolean recordOne(DSLContext tx, long attemptId, Collection<String> fromStates, Settle s,
                              long enrollmentId, int version, Move m, Instant at) {
        {
            if (!updateAttempt(tx, attemptId, fromStates, s, at)) {
                return false;
            }
            if (m != null && !move(tx, enrollmentId, version, m, at)) {
                throw new StaleEnrollmentException(enrollmentId);
            }
            exitEvent(tx, enrollmentId, m, at);
            return true;
        }
    }

    private static boolean updateAttempt(DSLContext tx, long attemptId, Collection<String> fromStates, Settle s,
                                         Instant at) {
        {
            int n = tx.update(ATTEMPT)
                    .set(ATTEMPT.STATE, s.state())
                    .set(ATTEMPT.CONVERSATION_ID, DSL.coalesce(DSL.val(s.conversationId()), ATTEMPT.CONVERSATION_ID))
                    .set(ATTEMPT.MESSAGE_ID, DSL.coalesce(DSL.val(s.messageId()), ATTEMPT.MESSAGE_ID))
                    .set(ATTEMPT.OUTCOME, s.outcome())
                    .set(ATTEMPT.REASON, clip(s.reason(), 1000))
                    .set(ATTEMPT.SETTLED_BY, clip(s.settledBy(), 1000))
                    .set(ATTEMPT.SETTLED_AT, ts(at))
                    .where(ATTEMPT.ID.eq(attemptId).and(ATTEMPT.STATE.in(fromStates)))
                    .execute();
            return n == 1;
        }
    }

    /**
     * A result that ends the sequence (a call answered, the last email delivered, a failure with nowhere to go) is
     * an exit like any other: its EXITED event, with the exit step and reason, goes into the same transaction, so the
     * timeline and the funnel say why the contact's sequence ended.
     */
    private static void exitEvent(DSLContext tx, long enrollmentId, Move m, Instant at) {
        if (m == null || !"DONE".equals(m.status())) {
            return;
        }
        var e = tx.select(ENROLLMENT.CAMPAIGN_ID, ENROLLMENT.CONTACT_ID).from(ENROLLMENT)
                .where(ENROLLMENT.ID.eq(enrollmentId)).fetchOne();
        if (e != null) {
            insertEvent(tx, new EventRow(0, enrollmentId, e.value1(), e.value2(), at, "EXITED", m.stepId(), null,
                    "exit", null, m.exitReason(), null));
        }
    }

    /** Thrown inside {@link #recordResult} to roll back when the enrollment moved; callers see false. */
    public static final class StaleEnrollmentException extends RuntimeException {
        StaleEnrollmentException(long id) {
            super("enrollment " + id + " moved meanwhile", null, false, false);
        }
    }

    /** Step 6: every INTENT of an earlier epoch becomes UNKNOWN (its call may or may not have left). */
    public int intentsToUnknown(int currentEpoch) {
        return dsl.update(ATTEMPT).set(ATTEMPT.STATE, "UNKNOWN")
                .where(ATTEMPT.STATE.eq("INTENT").and(ATTEMPT.EPOCH.lt(currentEpoch))).execute();
    }

    public Optional<AttemptRow> attempt(long id) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.ID.eq(id)).fetchOptional(EngineRepository::attempt);
    }

    public List<AttemptRow> attemptsInState(String state, int limit) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.STATE.eq(state)).orderBy(ATTEMPT.ID).limit(limit)
                .fetch(EngineRepository::attempt);
    }

    /** A text's conversation and when the text was committed. */
    public record TextConversation(long attemptId, String conversationId, Instant createdAt) {
    }

    /**
     * Conversations of texts committed at or after {@code since} that Genesys accepted (a conversation id is on
     * record), oldest first: where customers' replies land.
     */
    public List<TextConversation> textConversationsSince(Instant since, int limit) {
        return dsl.select(ATTEMPT.ID, ATTEMPT.CONVERSATION_ID, ATTEMPT.CREATED_AT).from(ATTEMPT)
                .where(ATTEMPT.CHANNEL.eq("SMS")).and(ATTEMPT.CONVERSATION_ID.isNotNull())
                .and(ATTEMPT.CREATED_AT.ge(ts(since)))
                .orderBy(ATTEMPT.ID).limit(limit)
                .fetch(r -> new TextConversation(r.value1(), r.value2(), inst(r.value3())));
    }

    /** Attempts of an enrollment at one step (every state), for the next attempt number. */
    public int attemptRows(long enrollmentId, String stepId) {
        return dsl.fetchCount(ATTEMPT, ATTEMPT.ENROLLMENT_ID.eq(enrollmentId).and(ATTEMPT.STEP_ID.eq(stepId)));
    }

    public List<AttemptRow> attemptsOfContact(long contactId) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.CONTACT_ID.eq(contactId)).orderBy(ATTEMPT.ID)
                .fetch(EngineRepository::attempt);
    }

    public List<AttemptRow> attemptsOfCampaign(long campaignId, long afterId, int limit) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.CAMPAIGN_ID.eq(campaignId).and(ATTEMPT.ID.gt(afterId)))
                .orderBy(ATTEMPT.ID).limit(limit).fetch(EngineRepository::attempt);
    }

    /** The pressure ledger: attempts to an address in [from, to) that may have reached it (all but NOT_SENT). */
    public List<AttemptRow> pressure(String address, Instant from, Instant to) {
        return dsl.selectFrom(ATTEMPT)
                .where(ATTEMPT.ADDRESS.eq(address))
                .and(ATTEMPT.CREATED_AT.ge(ts(from)).and(ATTEMPT.CREATED_AT.lt(ts(to))))
                .and(ATTEMPT.STATE.ne("NOT_SENT"))
                .fetch(EngineRepository::attempt);
    }

    /** Attempt counts of a campaign by step, state and outcome: rows of (step, state, outcome, count). */
    public List<Object[]> attemptCounts(long campaignId) {
        List<Object[]> out = new ArrayList<>();
        dsl.select(ATTEMPT.STEP_ID, ATTEMPT.STATE, ATTEMPT.OUTCOME, DSL.count()).from(ATTEMPT)
                .where(ATTEMPT.CAMPAIGN_ID.eq(campaignId))
                .groupBy(ATTEMPT.STEP_ID, ATTEMPT.STATE, ATTEMPT.OUTCOME)
                .fetch().forEach(r -> out.add(new Object[] {r.value1(), r.value2(), r.value3(), r.value4()}));
        return out;
    }

    // ---- events -------------------------------------------------------------------------------------------------

    private static void insertEvent(DSLContext tx, EventRow e) {
        tx.insertInto(ENROLLMENT_EVENT)
                .set(ENROLLMENT_EVENT.ENROLLMENT_ID, e.enrollmentId())
                .set(ENROLLMENT_EVENT.CAMPAIGN_ID, e.campaignId())
                .set(ENROLLMENT_EVENT.CONTACT_ID, e.contactId())
                .set(ENROLLMENT_EVENT.AT, ts(e.at()))
                .set(ENROLLMENT_EVENT.KIND, e.kind())
                .set(ENROLLMENT_EVENT.STEP_ID, e.stepId())
                .set(ENROLLMENT_EVENT.CHANNEL, e.channel())
                .set(ENROLLMENT_EVENT.RULE, clip(e.rule(), 200))
                .set(ENROLLMENT_EVENT.UNTIL_AT, ts(e.until()))
                .set(ENROLLMENT_EVENT.DETAIL, clip(e.detail(), 4000))
                .set(ENROLLMENT_EVENT.PACK_VERSION, e.packVersion())
                .execute();
    }

    public List<EventRow> eventsOfContact(long contactId) {
        return dsl.selectFrom(ENROLLMENT_EVENT).where(ENROLLMENT_EVENT.CONTACT_ID.eq(contactId))
                .orderBy(ENROLLMENT_EVENT.ID).fetch(EngineRepository::event);
    }

    /** Event counts of a campaign by step, kind and rule: rows of (step, kind, rule, count). */
    public List<Object[]> eventCounts(long campaignId) {
        List<Object[]> out = new ArrayList<>();
        dsl.select(ENROLLMENT_EVENT.STEP_ID, ENROLLMENT_EVENT.KIND, ENROLLMENT_EVENT.RULE, DSL.count())
                .from(ENROLLMENT_EVENT).where(ENROLLMENT_EVENT.CAMPAIGN_ID.eq(campaignId))
                .groupBy(ENROLLMENT_EVENT.STEP_ID, ENROLLMENT_EVENT.KIND, ENROLLMENT_EVENT.RULE)
                .fetch().forEach(r -> out.add(new Object[] {r.value1(), r.value2(), r.value3(), r.value4()}));
        return out;
    }

    // ---- boots and settings -------------------------------------------------------------------------------------

    /** Records a new boot and returns its epoch (one more than the last). */
    public int newEpoch(long pid, String host, String osBoot, Instant at) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Integer last = tx.select(DSL.max(ENGINE_BOOT.EPOCH)).from(ENGINE_BOOT).fetchOne(0, Integer.class);
            int epoch = last == null ? 1 : last + 1;
            tx.insertInto(ENGINE_BOOT).set(ENGINE_BOOT.EPOCH, epoch).set(ENGINE_BOOT.STARTED_AT, ts(at))
                    .set(ENGINE_BOOT.PID, pid).set(ENGINE_BOOT.HOST, clip(host, 200))
                    .set(ENGINE_BOOT.OS_BOOT, clip(osBoot, 100)).execute();
            return epoch;
        });
    }

    /** The OS boot id recorded by each epoch (epochs without one are absent). */
    public Map<Integer, String> osBoots() {
        Map<Integer, String> out = new java.util.HashMap<>();
        dsl.select(ENGINE_BOOT.EPOCH, ENGINE_BOOT.OS_BOOT).from(ENGINE_BOOT).where(ENGINE_BOOT.OS_BOOT.isNotNull())
                .fetch().forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public Optional<String> setting(String name) {
        return dsl.select(ENGINE_SETTING.SETTING_VALUE).from(ENGINE_SETTING).where(ENGINE_SETTING.NAME.eq(name))
                .fetchOptional(r -> r.value1());
    }

    public void putSetting(String name, String value, String by, Instant at) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int n = tx.update(ENGINE_SETTING).set(ENGINE_SETTING.SETTING_VALUE, value).set(ENGINE_SETTING.UPDATED_AT, ts(at))
                    .set(ENGINE_SETTING.UPDATED_BY, by).where(ENGINE_SETTING.NAME.eq(name)).execute();
            if (n == 0) {
                tx.insertInto(ENGINE_SETTING).set(ENGINE_SETTING.NAME, name).set(ENGINE_SETTING.SETTING_VALUE, value)
                        .set(ENGINE_SETTING.UPDATED_AT, ts(at)).set(ENGINE_SETTING.UPDATED_BY, by).execute();
            }
        });
    }

    /**
     * Forces everything committed so far to disk (H2: {@code CHECKPOINT SYNC}): after a suppression write and
     * before a batch of intents is dispatched, so a power loss cannot undo them. A no-op elsewhere.
     */
    public void checkpointSync() {
        if (store.dialect().family() == SQLDialect.H2) {
            dsl.execute("checkpoint sync");
        }
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private static CampaignRow campaign(CampaignRecord r) {
        return new CampaignRow(r.getId(), r.getName(), r.getListId(), r.getSequenceKey(), r.getSequenceVersion(),
                r.getPurpose(), r.getSmsFrom(), r.getEmailFrom(), r.getTemplates(), r.getVariables(),
                r.getLifeSafetyApprovedBy(),
                r.getState(), r.getStateReason(), r.getOrg(), inst(r.getCreatedAt()), r.getCreatedBy(),
                inst(r.getLaunchedAt()), inst(r.getUpdatedAt()), r.getVersion());
    }

    private static EnrollmentRow enrollment(EnrollmentRecord r) {
        return new EnrollmentRow(r.getId(), r.getCampaignId(), r.getContactId(), r.getSequenceVersion(),
                r.getStatus(), r.getStepId(), inst(r.getDueAt()), r.getState(), r.getLeaseOwner(),
                inst(r.getLeaseUntil()), r.getExitReason(), inst(r.getUpdatedAt()), r.getVersion());
    }

    private static AttemptRow attempt(AttemptRecord r) {
        return new AttemptRow(r.getId(), r.getIdemKey(), r.getEnrollmentId(), r.getCampaignId(), r.getContactId(),
                r.getStepId(), r.getAttemptNo(), r.getChannel(), r.getAddress(), r.getTemplateKey(),
                r.getContentHash(), r.getState(), r.getEpoch(), inst(r.getCreatedAt()), inst(r.getSettledAt()),
                r.getConversationId(), r.getMessageId(), r.getOutcome(), r.getReason(), r.getEvidence(),
                r.getSettledBy(), r.getPackVersion());
    }

    private static EventRow event(EnrollmentEventRecord r) {
        return new EventRow(r.getId(), r.getEnrollmentId(), r.getCampaignId(), r.getContactId(), inst(r.getAt()),
                r.getKind(), r.getStepId(), r.getChannel(), r.getRule(), inst(r.getUntilAt()), r.getDetail(),
                r.getPackVersion());
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant inst(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
