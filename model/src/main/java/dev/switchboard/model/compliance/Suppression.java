package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One suppression of a person or an address.
 *
 * @param channel   the channel it covers, or null for every channel
 * @param expiresAt null when it never expires (an expired one no longer suppresses)
 * @param purposes  the purposes it stops; empty for every purpose (e.g. an RND "no data" answer stops marketing only)
 */
public record Suppression(Kind kind, Channel channel, String key, Instant expiresAt, String reason,
                          Set<Purpose> purposes) {
    public enum Kind {
        /** Company or national do-not-call/do-not-contact (WA: one year after an opt-out). */
        DNC,
        /** A keyword or other per-se revocation on a channel. */
        OPT_OUT,
        /** An email address that hard-bounced. */
        HARD_BOUNCE,
        /** A legal hold: nothing at all. */
        LEGAL_HOLD,
        /** A reply that may be a revocation, suppressed until a person reviews it. */
        REVIEW
    }

    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    /** A suppression of every purpose. */
    public Suppression(Kind kind, Channel channel, String key, Instant expiresAt, String reason) {
        this(kind, channel, key, expiresAt, reason, Set.of());
    }

    /** Whether it stops touches of {@code purpose}. */
    public boolean covers(Purpose purpose) {
        return purposes.isEmpty() || purposes.contains(purpose);
    }

    public boolean activeAt(Instant instant) {
        return expiresAt == null || instant.isBefore(expiresAt);
    }
}
