package dev.switchboard.app.console.templates;

import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.template.RenderCoverage;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateVersion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What the Templates screen reads and does. Every method does IO: call it off the FX thread. The service behind it
 * checks every permission again; the screen only hides what the signed-in role may not do.
 */
public interface TemplatesBackend {

    /**
     * A list to preview against.
     *
     * @param variables the names its contacts can supply (standard fields and every column, header and snake_case)
     */
    record ListChoice(long id, String name, long contacts, Set<String> variables) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The campaign-wide values ({@code company_name} …) of a campaign, to preview with. */
    record CampaignValues(String campaign, String list, Map<String, String> values) {
        public static final CampaignValues NONE = new CampaignValues("No campaign values", null, Map.of());

        @Override
        public String toString() {
            return campaign;
        }
    }

    /**
     * One contact's variables.
     *
     * @param fields its values by variable name, without campaign values
     */
    record ContactSample(String key, String name, Map<String, String> fields) {
    }

    /** What the screen needs to start: the templates, the lists and the campaigns' values. */
    record Overview(List<TemplateService.Entry> templates, List<ListChoice> lists, List<CampaignValues> campaigns) {
    }

    /** The versions of one template (oldest first) and its audit trail (oldest first). */
    record History(List<TemplateService.Entry> versions, List<AuditEntry> trail) {
    }

    Overview overview();

    History history(String templateId);

    /** The contact at {@code index} (0-based, store order) of a list, if the list still has that many. */
    Optional<ContactSample> contact(long listId, long index);

    /**
     * Renders the template's variables for every contact of the list, reading it a page at a time.
     *
     * @param progress told how many contacts were read so far, from the calling thread
     * @throws CancellationException once {@code cancelled} answers true
     */
    RenderCoverage coverage(Template template, long listId, Map<String, String> campaignValues,
                            BooleanSupplier cancelled, LongConsumer progress);

    TemplateVersion save(Actor by, Template template, Purpose purpose) throws PermissionDeniedException;

    TemplateVersion submit(Actor by, String templateId) throws PermissionDeniedException;

    TemplateVersion approve(Actor by, String templateId, String reviewedHash, String comment)
            throws PermissionDeniedException;

    TemplateVersion reject(Actor by, String templateId, String reason) throws PermissionDeniedException;
}
