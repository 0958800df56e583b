package dev.switchboard.model.template;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a template and where it is in review. Change it only through {@link TemplateWorkflow}.
 *
 * @param template            the content
 * @param state               the review state
 * @param author              who wrote this version
 * @param approver            who approved or rejected it; {@code null} before a decision
 * @param approvedContentHash the content hash the approval binds to; {@code null} unless approved
 * @param note                the reviewer's comment: the reason for a rejection, an optional remark on an
 *                            approval; {@code null} otherwise
 * @param createdAt           when this version was created
 * @param updatedAt           the last change of content or state
 * @param submittedAt         when it was submitted for review; {@code null} before
 * @param decidedAt           when it was approved or rejected; {@code null} before
 * @param retiredAt           when it was retired; {@code null} before
 */
public record TemplateVersion(Template template, TemplateState state, String author, String approver,
        String approvedContentHash, String note, Instant createdAt, Instant updatedAt, Instant submittedAt,
        Instant decidedAt, Instant retiredAt) {

    /** Validates the invariants: an approval always names a different approver and a content hash. */
    public TemplateVersion {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (approvedContentHash != null && (approver == null || TemplateWorkflow.samePerson(author, approver))) {
            throw new IllegalArgumentException("an approval needs an approver other than the author");
        }
        if (state == TemplateState.APPROVED && approvedContentHash == null) {
            throw new IllegalArgumentException("an approved version needs the content hash it was approved for");
        }
    }

    /**
     * Whether this version may be sent with content of the given hash: it is APPROVED, the approval was for
     * that hash, and the content still has that hash.
     */
    public boolean isApprovedFor(String contentHash) {
        return state == TemplateState.APPROVED && approvedContentHash != null
                && approvedContentHash.equals(contentHash) && template.contentHash().equals(contentHash);
    }
}
