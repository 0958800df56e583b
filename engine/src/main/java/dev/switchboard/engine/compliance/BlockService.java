package dev.switchboard.engine.compliance;

import dev.switchboard.persistence.BlockRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The touches the compliance gate blocked, across campaigns: how many each rule blocked in each campaign, and the
 * blocks themselves for one rule (the drill-down; each names the contact, whose timeline says the rest). Read-only;
 * thread-safe; does IO (never on the FX thread).
 */
public final class BlockService {
    private final BlockRepository repo;

    public BlockService(BlockRepository repo) {
        this.repo = repo;
    }

    /** What one rule blocked in one campaign. */
    public record RuleCount(String rule, long campaignId, String campaign, int blocks, Instant lastAt) {
    }

    /** One rule's total over the campaigns in view, and its per-campaign counts (largest first). */
    public record RuleTotal(String rule, int blocks, Instant lastAt, List<RuleCount> campaigns) {
    }

    /** One block: when, in which campaign, which contact (list and key), which step and channel, and why. */
    public record Block(long id, Instant at, long campaignId, String campaign, long contactId, String list,
                       String contactKey, String stepId, String channel, String rule, String detail,
                       String packVersion) {
    }

    /** The counts per rule and campaign, in one campaign or (null) all, largest first. */
    public List<RuleCount> counts(Long campaignId) {
        return repo.counts(campaignId).stream().map(c -> new RuleCount(c.rule(), c.campaignId(), c.campaignName(),
                c.blocks(), c.lastAt())).toList();
    }

    /** The counts summed per rule (in one campaign or all), largest first. */
    public List<RuleTotal> totals(Long campaignId) {
        Map<String, List<RuleCount>> byRule = new LinkedHashMap<>();
        for (RuleCount c : counts(campaignId)) {
            byRule.computeIfAbsent(c.rule(), r -> new ArrayList<>()).add(c);
        }
        List<RuleTotal> out = new ArrayList<>();
        byRule.forEach((rule, list) -> out.add(new RuleTotal(rule, list.stream().mapToInt(RuleCount::blocks).sum(),
                list.stream().map(RuleCount::lastAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                        .orElse(null), List.copyOf(list))));
        out.sort((a, b) -> a.blocks() != b.blocks() ? Integer.compare(b.blocks(), a.blocks())
                : a.rule().compareTo(b.rule()));
        return out;
    }

    /** A page of the blocks by {@code rule} (in one campaign or all), newest first. */
    public List<Block> blocks(String rule, Long campaignId, int offset, int limit) {
        return repo.blocks(rule, campaignId, offset, limit).stream().map(b -> new Block(b.id(), b.at(),
                b.campaignId(), b.campaignName(), b.contactId(), b.listName(), b.contactKey(), b.stepId(),
                b.channel(), b.rule(), b.detail(), b.packVersion())).toList();
    }
}
