package dev.switchboard.app.console.compliance;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.compliance.BlockService;
import dev.switchboard.engine.dnc.DncService;
import dev.switchboard.engine.dnc.GenesysDnc;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@link ComplianceBackend} over the open workspace (and, for the DNC sync, the engine the console hosts). */
public final class WorkspaceCompliance implements ComplianceBackend {
    /** What the console's suppressions say they came from. */
    static final String SOURCE = "console";

    private final Workspace workspace;

    public WorkspaceCompliance(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RulePackInfo rulePack() {
        RulePack p = workspace.rulePack();
        return new RulePackInfo(p.label(), p.effectiveFrom(), p.signOff());
    }

    @Override
    public SuppressionService.Page search(SuppressionService.Search search, int offset, int limit) {
        return workspace.suppressions().search(search, offset, limit);
    }

    @Override
    public long add(Actor by, Suppression.Kind kind, Channel channel, String address, Instant expiresAt,
                    String reason) throws PermissionDeniedException {
        return workspace.suppressions().add(by, kind, channel, address, expiresAt, reason, SOURCE);
    }

    @Override
    public long requestRemoval(Actor by, long suppressionId, String reason) throws PermissionDeniedException {
        return workspace.suppressions().requestRemoval(by, suppressionId, reason);
    }

    @Override
    public void approveRemoval(Actor by, long requestId) throws PermissionDeniedException {
        workspace.suppressions().approveRemoval(by, requestId);
    }

    @Override
    public void rejectRemoval(Actor by, long requestId, String note) throws PermissionDeniedException {
        workspace.suppressions().rejectRemoval(by, requestId, note);
    }

    @Override
    public List<SuppressionService.RemovalRequest> pendingRemovals() {
        return workspace.suppressions().pendingRemovals();
    }

    @Override
    public SuppressionService.ImportReport importCsv(Actor by, Path file, SuppressionService.Progress progress)
            throws SuppressionService.ImportRefusedException, PermissionDeniedException {
        return workspace.suppressions().importCsv(by, file, progress);
    }

    @Override
    public int exportCsv(Actor by, SuppressionService.Search search, Path file) throws PermissionDeniedException,
            IOException {
        return workspace.suppressions().exportCsv(by, search, file);
    }

    @Override
    public GenesysDnc.SyncReport syncDnc(Actor by) {
        // the running engine's client when there is one (sandbox or real org); else the connected org, opened here
        dev.switchboard.engine.genesys.OrgConnection[] opened = new dev.switchboard.engine.genesys.OrgConnection[1];
        try {
            return workspace.dnc().syncBy(by, () -> opened[0] = workspace.storedOrg().orElseThrow(
                    () -> new IllegalStateException("The engine is not running and no org is connected: start the"
                            + " engine (it syncs through the org it drives, the sandbox included), then sync"
                            + " again.")));
        } finally {
            if (opened[0] != null) {
                opened[0].destroy();
            }
        }
    }

    @Override
    public SyncState syncState() {
        DncService.Status s = workspace.dnc().status();
        return new SyncState(s.lastSync(), s.lastCompleteSync());
    }

    @Override
    public List<CampaignRef> campaigns() {
        return workspace.campaigns().all().stream().map(v -> new CampaignRef(v.id(), v.name())).toList();
    }

    @Override
    public List<BlockService.RuleTotal> blockTotals(Long campaignId) {
        return workspace.blocks().totals(campaignId);
    }

    @Override
    public List<BlockService.Block> blocks(String rule, Long campaignId, int offset, int limit) {
        return workspace.blocks().blocks(rule, campaignId, offset, limit);
    }

    @Override
    public List<AuditEntry> auditPage(long beforeSeq, int limit) {
        return workspace.audit().page(beforeSeq, limit);
    }

    @Override
    public long auditLastSeq() {
        return workspace.audit().lastSeq();
    }

    @Override
    public AuditService.Verification verifyAudit() {
        return workspace.audit().verify();
    }
}
