package dev.switchboard.engine;

import dev.switchboard.model.audit.AuditChain;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.persistence.AuditLogRepository;

import java.util.List;
import java.util.Optional;

/** Reads and verifies the hash-chained audit log. */
public final class AuditService {
    private final AuditLogRepository log;

    public AuditService(AuditLogRepository log) {
        this.log = log;
    }

    /** The result of a verification: rows checked and the first bad row, if any. */
    public record Verification(long rows, Optional<String> problem) {
    }

    public Verification verify() {
        AuditChain.Verifier v = new AuditChain.Verifier();
        log.forEach(v::accept);
        return new Verification(v.checked(), v.problem());
    }

    /** Appends a row to the chain. */
    public AuditEntry append(String actor, String osLogin, String action, String subject, String details,
                             java.time.Instant at) {
        return log.append(actor, osLogin, action, subject, details, at);
    }

    public List<AuditEntry> recent(int limit) {
        return log.recent(limit);
    }

    /**
     * Up to {@code limit} rows before row {@code beforeSeq} ({@code Long.MAX_VALUE} for the newest), newest first:
     * the audit log a page at a time.
     */
    public List<AuditEntry> page(long beforeSeq, int limit) {
        return log.page(beforeSeq, limit);
    }

    /** The number of the newest row (0 for an empty log). */
    public long lastSeq() {
        return log.lastSeq();
    }
}
