package dev.switchboard.model.sequence;

/** Why a touch failed, when the provider says. Permanent reasons are never retried. */
public enum FailureReason {
    INVALID_DESTINATION(true), LANDLINE(true), CARRIER_REJECTED(false), UNREACHABLE(false), OTHER(false);

    private final boolean permanent;

    FailureReason(boolean permanent) {
        this.permanent = permanent;
    }

    /** True when another attempt to the same address cannot succeed. */
    public boolean isPermanent() {
        return permanent;
    }
}
