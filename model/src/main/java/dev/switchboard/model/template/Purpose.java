package dev.switchboard.model.template;

/** Why a campaign contacts people; decides consent, opt-out wording and which rules may be bypassed. */
public enum Purpose {
    /** Promotion of goods or services: needs consent, opt-out wording and an unsubscribe link. */
    MARKETING,
    /** Informational messages about an existing relationship (appointments, outages). */
    SERVICE,
    /** Debt collection (Regulation F attempt caps apply). */
    COLLECTIONS,
    /** Emergency messages; bypasses only what the law lets it, with two-person approval. */
    LIFE_SAFETY
}
