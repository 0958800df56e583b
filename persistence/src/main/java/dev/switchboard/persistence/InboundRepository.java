package dev.switchboard.persistence;

import dev.switchboard.persistence.jooq.tables.records.InboundEventRecord;
import dev.switchboard.persistence.jooq.tables.records.ReviewItemRecord;
import dev.switchboard.persistence.jooq.tables.records.SystemReplyRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.persistence.DialerRepository.clip;
import static dev.switchboard.persistence.DialerRepository.inst;
import static dev.switchboard.persistence.DialerRepository.ts;
import static dev.switchboard.persistence.jooq.Tables.ATTEMPT;
import static dev.switchboard.persistence.jooq.Tables.CAMPAIGN;
import static dev.switchboard.persistence.jooq.Tables.INBOUND_EVENT;
import static dev.switchboard.persistence.jooq.Tables.REVIEW_ITEM;
import static dev.switchboard.persistence.jooq.Tables.SYSTEM_REPLY;

/**
 * Everything that comes in (replies, dialer results, conversions, bounces, unsubscribes, enroll requests),
 * recorded once per source id; the system replies the engine sends in answer (committed before the call, one per
 * event and kind); and the replies waiting for a person's review.
 */
public final class InboundRepository {
    private final DSLContext dsl;

    public InboundRepository(Store store) {
        this.dsl = store.dsl();
    }

    public record InboundRow(long id, String eventKey, String source, String kind, Long contactId, Long campaignId,
                             String address, String body, Instant occurredAt, Instant receivedAt,
                             Instant processedAt, String outcome) {
    }

    public record ReplyRow(long id, long inboundEventId, String kind, String toAddress, String fromAddress,
                           Long campaignId, String state, Instant createdAt, Instant settledAt,
                           String conversationId, String messageId, String reason) {
    }

    public record ReviewRow(long id, long inboundEventId, Long contactId, String address, String text,
                            Instant createdAt, Instant decidedAt, String decidedBy, String decision, String note) {
    }

    /**
     * Records an event unless its key was seen before. Returns the new row, or empty for a duplicate.
     */
    public Optional<InboundRow> record(String key, String source, String kind, Long contactId, Long campaignId,
                                       String address, String body, Instant occurredAt, Instant receivedAt) {
        int n = dsl.insertInto(INBOUND_EVENT, INBOUND_EVENT.EVENT_KEY, INBOUND_EVENT.SOURCE, INBOUND_EVENT.KIND,
                        INBOUND_EVENT.CONTACT_ID, INBOUND_EVENT.CAMPAIGN_ID, INBOUND_EVENT.ADDRESS, INBOUND_EVENT.BODY,
                        INBOUND_EVENT.OCCURRED_AT, INBOUND_EVENT.RECEIVED_AT)
                .values(clip(key, 200), source, kind, contactId, campaignId, address, clip(body, 4000),
                        ts(occurredAt), ts(receivedAt))
                .onDuplicateKeyIgnore().execute();
        if (n == 0) {
            return Optional.empty();
        }
        return byKey(key);
    }

    public Optional<InboundRow> byKey(String key) {
        return dsl.selectFrom(INBOUND_EVENT).where(INBOUND_EVENT.EVENT_KEY.eq(clip(key, 200)))
                .fetchOptional(InboundRepository::row);
    }

    /** Events not processed yet, oldest first (a crash between recording and processing leaves them here). */
    public List<InboundRow> unprocessed(int limit) {
        return dsl.selectFrom(INBOUND_EVENT).where(INBOUND_EVENT.PROCESSED_AT.isNull()).orderBy(INBOUND_EVENT.ID)
                .limit(limit).fetch(InboundRepository::row);
    }

    public void processed(long id, String outcome, Instant at) {
        dsl.update(INBOUND_EVENT).set(INBOUND_EVENT.PROCESSED_AT, ts(at))
                .set(INBOUND_EVENT.OUTCOME, clip(outcome, 2000)).where(INBOUND_EVENT.ID.eq(id)).execute();
    }

    /** Who an event turned out to be about (a reply's contact is known only once it is read). */
    public void attribute(long id, Long contactId, Long campaignId) {
        dsl.update(INBOUND_EVENT).set(INBOUND_EVENT.CONTACT_ID, contactId).set(INBOUND_EVENT.CAMPAIGN_ID, campaignId)
                .where(INBOUND_EVENT.ID.eq(id)).execute();
    }

    /** System replies answering an event. */
    public List<ReplyRow> repliesToEvent(long inboundEventId) {
        return dsl.selectFrom(SYSTEM_REPLY).where(SYSTEM_REPLY.INBOUND_EVENT_ID.eq(inboundEventId))
                .orderBy(SYSTEM_REPLY.ID).fetch(InboundRepository::reply);
    }

    public List<InboundRow> recent(int limit) {
        return dsl.selectFrom(INBOUND_EVENT).orderBy(INBOUND_EVENT.ID.desc()).limit(limit)
                .fetch(InboundRepository::row);
    }

    public List<InboundRow> ofContact(long contactId) {
        return dsl.selectFrom(INBOUND_EVENT).where(INBOUND_EVENT.CONTACT_ID.eq(contactId))
                .orderBy(INBOUND_EVENT.ID).fetch(InboundRepository::row);
    }

    /** Contacts an address was sent to (from the attempts), newest first: who a reply or a bounce is about. */
    public List<Long> contactsByAddress(String address) {
        return dsl.select(ATTEMPT.CONTACT_ID, DSL.max(ATTEMPT.ID)).from(ATTEMPT).where(ATTEMPT.ADDRESS.eq(address))
                .groupBy(ATTEMPT.CONTACT_ID).orderBy(DSL.max(ATTEMPT.ID).desc()).fetch(r -> r.value1());
    }

    /** The (contact, campaign) of the attempt that started a Genesys conversation, if one did. */
    public Optional<long[]> conversationOwner(String conversationId) {
        return dsl.select(ATTEMPT.CONTACT_ID, ATTEMPT.CAMPAIGN_ID).from(ATTEMPT)
                .where(ATTEMPT.CONVERSATION_ID.eq(conversationId)).orderBy(ATTEMPT.ID.desc()).limit(1)
                .fetchOptional(r -> new long[] {r.value1(), r.value2()});
    }

    // ---- system replies -----------------------------------------------------------------------------------------

    /** The intent of a system reply; empty when one of this kind exists for the event already. */
    public Optional<Long> replyIntent(long inboundEventId, String kind, String to, String from, Long campaignId,
                                      Instant at) {
        int n = dsl.insertInto(SYSTEM_REPLY, SYSTEM_REPLY.INBOUND_EVENT_ID, SYSTEM_REPLY.KIND,
                        SYSTEM_REPLY.TO_ADDRESS, SYSTEM_REPLY.FROM_ADDRESS, SYSTEM_REPLY.CAMPAIGN_ID,
                        SYSTEM_REPLY.STATE, SYSTEM_REPLY.CREATED_AT)
                .values(inboundEventId, kind, to, from, campaignId, "INTENT", ts(at))
                .onDuplicateKeyIgnore().execute();
        if (n == 0) {
            return Optional.empty();
        }
        return dsl.select(SYSTEM_REPLY.ID).from(SYSTEM_REPLY)
                .where(SYSTEM_REPLY.INBOUND_EVENT_ID.eq(inboundEventId).and(SYSTEM_REPLY.KIND.eq(kind)))
                .fetchOptional(r -> r.value1());
    }

    public void settleReply(long id, String state, String conversationId, String messageId, String reason,
                            Instant at) {
        dsl.update(SYSTEM_REPLY).set(SYSTEM_REPLY.STATE, state).set(SYSTEM_REPLY.CONVERSATION_ID, conversationId)
                .set(SYSTEM_REPLY.MESSAGE_ID, messageId).set(SYSTEM_REPLY.REASON, clip(reason, 1000))
                .set(SYSTEM_REPLY.SETTLED_AT, ts(at))
                .where(SYSTEM_REPLY.ID.eq(id)).execute();
    }

    /** The latest reply of a kind to an address since {@code since} that may have left (not NOT_SENT). */
    public Optional<ReplyRow> lastReply(String to, String kind, Instant since) {
        return dsl.selectFrom(SYSTEM_REPLY)
                .where(SYSTEM_REPLY.TO_ADDRESS.eq(to).and(SYSTEM_REPLY.KIND.eq(kind))
                        .and(SYSTEM_REPLY.CREATED_AT.ge(ts(since))).and(SYSTEM_REPLY.STATE.ne("NOT_SENT")))
                .orderBy(SYSTEM_REPLY.ID.desc()).limit(1).fetchOptional(InboundRepository::reply);
    }

    public List<ReplyRow> repliesTo(String to) {
        return dsl.selectFrom(SYSTEM_REPLY).where(SYSTEM_REPLY.TO_ADDRESS.eq(to)).orderBy(SYSTEM_REPLY.ID)
                .fetch(InboundRepository::reply);
    }

    /** Intents of system replies left by a crash: they become UNKNOWN (never resent blindly). */
    public int replyIntentsToUnknown() {
        return dsl.update(SYSTEM_REPLY).set(SYSTEM_REPLY.STATE, "UNKNOWN").where(SYSTEM_REPLY.STATE.eq("INTENT"))
                .execute();
    }

    // ---- review queue -------------------------------------------------------------------------------------------

    public void review(long inboundEventId, Long contactId, String address, String text, Instant at) {
        dsl.insertInto(REVIEW_ITEM, REVIEW_ITEM.INBOUND_EVENT_ID, REVIEW_ITEM.CONTACT_ID, REVIEW_ITEM.ADDRESS,
                        REVIEW_ITEM.TEXT, REVIEW_ITEM.CREATED_AT)
                .values(inboundEventId, contactId, address, clip(text, 2000), ts(at))
                .onDuplicateKeyIgnore().execute();
    }

    public List<ReviewRow> openReviews() {
        return dsl.selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.DECIDED_AT.isNull()).orderBy(REVIEW_ITEM.ID)
                .fetch(InboundRepository::review);
    }

    // ---- campaign reply texts -----------------------------------------------------------------------------------

    public record ReplyTexts(String autoReply, String helpText) {
    }

    public ReplyTexts replyTexts(long campaignId) {
        return dsl.select(CAMPAIGN.AUTO_REPLY, CAMPAIGN.HELP_TEXT).from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId))
                .fetchOptional(r -> new ReplyTexts(r.value1(), r.value2())).orElse(new ReplyTexts(null, null));
    }

    public boolean setReplyTexts(long campaignId, String autoReply, String helpText) {
        return dsl.update(CAMPAIGN)
                .set(CAMPAIGN.AUTO_REPLY, DSL.coalesce(DSL.val(clip(autoReply, 1000)), CAMPAIGN.AUTO_REPLY))
                .set(CAMPAIGN.HELP_TEXT, DSL.coalesce(DSL.val(clip(helpText, 1000)), CAMPAIGN.HELP_TEXT))
                .where(CAMPAIGN.ID.eq(campaignId)).execute() == 1;
    }

    private static InboundRow row(InboundEventRecord r) {
        return new InboundRow(r.getId(), r.getEventKey(), r.getSource(), r.getKind(), r.getContactId(),
                r.getCampaignId(), r.getAddress(), r.getBody(), inst(r.getOccurredAt()), inst(r.getReceivedAt()),
                inst(r.getProcessedAt()), r.getOutcome());
    }

    private static ReplyRow reply(SystemReplyRecord r) {
        return new ReplyRow(r.getId(), r.getInboundEventId(), r.getKind(), r.getToAddress(), r.getFromAddress(),
                r.getCampaignId(), r.getState(), inst(r.getCreatedAt()), inst(r.getSettledAt()),
                r.getConversationId(), r.getMessageId(), r.getReason());
    }

    private static ReviewRow review(ReviewItemRecord r) {
        return new ReviewRow(r.getId(), r.getInboundEventId(), r.getContactId(), r.getAddress(), r.getText(),
                inst(r.getCreatedAt()), inst(r.getDecidedAt()), r.getDecidedBy(), r.getDecision(), r.getNote());
    }
}
