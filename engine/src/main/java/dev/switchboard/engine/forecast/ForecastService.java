package dev.switchboard.engine.forecast;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.genesys.Pacer;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Sets up a campaign's {@link Forecast} from the store: the campaign, its published sequence, the templates a launch
 * would pin, a copy of its list, the suppression ledger as it is, the SMS sender's limits. Reads only.
 */
public final class ForecastService {
    /** The most days a forecast runs on virtual time. */
    public static final int MAX_DAYS = 120;

    private ForecastService() {
    }

    /**
     * How to forecast.
     *
     * @param contacts    null for the list as it is; else the number of enrollments (the list repeated with distinct
     *                    synthetic addresses)
     * @param senderType  null for the sender's registered limits (else its type's strictest defaults); a type to
     *                    forecast the same campaign on a number of that type (the registered limits when the
     *                    number is registered as that type, else the type's strictest published limits)
     * @param start       when the campaign would launch
     * @param seed        the seed of the sandbox world the outcomes come from
     * @param orgLimit    the org's API requests per minute (the pacer keeps 3 % headroom)
     * @param dialerLines calls the Genesys dialer places at once
     * @param days        how much virtual time to run at most
     */
    public record Options(Integer contacts, NumberType senderType, Instant start, long seed, int orgLimit,
                         int dialerLines, int days) {
        public Options {
            if (contacts != null && (contacts < 1 || contacts > Forecast.MAX_COPIES)) {
                throw new IllegalArgumentException("--contacts: between 1 and " + Forecast.MAX_COPIES);
            }
            if (orgLimit < 1) {
                throw new IllegalArgumentException("--api-limit: at least 1 request a minute");
            }
            if (dialerLines < 1 || dialerLines > 10_000) {
                throw new IllegalArgumentException("--dialer-lines: between 1 and 10000");
            }
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException("--days: between 1 and " + MAX_DAYS);
            }
        }

        public static Options defaults(Instant start) {
            return new Options(null, null, start, 1, Pacer.DEFAULT_ORG_LIMIT, 5, 60);
        }
    }

    /** Forecasts a campaign of the store (a draft or a running one; nothing is written). */
    public static ForecastReport forecast(Workspace ws, String campaign, Options o, OutcomeModel outcomes,
                                          Forecast.Listener listener, BooleanSupplier cancelled)
            throws CampaignService.CampaignException {
        return Forecast.run(setup(ws, campaign, o, outcomes), listener, cancelled);
    }

    static Forecast.Setup setup(Workspace ws, String name, Options o, OutcomeModel outcomes)
            throws CampaignService.CampaignException {
        CampaignService campaigns = ws.campaigns();
        CampaignRow c = campaigns.campaign(name);
        Sequence seq = campaigns.sequence(c);
        CampaignService.View view = campaigns.view(c);
        List<String> warnings = new ArrayList<>();
        Map<String, Template> templates = new HashMap<>();
        boolean sms = false;
        for (Step step : seq.steps()) {
            if (!(step instanceof Step.Touch t)) {
                continue;
            }
            sms |= t.channel() == Channel.SMS;
            TemplateService.Entry e = ws.templates().current(t.templateId()).orElse(null);
            if (e == null) {
                warnings.add("template " + t.templateId() + " is not in the store: its step is blocked");
                continue;
            }
            TemplateVersion v = e.version();
            if (!v.isApprovedFor(v.template().contentHash())) {
                warnings.add("template " + t.templateId() + " v" + v.template().version() + " is " + v.state()
                        + ": a launch is refused until it is approved (forecast with it as it is)");
            }
            templates.put(t.templateId(), v.template());
        }
        List<Contact> contacts = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Contact> page = ws.contacts().contactsAfter(c.listId(), after, 2_000);
            if (page.isEmpty()) {
                break;
            }
            contacts.addAll(page);
            after = page.getLast().id();
        }
        if (contacts.isEmpty()) {
            throw new CampaignService.CampaignException("List \"" + view.list() + "\" of campaign \"" + name
                    + "\" has no contacts to forecast.");
        }
        SenderLimits limits = null;
        if (sms) {
            if (c.smsFrom() == null) {
                warnings.add("the campaign has SMS steps but no SMS sender");
            } else {
                limits = ws.senders().limits(c.smsFrom(), Map.of());
                if (o.senderType() != null && limits.type() != o.senderType()) {
                    limits = SenderLimits.defaults(c.smsFrom(), o.senderType(), "forecast as a "
                            + o.senderType().label() + " (--sender-type): the published limits of the type, the"
                            + " strictest tier");
                }
            }
        }
        if (limits == null) {
            limits = SenderLimits.unthrottled(c.smsFrom() == null ? "+10000000000" : c.smsFrom(), "no SMS");
        }
        return new Forecast.Setup(c.name(), Purpose.valueOf(c.purpose()), c.lifeSafetyApprovedBy() != null, seq,
                templates, view.variables(), contacts, o.contacts() == null ? 0 : o.contacts(), ws.rulePack(),
                snapshot(ws.suppressions()), limits, Pacer.budgetFor(o.orgLimit()), o.dialerLines(), o.start(),
                Duration.ofDays(o.days()), outcomes, o.seed(), warnings);
    }

    /** The suppression ledger in memory, as of now: the forecast reads it for every touch. */
    static SuppressionView snapshot(SuppressionService suppressions) {
        Map<String, List<Suppression>> byKey = new HashMap<>();
        for (SuppressionService.Entry e : suppressions.recent(Integer.MAX_VALUE)) {
            byKey.computeIfAbsent(e.suppression().key(), k -> new ArrayList<>(1)).add(e.suppression());
        }
        return new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return byKey.getOrDefault(personKey, List.of());
            }

            @Override
            public List<Suppression> forAddress(String address) {
                return byKey.getOrDefault(address, List.of());
            }
        };
    }
}
