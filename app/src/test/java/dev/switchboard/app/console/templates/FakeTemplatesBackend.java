package dev.switchboard.app.console.templates;

import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.template.RenderCoverage;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.template.TemplateWorkflow;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * An in-memory {@link TemplatesBackend}: templates through the model's review workflow (so four eyes hold as in the
 * service), one list "Patients" of three contacts with a {@code clinic} column the third one leaves empty, and one
 * campaign's values.
 */
final class FakeTemplatesBackend implements TemplatesBackend {
    static final ListChoice PATIENTS = new ListChoice(7, "Patients", 3, new LinkedHashSet<>(List.of("external_key",
            "first_name", "last_name", "full_name", "phone", "clinic", "appointment_time")));
    static final CampaignValues REMINDERS = new CampaignValues("Reminders", "Patients",
            Map.of("company_name", "Acme Health"));

    private final Map<String, List<TemplateService.Entry>> versions = new TreeMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<ContactSample> contacts = List.of(
            contact("P-1", "Ann", "Midtown", "Tue 10:30"),
            contact("P-2", "Bo", "Loop", "Wed 14:00"),
            contact("P-3", "Cy", "", "Thu 09:00"));
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    int coverageRuns;

    private static ContactSample contact(String key, String first, String clinic, String time) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("external_key", key);
        fields.put("first_name", first);
        fields.put("clinic", clinic);
        fields.put("appointment_time", time);
        return new ContactSample(key, first + " Doe", fields);
    }

    static Actor actor(String name, Role role) {
        return new Actor(new UserProfile(name.length(), name, role, Instant.EPOCH), "os-" + name);
    }

    /** Stores a template as {@code author}'s draft, optionally submitted and approved by {@code approver}. */
    FakeTemplatesBackend with(Template t, String author, String approver) throws PermissionDeniedException {
        save(actor(author, Role.COMPLIANCE), t, Purpose.SERVICE);
        if (approver != null) {
            submit(actor(author, Role.COMPLIANCE), t.id());
            approve(actor(approver, Role.COMPLIANCE), t.id(), t.withVersion(1).contentHash(), null);
        }
        return this;
    }

    @Override
    public Overview overview() {
        return new Overview(versions.values().stream().map(List::getLast).toList(), List.of(PATIENTS),
                List.of(REMINDERS));
    }

    @Override
    public History history(String templateId) {
        return new History(List.copyOf(versions.getOrDefault(templateId, List.of())), audit.stream()
                .filter(e -> e.subject().startsWith("template " + templateId + " v")).toList());
    }

    @Override
    public Optional<ContactSample> contact(long listId, long index) {
        return listId == PATIENTS.id() && index < contacts.size() ? Optional.of(contacts.get((int) index))
                : Optional.empty();
    }

    @Override
    public RenderCoverage coverage(Template template, long listId, Map<String, String> campaignValues,
                                   BooleanSupplier cancelled, LongConsumer progress) {
        coverageRuns++;
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (ContactSample c : contacts) {
            Map<String, String> row = new LinkedHashMap<>(c.fields());
            row.putAll(campaignValues);
            rows.add(row);
        }
        progress.accept(rows.size());
        return RenderCoverage.measure(template, rows, r -> r.get("external_key"), 5);
    }

    private TemplateService.Entry latest(String id) throws PermissionDeniedException {
        List<TemplateService.Entry> all = versions.get(id);
        if (all == null) {
            throw new PermissionDeniedException("No template '" + id + "'");
        }
        return all.getLast();
    }

    private TemplateVersion store(Actor by, String action, TemplateVersion v, Purpose purpose) {
        List<TemplateService.Entry> all = versions.computeIfAbsent(v.template().id(), k -> new ArrayList<>());
        if (!all.isEmpty() && all.getLast().version().template().version() == v.template().version()) {
            all.removeLast();
        }
        all.add(new TemplateService.Entry(v, purpose));
        audit.add(new AuditEntry(audit.size() + 1, now, by.name(), by.osLogin(), action, "template "
                + v.template().id() + " v" + v.template().version(), "state " + v.state(), "prev", "hash"));
        now = now.plusSeconds(60);
        return v;
    }

    @Override
    public TemplateVersion save(Actor by, Template template, Purpose purpose) throws PermissionDeniedException {
        if (!by.profile().role().mayWriteTemplates()) {
            throw new PermissionDeniedException(by.name() + " may not write templates.");
        }
        try {
            TemplateVersion v = versions.containsKey(template.id())
                    ? TemplateWorkflow.edit(latest(template.id()).version(), template, by.name(), now)
                    : TemplateWorkflow.draft(template.withVersion(1), by.name(), now);
            return store(by, "template.draft", v, purpose);
        } catch (IllegalStateException e) {
            throw new PermissionDeniedException(e.getMessage());
        }
    }

    @Override
    public TemplateVersion submit(Actor by, String templateId) throws PermissionDeniedException {
        TemplateService.Entry e = latest(templateId);
        try {
            return store(by, "template.submit", TemplateWorkflow.submit(e.version(), by.name(), now), e.purpose());
        } catch (IllegalStateException ex) {
            throw new PermissionDeniedException(ex.getMessage());
        }
    }

    @Override
    public TemplateVersion approve(Actor by, String templateId, String reviewedHash, String comment)
            throws PermissionDeniedException {
        TemplateService.Entry e = latest(templateId);
        try {
            return store(by, "template.approve", TemplateWorkflow.approve(e.version(), by.name(), reviewedHash,
                    comment, now), e.purpose());
        } catch (IllegalStateException ex) {
            throw new PermissionDeniedException(ex.getMessage());
        }
    }

    @Override
    public TemplateVersion reject(Actor by, String templateId, String reason) throws PermissionDeniedException {
        TemplateService.Entry e = latest(templateId);
        try {
            return store(by, "template.reject", TemplateWorkflow.reject(e.version(), by.name(), reason, now),
                    e.purpose());
        } catch (IllegalStateException ex) {
            throw new PermissionDeniedException(ex.getMessage());
        }
    }

    Set<String> ids() {
        return versions.keySet();
    }
}
