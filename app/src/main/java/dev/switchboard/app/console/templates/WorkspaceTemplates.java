package dev.switchboard.app.console.templates;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ContactFilter;
import dev.switchboard.engine.templates.ContactVariables;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.template.RenderCoverage;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** {@link TemplatesBackend} over the open workspace. */
public final class WorkspaceTemplates implements TemplatesBackend {
    /** Contacts read per page when measuring coverage. */
    static final int PAGE = 1_000;

    private final Workspace workspace;

    public WorkspaceTemplates(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Overview overview() {
        List<ListChoice> lists = workspace.contacts().lists().stream()
                .map(l -> new ListChoice(l.list().id(), l.list().name(), l.contacts(),
                        ContactVariables.columns(l.list().mapping(), Set.of())))
                .toList();
        List<CampaignValues> campaigns = new ArrayList<>();
        for (CampaignService.View c : workspace.campaigns().all()) {
            if (c.variables() != null && !c.variables().isEmpty()) {
                campaigns.add(new CampaignValues(c.name(), c.list(), Map.copyOf(c.variables())));
            }
        }
        return new Overview(workspace.templates().all(), lists, campaigns);
    }

    @Override
    public History history(String templateId) {
        return new History(workspace.templates().versions(templateId), workspace.templates().trail(templateId));
    }

    @Override
    public Optional<ContactSample> contact(long listId, long index) {
        return workspace.contacts().contacts(listId, ContactFilter.ALL, index, 1).stream().findFirst()
                .map(WorkspaceTemplates::sample);
    }

    private static ContactSample sample(Contact c) {
        return new ContactSample(c.data().externalKey(), c.data().displayName(), ContactVariables.of(c.data(),
                Map.of()));
    }

    @Override
    public RenderCoverage coverage(Template template, long listId, Map<String, String> campaignValues,
                                   BooleanSupplier cancelled, LongConsumer progress) {
        Iterable<Map<String, String>> rows = ContactVariables.ofList(workspace.contacts(), listId, campaignValues,
                PAGE, read -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("coverage cancelled after " + read + " contacts");
                    }
                    progress.accept(read);
                });
        return RenderCoverage.measure(template, rows, row -> row.getOrDefault("external_key", "?"),
                RenderCoverage.DEFAULT_EXAMPLES);
    }

    @Override
    public TemplateVersion save(Actor by, Template template, Purpose purpose) throws PermissionDeniedException {
        return workspace.templates().saveDraft(by, template, purpose);
    }

    @Override
    public TemplateVersion submit(Actor by, String templateId) throws PermissionDeniedException {
        return workspace.templates().submit(by, templateId);
    }

    @Override
    public TemplateVersion approve(Actor by, String templateId, String reviewedHash, String comment)
            throws PermissionDeniedException {
        return workspace.templates().approve(by, templateId, reviewedHash, comment);
    }

    @Override
    public TemplateVersion reject(Actor by, String templateId, String reason) throws PermissionDeniedException {
        return workspace.templates().reject(by, templateId, reason);
    }
}
