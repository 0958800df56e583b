package dev.switchboard.engine.campaigns;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.contacts.CsvCells;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.DayWindow;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.EventRow;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A contact's channel timeline (past attempts with outcomes, blocks and deferrals with their rules, the planned
 * future steps in the contact's local time with the rule delaying each) and the evidence exports.
 */
public final class Timelines {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz",
            Locale.US);
    private static final int PLAN_AHEAD = 8;

    private final EngineRepository repo;
    private final ContactDirectory contacts;
    private final CampaignService campaigns;
    private final Supplier<RulePack> rulePack;
    private final JurisdictionResolver jurisdictions = new JurisdictionResolver();

    private final dev.switchboard.persistence.InboundRepository inbound;

    public Timelines(EngineRepository repo, ContactDirectory contacts, CampaignService campaigns,
                     Supplier<RulePack> rulePack, dev.switchboard.persistence.InboundRepository inbound) {
        this.inbound = inbound;
        this.repo = repo;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.rulePack = rulePack;
    }

    /**
     * One item of a timeline.
     *
     * @param kind  ATTEMPT, BLOCKED, DEFERRED, SKIPPED, EXITED or PLANNED
     * @param local the instant in each of the contact's candidate zones
     */
    public record Item(Instant at, List<String> local, String kind, String campaign, String step, String channel,
                       String state, String outcome, String rule, Instant until, String detail) {
    }

    /** A contact's whole timeline. */
    public record Timeline(long contactId, String list, String externalKey, String name, List<String> zones,
                           String zoneSource, List<Item> past, List<Item> planned) {
    }

    /** The store id of a contact of a list, by its external key. */
    public Optional<Long> contactId(String list, String externalKey) {
        return contacts.list(list).flatMap(l -> contacts.contacts(l.list().id(),
                new dev.switchboard.engine.contacts.ContactFilter(externalKey), 0, 50).stream()
                .filter(c -> c.data().externalKey().equals(externalKey)).findFirst()).map(Contact::id);
    }

    public Optional<Timeline> timeline(long contactId, SuppressionView suppressions, Instant now) {
        Optional<Contact> found = contacts.contact(contactId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = found.get();
        Candidates cand = Candidates.of(contact.data(), jurisdictions);
        Map<Long, String> names = new HashMap<>();
        List<Item> past = new ArrayList<>();
        for (AttemptRow a : repo.attemptsOfContact(contactId)) {
            past.add(new Item(a.createdAt(), local(a.createdAt(), cand.zones()), "ATTEMPT", name(names,
                    a.campaignId()), a.stepId(), a.channel(), a.state(), a.outcome(), null, null,
                    "attempt " + a.attemptNo() + " to " + StepRunner.mask(a.address())
                            + (a.reason() == null ? "" : "; " + a.reason())
                            + (a.settledBy() == null ? "" : "; " + a.settledBy())));
        }
        for (EventRow e : repo.eventsOfContact(contactId)) {
            past.add(new Item(e.at(), local(e.at(), cand.zones()), e.kind(), name(names, e.campaignId()), e.stepId(),
                    e.channel(), null, null, e.rule(), e.until(), e.detail()));
        }
        for (var in : inbound.ofContact(contactId)) {
            StringBuilder d = new StringBuilder(in.source());
            if (in.address() != null) {
                d.append(" from ").append(StepRunner.mask(in.address()));
            }
            d.append(": ").append(in.outcome() == null ? "not processed yet" : in.outcome());
            for (var reply : inbound.repliesToEvent(in.id())) {
                String kind = reply.kind().toLowerCase(Locale.ROOT);
                String state = reply.state().toLowerCase(Locale.ROOT);
                // the outcome names the reply as it was sent ("confirmation sent"); a later state is added
                if (in.outcome() == null || !in.outcome().contains(kind + " " + state)) {
                    d.append("; ").append(kind).append(" reply ").append(state);
                }
            }
            past.add(new Item(in.occurredAt(), local(in.occurredAt(), cand.zones()), "INBOUND",
                    in.campaignId() == null ? null : name(names, in.campaignId()), null, null, null,
                    in.kind(), null, null, d.toString()));
        }
        past.sort(Comparator.comparing(Item::at));
        List<Item> planned = new ArrayList<>();
        for (EnrollmentRow en : repo.enrollmentsOfContact(contactId)) {
            if (en.status().equals("DONE")) {
                continue;
            }
            CampaignRow c = repo.campaign(en.campaignId()).orElseThrow();
            planned.addAll(plan(en, c, contact, cand, suppressions, now));
        }
        String list = contacts.lists().stream().filter(l -> l.list().id() == contact.listId())
                .map(l -> l.list().name()).findFirst().orElse("");
        return Optional.of(new Timeline(contactId, list, contact.data().externalKey(), contact.data().displayName(),
                cand.zones().stream().map(ZoneId::getId).toList(), contact.data().timeZones().source().name()
                .toLowerCase(Locale.ROOT), past, planned));
    }

    /**
     * The enrollment's next steps: the current one at its due instant, then the path it takes if every touch is
     * delivered, each touch moved by the gate's window and holiday rules (suppressions included; caps are not
     * projected because they depend on what happens meanwhile).
     */
    private List<Item> plan(EnrollmentRow en, CampaignRow c, Contact contact, Candidates cand,
                            SuppressionView suppressions, Instant now) {
        List<Item> out = new ArrayList<>();
        String campaignState = c.state().toLowerCase(Locale.ROOT);
        Sequence seq;
        try {
            seq = campaigns.sequence(c);
        } catch (CampaignService.CampaignException e) {
            return out;
        }
        if (en.status().equals("HELD")) {
            out.add(new Item(now, local(now, cand.zones()), "PLANNED", c.name(), en.stepId(), null, "held", null,
                    "send-protocol.unknown", null, "an attempt's outcome is unknown; it waits for reconciliation or"
                    + " an operator (switchboard queue list)"));
            return out;
        }
        EnrollmentState state = Progress.read(en.state(), contact, en.sequenceVersion(), cand.zones(),
                Optional.empty());
        Instant at = en.dueAt() == null ? now : en.dueAt().isBefore(now) ? now : en.dueAt();
        String reason = en.status().equals("AWAITING") ? "waiting for the delivery receipt"
                : latestDeferral(contact.id(), en).orElse(null);
        Planner planner = new Planner(CapCheck.NONE);
        RulePack pack = rulePack.get();
        for (int i = 0; i < PLAN_AHEAD; i++) {
            Optional<Step> step = state.currentStep().flatMap(seq::step);
            PlanStep next;
            if (step.isEmpty()) {
                next = planner.plan(state, seq, new Signal.Start(), at);
            } else if (step.get() instanceof Step.Touch t) {
                Instant when = at;
                String rule = i == 0 ? reason : null;
                if (t.channel() != Channel.VOICE) {
                    Optional<String> address = StepRunner.address(contact, t.channel());
                    if (address.isPresent()) {
                        Decision d = ComplianceGate.decide(new GateRequest(contact.id(), cand.zones(), cand.states(),
                                contact.data().consents(), t.channel(), address.get(), at, Purpose.valueOf(c.purpose()),
                                t.window().map(w -> new DayWindow(w.start(), w.end())).orElse(null), null, c.name(),
                                null, null, StepRunner.personKeys(contact), c.lifeSafetyApprovedBy() != null),
                                suppressions, PressureView.NONE, pack);
                        if (d instanceof Decision.Deferred def) {
                            when = def.until();
                            rule = def.rule();
                        } else if (d instanceof Decision.Blocked b) {
                            out.add(new Item(at, local(at, cand.zones()), "PLANNED", c.name(), t.id(),
                                    t.channel().name(), "would be blocked", null, b.rule(), null,
                                    "the gate would block this touch now"));
                            return out;
                        }
                    }
                }
                out.add(new Item(when, local(when, cand.zones()), "PLANNED", c.name(), t.id(), t.channel().name(),
                        i == 0 ? en.status().toLowerCase(Locale.ROOT) + (campaignState.equals("running") ? ""
                                : " (campaign " + campaignState + ")") : "then", null, rule, null,
                        i == 0 && en.status().equals("AWAITING") ? reason : t.channel() == Channel.VOICE
                                ? "placed in the Genesys dialer's list inside its calling hours; the dialer calls" : null));
                next = planner.plan(state, seq, new Signal.Result(Outcome.DELIVERED, Optional.empty()), when);
            } else {
                if (i == 0) {
                    out.add(new Item(at, local(at, cand.zones()), "PLANNED", c.name(), step.get().id(), null,
                            "waiting", null, reason, null, "a wait step ends"));
                }
                next = planner.plan(state, seq, new Signal.Elapsed(), at);
            }
            switch (next) {
                case PlanStep.Exited x -> {
                    out.add(new Item(at, local(at, cand.zones()), "PLANNED", c.name(), x.exitStep().orElse(null), null,
                            "exit", null, null, null, x.reason()));
                    return out;
                }
                case PlanStep.Next n -> {
                    state = n.state();
                    at = n.due();
                }
            }
        }
        return out;
    }

    private Optional<String> latestDeferral(long contactId, EnrollmentRow en) {
        List<EventRow> events = repo.eventsOfContact(contactId);
        for (int i = events.size() - 1; i >= 0; i--) {
            EventRow e = events.get(i);
            if (e.enrollmentId() == en.id() && e.kind().equals("DEFERRED") && en.stepId() != null
                    && en.stepId().equals(e.stepId())) {
                return Optional.of(e.rule());
            }
        }
        return Optional.empty();
    }

    // ---- explain --------------------------------------------------------------------------------------------------

    /** One rule the gate evaluated. */
    public record Rule(String rule, String verdict, String reason, String inputs) {
    }

    /** The gate's decision for one contact, channel and instant, with every rule it evaluated. */
    public record Explanation(String contactKey, String name, String channel, String address, Instant at,
                              String pack, String decision, Instant until, String rule, List<Rule> trace,
                              String text) {
    }

    /**
     * Why the gate would allow, defer or block a touch: against the suppression ledger and the pressure ledger of
     * real attempts. {@code text} is the human-readable form with times in {@code viewer}.
     */
    public Explanation explain(String list, String key, Channel channel, Instant at, Purpose purpose,
                               SuppressionView suppressions, ZoneId viewer) {
        long id = contactId(list, key).orElseThrow(() -> new IllegalArgumentException(
                contacts.list(list).isEmpty() ? "no list named \"" + list + "\""
                        : "list \"" + list + "\" has no contact with key " + key));
        Contact c = contacts.contact(id).orElseThrow();
        String address = StepRunner.address(c, channel).orElseThrow(() -> new IllegalArgumentException(key
                + " has no " + (channel == Channel.EMAIL ? "email address" : "phone number")));
        Candidates cand = Candidates.of(c.data(), jurisdictions);
        Decision d = ComplianceGate.decide(new GateRequest(c.id(), cand.zones(), cand.states(), c.data().consents(),
                channel, address, at, purpose, null, null, null, null, null, StepRunner.personKeys(c), false),
                suppressions, new LedgerPressure(repo), rulePack.get());
        List<Rule> trace = d.trace().evaluations().stream().map(e -> new Rule(e.ruleId(),
                e.verdict().name().toLowerCase(Locale.ROOT), e.reason(), e.inputs())).toList();
        return new Explanation(key, c.data().displayName(), channel.name().toLowerCase(Locale.ROOT), address, at,
                d.packVersion(), d.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                d instanceof Decision.Deferred def ? def.until() : null,
                d instanceof Decision.Deferred def ? def.rule() : d instanceof Decision.Blocked b ? b.rule() : null,
                trace, dev.switchboard.engine.rules.ExplainFormatter.format(d, viewer));
    }

    // ---- evidence -------------------------------------------------------------------------------------------------

    private static final String[] EVIDENCE_HEADER = {"campaign", "contact_key", "attempt_id", "step", "attempt_no",
        "channel", "address", "state", "outcome", "at_utc", "at_local", "time_zones", "time_zone_source",
        "rule_pack", "template", "content_sha256", "template_approval", "conversation_id", "message_id",
        "settled_by", "reason"};

    /** Every attempt to one contact, in local time and UTC, with the rule pack, zone source and template approval. */
    public int evidenceForContact(long contactId, Writer out) throws IOException {
        return evidence(repo.attemptsOfContact(contactId), out, false);
    }

    /** Every attempt of one campaign, with full addresses. */
    public int evidenceForCampaign(String campaign, Writer out) throws IOException, CampaignService.CampaignException {
        return evidenceForCampaign(campaign, out, false);
    }

    /**
     * Every attempt of one campaign; {@code masked}: phone numbers keep their last 4 digits and emails lose their
     * local part, in the address and in the free-text columns (a bulk export needs no full addresses).
     */
    public int evidenceForCampaign(String campaign, Writer out, boolean masked)
            throws IOException, CampaignService.CampaignException {
        CampaignRow c = campaigns.campaign(campaign);
        List<AttemptRow> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AttemptRow> page = repo.attemptsOfCampaign(c.id(), after, 5_000);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.getLast().id();
        }
        return evidence(all, out, masked);
    }

    private int evidence(List<AttemptRow> attempts, Writer out, boolean masked) throws IOException {
        java.util.function.UnaryOperator<String> show = masked ? dev.switchboard.model.redact.LogMask::text
                : s -> s;
        Map<Long, String> names = new HashMap<>();
        Map<Long, Contact> cache = new LinkedHashMap<>();
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(EVIDENCE_HEADER);
        for (AttemptRow a : attempts) {
            Contact contact = cache.computeIfAbsent(a.contactId(), id -> contacts.contact(id).orElse(null));
            List<ZoneId> zones = contact == null ? List.of() : Candidates.of(contact.data(), jurisdictions).zones();
            csv.writeRecord(CsvCells.safe(name(names, a.campaignId())),
                    CsvCells.safe(contact == null ? "#" + a.contactId() : contact.data().externalKey()),
                    String.valueOf(a.id()), CsvCells.safe(a.stepId()), String.valueOf(a.attemptNo()), a.channel(),
                    CsvCells.safe(masked ? dev.switchboard.model.redact.LogMask.address(a.address()) : a.address()),
                    a.state(), a.outcome() == null ? "" : a.outcome(),
                    a.createdAt().toString(), String.join(" | ", local(a.createdAt(), zones)),
                    zones.stream().map(ZoneId::getId).reduce((x, y) -> x + " " + y).orElse(""),
                    contact == null ? "" : contact.data().timeZones().source().name().toLowerCase(Locale.ROOT),
                    a.packVersion() == null ? "" : a.packVersion(), CsvCells.safe(a.templateKey()),
                    a.contentHash() == null ? "" : a.contentHash(), CsvCells.safe(show.apply(a.evidence())),
                    a.conversationId() == null ? "" : a.conversationId(),
                    a.messageId() == null ? "" : a.messageId(), CsvCells.safe(show.apply(a.settledBy())),
                    CsvCells.safe(show.apply(a.reason())));
        }
        csv.flush();
        return attempts.size();
    }

    private String name(Map<Long, String> names, long campaignId) {
        return names.computeIfAbsent(campaignId, id -> repo.campaign(id).map(CampaignRow::name).orElse("#" + id));
    }

    static List<String> local(Instant at, List<ZoneId> zones) {
        return zones.stream().map(z -> LOCAL.format(at.atZone(z))).toList();
    }
}
