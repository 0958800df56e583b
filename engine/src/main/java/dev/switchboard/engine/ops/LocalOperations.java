package dev.switchboard.engine.ops;

import dev.switchboard.persistence.EngineRepository;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operations over an open workspace: inside the engine process (with its engine) or in a command that found no
 * engine running (without one).
 */
public final class LocalOperations implements Operations {
    private final Workspace workspace;
    private final Engine engine;
    private final Supplier<CampaignService.OrgFacts> orgFacts;
    private final Clock clock;

    /**
     * @param engine   the running engine, or null
     * @param orgFacts what the org offers, for launch checks (may connect to the org; may return null)
     * @param clock    the engine's clock (virtual on a fast sandbox), for "now" in timelines and stats
     */
    public LocalOperations(Workspace workspace, Engine engine, Supplier<CampaignService.OrgFacts> orgFacts,
                           Clock clock) {
        this.workspace = workspace;
        this.engine = engine;
        this.orgFacts = orgFacts;
        this.clock = clock;
    }

    @Override
    public String via() {
        return engine == null ? "store" : "engine";
    }

    @Override
    public List<CampaignService.View> campaigns() {
        return workspace.campaigns().all();
    }

    @Override
    public CampaignService.View create(Credentials as, CampaignService.Spec spec) throws OperationException {
        Actor actor = actor(as);
        try {
            return workspace.campaigns().create(actor, spec);
        } catch (PermissionDeniedException e) {
            throw new OperationException(OperationException.Kind.DENIED, e.getMessage());
        } catch (CampaignService.CampaignException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        }
    }

    @Override
    public CampaignService.LaunchReport launch(Credentials as, String campaign) throws OperationException {
        Actor actor = actor(as);
        CampaignService.OrgFacts facts;
        try {
            facts = engine != null ? engine.orgFacts() : orgFacts.get();
        } catch (RuntimeException e) {
            throw new OperationException(OperationException.Kind.UNAVAILABLE, "Cannot reach the Genesys org for the"
                    + " launch checks: " + e.getMessage());
        }
        try {
            return workspace.campaigns().launch(actor, campaign, facts);
        } catch (PermissionDeniedException e) {
            throw new OperationException(OperationException.Kind.DENIED, e.getMessage());
        } catch (CampaignService.CampaignException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        }
    }

    @Override
    public CampaignService.View approveLifeSafety(Credentials as, String campaign, String reason)
            throws OperationException {
        return control(as, s -> s.approveLifeSafety(actor(as), campaign, reason));
    }

    @Override
    public CampaignService.View pause(Credentials as, String campaign, String reason) throws OperationException {
        return control(as, s -> s.pause(actor(as), campaign, reason));
    }

    @Override
    public CampaignService.View resume(Credentials as, String campaign, String reason, boolean acknowledge)
            throws OperationException {
        return control(as, s -> s.resume(actor(as), campaign, reason, acknowledge));
    }

    @Override
    public CampaignService.View stop(Credentials as, String campaign, String reason) throws OperationException {
        return control(as, s -> s.stop(actor(as), campaign, reason));
    }

    @Override
    public void killSwitch(Credentials as, boolean on, String reason) throws OperationException {
        control(as, s -> {
            s.killSwitch(actor(as), on, reason);
            return null;
        });
    }

    @Override
    public boolean killSwitchOn() {
        return workspace.campaigns().killSwitchOn();
    }

    @Override
    public CampaignService.Stats stats(String campaign) throws OperationException {
        try {
            return workspace.campaigns().stats(campaign, clock.instant());
        } catch (CampaignService.CampaignException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        }
    }

    @Override
    public Optional<Engine.Status> engineStatus() {
        return Optional.ofNullable(engine).map(Engine::status);
    }

    @Override
    public Timelines.Timeline timeline(String list, String contactKey) throws OperationException {
        Timelines t = workspace.timelines();
        long id = t.contactId(list, contactKey).orElseThrow(() -> new OperationException(
                OperationException.Kind.INPUT, "No contact " + contactKey + " in list \"" + list + "\"."));
        return t.timeline(id, workspace.suppressions().view(), clock.instant()).orElseThrow();
    }

    @Override
    public List<QueueItem> queue() {
        return workspace.operatorQueue();
    }

    @Override
    public Timelines.Explanation explain(String list, String contactKey, String channel, java.time.Instant at,
                                         String purpose, java.time.ZoneId viewer) throws OperationException {
        try {
            return workspace.timelines().explain(list, contactKey,
                    dev.switchboard.model.contact.Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT)),
                    at == null ? clock.instant() : at,
                    dev.switchboard.model.compliance.Purpose.valueOf(purpose.toUpperCase(java.util.Locale.ROOT)),
                    workspace.suppressions().view(), viewer);
        } catch (IllegalArgumentException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        }
    }

    @Override
    public void settle(Credentials as, long attemptId, boolean sent, String reason) throws OperationException {
        Actor actor = actor(as);
        try {
            workspace.settleByOperator(actor, attemptId, sent, reason, clock.instant());
        } catch (PermissionDeniedException e) {
            throw new OperationException(OperationException.Kind.DENIED, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        }
        if (engine != null) {
            engine.wake();
        }
    }

    @Override
    public String evidence(String list, String key, Credentials unmaskedBy) throws OperationException {
        Timelines t = workspace.timelines();
        StringWriter out = new StringWriter();
        try {
            if (list == null) {
                boolean unmasked = unmaskedBy != null;
                if (unmasked) {
                    Actor actor = actor(unmaskedBy);
                    dev.switchboard.model.user.Role role = actor.profile().role();
                    if (role != dev.switchboard.model.user.Role.ADMIN
                            && role != dev.switchboard.model.user.Role.COMPLIANCE) {
                        throw new OperationException(OperationException.Kind.DENIED, actor.name() + " (" + role
                                + ") may not export a campaign's evidence with full addresses: that takes a"
                                + " compliance or admin profile.");
                    }
                    workspace.audit().append(actor.name(), actor.osLogin(), "evidence.export-unmasked", key,
                            "campaign evidence exported with full addresses", clock.instant());
                }
                t.evidenceForCampaign(key, out, !unmasked);
            } else {
                long id = t.contactId(list, key).orElseThrow(() -> new OperationException(
                        OperationException.Kind.INPUT, "No contact " + key + " in list \"" + list + "\"."));
                t.evidenceForContact(id, out);
            }
        } catch (CampaignService.CampaignException e) {
            throw new OperationException(OperationException.Kind.INPUT, e.getMessage());
        } catch (IOException e) {
            throw new OperationException(OperationException.Kind.UNAVAILABLE, e.getMessage());
        }
        return out.toString();
    }

    @Override
    public void close() {
        // the workspace and the engine belong to whoever made them
    }

    private Actor actor(Credentials as) throws OperationException {
        if (as == null || as.name() == null || as.password() == null) {
            throw new OperationException(OperationException.Kind.DENIED, "This needs a profile: --as NAME, with the"
                    + " password from $SWITCHBOARD_PASSWORD or standard input.");
        }
        try {
            return workspace.users().authenticate(as.name(), as.password().toCharArray());
        } catch (PermissionDeniedException e) {
            throw new OperationException(OperationException.Kind.DENIED, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Control<T> {
        T apply(CampaignService s) throws PermissionDeniedException, CampaignService.CampaignException,
                OperationException;
    }

    private <T> T control(Credentials as, Control<T> c) throws OperationException {
        try {
            return c.apply(workspace.campaigns());
        } catch (PermissionDeniedException e) {
            throw new OperationException(OperationException.Kind.DENIED, e.getMessage());
        } catch (CampaignService.CampaignException e) {
            throw new OperationException(OperationException.Kind.REFUSED, e.getMessage());
        }
    }

    @Override
    public List<IntakeResult> intake(List<IntakeEvent> events, String source) {
        List<IntakeResult> out = new java.util.ArrayList<>();
        for (IntakeEvent e : events) {
            out.add(intakeOne(e, source == null || source.isBlank() ? "intake" : source));
        }
        return out;
    }

    private IntakeResult intakeOne(IntakeEvent e, String source) {
        String type = e.type() == null ? "" : e.type().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (type.equals("PAYMENT")) {
            type = "CONVERSION";
        }
        String id = e.id();
        if (!java.util.Set.of("CONVERSION", "OPT_OUT", "BOUNCE", "UNSUBSCRIBE", "ENROLL").contains(type)) {
            return new IntakeResult(id, e.type(), "rejected", "type: \"" + e.type() + "\" is not one of conversion"
                    + " (payment), opt_out, bounce, unsubscribe, enroll");
        }
        EngineRepository.CampaignRow campaign = null;
        if (e.campaign() != null && !e.campaign().isBlank()) {
            campaign = workspace.engineRepository().campaign(e.campaign().strip()).orElse(null);
            if (campaign == null) {
                return new IntakeResult(id, type, "rejected", "campaign: no campaign named \"" + e.campaign() + "\"");
            }
        } else if (type.equals("ENROLL")) {
            return new IntakeResult(id, type, "rejected", "campaign: an enroll event names the campaign");
        }
        Long contactId = null;
        String address = null;
        if (type.equals("BOUNCE") || type.equals("UNSUBSCRIBE")) {
            if (e.email() == null || !e.email().contains("@")) {
                return new IntakeResult(id, type, "rejected", "email: a " + type.toLowerCase(java.util.Locale.ROOT)
                        + " names the email address");
            }
            address = e.email().strip().toLowerCase(java.util.Locale.ROOT);
        } else {
            if (e.contact() == null || e.contact().isBlank()) {
                return new IntakeResult(id, type, "rejected", "contact: the contact's external key is missing");
            }
            java.util.List<Long> found = new java.util.ArrayList<>();
            for (var l : workspace.contacts().lists()) {
                boolean inScope = e.list() != null && !e.list().isBlank() ? l.list().name().equals(e.list().strip())
                        : campaign == null || l.list().id() == campaign.listId();
                if (inScope) {
                    workspace.contactRows().byKey(l.list().id(), e.contact().strip())
                            .ifPresent(c -> found.add(c.id()));
                }
            }
            if (found.isEmpty()) {
                return new IntakeResult(id, type, "rejected", "contact: no contact with key \"" + e.contact() + "\""
                        + (campaign != null ? " in the list of campaign " + campaign.name()
                        : e.list() != null ? " in list " + e.list() : ""));
            }
            if (found.size() > 1) {
                return new IntakeResult(id, type, "rejected", "contact: key \"" + e.contact() + "\" is in "
                        + found.size() + " lists; name the list or the campaign");
            }
            contactId = found.getFirst();
            if (type.equals("OPT_OUT")) {
                address = workspace.contacts().contact(contactId).flatMap(c -> c.data().phones().stream()
                        .findFirst().map(dev.switchboard.model.contact.Phone::e164)).orElse(null);
            }
        }
        if (id == null || id.isBlank()) {
            id = type + ":" + (contactId != null ? "c" + contactId : address) + ":" + (campaign == null ? ""
                    : campaign.id()) + ":" + (e.occurredAt() == null ? clock.instant() : e.occurredAt());
        }
        String body = e.note() == null ? null : e.note();
        Long campaignId = campaign == null ? null : campaign.id();
        java.util.Optional<?> row;
        if (engine != null) {
            row = engine.intake(id, source, type, contactId, campaignId, address, body, e.occurredAt());
        } else {
            row = workspace.inbound().record(id, source, type, contactId, campaignId, address, body,
                    e.occurredAt() == null ? clock.instant() : e.occurredAt(), clock.instant());
        }
        return new IntakeResult(id, type, row.isPresent() ? "accepted" : "duplicate", row.isPresent()
                ? (engine != null ? "processed by the engine" : "recorded; the engine processes it when it starts")
                : "an event with this id was received before");
    }
}
