package dev.switchboard.engine.campaigns;

import dev.switchboard.genesys.Campaigns;
import dev.switchboard.genesys.Contacts;
import dev.switchboard.genesys.DomainRef;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.Org;
import dev.switchboard.model.compliance.CallableTimes;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.DialerResult;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.persistence.DialerRepository;
import dev.switchboard.persistence.DialerRepository.PlacementRow;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.Move;
import dev.switchboard.persistence.EngineRepository.Settle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Voice through the Genesys dialer. A voice touch injects the contact, with the one number the gate allowed, into
 * the contact list of the campaign's Genesys voice campaign (created once per campaign, with a callable time set
 * no looser than the rule pack); from then on the dialer decides when to call, so the engine only injects what the
 * gate allows for the whole span the contact may wait there, and takes it out again (uncallable, then deleted)
 * when that span ends, the campaign pauses or stops, or the person converts or opts out. Each injection is one
 * attempt, so each dialer call is one pressure-ledger entry; its result comes back as a wrap-up code
 * ({@code callRecords}, read in bulk; the post-contact notification only makes the engine look sooner) and is
 * mapped to the sequence's outcomes by {@link DialerResult}.
 *
 * <p>Crash safety: the attempt's intent is committed before the add; the Genesys contact id is derived from the
 * attempt ({@code sb-a<attempt id>}), so a retried add updates instead of duplicating, and the reconciler can ask
 * Genesys whether an UNKNOWN injection arrived ({@link #reconcile}).
 */
final class VoiceDialer {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceDialer.class);

    static final String LIST = "VOICE_LIST";
    static final String CAMPAIGN = "VOICE_CAMPAIGN";
    static final String PHONE = "phone";
    static final String ZONE = "timeZone";
    static final String REF = "switchboardRef";
    /** How often a waiting injection is looked at without news (engine time); notifications bring results sooner. */
    static final Duration POLL = Duration.ofMinutes(15);
    /** An injection must be allowed for at least this long, or the engine waits for the next window instead. */
    static final Duration MIN_SPAN = Duration.ofMinutes(20);
    /** The longest an injection waits at the dialer before it is withdrawn and re-checked. */
    static final Duration MAX_SPAN = Duration.ofHours(4);
    /** The gate is probed at this step to find how long an injection stays allowed. */
    static final Duration PROBE_STEP = Duration.ofMinutes(5);

    /** One contact to inject (phase 1 committed its intent). */
    record Injection(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence, EnrollmentState state,
                     Step.Touch touch, long attemptId, String number, ZoneId zone, Instant expiresAt) {
    }

    /** One waiting injection to look at. */
    record Check(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence, EnrollmentState state,
                 AttemptRow attempt) {
    }

    /**
     * Whether voice steps go to the dialer: yes, unless {@code -Dswitchboard.voice.dialer=false} (then voice steps
     * are recorded as skipped, rule voice.dialer, and the sequence follows its failure path).
     */
    static boolean enabled() {
        return !"false".equals(System.getProperty("switchboard.voice.dialer"));
    }

    private final EngineContext ctx;
    private final DialerRepository placements;
    private final Planner planner = new Planner(CapCheck.NONE);
    private volatile Map<String, String> codeNames = Map.of();
    private volatile Map<String, List<String>> codeFlags = Map.of();
    private volatile long codesReadAt;

    /**
     * Held by everything that reads placements, asks Genesys about their contacts and then acts on what it saw
     * (results, the removal of called contacts before a restart, withdrawals, housekeeping). Without it a result
     * check could read a placement, then its contact after another thread had removed it from the list (noting
     * the call on the placement), and record the call as never made: the person was called again on the next
     * attempt (found by FaultEngineTest, where 429 pauses stretch the gap between the two reads).
     */
    private final java.util.concurrent.locks.ReentrantLock placementLock = new java.util.concurrent.locks.ReentrantLock();

    VoiceDialer(EngineContext ctx, DialerRepository placements) {
        this.ctx = ctx;
        this.placements = placements;
    }

    // ---- setup ----------------------------------------------------------------------------------------------------

    /** The org's callable time sets that are no looser than the pack; the first one is used. */
    static Optional<Org.CallableTimeSet> fittingTimeSet(List<Org.CallableTimeSet> sets, RulePack pack,
                                                       List<String> problems) {
        for (Org.CallableTimeSet s : sets) {
            List<String> p = CallableTimes.problems(pack, slots(s));
            if (p.isEmpty()) {
                return Optional.of(s);
            }
            problems.add("\"" + s.name() + "\": " + String.join("; ", p));
        }
        return Optional.empty();
    }

    static List<CallableTimes.Slot> slots(Org.CallableTimeSet s) {
        List<CallableTimes.Slot> out = new ArrayList<>();
        if (s.callableTimes() != null) {
            for (Org.CallableTime ct : s.callableTimes()) {
                if (ct.timeSlots() == null) {
                    continue;
                }
                for (Org.TimeSlot slot : ct.timeSlots()) {
                    out.add(new CallableTimes.Slot(slot.day() == null ? 0 : slot.day(),
                            LocalTime.parse(slot.startTime()), LocalTime.parse(slot.stopTime())));
                }
            }
        }
        return out;
    }

    /** The caller id a campaign's voice calls show: {@code caller_id}, else {@code callback_number}, else SMS from. */
    static Optional<String> callerAddress(CampaignRow c) {
        Map<String, String> vars = CampaignService.read(c.variables());
        String v = vars.getOrDefault("caller_id", vars.get("callback_number"));
        if (v == null || v.isBlank()) {
            v = c.smsFrom();
        }
        return Optional.ofNullable(v).map(s -> s.replaceAll("[^+0-9]", "")).filter(s -> s.length() >= 8);
    }

    /** The Genesys contact list and voice campaign of a campaign, created on first use. */
    record Resources(String listId, String campaignId) {
    }

    synchronized Resources resources(CampaignRow c) {
        GenesysClient client = ctx.client();
        Instant now = ctx.now();
        String listId = placements.object(c.id(), LIST).orElse(null);
        if (listId == null) {
            Contacts.DialerContactList list = client.contacts().createContactList(Contacts.DialerContactList.create(
                    clip("Switchboard " + c.id() + " " + c.name() + " voice", 64), List.of(REF, PHONE, ZONE),
                    List.of(new Contacts.PhoneColumn(PHONE, "cell")), List.of()));
            listId = placements.putObject(c.id(), LIST, list.id(), list.name(), now);
        }
        String campaignId = placements.object(c.id(), CAMPAIGN).orElse(null);
        if (campaignId == null) {
            List<String> problems = new ArrayList<>();
            Org.CallableTimeSet set = fittingTimeSet(client.organization().callableTimeSets(), ctx.pack(), problems)
                    .orElseThrow(() -> new IllegalStateException("no callable time set of the org fits the rule pack"
                            + " (" + String.join(" | ", problems) + ")"));
            String caller = callerAddress(c).orElseThrow(() -> new IllegalStateException(
                    "the campaign has no caller id (variable caller_id or callback_number)"));
            Campaigns.VoiceCampaign created = client.campaigns().createVoiceCampaign(new Campaigns.VoiceCampaign(
                    null, clip("Switchboard " + c.id() + " " + c.name(), 64), null, "off", DomainRef.of(listId), null,
                    "agentless", List.of(new Contacts.PhoneColumn(PHONE, "cell")), dncLists(), DomainRef.of(set.id()),
                    null, clip(CampaignService.read(c.variables()).getOrDefault("company_name", c.name()), 64),
                    caller));
            campaignId = placements.putObject(c.id(), CAMPAIGN, created.id(), "time set " + set.name(), now);
            ctx.emit(new EngineEvent(now, "DIALER", c.id(), 0, null, "Genesys voice campaign created with the callable"
                    + " time set \"" + set.name() + "\""));
        }
        return new Resources(listId, campaignId);
    }

    /** The org's DNC lists every dialer campaign carries (the engine's own opt-out list among them). */
    private List<DomainRef> dncLists() {
        return ctx.dncLists().stream().map(DomainRef::of).toList();
    }

    // ---- injection (phase 2, one request per 1000 contacts) -------------------------------------------------------

    void inject(long campaignId, List<Injection> items) {
        if (items.isEmpty()) {
            return;
        }
        CampaignRow c = items.getFirst().campaign();
        Resources r;
        try {
            r = resources(c);
        } catch (RuntimeException e) {
            String why = "the Genesys voice campaign could not be set up: " + e.getMessage();
            if (passing(e)) {
                // a passing failure (network, 5xx, a 429 beyond the client's patience, a 401 that raced a token
                // revocation) is retried like a send's, and counted: the circuit breaker pauses the campaign if it
                // persists. Pausing at once made one unlucky request stop a whole campaign (found by
                // FaultEngineTest: tokens revoked while 429s held the request bucket)
                for (Injection i : items) {
                    notPlaced(i, why, Duration.ofSeconds(30));
                }
                ctx.breaker(campaignId, e instanceof GenesysApiException g && g.status() == 429
                        ? CircuitBreakers.Kind.RATE_LIMITED : CircuitBreakers.Kind.CALL_ERROR);
                return;
            }
            for (Injection i : items) {
                notPlaced(i, why, Duration.ZERO);
            }
            ctx.pauseCampaign(campaignId, why);
            return;
        }
        List<Contacts.DialerContact> contacts = new ArrayList<>();
        for (Injection i : items) {
            ctx.journal().started(i.attemptId());
            Map<String, String> data = new LinkedHashMap<>();
            data.put(REF, "a" + i.attemptId());
            data.put(PHONE, i.number());
            data.put(ZONE, i.zone().getId());
            contacts.add(Contacts.DialerContact.of(genesysId(i.attemptId()), r.listId(), data).withCallable(true));
        }
        ctx.probe("before-call");
        try {
            ctx.client().contacts().addContacts(r.listId(), contacts);
        } catch (RuntimeException e) {
            // an id-keyed add is an upsert: the reconciler asks Genesys which contacts arrived
            for (Injection i : items) {
                ctx.repo().markUnknown(i.attemptId(), "the dialer list add failed (" + e.getClass().getSimpleName()
                        + "): it may have arrived", i.row().id(), ctx.now());
            }
            ctx.wakeReconciler();
            return;
        }
        ctx.probe("after-call");
        Instant now = ctx.now();
        for (Injection i : items) {
            ctx.journal().answered(i.attemptId(), r.listId(), genesysId(i.attemptId()));
            try {
                placed(i, r.listId(), now);
            } catch (RuntimeException e) {
                // the contact is in the list: the reconciler records the placement from Genesys
                LOG.warn("placement of attempt {} not recorded: {}", i.attemptId(), e.toString());
                ctx.repo().markUnknown(i.attemptId(), "placed in the dialer's list, but recording it failed",
                        i.row().id(), now);
                ctx.wakeReconciler();
            }
        }
        ensureOn(c, r);
    }

    /** Whether a failed Genesys call may well succeed when tried again (as opposed to a setup or permission fault). */
    static boolean passing(RuntimeException e) {
        if (e instanceof dev.switchboard.genesys.GenesysTransportException) {
            return true;
        }
        return e instanceof GenesysApiException g && (g.status() == 401 || g.status() == 408 || g.status() == 429
                || g.status() >= 500);
    }

    private void placed(Injection i, String listId, Instant now) {
        LOG.debug("attempt {} placed as {} until {}", i.attemptId(), genesysId(i.attemptId()), i.expiresAt());
        placements.place(i.attemptId(), i.row().id(), i.campaign().id(), i.row().contactId(), listId,
                genesysId(i.attemptId()), i.number(), now, i.expiresAt());
        Instant due = min(i.expiresAt(), now.plus(POLL));
        ctx.repo().recordResult(i.attemptId(), Set.of("INTENT"), new Settle("SENT", listId, genesysId(i.attemptId()),
                null, "placed in the dialer's list until " + i.expiresAt(), null), i.row().id(), i.version(),
                new Move("AWAITING", i.touch().id(), due, Progress.write(i.state()), null), now);
        ctx.countSend();
        ctx.breaker(i.campaign().id(), CircuitBreakers.Kind.SEND);
        ctx.emit(new EngineEvent(now, "PLACED", i.campaign().id(), i.row().contactId(), i.touch().id(),
                "voice: " + StepRunner.mask(i.number()) + " handed to the Genesys dialer until " + i.expiresAt()));
    }

    private void notPlaced(Injection i, String why, Duration retryAfter) {
        Instant now = ctx.now();
        ctx.repo().recordResult(i.attemptId(), Set.of("INTENT"), new Settle("NOT_SENT", null, null, null, why,
                "engine"), i.row().id(), i.version(), new Move("READY", i.touch().id(), now.plus(retryAfter),
                Progress.write(i.state()), null), now);
    }

    /**
     * Starts the Genesys campaign if it is not on, after taking out what must not be called again. Under the
     * placement lock, so one thread at a time (two sender threads once both read "complete" before either started
     * it: the second start, after the first cycle had already called everyone, began a new cycle over contacts the
     * first removal pass had not seen called, and the dialer called them twice).
     */
    private void ensureOn(CampaignRow c, Resources r) {
        // read every time: the dialer turns a campaign "complete" as soon as its list runs out
        placementLock.lock();
        try {
            Campaigns.VoiceCampaign vc = ctx.client().campaigns().getVoiceCampaign(r.campaignId());
            if (!"on".equals(vc.campaignStatus())) {
                if ("stopping".equals(vc.campaignStatus()) || "forced_stopping".equals(vc.campaignStatus())) {
                    return; // started by the next batch
                }
                // a restarted campaign goes over its whole list again: nothing already called may stay in it
                LOG.debug("Genesys voice campaign of campaign {} is {}: a new cycle", c.id(), vc.campaignStatus());
                // every page of them: a restart after only the first page would call the rest again
                while (deleteSettled(c.id(), r.listId())) {
                    // the next page
                }
                removeCalled(c.id(), r.listId());
                holdUnknown(c.id(), r.listId());
                ctx.client().campaigns().startVoiceCampaign(r.campaignId());
                ctx.emit(new EngineEvent(ctx.now(), "DIALER", c.id(), 0, null, "Genesys voice campaign started"));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not start the Genesys voice campaign of campaign {}: {}", c.id(), e.toString());
        } finally {
            placementLock.unlock();
        }
    }

    // ---- results ----------------------------------------------------------------------------------------------

    /** Looks at waiting injections of one campaign: results in bulk (50 per request). */
    void check(long campaignId, List<Check> items) {
        if (items.isEmpty()) {
            return;
        }
        placementLock.lock();
        try {
            checkLocked(campaignId, items);
        } finally {
            placementLock.unlock();
        }
    }

    private void checkLocked(long campaignId, List<Check> items) {
        Map<Long, PlacementRow> byAttempt = new HashMap<>();
        Map<String, List<String>> idsByList = new LinkedHashMap<>();
        for (Check i : items) {
            placements.byAttempt(i.attempt().id()).ifPresent(p -> {
                byAttempt.put(i.attempt().id(), p);
                if (!p.state().equals("WITHDRAWN")) {
                    idsByList.computeIfAbsent(p.listId(), k -> new ArrayList<>()).add(p.genesysContactId());
                }
            });
        }
        Map<String, Contacts.DialerContact> found = new HashMap<>();
        try {
            for (Map.Entry<String, List<String>> e : idsByList.entrySet()) {
                ctx.client().contacts().getContacts(e.getKey(), e.getValue()).forEach(dc -> found.put(dc.id(), dc));
            }
        } catch (RuntimeException e) {
            Instant now = ctx.now();
            for (Check i : items) {
                ctx.repo().move(i.row().id(), i.version(), new Move("AWAITING", i.row().stepId(), now.plus(POLL),
                        i.row().state(), null), now);
            }
            return;
        }
        for (Check i : items) {
            try {
                checkOne(i, byAttempt.get(i.attempt().id()), found);
            } catch (RuntimeException e) {
                LOG.warn("dialer result of attempt {} not recorded yet: {}", i.attempt().id(), e.toString());
            }
        }
        // called contacts leave the list at once (one request per 250): nothing settled waits there for a new cycle
        for (String listId : idsByList.keySet()) {
            try {
                deleteSettled(campaignId, listId);
            } catch (RuntimeException e) {
                LOG.warn("settled contacts not removed from the dialer's list yet: {}", e.toString());
            }
        }
        // contacts still wait in the list: the Genesys campaign must be on for them (a start whose answer was lost
        // is not repeated blindly, so it is looked at here too, not only when the next contacts are injected)
        CampaignRow c = items.getFirst().campaign();
        try {
            String listId = placements.object(campaignId, LIST).orElse(null);
            if (listId != null && !placements.ofList(campaignId, listId, Set.of("PLACED"), 1).isEmpty()
                    && ctx.repo().campaign(campaignId).map(r -> r.state().equals("RUNNING")).orElse(false)) {
                ensureOn(c, resources(c));
            }
        } catch (RuntimeException e) {
            LOG.warn("the Genesys voice campaign of campaign {} not looked at: {}", campaignId, e.toString());
        }
    }

    private void checkOne(Check i, PlacementRow p, Map<String, Contacts.DialerContact> found) {
        {
            if (p == null) {
                settle(i, null, Optional.empty(), "no placement was recorded for this attempt");
                return;
            }
            Optional<Dial> dial = dial(found.get(p.genesysContactId()), p.lastDial(), p.placedAt());
            Instant now = ctx.now();
            if (dial.isPresent()) {
                settle(i, p, dial, null);
            } else if (p.state().equals("WITHDRAWN")) {
                settle(i, p, Optional.empty(), p.reason() == null ? "withdrawn from the dialer" : p.reason());
            } else if (!now.isBefore(p.expiresAt())) {
                Optional<Dial> last = withdraw(p, "its calling window closed before the dialer called");
                settle(i, p, last, "the dialer did not call before the contact's window closed");
            } else {
                ctx.repo().move(i.row().id(), i.version(), new Move("AWAITING", i.row().stepId(),
                        min(p.expiresAt(), now.plus(POLL)), i.row().state(), null), now);
            }
        }
    }

    /** A call the dialer made: when, and its wrap-up code id. */
    record Dial(String at, String code) {
        String encoded() {
            return at + "|" + code;
        }

        static Optional<Dial> decode(String s) {
            if (s == null || !s.contains("|")) {
                return Optional.empty();
            }
            int i = s.indexOf('|');
            return Optional.of(new Dial(s.substring(0, i), s.substring(i + 1)));
        }
    }

    private static Optional<Dial> dial(Contacts.DialerContact dc, String recorded, Instant placedAt) {
        if (dc != null && dc.callRecords() != null) {
            Contacts.CallRecord r = dc.callRecords().get(PHONE);
            if (r != null && r.lastResult() != null && r.lastAttempt() != null) {
                return Optional.of(new Dial(r.lastAttempt(), r.lastResult()));
            }
        }
        return Dial.decode(recorded);
    }

    /** Records the outcome of a waiting injection and moves the enrollment on. */
    private void settle(Check i, PlacementRow p, Optional<Dial> dial, String noDialReason) {
        Instant now = ctx.now();
        Step.Touch t = (Step.Touch) i.sequence().step(i.attempt().stepId()).orElseThrow();
        if (dial.isEmpty()) {
            if (p != null) {
                placements.close(p.id(), "WITHDRAWN", noDialReason, now);
            }
            ctx.repo().recordResult(i.attempt().id(), Set.of("SENT"), new Settle("NOT_SENT", null, null, null,
                    noDialReason, "dialer"), i.row().id(), i.version(), new Move("READY", t.id(), now,
                    Progress.write(i.state()), null), now);
            ctx.emit(new EngineEvent(now, "WITHDRAWN", i.campaign().id(), i.row().contactId(), t.id(),
                    "voice: " + noDialReason));
            return;
        }
        String name = codeName(dial.get().code());
        LOG.debug("attempt {} ({}) settled: called at {}", i.attempt().id(), p.genesysContactId(), dial.get().at());
        DialerResult r = DialerResult.of(name, Set.copyOf(codeFlags.getOrDefault(dial.get().code(), List.of())));
        placements.noteDial(p.id(), dial.get().encoded());
        placements.close(p.id(), p.state().equals("WITHDRAWN") ? "WITHDRAWN" : "SETTLED", null, now);
        if (r.doNotCall()) {
            ctx.suppress(Suppression.Kind.DNC, Channel.VOICE, i.attempt().address(), "the person asked not to be"
                    + " called (wrap-up code \"" + name + "\")", "genesys dialer wrap-up");
            ctx.optedOut(i.row().contactId(), i.attempt().address(), "do-not-call wrap-up code");
            ctx.breaker(i.campaign().id(), CircuitBreakers.Kind.OPT_OUT);
        }
        PlanStep plan = r.signal().map(s -> planner.plan(i.state(), i.sequence(), StepRunner.afterResult(ctx,
                        i.row().contactId(), i.campaign().id(), s), now))
                .orElse(new PlanStep.Next(t.id(), now, List.of(), i.state()));
        String outcome = r.outcome().map(Enum::name).orElse("SKIPPED");
        ctx.repo().recordResult(i.attempt().id(), Set.of("SENT"), new Settle(r.callPlaced() ? "SENT" : "NOT_SENT",
                null, null, outcome, r.label() + " (wrap-up \"" + name + "\" at " + dial.get().at() + ")",
                "dialer"), i.row().id(), i.version(), StepRunner.move(plan, t.id()), now);
        ctx.emit(new EngineEvent(now, r.callPlaced() ? "CALLED" : "SKIPPED", i.campaign().id(), i.row().contactId(),
                t.id(), "voice: " + r.label() + " (wrap-up \"" + name + "\")"));
    }

    private String codeName(String codeId) {
        if (!codeNames.containsKey(codeId) && System.currentTimeMillis() - codesReadAt > 60_000) {
            try {
                Map<String, String> names = new HashMap<>();
                ctx.client().organization().wrapupCodes().forEach(w -> names.put(w.id(), w.name()));
                Org.WrapupCodeMapping m = ctx.client().organization().wrapupCodeMapping();
                codeNames = Map.copyOf(names);
                codeFlags = m == null || m.mapping() == null ? Map.of() : Map.copyOf(m.mapping());
            } catch (RuntimeException e) {
                LOG.warn("could not read the wrap-up codes: {}", e.toString());
            }
            codesReadAt = System.currentTimeMillis();
        }
        return codeNames.getOrDefault(codeId, codeId);
    }

    // ---- withdrawal -------------------------------------------------------------------------------------------

    /**
     * Takes a placement out of the dialer's reach: uncallable first (the dialer may hold it), then deleted. Returns
     * a call the dialer made meanwhile, if the contact shows one.
     */
    Optional<Dial> withdraw(PlacementRow p, String reason) {
        Optional<Dial> dial = Dial.decode(p.lastDial());
        boolean messaging = MessagingDelivery.isMessaging(p);
        try {
            // a messaging campaign skips uncontactable contacts; the dialer, uncallable ones
            Contacts.DialerContact after = ctx.client().contacts().updateContact(p.listId(), p.genesysContactId(),
                    c -> messaging ? c.withContactableStatus(Map.of(MessagingDelivery.Lane.of(p).contactable,
                            new Contacts.ContactableStatus(false, null))) : c.withCallable(false));
            if (messaging) {
                if (p.lastDial() == null) {
                    MessagingDelivery.news(after).ifPresent(n -> placements.noteDial(p.id(), n.encoded()));
                }
            } else {
                Optional<Dial> seen = dial(after, null, p.placedAt());
                if (seen.isPresent() && dial.isEmpty()) {
                    placements.noteDial(p.id(), seen.get().encoded());
                    dial = seen;
                }
            }
        } catch (GenesysApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        try {
            ctx.client().contacts().deleteContact(p.listId(), p.genesysContactId());
        } catch (GenesysApiException e) {
            // contact.in.use: it stays, uncallable
            LOG.debug("placement {} not deleted: {}", p.id(), e.code());
        }
        placements.close(p.id(), "WITHDRAWN", reason, ctx.now());
        ctx.repo().nudge(p.enrollmentId(), ctx.now());
        LOG.debug("withdrew {} ({}); a call seen: {}", p.genesysContactId(), reason, dial.isPresent());
        return dial;
    }

    /** Withdraws every placement of a contact (an opt-out, a conversion): no channel keeps going. */
    int withdrawContact(long contactId, String reason) {
        int n = 0;
        placementLock.lock();
        try {
            for (PlacementRow p : placements.openOfContact(contactId)) {
                if (MessagingDelivery.isMessaging(p) && (p.lastDial() != null || p.state().equals("SETTLED"))) {
                    continue; // already messaged: nothing to stop; it leaves the list with the settled ones
                }
                try {
                    withdraw(p, reason);
                    n++;
                } catch (RuntimeException e) {
                    LOG.warn("could not withdraw placement {}: {}", p.id(), e.toString());
                }
            }
        } finally {
            placementLock.unlock();
        }
        return n;
    }

    /**
     * Housekeeping: a campaign that is not running (paused, stopped, kill switch) has its Genesys campaign stopped
     * and every waiting injection withdrawn; settled contacts are deleted from the lists.
     */
    void housekeep(Set<Long> running, boolean killSwitch) {
        placementLock.lock();
        try {
            housekeepLocked(running, killSwitch);
        } finally {
            placementLock.unlock();
        }
    }

    private void housekeepLocked(Set<Long> running, boolean killSwitch) {
        for (long campaignId : placements.campaignsWith(Set.of("PLACED", "SETTLED"))) {
            boolean active = running.contains(campaignId) && !killSwitch;
            String listId = placements.object(campaignId, LIST).orElse(null);
            if (listId == null) {
                continue; // no voice placements (messaging ones are MessagingDelivery's)
            }
            try {
                if (!active) {
                    stop(campaignId);
                    for (PlacementRow p : placements.ofList(campaignId, listId, Set.of("PLACED"), 500)) {
                        withdraw(p, killSwitch ? "the kill switch is on" : "the campaign is not running");
                    }
                }
                deleteSettled(campaignId, listId);
            } catch (RuntimeException e) {
                LOG.warn("dialer housekeeping of campaign {} failed: {}", campaignId, e.toString());
            }
        }
    }

    private void stop(long campaignId) {
        Optional<String> id = placements.object(campaignId, CAMPAIGN);
        if (id.isEmpty()) {
            return;
        }
        Campaigns.VoiceCampaign vc = ctx.client().campaigns().getVoiceCampaign(id.get());
        if ("on".equals(vc.campaignStatus())) {
            ctx.client().campaigns().stopVoiceCampaign(id.get());
            ctx.emit(new EngineEvent(ctx.now(), "DIALER", campaignId, 0, null, "Genesys voice campaign stopped"));
        }
    }

    /**
     * Placements the dialer has called but whose result is not recorded yet: the call is noted on the placement
     * (its result is settled from there) and the contact leaves the list, so a new cycle cannot call it again.
     */
    private void removeCalled(long campaignId, String listId) {
        long after = 0;
        while (true) {
            List<PlacementRow> open = placements.ofList(campaignId, listId, Set.of("PLACED"), after, 1000);
            if (open.isEmpty()) {
                return;
            }
            after = open.getLast().id();
            removeCalled(listId, open);
        }
    }

    private void removeCalled(String listId, List<PlacementRow> open) {
        Map<String, Contacts.DialerContact> found = new HashMap<>();
        ctx.client().contacts().getContacts(listId, open.stream().map(PlacementRow::genesysContactId).toList())
                .forEach(dc -> found.put(dc.id(), dc));
        List<PlacementRow> called = new ArrayList<>();
        for (PlacementRow p : open) {
            Optional<Dial> d = dial(found.get(p.genesysContactId()), null, p.placedAt());
            if (d.isPresent()) {
                placements.noteDial(p.id(), d.get().encoded());
                called.add(p);
            }
        }
        if (called.isEmpty()) {
            return;
        }
        LOG.debug("called before a restart, removed: {}", called.stream().map(PlacementRow::genesysContactId)
                .toList());
        ctx.client().contacts().deleteContacts(listId, called.stream().map(PlacementRow::genesysContactId).toList());
        Instant now = ctx.now();
        for (PlacementRow p : called) {
            placements.close(p.id(), "WITHDRAWN", "called; removed from the list before the dialer restarted", now);
            ctx.repo().nudge(p.enrollmentId(), now);
        }
    }

    /**
     * Injections whose add lost its answer (UNKNOWN until the reconciler asks Genesys) may sit in the list, callable,
     * with nothing of the engine watching them: they are made uncallable before a new cycle, so the dialer calls such
     * a contact at most once (in the cycle it arrived in). A failure here leaves the campaign stopped until the next
     * batch tries again (found by FaultEngineTest: a lost add was called in each of three cycles).
     */
    private void holdUnknown(long campaignId, String listId) {
        for (AttemptRow a : ctx.repo().attemptsInState("UNKNOWN", 10_000)) {
            if (a.campaignId() != campaignId || !a.channel().equals(Channel.VOICE.name())
                    || MessagingDelivery.isMessaging(a)) {
                continue;
            }
            try {
                LOG.debug("attempt {} UNKNOWN: {} held uncallable before a new cycle", a.id(), genesysId(a.id()));
                ctx.client().contacts().updateContact(listId, genesysId(a.id()), dc -> dc.withCallable(false));
            } catch (GenesysApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
    }

    /** Deletes a page of settled placements from the list; returns whether there was one. */
    private boolean deleteSettled(long campaignId, String listId) {
        List<PlacementRow> settled = placements.ofList(campaignId, listId, Set.of("SETTLED"), 250);
        if (settled.isEmpty()) {
            return false;
        }
        LOG.debug("settled, removed: {}", settled.stream().map(PlacementRow::genesysContactId).toList());
        ctx.client().contacts().deleteContacts(listId, settled.stream().map(PlacementRow::genesysContactId).toList());
        Instant now = ctx.now();
        for (PlacementRow p : settled) {
            placements.close(p.id(), "WITHDRAWN", "result recorded; removed from the dialer's list", now);
        }
        return true;
    }

    // ---- events and reconciliation ----------------------------------------------------------------------------

    /** A post-contact notification: the placement's enrollment is looked at now. */
    void onPostContact(String genesysContactId) {
        placements.byGenesysContact(genesysContactId)
                .ifPresent(p -> {
                    if (ctx.repo().nudge(p.enrollmentId(), ctx.now())) {
                        ctx.wake();
                    }
                });
    }

    /**
     * An UNKNOWN injection: Genesys has the contact (placed: it is recorded and waits for its result) or not
     * (never arrived: not sent). Returns empty when Genesys cannot be asked.
     */
    Optional<Boolean> reconcile(AttemptRow a) {
        Optional<String> listId = placements.object(a.campaignId(), LIST);
        if (listId.isEmpty()) {
            return Optional.of(false);
        }
        Contacts.DialerContact arrived;
        try {
            arrived = ctx.client().contacts().getContact(listId.get(), genesysId(a.id()));
        } catch (GenesysApiException e) {
            if (e.status() == 404) {
                return Optional.of(false);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        placementLock.lock();
        try {
            Instant now = ctx.now();
            Optional<Dial> called = dial(arrived, null, a.createdAt());
            LOG.debug("attempt {} UNKNOWN reconciled: in the list, called: {}", a.id(), called.isPresent());
            if (called.isPresent()) {
                // the dialer called it: recorded as a placement with that call, made uncallable, and sent; the
                // enrollment then awaits the result as any placement does, so the call's outcome (an answer ends
                // the sequence) is the one the sequence follows (found by FaultEngineTest: settled without it, an
                // answered contact was called again at the next attempt)
                ctx.client().contacts().updateContact(listId.get(), genesysId(a.id()), dc -> dc.withCallable(false));
                PlacementRow p = placements.place(a.id(), a.enrollmentId(), a.campaignId(), a.contactId(),
                        listId.get(), genesysId(a.id()), a.address(), a.createdAt(), now);
                placements.noteDial(p.id(), called.get().encoded());
                return Optional.of(true);
            }
            // it arrived and the dialer has not called it: nothing follows an injection the engine lost track of,
            // so it is taken out of the list now and the step goes through the gate again (not sent), unless the
            // dialer called it in the meantime (sent)
            PlacementRow p = placements.place(a.id(), a.enrollmentId(), a.campaignId(), a.contactId(), listId.get(),
                    genesysId(a.id()), a.address(), a.createdAt(), now);
            return Optional.of(withdraw(p, "its add's answer was lost; reconciled and taken out of the list")
                    .isPresent());
        } catch (RuntimeException e) {
            LOG.warn("reconciled placement of attempt {} not withdrawn yet: {}", a.id(), e.toString());
            return Optional.empty();
        } finally {
            placementLock.unlock();
        }
    }

    static String genesysId(long attemptId) {
        return "sb-a" + attemptId;
    }

    /** The Genesys contact list a voice attempt of this campaign goes into. */
    String listOf(AttemptRow a) {
        return placements.object(a.campaignId(), LIST).orElse("no-dialer-list");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
