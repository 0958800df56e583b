package dev.switchboard.model.template;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The review state machine of a template version, as pure functions; every call returns a new
 * {@link TemplateVersion} or throws {@link IllegalStateException} with a message for the user.
 *
 * <pre>
 *   DRAFT --submit(author)--> IN_REVIEW --approve(other, hash)--> APPROVED --retire--> RETIRED
 *     ^                           \--reject(other)--> REJECTED --retire--> RETIRED
 *     |-- edit(author) on DRAFT: same version, new content
 *     |-- edit on REJECTED (author) or APPROVED (anyone): a new DRAFT version; approval never carries over
 * </pre>
 *
 * <p>Role checks (who may review at all) belong to the service; this class enforces four eyes: the approver or
 * rejecter is never the author, compared trimmed and case-insensitively.
 */
public final class TemplateWorkflow {
    private TemplateWorkflow() {
    }

    /** Starts version 1 (or the template's version) as a DRAFT by {@code author}. */
    public static TemplateVersion draft(Template template, String author, Instant now) {
        requireUser(author, "author");
        return new TemplateVersion(template, TemplateState.DRAFT, author, null, null, null, now, now, null, null,
                null);
    }

    /** DRAFT → IN_REVIEW, by the author only. */
    public static TemplateVersion submit(TemplateVersion v, String actor, Instant now) {
        requireUser(actor, "user");
        require(v, TemplateState.DRAFT, "submit");
        if (!samePerson(v.author(), actor)) {
            throw new IllegalStateException("Only the author (" + v.author() + ") can submit this template for"
                    + " review");
        }
        if (v.template().textBody().isBlank() && (v.template().htmlBody() == null
                || v.template().htmlBody().isBlank())) {
            throw new IllegalStateException("An empty template cannot be submitted for review");
        }
        return new TemplateVersion(v.template(), TemplateState.IN_REVIEW, v.author(), null, null, null,
                v.createdAt(), now, now, null, null);
    }

    /**
     * IN_REVIEW → APPROVED, by someone other than the author, for the content hash the reviewer saw.
     *
     * @param reviewedHash the content hash shown to the approver; must equal the current content's hash
     */
    public static TemplateVersion approve(TemplateVersion v, String approver, String reviewedHash, Instant now) {
        return approve(v, approver, reviewedHash, null, now);
    }

    /**
     * IN_REVIEW → APPROVED with the reviewer's comment, kept as the version's note.
     *
     * @param reviewedHash the content hash shown to the approver; must equal the current content's hash
     * @param comment      the reviewer's remark, or {@code null} / blank for none
     */
    public static TemplateVersion approve(TemplateVersion v, String approver, String reviewedHash, String comment,
            Instant now) {
        requireUser(approver, "approver");
        require(v, TemplateState.IN_REVIEW, "approve");
        requireOtherThanAuthor(v, approver, "approve");
        String current = v.template().contentHash();
        if (!current.equals(reviewedHash)) {
            throw new IllegalStateException("The template changed since it was reviewed (reviewed "
                    + abbreviate(reviewedHash) + ", now " + abbreviate(current) + "); review it again");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        return new TemplateVersion(v.template(), TemplateState.APPROVED, v.author(), approver, current, note,
                v.createdAt(), now, v.submittedAt(), now, null);
    }

    /** IN_REVIEW → REJECTED, by someone other than the author, with a reason. */
    public static TemplateVersion reject(TemplateVersion v, String reviewer, String reason, Instant now) {
        requireUser(reviewer, "reviewer");
        require(v, TemplateState.IN_REVIEW, "reject");
        requireOtherThanAuthor(v, reviewer, "reject");
        if (reason == null || reason.isBlank()) {
            throw new IllegalStateException("A rejection needs a reason the author can act on");
        }
        return new TemplateVersion(v.template(), TemplateState.REJECTED, v.author(), reviewer, null, reason,
                v.createdAt(), now, v.submittedAt(), now, null);
    }

    /**
     * Changes the content. A DRAFT is edited in place by its author. A REJECTED version (by its author) or an
     * APPROVED version (by anyone, who becomes the author) yields a new DRAFT with the next version number; the
     * approval never carries over. IN_REVIEW and RETIRED versions cannot be edited.
     *
     * @param content the new content; its id, channel and name must match
     */
    public static TemplateVersion edit(TemplateVersion v, Template content, String editor, Instant now) {
        requireUser(editor, "editor");
        Objects.requireNonNull(content, "content");
        Template old = v.template();
        if (content.channel() != old.channel() || !Objects.equals(content.id(), old.id())) {
            throw new IllegalStateException("An edit cannot change the template's id or channel");
        }
        return switch (v.state()) {
            case DRAFT -> {
                requireAuthor(v, editor);
                yield new TemplateVersion(content.withVersion(old.version()), TemplateState.DRAFT, v.author(), null,
                        null, null, v.createdAt(), now, null, null, null);
            }
            case REJECTED -> {
                requireAuthor(v, editor);
                yield draft(content.withVersion(old.version() + 1), editor, now);
            }
            case APPROVED -> draft(content.withVersion(old.version() + 1), editor, now);
            case IN_REVIEW -> throw new IllegalStateException("Version " + old.version()
                    + " is in review and cannot be edited; ask the reviewer to reject it first");
            case RETIRED -> throw new IllegalStateException("Version " + old.version()
                    + " is retired and cannot be edited");
        };
    }

    /** DRAFT, APPROVED or REJECTED → RETIRED. */
    public static TemplateVersion retire(TemplateVersion v, String actor, Instant now) {
        requireUser(actor, "user");
        if (v.state() == TemplateState.IN_REVIEW || v.state() == TemplateState.RETIRED) {
            throw illegal(v, "retire");
        }
        return new TemplateVersion(v.template(), TemplateState.RETIRED, v.author(), v.approver(),
                v.approvedContentHash(), v.note(), v.createdAt(), now, v.submittedAt(), v.decidedAt(), now);
    }

    /** Whether two profile names are the same person (case and surrounding blanks ignored). */
    public static boolean samePerson(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private static void require(TemplateVersion v, TemplateState expected, String action) {
        Objects.requireNonNull(v, "version");
        if (v.state() != expected) {
            throw illegal(v, action);
        }
    }

    private static IllegalStateException illegal(TemplateVersion v, String action) {
        return new IllegalStateException("Cannot " + action + " version " + v.template().version() + " of \""
                + v.template().name() + "\": it is " + v.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static void requireOtherThanAuthor(TemplateVersion v, String user, String action) {
        if (samePerson(v.author(), user)) {
            throw new IllegalStateException(user + " wrote this template and cannot " + action
                    + " it; another person must review it");
        }
    }

    private static void requireAuthor(TemplateVersion v, String editor) {
        if (!samePerson(v.author(), editor)) {
            throw new IllegalStateException("Only the author (" + v.author() + ") can edit this version");
        }
    }

    private static void requireUser(String user, String what) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }
}
