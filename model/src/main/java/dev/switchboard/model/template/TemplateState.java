package dev.switchboard.model.template;

/** Where a template version is in review: DRAFT → IN_REVIEW → APPROVED / REJECTED → RETIRED. */
public enum TemplateState {
    /** Being written; only the author edits it. */
    DRAFT,
    /** Submitted; waiting for a reviewer other than the author. */
    IN_REVIEW,
    /** Approved for exactly its content hash; may be sent. */
    APPROVED,
    /** Sent back by the reviewer; an edit starts a new draft version. */
    REJECTED,
    /** No longer offered; kept for the record. */
    RETIRED
}
