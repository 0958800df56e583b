package dev.switchboard.persistence;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;

import static dev.switchboard.persistence.jooq.Tables.CAMPAIGN;
import static dev.switchboard.persistence.jooq.Tables.CONTACT;
import static dev.switchboard.persistence.jooq.Tables.CONTACT_LIST;
import static dev.switchboard.persistence.jooq.Tables.ENROLLMENT_EVENT;

/**
 * The compliance blocks the engine recorded (enrollment events of kind BLOCKED), across campaigns: counted by rule
 * and campaign, and listed for one rule. Read-only.
 */
public final class BlockRepository {
    private static final String BLOCKED = "BLOCKED";
    private final DSLContext dsl;

    public BlockRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** How many touches {@code rule} blocked in one campaign, and the last time it did. */
    public record Count(String rule, long campaignId, String campaignName, int blocks, Instant lastAt) {
    }

    /** One block, with the contact it stopped. */
    public record Block(long id, Instant at, long campaignId, String campaignName, long contactId, String listName,
                        String contactKey, String stepId, String channel, String rule, String detail,
                        String packVersion) {
    }

    /** The counts per rule and campaign (of one campaign, or of all when {@code campaignId} is null). */
    public List<Count> counts(Long campaignId) {
        Condition c = ENROLLMENT_EVENT.KIND.eq(BLOCKED);
        if (campaignId != null) {
            c = c.and(ENROLLMENT_EVENT.CAMPAIGN_ID.eq(campaignId));
        }
        var n = DSL.count();
        var last = DSL.max(ENROLLMENT_EVENT.AT);
        return dsl.select(ENROLLMENT_EVENT.RULE, ENROLLMENT_EVENT.CAMPAIGN_ID, CAMPAIGN.NAME, n, last)
                .from(ENROLLMENT_EVENT).leftJoin(CAMPAIGN).on(CAMPAIGN.ID.eq(ENROLLMENT_EVENT.CAMPAIGN_ID))
                .where(c)
                .groupBy(ENROLLMENT_EVENT.RULE, ENROLLMENT_EVENT.CAMPAIGN_ID, CAMPAIGN.NAME)
                .orderBy(n.desc(), ENROLLMENT_EVENT.RULE, ENROLLMENT_EVENT.CAMPAIGN_ID)
                .fetch(r -> new Count(r.value1() == null ? "" : r.value1(), r.value2(),
                        r.value3() == null ? "#" + r.value2() : r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().toInstant()));
    }

    /**
     * The blocks by {@code rule} (in one campaign, or in all when {@code campaignId} is null), newest first, a page
     * of them.
     */
    public List<Block> blocks(String rule, Long campaignId, int offset, int limit) {
        Condition c = ENROLLMENT_EVENT.KIND.eq(BLOCKED).and(ENROLLMENT_EVENT.RULE.eq(rule));
        if (campaignId != null) {
            c = c.and(ENROLLMENT_EVENT.CAMPAIGN_ID.eq(campaignId));
        }
        return dsl.select(ENROLLMENT_EVENT.ID, ENROLLMENT_EVENT.AT, ENROLLMENT_EVENT.CAMPAIGN_ID, CAMPAIGN.NAME,
                        ENROLLMENT_EVENT.CONTACT_ID, CONTACT_LIST.NAME, CONTACT.EXTERNAL_KEY, ENROLLMENT_EVENT.STEP_ID,
                        ENROLLMENT_EVENT.CHANNEL, ENROLLMENT_EVENT.RULE, ENROLLMENT_EVENT.DETAIL,
                        ENROLLMENT_EVENT.PACK_VERSION)
                .from(ENROLLMENT_EVENT)
                .leftJoin(CAMPAIGN).on(CAMPAIGN.ID.eq(ENROLLMENT_EVENT.CAMPAIGN_ID))
                .leftJoin(CONTACT).on(CONTACT.ID.eq(ENROLLMENT_EVENT.CONTACT_ID))
                .leftJoin(CONTACT_LIST).on(CONTACT_LIST.ID.eq(CONTACT.LIST_ID))
                .where(c).orderBy(ENROLLMENT_EVENT.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new Block(r.value1(), r.value2().toInstant(), r.value3(),
                        r.value4() == null ? "#" + r.value3() : r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? "#" + r.value5() : r.value7(), r.value8(), r.value9(), r.value10(),
                        r.value11(), r.value12()));
    }
}
