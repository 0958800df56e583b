package dev.switchboard.model.sequence;

/** Why a touch failed, when the provider says. Permanent reasons are never retried. */
public enum FailureReason {
    INVALID_DESTINATION(true), LANDLINE(true), CARRIER_REJECTED(false), UNREACHABLE(false), OTHER(false),
    /** The compliance gate blocked the touch (a suppression, no consent, a legal rule): never retried. */
    BLOCKED(true),
    /** Genesys refused the request as invalid (400/422): retrying the same request cannot succeed. */
    REJECTED(true),
    /** The channel has no delivery path in this engine (voice before the dialer integration). */
    UNSUPPORTED_CHANNEL(true);

    private final boolean permanent;

    FailureReason(boolean permanent) {
        this.permanent = permanent;
    }

    /** True when another attempt to the same address cannot succeed. */
    public boolean isPermanent() {
        return permanent;
    }
}
