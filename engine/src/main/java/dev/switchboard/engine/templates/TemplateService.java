package dev.switchboard.engine.templates;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.template.TemplateWorkflow;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.TemplateRepository;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Templates in the store and their review: import a file as a draft (or as a new version of an existing one),
 * submit, approve (a compliance profile other than the author, bound to the content hash) or reject, and the audit
 * trail of each step. Roles are enforced here, not in a screen.
 */
public final class TemplateService {
    /** Template ids: what a sequence step and a campaign refer to. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    /** Audit rows shown in one template's trail, the newest kept. */
    static final int TRAIL_LIMIT = 500;
    /** The longest review comment (the note column). */
    public static final int MAX_COMMENT = 2000;

    private final TemplateRepository templates;
    private final AuditLogRepository audit;
    private final Clock clock;

    public TemplateService(TemplateRepository templates, AuditLogRepository audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a template file as a draft: version 1 for a new id, else an edit of the newest version. */
    public TemplateVersion importFile(Actor by, TemplateFile file) throws PermissionDeniedException {
        requireWriter(by);
        var latest = templates.latest(file.template().id());
        TemplateVersion v;
        try {
            v = latest.isEmpty()
                    ? TemplateWorkflow.draft(file.template().withVersion(1), by.name(), clock.instant())
                    : TemplateWorkflow.edit(latest.get().version(), file.template(), by.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw new PermissionDeniedException(e.getMessage());
        }
        templates.save(v, file.purpose());
        record(by, "template.draft", v, "content " + v.template().contentHash());
        return v;
    }

    /**
     * Saves content written in the console: version 1 of a new id, the author's draft changed in place, or, for a
     * rejected (by its author) or approved version (by anyone with the right), a new draft version that is not
     * approved whatever the old one was. Saving the content of the newest version unchanged changes nothing.
     *
     * @param content the template; its id and channel pick the template, its version number is ignored
     * @param purpose the purpose it is written for (what lint checks it against)
     * @return the stored version
     * @throws PermissionDeniedException when {@code by} may not write templates, or the newest version cannot be
     *                                   edited (in review, retired, or a draft or rejection of someone else)
     */
    public TemplateVersion saveDraft(Actor by, Template content, Purpose purpose) throws PermissionDeniedException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(purpose, "purpose");
        requireWriter(by);
        if (content.id() == null || !ID.matcher(content.id()).matches()) {
            throw new IllegalArgumentException("Template id: \"" + content.id() + "\" is not usable; use 1 to 100"
                    + " letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        var latest = templates.latest(content.id());
        if (latest.isPresent() && latest.get().purpose() == purpose
                && latest.get().version().template().equals(content.withVersion(latest.get().version().template()
                .version()))) {
            return latest.get().version();
        }
        TemplateVersion v;
        try {
            v = latest.isEmpty()
                    ? TemplateWorkflow.draft(content.withVersion(1), by.name(), clock.instant())
                    : TemplateWorkflow.edit(latest.get().version(), content, by.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw new PermissionDeniedException(e.getMessage());
        }
        templates.save(v, purpose);
        record(by, "template.draft", v, "content " + v.template().contentHash());
        return v;
    }

    public TemplateVersion submit(Actor by, String key) throws PermissionDeniedException {
        TemplateRepository.Stored s = latest(key);
        return apply(by, s, "template.submit", () -> TemplateWorkflow.submit(s.version(), by.name(), clock.instant()));
    }

    public TemplateVersion approve(Actor by, String key) throws PermissionDeniedException {
        TemplateRepository.Stored s = latest(key);
        requireReviewer(by);
        return apply(by, s, "template.approve", () -> TemplateWorkflow.approve(s.version(), by.name(),
                s.version().template().contentHash(), clock.instant()));
    }

    /**
     * Approves the newest version for exactly the content the reviewer saw, with the reviewer's comment.
     *
     * @param reviewedHash the content hash of what the reviewer read; refused if the version has other content now
     * @param comment      a remark kept with the approval and in the audit trail; may be null or blank
     * @throws PermissionDeniedException when {@code by} may not review, wrote the version, the version is not in
     *                                   review, or its content changed since it was read
     */
    public TemplateVersion approve(Actor by, String key, String reviewedHash, String comment)
            throws PermissionDeniedException {
        TemplateRepository.Stored s = latest(key);
        requireReviewer(by);
        requireFits(comment);
        return apply(by, s, "template.approve", () -> TemplateWorkflow.approve(s.version(), by.name(),
                reviewedHash, comment, clock.instant()));
    }

    public TemplateVersion reject(Actor by, String key, String reason) throws PermissionDeniedException {
        TemplateRepository.Stored s = latest(key);
        requireReviewer(by);
        requireFits(reason);
        return apply(by, s, "template.reject", () -> TemplateWorkflow.reject(s.version(), by.name(), reason,
                clock.instant()));
    }

    /** A template's newest version, if the store has it. */
    public java.util.Optional<Entry> current(String key) {
        return templates.latest(key).map(s -> new Entry(s.version(), s.purpose()));
    }

    /** A template's newest version and the purpose it is written for. */
    public record Entry(TemplateVersion version, dev.switchboard.model.compliance.Purpose purpose) {
    }

    /** The newest version of every stored template. */
    public List<Entry> all() {
        return templates.latestOfEach().stream().map(s -> new Entry(s.version(), s.purpose())).toList();
    }

    /** Every version of a template, oldest first, each with its purpose; empty for an unknown key. */
    public List<Entry> versions(String key) {
        return templates.versions(key).stream().map(s -> new Entry(s.version(), s.purpose())).toList();
    }

    /** The audit rows about a template (every version of it), oldest first; at most the newest 500. */
    public List<AuditEntry> trail(String key) {
        Pattern subject = Pattern.compile(Pattern.quote("template " + key + " v") + "\\d+");
        return audit.withSubjectPrefix("template " + key + " v", TRAIL_LIMIT).stream()
                .filter(e -> subject.matcher(e.subject()).matches()).toList();
    }

    private TemplateRepository.Stored latest(String key) throws PermissionDeniedException {
        return templates.latest(key).orElseThrow(() -> new PermissionDeniedException("No template '" + key
                + "' in the store; import it first (switchboard template import FILE --as NAME)."));
    }

    private static void requireFits(String comment) {
        if (comment != null && comment.strip().length() > MAX_COMMENT) {
            throw new IllegalArgumentException("Comment: at most " + MAX_COMMENT + " characters, this one has "
                    + comment.strip().length());
        }
    }

    private static void requireWriter(Actor by) throws PermissionDeniedException {
        if (!by.profile().role().mayWriteTemplates()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role() + ") may not write templates.");
        }
    }

    private static void requireReviewer(Actor by) throws PermissionDeniedException {
        if (!by.profile().role().mayReviewTemplates()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role()
                    + ") may not review templates: that takes a compliance or admin profile.");
        }
    }

    private interface Transition {
        TemplateVersion apply();
    }

    private TemplateVersion apply(Actor by, TemplateRepository.Stored s, String action, Transition t)
            throws PermissionDeniedException {
        TemplateVersion next;
        try {
            next = t.apply();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new PermissionDeniedException(e.getMessage());
        }
        templates.save(next, s.purpose());
        record(by, action, next, next.state() == TemplateState.APPROVED
                ? "approved content " + next.approvedContentHash()
                + (next.note() == null ? "" : ", comment: " + next.note())
                : "state " + next.state() + (next.note() == null ? "" : ", reason: " + next.note()));
        return next;
    }

    private void record(Actor by, String action, TemplateVersion v, String details) {
        audit.append(by.name(), by.osLogin(), action, "template " + v.template().id() + " v" + v.template().version(),
                details, clock.instant());
    }
}
