package dev.switchboard.model.user;

/** What a local profile may do. Permissions are checked in the services, never only in the UI. */
public enum Role {
    /** Loads lists, launches, pauses and stops campaigns. */
    OPERATOR,
    /** Designs and publishes sequences. */
    SUPERVISOR,
    /** Writes, reviews and approves templates; manages suppressions. */
    COMPLIANCE,
    /** Manages profiles and settings; may do what every other role does, but never approve its own work. */
    ADMIN;

    public boolean mayReviewTemplates() {
        return this == COMPLIANCE || this == ADMIN;
    }

    public boolean mayWriteTemplates() {
        return this != OPERATOR;
    }

    public boolean mayPublishSequences() {
        return this == SUPERVISOR || this == ADMIN;
    }

    /** Creates, launches, pauses, resumes and stops campaigns, and throws the kill switch. */
    public boolean mayOperateCampaigns() {
        return this == OPERATOR || this == SUPERVISOR || this == ADMIN;
    }

    public boolean mayManageProfiles() {
        return this == ADMIN;
    }
}
