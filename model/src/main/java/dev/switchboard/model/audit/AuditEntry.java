package dev.switchboard.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit-log row: who (the profile and the OS login) did what to which subject, chained to the row before it.
 *
 * @param seq      1 for the first row, then consecutive
 * @param prevHash the previous row's hash ({@link AuditChain#GENESIS} for the first)
 * @param hash     {@link AuditChain#hash} of this row's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String actor, String osLogin, String action, String subject,
                         String details, String prevHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(osLogin, "osLogin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
    }
}
