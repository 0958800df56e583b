package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.compliance.BlockService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The Blocks tab: what the compliance gate blocked, per rule across campaigns (or in one campaign), and, for the
 * selected rule, the blocks themselves (newest first; each opens its contact's timeline).
 */
public final class BlocksModel {
    /** The campaign filter's "all campaigns". */
    public static final ComplianceBackend.CampaignRef ALL = new ComplianceBackend.CampaignRef(-1, "All campaigns");
    static final int PAGE = 200;

    private final ComplianceBackend backend;
    private final TaskRunner tasks;
    private final ObservableList<ComplianceBackend.CampaignRef> campaigns = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<ComplianceBackend.CampaignRef> campaign = new SimpleObjectProperty<>(this,
            "campaign", ALL);
    private final ObservableList<BlockService.RuleTotal> totals = FXCollections.observableArrayList();
    private final ObjectProperty<BlockService.RuleTotal> selectedRule = new SimpleObjectProperty<>(this,
            "selectedRule");
    private final ObservableList<BlockService.Block> blocks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "…");
    private final ReadOnlyStringWrapper blocksLabel = new ReadOnlyStringWrapper(this, "blocksLabel");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private LongConsumer timelineOpener;

    BlocksModel(ComplianceBackend backend, TaskRunner tasks) {
        this.backend = backend;
        this.tasks = tasks;
        campaign.addListener((o, was, now) -> loadTotals());
        selectedRule.addListener((o, was, now) -> loadBlocks(0));
    }

    /** Reads the campaigns for the filter and the counts. */
    public void refresh() {
        tasks.task(backend::campaigns)
                .onSuccess(list -> {
                    ComplianceBackend.CampaignRef keep = campaign.get();
                    campaigns.setAll(ALL);
                    campaigns.addAll(list);
                    campaign.set(list.stream().filter(c -> keep != null && c.id() == keep.id()).findFirst()
                            .orElse(ALL));
                })
                .onFailure(e -> summary.set("The campaigns could not be read: " + SuppressionsModel.message(e)))
                .start();
        loadTotals();
    }

    private Long campaignId() {
        ComplianceBackend.CampaignRef c = campaign.get();
        return c == null || c.id() == ALL.id() ? null : c.id();
    }

    private void loadTotals() {
        Long id = campaignId();
        tasks.task(() -> backend.blockTotals(id))
                .onSuccess(list -> {
                    String keep = selectedRule.get() == null ? null : selectedRule.get().rule();
                    totals.setAll(list);
                    int sum = list.stream().mapToInt(BlockService.RuleTotal::blocks).sum();
                    summary.set(list.isEmpty() ? "No touch was blocked" + (id == null ? "" : " in this campaign")
                            : Formats.count(sum, "block", "blocks") + " by " + Formats.count(list.size(), "rule",
                            "rules") + (id == null ? " across campaigns" : " in this campaign"));
                    // an equal total (nothing new) keeps its blocks; a changed one reads them again
                    selectedRule.set(list.stream().filter(t -> t.rule().equals(keep)).findFirst()
                            .orElse(list.isEmpty() ? null : list.getFirst()));
                })
                .onFailure(e -> summary.set("The blocks could not be read: " + SuppressionsModel.message(e)))
                .start();
    }

    /** Reads the next page of the selected rule's blocks. */
    public void loadMore() {
        loadBlocks(blocks.size());
    }

    private void loadBlocks(int from) {
        BlockService.RuleTotal rule = selectedRule.get();
        if (rule == null) {
            blocks.clear();
            blocksLabel.set(null);
            more.set(false);
            return;
        }
        Long id = campaignId();
        tasks.task(() -> backend.blocks(rule.rule(), id, from, PAGE))
                .onSuccess(list -> {
                    if (rule != selectedRule.get()) {
                        return;
                    }
                    if (from == 0) {
                        blocks.setAll(list);
                    } else {
                        blocks.addAll(list);
                    }
                    more.set(blocks.size() < rule.blocks());
                    blocksLabel.set("Blocks by " + rule.rule() + ": " + Formats.count(blocks.size()) + " of "
                            + Formats.count(rule.blocks()) + ", newest first");
                })
                .onFailure(e -> blocksLabel.set("The blocks could not be read: " + SuppressionsModel.message(e)))
                .start();
    }

    /** Opens {@code block}'s contact timeline, when the shell gave a way to. */
    public void open(BlockService.Block block) {
        if (block != null && timelineOpener != null) {
            timelineOpener.accept(block.contactId());
        }
    }

    /** How a contact's timeline opens (the shell's); none: blocks do not open. */
    public void setTimelineOpener(LongConsumer opener) {
        this.timelineOpener = opener;
    }

    /** "Camp A 12 · Camp B 3". */
    public static String campaignsOf(BlockService.RuleTotal t) {
        List<String> parts = t.campaigns().stream().map(c -> c.campaign() + " " + Formats.count(c.blocks())).toList();
        return String.join(" · ", parts);
    }

    public ObservableList<ComplianceBackend.CampaignRef> campaigns() {
        return campaigns;
    }

    public ObjectProperty<ComplianceBackend.CampaignRef> campaignProperty() {
        return campaign;
    }

    public ObservableList<BlockService.RuleTotal> totals() {
        return totals;
    }

    public ObjectProperty<BlockService.RuleTotal> selectedRuleProperty() {
        return selectedRule;
    }

    public ObservableList<BlockService.Block> blocks() {
        return blocks;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty blocksLabelProperty() {
        return blocksLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }
}
