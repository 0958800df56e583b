package dev.switchboard.app.console.compliance;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.compliance.BlockService;
import dev.switchboard.engine.dnc.DncService;
import dev.switchboard.engine.dnc.GenesysDnc;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the Compliance screen needs of the store and the org. Every method blocks (store, files, network): call it on
 * a worker. Actions take the signed-in profile; the services refuse what its role may not do.
 */
public interface ComplianceBackend {

    /** The rule pack in use: {@code packId@version}, its effective date and who signed it off. */
    record RulePackInfo(String label, LocalDate effectiveFrom, String signOff) {
    }

    /** A campaign to filter the blocks by. */
    record CampaignRef(long id, String name) {
    }

    /** The last sync of the org's DNC lists and the last complete one (either may be missing). */
    record SyncState(Optional<DncService.SyncRecord> last, Optional<DncService.SyncRecord> lastComplete) {
    }

    RulePackInfo rulePack();

    // ---- suppressions ---------------------------------------------------------------------------------------------

    SuppressionService.Page search(SuppressionService.Search search, int offset, int limit);

    long add(Actor by, Suppression.Kind kind, Channel channel, String address, Instant expiresAt, String reason)
            throws PermissionDeniedException;

    long requestRemoval(Actor by, long suppressionId, String reason) throws PermissionDeniedException;

    void approveRemoval(Actor by, long requestId) throws PermissionDeniedException;

    void rejectRemoval(Actor by, long requestId, String note) throws PermissionDeniedException;

    List<SuppressionService.RemovalRequest> pendingRemovals();

    SuppressionService.ImportReport importCsv(Actor by, Path file, SuppressionService.Progress progress)
            throws SuppressionService.ImportRefusedException, PermissionDeniedException;

    int exportCsv(Actor by, SuppressionService.Search search, Path file) throws PermissionDeniedException,
            IOException;

    /** Syncs the org's DNC lists into the suppressions, through the running engine's client or the connected org. */
    GenesysDnc.SyncReport syncDnc(Actor by);

    SyncState syncState();

    // ---- blocks ---------------------------------------------------------------------------------------------------

    List<CampaignRef> campaigns();

    List<BlockService.RuleTotal> blockTotals(Long campaignId);

    List<BlockService.Block> blocks(String rule, Long campaignId, int offset, int limit);

    // ---- audit ----------------------------------------------------------------------------------------------------

    List<AuditEntry> auditPage(long beforeSeq, int limit);

    long auditLastSeq();

    AuditService.Verification verifyAudit();
}
