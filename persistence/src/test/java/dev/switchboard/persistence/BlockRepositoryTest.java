package dev.switchboard.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocks by rule across campaigns: counted per rule and campaign, listed for one rule with the contact. */
class BlockRepositoryTest {

    @Test
    void countsBlocksPerRuleAndCampaignAndListsThemNewestFirst() {
        try (Store store = Store.inMemory()) {
            var dsl = store.dsl();
            dsl.execute("insert into contact_list (id, name, default_region, column_mapping, created_at, updated_at)"
                    + " values (1, 'Q4', 'US', '[]', now(), now())");
            for (int c = 1; c <= 3; c++) {
                dsl.execute("insert into contact (id, list_id, external_key, attributes, content_hash, created_at,"
                        + " updated_at) values (" + c + ", 1, 'K" + c + "', '{}', 0, now(), now())");
            }
            for (int k = 1; k <= 2; k++) {
                dsl.execute("insert into campaign (id, name, list_id, sequence_key, sequence_version, purpose,"
                        + " templates, variables, state, org, created_at, created_by, updated_at) values (" + k
                        + ", 'Camp " + k + "', 1, 's', 1, 'SERVICE', '{}', '{}', 'RUNNING', 'sandbox', now(), 'ada',"
                        + " now())");
                for (int c = 1; c <= 3; c++) {
                    dsl.execute("insert into enrollment (id, campaign_id, contact_id, sequence_version, status,"
                            + " state, updated_at) values (" + (k * 10 + c) + ", " + k + ", " + c + ", 1, 'DONE',"
                            + " '{}', now())");
                }
            }
            block(dsl, 11, 1, 1, "suppression.DNC", "2026-11-01T10:00:00Z");
            block(dsl, 12, 1, 2, "suppression.DNC", "2026-11-01T11:00:00Z");
            block(dsl, 21, 2, 1, "suppression.DNC", "2026-11-02T10:00:00Z");
            block(dsl, 23, 2, 3, "window.quiet-hours", "2026-11-03T10:00:00Z");
            dsl.execute("insert into enrollment_event (enrollment_id, campaign_id, contact_id, at, kind, rule)"
                    + " values (13, 1, 3, now(), 'DEFERRED', 'window.quiet-hours')");

            BlockRepository repo = new BlockRepository(store);
            assertThat(repo.counts(null)).extracting(c -> c.rule() + "/" + c.campaignName() + "=" + c.blocks())
                    .containsExactly("suppression.DNC/Camp 1=2", "suppression.DNC/Camp 2=1",
                            "window.quiet-hours/Camp 2=1");
            assertThat(repo.counts(2L)).extracting(BlockRepository.Count::rule)
                    .containsExactlyInAnyOrder("suppression.DNC", "window.quiet-hours");
            assertThat(repo.counts(null).getFirst().lastAt()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));

            var dnc = repo.blocks("suppression.DNC", null, 0, 10);
            assertThat(dnc).extracting(b -> b.campaignName() + ":" + b.listName() + "/" + b.contactKey())
                    .containsExactly("Camp 2:Q4/K1", "Camp 1:Q4/K2", "Camp 1:Q4/K1");
            assertThat(repo.blocks("suppression.DNC", 1L, 1, 10)).extracting(BlockRepository.Block::contactKey)
                    .containsExactly("K1");
            assertThat(dnc.getFirst().detail()).isEqualTo("on the suppression list");
        }
    }

    private static void block(org.jooq.DSLContext dsl, long enrollment, long campaign, long contact, String rule,
                              String at) {
        dsl.execute("insert into enrollment_event (enrollment_id, campaign_id, contact_id, at, kind, step_id,"
                + " channel, rule, detail, pack_version) values (" + enrollment + ", " + campaign + ", " + contact
                + ", timestamp with time zone '" + at.replace('T', ' ').replace("Z", "+00") + "', 'BLOCKED', 'sms1',"
                + " 'SMS', '" + rule + "', 'on the suppression list', 'us@2026.1')");
    }
}
