package dev.switchboard.engine.templates;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.template.TemplateWorkflow;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.TemplateRepository;

import java.time.Clock;
import java.util.List;

/**
 * Templates in the store and their review: import a file as a draft (or as a new version of an existing one),
 * submit, approve (a compliance profile other than the author, bound to the content hash) or reject, and the audit
 * trail of each step. Roles are enforced here, not in a screen.
 */
public final class TemplateService {
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
        if (!by.profile().role().mayWriteTemplates()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role() + ") may not write templates.");
        }
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

    public TemplateVersion reject(Actor by, String key, String reason) throws PermissionDeniedException {
        TemplateRepository.Stored s = latest(key);
        requireReviewer(by);
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

    private TemplateRepository.Stored latest(String key) throws PermissionDeniedException {
        return templates.latest(key).orElseThrow(() -> new PermissionDeniedException("No template '" + key
                + "' in the store; import it first (switchboard template import FILE --as NAME)."));
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
                ? "approved content " + next.approvedContentHash() : "state " + next.state()
                + (next.note() == null ? "" : ", reason: " + next.note()));
        return next;
    }

    private void record(Actor by, String action, TemplateVersion v, String details) {
        audit.append(by.name(), by.osLogin(), action, "template " + v.template().id() + " v" + v.template().version(),
                details, clock.instant());
    }
}
