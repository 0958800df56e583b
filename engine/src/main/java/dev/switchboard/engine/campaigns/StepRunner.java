package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.templates.ContactVariables;
import dev.switchboard.engine.throughput.SenderThrottle;
import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.genesys.Departure;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.GenesysCredentialsRejectedException;
import dev.switchboard.genesys.GenesysTransportException;
import dev.switchboard.genesys.InvalidRequestException;
import dev.switchboard.model.redact.LogMask;
import dev.switchboard.genesys.Messages;
import dev.switchboard.genesys.RateLimitedException;
import dev.switchboard.genesys.SendOutcomeUnknownException;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.DayWindow;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.Evaluation;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.template.Rendered;
import dev.switchboard.model.template.TemplateRenderException;
import dev.switchboard.model.template.TemplateRenderer;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.EventRow;
import dev.switchboard.persistence.EngineRepository.Move;
import dev.switchboard.persistence.EngineRepository.Settle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine does with one claimed enrollment: plan, decide with the compliance gate, commit the intent
 * (phase 1, {@link #prepare}); then, after the batch's intents are on disk, make the call and record its result
 * (phase 2, {@link Work#action}). Outcome polls of sent messages go through the same two phases.
 */
final class StepRunner {
    /** How long a sent SMS may stay without a final receipt before the touch counts as timed out. */
    static final Duration RECEIPT_TIMEOUT = Duration.ofHours(24);

    private final EngineContext ctx;
    private final Planner planner = new Planner(CapCheck.NONE);
    private final JurisdictionResolver jurisdictions = new JurisdictionResolver();

    StepRunner(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Phase 2 of one enrollment: a call to make (with the attempt it belongs to) or a status to poll.
     *
     * @param attemptId the attempt of a send, which the journal records before any call starts; null for a poll
     */
    record Work(long campaignId, long enrollmentId, Long attemptId, Runnable action, Object dialer) {
        Work(long campaignId, long enrollmentId, Long attemptId, Runnable action) {
            this(campaignId, enrollmentId, attemptId, action, null);
        }

        /**
         * Bulk work, run per campaign: the dialer's ({@link VoiceDialer.Injection}, {@link VoiceDialer.Check}) and
         * the messaging campaign's ({@link MessagingDelivery.Placement}, {@link MessagingDelivery.Check}).
         */
        static Work dialer(long campaignId, long enrollmentId, Long attemptId, Object item) {
            return new Work(campaignId, enrollmentId, attemptId, null, item);
        }
    }

    /** Everything phase 1 read about one enrollment. */
    private record Claimed(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence, Contact contact,
                           RulePack pack, boolean volume) {
    }

    /**
     * Phase 1. The enrollment was claimed at {@code version}. Returns the phase-2 work, if any; everything else
     * (waits, deferrals, blocks, exits) is committed here.
     */
    Optional<Work> prepare(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence,
                           Map<String, TemplateVersion> templates, Instant now) {
        return prepare(row, version, campaign, sequence, templates, now, false);
    }

    /**
     * Phase 1, with {@code volume} true when the claim round holds enough due contacts of the campaign for its SMS
     * touches to go through its Genesys messaging campaign ({@link MessagingDelivery}).
     */
    Optional<Work> prepare(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence,
                           Map<String, TemplateVersion> templates, Instant now, boolean volume) {
        Optional<Contact> contact = ctx.contacts().contact(row.contactId());
        if (contact.isEmpty()) {
            ctx.repo().moveWithEvent(row.id(), version, new Move("DONE", row.stepId(), null, row.state(),
                    "the contact is no longer in the store"), event(row, now, "EXITED", row.stepId(), null,
                    "contact.missing", null, "the contact is no longer in the store", null), now);
            return Optional.empty();
        }
        Claimed c = new Claimed(row, version, campaign, sequence, contact.get(), ctx.pack(), volume);
        Candidates cand = Candidates.of(c.contact().data(), jurisdictions);
        EnrollmentState state = Progress.read(row.state(), c.contact(), row.sequenceVersion(), cand.zones(),
                Optional.empty());
        Optional<Outcome> exit = ctx.exitSignal(row.contactId(), row.campaignId());
        if (exit.isPresent() && !row.status().equals("AWAITING")) {
            List<EventRow> events = new ArrayList<>();
            return follow(c, planner.plan(state, sequence, new Signal.Event(exit.get()), now), cand, templates,
                    events, now);
        }
        if (row.status().equals("AWAITING")) {
            return pollWork(c, state);
        }
        List<EventRow> events = new ArrayList<>();
        PlanStep plan;
        Optional<Step> current = state.currentStep().flatMap(sequence::step);
        if (current.isEmpty()) {
            plan = planner.plan(state, sequence, new Signal.Start(), now);
        } else if (current.get() instanceof Step.Touch t) {
            return touch(c, state, t, cand, templates, events, now);
        } else {
            plan = planner.plan(state, sequence, new Signal.Elapsed(), now);
        }
        return follow(c, plan, cand, templates, events, now);
    }

    /** Applies a plan: waits and deferrals are stored, a touch due now is attempted at once. */
    private Optional<Work> follow(Claimed c, PlanStep plan, Candidates cand, Map<String, TemplateVersion> templates,
                                  List<EventRow> events, Instant now) {
        for (int hop = 0; hop < 16; hop++) {
            switch (plan) {
                case PlanStep.Exited x -> {
                    events.add(event(c.row(), now, "EXITED", x.exitStep().orElse(c.row().stepId()), null, "exit",
                            null, x.reason(), null));
                    commit(c, new Move("DONE", x.state().currentStep().orElse(c.row().stepId()), null,
                            Progress.write(x.state()), x.reason()), events, now);
                    ctx.emit(new EngineEvent(now, "EXITED", c.campaign().id(), c.contact().id(),
                            x.exitStep().orElse(null), x.reason()));
                    return Optional.empty();
                }
                case PlanStep.Next n -> {
                    for (PlanStep.Deferral d : n.deferrals()) {
                        events.add(event(c.row(), now, "DEFERRED", n.stepId(), null, d.rule(), d.until(),
                                "planned for " + d.from() + ", moved by the " + d.rule(), null));
                    }
                    Step step = c.sequence().step(n.stepId()).orElseThrow();
                    if (step instanceof Step.Touch t && !n.due().isAfter(now)) {
                        return touch(c, n.state(), t, cand, templates, events, now);
                    }
                    commit(c, new Move("READY", n.stepId(), n.due(), Progress.write(n.state()), null), events, now);
                    return Optional.empty();
                }
            }
        }
        commit(c, new Move("DONE", c.row().stepId(), null, c.row().state(), "the sequence moved 16 steps at once"),
                events, now);
        return Optional.empty();
    }

    private Optional<Work> touch(Claimed c, EnrollmentState state, Step.Touch t, Candidates cand,
                                 Map<String, TemplateVersion> templates, List<EventRow> events, Instant now) {
        if (t.channel() == Channel.VOICE && !VoiceDialer.enabled()) {
            events.add(event(c.row(), now, "SKIPPED", t.id(), t.channel(), "voice.dialer", null,
                    "voice steps are placed by a Genesys voice campaign's dialer, which was turned off"
                            + " (-Dswitchboard.voice.dialer=false); the step is left as failed", null));
            ctx.emit(new EngineEvent(now, "SKIPPED", c.campaign().id(), c.contact().id(), t.id(),
                    "voice step skipped: the dialer integration is off"));
            return follow(c, planner.plan(state, c.sequence(), new Signal.Result(Outcome.FAILED,
                    Optional.of(FailureReason.UNSUPPORTED_CHANNEL)), now), cand, templates, events, now);
        }
        Optional<String> address = address(c.contact(), t.channel());
        if (address.isEmpty()) {
            events.add(event(c.row(), now, "BLOCKED", t.id(), t.channel(), "no-address", null,
                    "the contact has no " + (t.channel() == Channel.EMAIL ? "email address" : "phone number"), null));
            return follow(c, planner.plan(state, c.sequence(), new Signal.Result(Outcome.FAILED,
                    Optional.of(FailureReason.INVALID_DESTINATION)), now), cand, templates, events, now);
        }
        TemplateVersion tv = templates.get(t.templateId());
        Rendered rendered;
        try {
            Map<String, String> vars = ContactVariables.of(c.contact().data(),
                    CampaignService.read(c.campaign().variables()));
            rendered = new TemplateRenderer(tv.template()).render(vars);
        } catch (TemplateRenderException e) {
            events.add(event(c.row(), now, "BLOCKED", t.id(), t.channel(), "template.render", null,
                    "the template cannot be rendered for this contact: " + e.getMessage(), null));
            return follow(c, planner.plan(state, c.sequence(), new Signal.Result(Outcome.FAILED,
                    Optional.of(FailureReason.BLOCKED)), now), cand, templates, events, now);
        }
        Purpose purpose = Purpose.valueOf(c.campaign().purpose());
        DayWindow window = t.window().map(w -> new DayWindow(w.start(), w.end())).orElse(null);
        GateRequest req = new GateRequest(c.contact().id(), cand.zones(), cand.states(),
                c.contact().data().consents(), t.channel(), address.get(), now, purpose, window, null,
                c.campaign().name(), null, tv.template().contentHash(), personKeys(c.contact()),
                c.campaign().lifeSafetyApprovedBy() != null);
        Decision d = ComplianceGate.decide(req, ctx.suppressionView(), pressure(), c.pack());
        switch (d) {
            case Decision.Blocked b -> {
                events.add(event(c.row(), now, "BLOCKED", t.id(), t.channel(), b.rule(), null, reason(b.trace()
                        .evaluations(), b.rule()), d.packVersion()));
                ctx.emit(new EngineEvent(now, "BLOCKED", c.campaign().id(), c.contact().id(), t.id(), b.rule()));
                return follow(c, planner.plan(state, c.sequence(), new Signal.Result(Outcome.FAILED,
                        Optional.of(FailureReason.BLOCKED)), now), cand, templates, events, now);
            }
            case Decision.Deferred def -> {
                events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), def.rule(), def.until(),
                        reason(def.trace().evaluations(), def.rule()), d.packVersion()));
                commit(c, new Move("READY", t.id(), def.until(), Progress.write(state), null), events, now);
                ctx.emit(new EngineEvent(now, "DEFERRED", c.campaign().id(), c.contact().id(), t.id(),
                        def.rule() + " until " + def.until()));
                return Optional.empty();
            }
            case Decision.Allowed a -> {
                if (t.channel() == Channel.VOICE) {
                    return voiceIntent(c, state, t, address.get(), tv, rendered, req, cand, events,
                            d.packVersion(), now);
                }
                Optional<MessagingDelivery.Lane> lane = MessagingDelivery.Lane.of(t.channel());
                if (lane.isPresent() && c.volume() && ctx.messaging().mayUse(c.campaign(), lane.get())) {
                    Optional<Work> placed = messagingIntent(c, lane.get(), state, t, address.get(), tv, rendered,
                            req, events, d.packVersion(), now);
                    if (placed != null) {
                        return placed;
                    }
                }
                Instant sendAt = now;
                if (t.channel() == Channel.SMS) {
                    // the sender's carrier limits, durable: a slot now (or within seconds), else a deferral
                    SenderThrottle.Reservation slot = ctx.throttle().reserve(c.campaign().smsFrom(),
                            Carrier.of(c.contact().data().attributes()), Math.max(1, rendered.sms().segments()), now,
                            null);
                    Instant until = switch (slot) {
                        case SenderThrottle.Deferred def -> {
                            events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), def.rule(), def.until(),
                                    def.reason(), d.packVersion()));
                            yield def.until();
                        }
                        case SenderThrottle.SendAt at -> {
                            sendAt = at.at();
                            if (at.at().isAfter(now) && !(ComplianceGate.decide(req.at(at.at()),
                                    ctx.suppressionView(), pressure(), c.pack()) instanceof Decision.Allowed)) {
                                events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), "throughput.window",
                                        at.at(), "the sender's next slot falls outside the contact's window",
                                        d.packVersion()));
                                yield at.at();
                            }
                            yield null;
                        }
                    };
                    if (until != null) {
                        commit(c, new Move("READY", t.id(), until, Progress.write(state), null), events, now);
                        ctx.emit(new EngineEvent(now, "DEFERRED", c.campaign().id(), c.contact().id(), t.id(),
                                "sender throughput until " + until));
                        return Optional.empty();
                    }
                }
                // the send waits for the request budget behind others: it may leave only while the contact's window
                // is still open and no suppression has arrived since (a STOP mid-send)
                Instant leaveBefore = leaveBefore(req, c, sendAt);
                return intent(c, state, t, address.get(), tv, rendered, events, d.packVersion(), now, sendAt, req,
                        leaveBefore);
            }
        }
    }

    /** The reason of a send withdrawn before it left. */
    static final String HELD_BACK = "held back before it left: the contact's window closed or a suppression arrived"
            + " while it waited for the request budget";

    /** How far ahead the closing of a contact's window is looked for (a send waits seconds, not days). */
    private static final Duration LEAVE_HORIZON = Duration.ofHours(24);
    private static final Duration LEAVE_STEP = Duration.ofMinutes(15);

    /**
     * When the contact's windows close after {@code at} (to the second): the instant after which a send the gate
     * allows at {@code at} may no longer leave. Only time-dependent rules can close it (windows, days, holidays):
     * suppressions are looked at again as the send leaves, and caps count every intent already, so the gate is
     * probed without them (pure, no store reads): forward in 15-minute steps, then halved to the second.
     */
    private static Instant leaveBefore(GateRequest req, Claimed c, Instant at) {
        Instant ok = at;
        Instant closed = null;
        for (Instant t = at.plus(LEAVE_STEP); !t.isAfter(at.plus(LEAVE_HORIZON)); t = t.plus(LEAVE_STEP)) {
            if (allowedByTime(req, c, t)) {
                ok = t;
            } else {
                closed = t;
                break;
            }
        }
        if (closed == null) {
            return ok;
        }
        while (Duration.between(ok, closed).compareTo(Duration.ofSeconds(1)) > 0) {
            Instant mid = ok.plus(Duration.between(ok, closed).dividedBy(2));
            if (allowedByTime(req, c, mid)) {
                ok = mid;
            } else {
                closed = mid;
            }
        }
        return ok;
    }

    private static boolean allowedByTime(GateRequest req, Claimed c, Instant t) {
        return ComplianceGate.decide(req.at(t), dev.switchboard.model.compliance.SuppressionView.NONE,
                dev.switchboard.model.compliance.PressureView.NONE, c.pack()) instanceof Decision.Allowed;
    }

    /** Step 3 of the send protocol: the attempt in INTENT and the enrollment in SENDING, one commit. */
    private Optional<Work> intent(Claimed c, EnrollmentState state, Step.Touch t, String address, TemplateVersion tv,
                                  Rendered rendered, List<EventRow> events, String packVersion, Instant now,
                                  Instant sendAt, GateRequest req, Instant leaveBefore) {
        int no = ctx.repo().attemptRows(c.row().id(), t.id()) + 1;
        String key = "e" + c.row().id() + "/" + t.id() + "/" + no;
        AttemptRow a = new AttemptRow(0, key, c.row().id(), c.campaign().id(), c.contact().id(), t.id(), no,
                t.channel().name(), address, t.templateId(), rendered.contentHash(), "INTENT", ctx.epoch(), now, null,
                null, null, null, null, "template " + t.templateId() + " v" + tv.template().version()
                + " approved by " + tv.approver() + "; zones " + state.zones(), null, packVersion);
        String stateJson = Progress.write(state);
        Optional<Long> id = ctx.repo().recordIntentWithEvents(a, c.version(), new Move("SENDING", t.id(), null,
                stateJson, null), events, now);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int version = c.version() + 1;
        long attemptId = id.get();
        return Optional.of(new Work(c.campaign().id(), c.row().id(), attemptId,
                () -> send(c, state, t, attemptId, version, address, rendered, sendAt, req, leaveBefore)));
    }

    /**
     * A voice touch the gate allows now: how long it stays allowed (the dialer calls whenever it likes while the
     * contact sits in its list) decides whether to inject now or wait for a longer stretch; then the intent, like
     * any other send. Phase 2 injects in bulk ({@link VoiceDialer#inject}).
     */
    private Optional<Work> voiceIntent(Claimed c, EnrollmentState state, Step.Touch t, String number,
                                       TemplateVersion tv, Rendered rendered, GateRequest req, Candidates cand,
                                       List<EventRow> events, String packVersion, Instant now) {
        ZoneId zone = cand.zones().isEmpty() ? ZoneId.of("America/New_York") : cand.zones().getFirst();
        // the dialer calls only inside its callable time set, which is no looser than the pack's strictest voice
        // window: inject inside that window too, or the contact would wait there uncalled
        java.time.ZonedDateTime local = now.atZone(zone);
        Optional<dev.switchboard.model.compliance.DayWindow> today = dev.switchboard.model.compliance.CallableTimes
                .strictest(c.pack(), local.getDayOfWeek());
        if (today.isEmpty() || local.toLocalTime().isBefore(today.get().start())
                || !local.toLocalTime().isBefore(today.get().end())) {
            Instant open = nextDialerOpening(c.pack(), local);
            events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), "voice.dialer-hours", open,
                    "outside the dialer's calling hours (the rule pack's strictest voice window in " + zone
                            + "); injected when they open", packVersion));
            commit(c, new Move("READY", t.id(), open, Progress.write(state), null), events, now);
            return Optional.empty();
        }
        Instant until = allowedUntil(req, c.pack(), now);
        Instant close = local.toLocalDate().atTime(today.get().end()).atZone(zone).toInstant();
        if (close.isBefore(until)) {
            until = close;
        }
        if (Duration.between(now, until).compareTo(VoiceDialer.MIN_SPAN) < 0) {
            Instant retry = until.plus(VoiceDialer.PROBE_STEP);
            events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), "voice.span", retry,
                    "the calling window closes at " + until + ", too soon for the dialer (it needs "
                            + VoiceDialer.MIN_SPAN.toMinutes() + " minutes); tried again after it", packVersion));
            commit(c, new Move("READY", t.id(), retry, Progress.write(state), null), events, now);
            return Optional.empty();
        }
        int no = ctx.repo().attemptRows(c.row().id(), t.id()) + 1;
        String key = "e" + c.row().id() + "/" + t.id() + "/" + no;
        AttemptRow a = new AttemptRow(0, key, c.row().id(), c.campaign().id(), c.contact().id(), t.id(), no,
                t.channel().name(), number, t.templateId(), rendered.contentHash(), "INTENT", ctx.epoch(), now, null,
                null, null, null, null, "dialer injection allowed until " + until + " (gate probed every "
                + VoiceDialer.PROBE_STEP.toMinutes() + " min); script " + t.templateId() + " v"
                + tv.template().version() + " approved by " + tv.approver() + "; zones " + state.zones(), null,
                packVersion);
        Optional<Long> id = ctx.repo().recordIntentWithEvents(a, c.version(), new Move("SENDING", t.id(), null,
                Progress.write(state), null), events, now);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Work.dialer(c.campaign().id(), c.row().id(), id.get(), new VoiceDialer.Injection(c.row(),
                c.version() + 1, c.campaign(), c.sequence(), state, t, id.get(), number, zone, until)));
    }

    /**
     * An SMS or email touch of a volume round through the campaign's Genesys messaging campaign of that lane:
     * allowed by the gate for at least {@link VoiceDialer#MIN_SPAN} (Genesys sends whenever its queue gets there),
     * with room in the Genesys backlog and (SMS) a slot of the sender's throughput; then the intent, as for any send. Returns null when the touch
     * should go agentless instead (the window closes too soon for a queue).
     */
    private Optional<Work> messagingIntent(Claimed c, MessagingDelivery.Lane lane, EnrollmentState state,
                                           Step.Touch t, String number,
                                           TemplateVersion tv, Rendered rendered, GateRequest req,
                                           List<EventRow> events, String packVersion, Instant now) {
        // a placed contact leaves within MIN_SPAN at the campaign's rate (takeRoom): the gate must allow it until
        // then; the placement lasts until SPAN when the gate allows that too (two probes, not one per 5 minutes)
        if (!(ComplianceGate.decide(req.at(now.plus(VoiceDialer.MIN_SPAN)), ctx.suppressionView(), pressure(),
                c.pack()) instanceof Decision.Allowed)) {
            return null;
        }
        Instant until = ComplianceGate.decide(req.at(now.plus(MessagingDelivery.SPAN)), ctx.suppressionView(),
                pressure(), c.pack()) instanceof Decision.Allowed ? now.plus(MessagingDelivery.SPAN)
                : now.plus(VoiceDialer.MIN_SPAN);
        int segments = lane == MessagingDelivery.Lane.SMS ? Math.max(1, rendered.sms().segments()) : 1;
        MessagingDelivery messaging = ctx.messaging();
        if (!messaging.takeRoom(c.campaign(), lane, segments)) {
            Instant retry = now.plus(Duration.ofMinutes(1));
            events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), "messaging.backlog", retry,
                    "the Genesys messaging campaign already holds what it can send within "
                            + VoiceDialer.MIN_SPAN.toMinutes() + " minutes", packVersion));
            commit(c, new Move("READY", t.id(), retry, Progress.write(state), null), events, now);
            return Optional.empty();
        }
        // email has no sender throughput: the messaging campaign's pace is Genesys's
        SenderThrottle.Reservation slot = lane == MessagingDelivery.Lane.EMAIL ? null : ctx.throttle().reserve(
                c.campaign().smsFrom(), Carrier.of(c.contact().data().attributes()), segments, now, until);
        if (slot instanceof SenderThrottle.Deferred def) {
            messaging.releaseRoom(c.campaign().id(), lane);
            events.add(event(c.row(), now, "DEFERRED", t.id(), t.channel(), def.rule(), def.until(), def.reason(),
                    packVersion));
            commit(c, new Move("READY", t.id(), def.until(), Progress.write(state), null), events, now);
            ctx.emit(new EngineEvent(now, "DEFERRED", c.campaign().id(), c.contact().id(), t.id(),
                    "sender throughput until " + def.until()));
            return Optional.empty();
        }
        int no = ctx.repo().attemptRows(c.row().id(), t.id()) + 1;
        String key = "e" + c.row().id() + "/" + t.id() + "/" + no;
        AttemptRow a = new AttemptRow(0, key, c.row().id(), c.campaign().id(), c.contact().id(), t.id(), no,
                t.channel().name(), number, t.templateId(), rendered.contentHash(), "INTENT", ctx.epoch(), now, null,
                null, null, null, null, MessagingDelivery.EVIDENCE + " (a volume round), allowed until " + until
                + " (gate probed at +" + VoiceDialer.MIN_SPAN.toMinutes() + " and +" + MessagingDelivery.SPAN
                .toMinutes() + " min); template " + t.templateId()
                + " v" + tv.template().version() + " approved by " + tv.approver() + "; zones " + state.zones(),
                null, packVersion);
        Optional<Long> id = ctx.repo().recordIntentWithEvents(a, c.version(), new Move("SENDING", t.id(), null,
                Progress.write(state), null), events, now);
        if (id.isEmpty()) {
            messaging.releaseRoom(c.campaign().id(), lane);
            return Optional.empty();
        }
        return Optional.of(Work.dialer(c.campaign().id(), c.row().id(), id.get(), new MessagingDelivery.Placement(
                c.row(), c.version() + 1, c.campaign(), c.sequence(), state, t, id.get(), number, rendered.text(),
                lane == MessagingDelivery.Lane.EMAIL ? rendered.subject() : null,
                lane == MessagingDelivery.Lane.EMAIL ? rendered.html() : null, until)));
    }

    /** The next opening of the pack's strictest voice window after {@code local} (within two weeks). */
    static Instant nextDialerOpening(RulePack pack, java.time.ZonedDateTime local) {
        for (int d = 0; d < 14; d++) {
            java.time.LocalDate date = local.toLocalDate().plusDays(d);
            Optional<dev.switchboard.model.compliance.DayWindow> w = dev.switchboard.model.compliance.CallableTimes
                    .strictest(pack, date.getDayOfWeek());
            if (w.isPresent()) {
                java.time.ZonedDateTime open = date.atTime(w.get().start()).atZone(local.getZone());
                if (open.isAfter(local)) {
                    return open.toInstant();
                }
            }
        }
        return local.toInstant().plus(Duration.ofDays(1));
    }

    /**
     * The end of the stretch, from {@code now}, in which the gate keeps allowing the request (window, caps,
     * suppressions as they stand), probed every {@link VoiceDialer#PROBE_STEP} up to {@link VoiceDialer#MAX_SPAN}.
     */
    private Instant allowedUntil(GateRequest req, RulePack pack, Instant now) {
        Instant last = now;
        for (Instant t = now.plus(VoiceDialer.PROBE_STEP); !t.isAfter(now.plus(VoiceDialer.MAX_SPAN));
             t = t.plus(VoiceDialer.PROBE_STEP)) {
            if (!(ComplianceGate.decide(req.at(t), ctx.suppressionView(), pressure(), pack)
                    instanceof Decision.Allowed)) {
                return last;
            }
            last = t;
        }
        return last;
    }

    /** Steps 4 and 5: the call, then its result in one commit. Never resends. */
    private void send(Claimed c, EnrollmentState state, Step.Touch t, long attemptId, int version, String address,
                      Rendered r, Instant sendAt, GateRequest req, Instant leaveBefore) {
        // the sender's slot: at most a couple of seconds ahead; the engine clock may run faster than real time
        while (ctx.now().isBefore(sendAt)) {
            try {
                Thread.sleep(Math.clamp(Duration.between(ctx.now(), sendAt).toMillis(), 1, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        GenesysClient client = ctx.client();
        long started = System.nanoTime();
        ctx.probe("before-call");
        // the intent was decided in phase 1, maybe seconds ago (a batch, the send queue, a sender's slot, the request
        // budget, 429 pauses): once the budget grants the request, and right before it is written, the contact's
        // window must still be open and no suppression may have arrived; the check and the request hold the dispatch
        // lock's read side, which an opt-out's commit takes exclusively, so no message leaves after an opt-out's
        // commit (compliance-rules §8, acceptance test 7; StopMidSendTest). Caps are not re-checked: the intent
        // already counts. A withdrawn send goes through the gate again (NotSentException below).
        sendNow(c, state, t, attemptId, version, address, r, client, started, new Departure() {
            private boolean held;

            @Override
            public boolean clear() {
                ctx.dispatchLock().readLock().lock();
                Instant n = ctx.now();
                if (!n.isAfter(leaveBefore)
                        && ComplianceGate.suppressedBy(req.at(n), ctx.suppressionView(), c.pack()) == null) {
                    held = true;
                    return true;
                }
                ctx.dispatchLock().readLock().unlock();
                return false;
            }

            @Override
            public void departed() {
                if (held) {
                    held = false;
                    ctx.dispatchLock().readLock().unlock();
                }
            }
        });
    }

    private void sendNow(Claimed c, EnrollmentState state, Step.Touch t, long attemptId, int version,
                         String address, Rendered r, GenesysClient client, long started, Departure departure) {
        ctx.journal().started(attemptId);
        try {
            Messages.SendReceipt receipt = t.channel() == Channel.SMS
                    ? client.messaging().sendSms(new Messages.Sms(c.campaign().smsFrom(), address, r.text()),
                    departure)
                    : client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of(c.campaign()
                    .emailFrom()), Messages.EmailAddress.of(address), null, r.subject(), r.text(), r.html()),
                    departure);
            ctx.probe("after-call");
            ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.CALL_OK);
            ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.SEND);
            ctx.journal().answered(attemptId, receipt.conversationId(), receipt.messageId());
            ctx.probe("after-answer-journaled");
            Instant now = ctx.now();
            ctx.countSend();
            if (t.channel() == Channel.SMS) {
                ctx.repo().recordResult(attemptId, Set.of("INTENT"), new Settle("SENT", receipt.conversationId(),
                        receipt.messageId(), null, null, null), c.row().id(), version, new Move("AWAITING", t.id(),
                        now.plusSeconds(5), Progress.write(state), null), now);
            } else {
                // agentless email has no delivery receipt in Genesys; bounces arrive later through the intake
                PlanStep plan = planner.plan(state, c.sequence(), new Signal.Result(Outcome.DELIVERED,
                        Optional.empty()), now);
                ctx.repo().recordResult(attemptId, Set.of("INTENT"), new Settle("SENT", receipt.conversationId(),
                        receipt.messageId(), "DELIVERED", "accepted by Genesys", null), c.row().id(), version,
                        move(plan, c), now);
            }
            ctx.emit(new EngineEvent(now, "SENT", c.campaign().id(), c.contact().id(), t.id(), t.channel() + " to "
                    + mask(address) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms"));
        } catch (SendOutcomeUnknownException e) {
            ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.CALL_ERROR);
            unknown(c, attemptId, "the call may have left: " + e.getMessage());
        } catch (GenesysTransportException e) {
            ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.CALL_ERROR);
            if (e.requestSent()) {
                unknown(c, attemptId, "the connection failed after the request was written: " + e.getMessage());
            } else {
                notSent(c, attemptId, version, t, state, "the connection failed before anything was sent: "
                        + e.getMessage(), Duration.ofSeconds(30));
            }
        } catch (RateLimitedException e) {
            ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.RATE_LIMITED);
            notSent(c, attemptId, version, t, state, "Genesys answered 429 (rate limited)",
                    Duration.ofSeconds(Math.max(5, e.waitedSeconds())));
        } catch (GenesysCredentialsRejectedException e) {
            notSent(c, attemptId, version, t, state, "Genesys rejected the client credentials", Duration.ZERO);
            ctx.pauseCampaign(c.campaign().id(), "Genesys rejected the client credentials: fix them in the settings"
                    + " and resume");
        } catch (dev.switchboard.genesys.NotSentException e) {
            // nothing left: through the gate again (the next window, or the suppression's block)
            notSent(c, attemptId, version, t, state, HELD_BACK, Duration.ZERO);
        } catch (InvalidRequestException e) {
            failedPermanently(c, state, t, attemptId, version, "refused before sending: " + e.getMessage());
        } catch (GenesysApiException e) {
            switch (e.kind()) {
                case FORBIDDEN -> {
                    notSent(c, attemptId, version, t, state, "Genesys answered 403 " + e.code(), Duration.ZERO);
                    ctx.pauseCampaign(c.campaign().id(), "Genesys refused permission (403 " + e.code() + "): "
                            + e.errorMessage());
                }
                case BAD_REQUEST, NOT_FOUND, PAYLOAD_TOO_LARGE, CONFLICT, OTHER ->
                        failedPermanently(c, state, t, attemptId, version, "Genesys answered " + e.status() + " "
                                + e.code() + ": " + e.errorMessage());
                case UNAUTHORIZED, TOO_MANY_REQUESTS, REQUEST_TIMEOUT -> {
                    ctx.breaker(c.campaign().id(), e.status() == 429 ? CircuitBreakers.Kind.RATE_LIMITED
                            : CircuitBreakers.Kind.CALL_ERROR);
                    notSent(c, attemptId, version, t, state, "Genesys answered " + e.status() + " " + e.code(),
                            Duration.ofSeconds(30));
                }
                case SERVER_ERROR -> {
                    ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.CALL_ERROR);
                    unknown(c, attemptId, "Genesys answered " + e.status() + " to the send");
                }
            }
        } catch (RuntimeException e) {
            unknown(c, attemptId, "the send failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void failedPermanently(Claimed c, EnrollmentState state, Step.Touch t, long attemptId, int version,
                                   String why) {
        Instant now = ctx.now();
        PlanStep plan = planner.plan(state, c.sequence(), new Signal.Result(Outcome.FAILED,
                Optional.of(FailureReason.REJECTED)), now);
        ctx.repo().recordResult(attemptId, Set.of("INTENT"), new Settle("FAILED", null, null, "FAILED", why, null),
                c.row().id(), version, move(plan, c), now);
        ctx.emit(new EngineEvent(now, "FAILED", c.campaign().id(), c.contact().id(), t.id(), why));
    }

    private void notSent(Claimed c, long attemptId, int version, Step.Touch t, EnrollmentState state, String why,
                         Duration retryAfter) {
        Instant now = ctx.now();
        ctx.repo().recordResult(attemptId, Set.of("INTENT"), new Settle("NOT_SENT", null, null, null, why,
                "engine"), c.row().id(), version, new Move("READY", t.id(), now.plus(retryAfter),
                Progress.write(state), null), now);
        ctx.emit(new EngineEvent(now, "FAILED", c.campaign().id(), c.contact().id(), t.id(), "not sent: " + why));
    }

    private void unknown(Claimed c, long attemptId, String why) {
        Instant now = ctx.now();
        ctx.repo().markUnknown(attemptId, why, c.row().id(), now);
        ctx.emit(new EngineEvent(now, "UNKNOWN", c.campaign().id(), c.contact().id(), c.row().stepId(), why));
        ctx.wakeReconciler();
    }

    // ---- outcome polls --------------------------------------------------------------------------------------------

    private Optional<Work> pollWork(Claimed c, EnrollmentState state) {
        Optional<AttemptRow> sent = ctx.repo().lastAttempt(c.row().id()).filter(a -> a.state().equals("SENT"));
        if (sent.isEmpty() || sent.get().conversationId() == null || sent.get().messageId() == null) {
            Instant now = ctx.now();
            ctx.repo().move(c.row().id(), c.version(), new Move("READY", c.row().stepId(), now, c.row().state(),
                    null), now);
            return Optional.empty();
        }
        AttemptRow a = sent.get();
        if (a.messageId().startsWith(MessagingDelivery.ID_PREFIX)) {
            return Optional.of(Work.dialer(c.campaign().id(), c.row().id(), null, new MessagingDelivery.Check(c.row(),
                    c.version(), c.campaign(), c.sequence(), state, a)));
        }
        if (a.channel().equals(Channel.VOICE.name())) {
            return Optional.of(Work.dialer(c.campaign().id(), c.row().id(), null, new VoiceDialer.Check(c.row(),
                    c.version(), c.campaign(), c.sequence(), state, a)));
        }
        return Optional.of(new Work(c.campaign().id(), c.row().id(), null, () -> poll(c, state, a)));
    }

    private void poll(Claimed c, EnrollmentState state, AttemptRow a) {
        Step.Touch t = (Step.Touch) c.sequence().step(a.stepId()).orElseThrow();
        Messages.MessageStatus status;
        try {
            status = ctx.client().messaging().messageStatus(a.conversationId(), a.messageId());
        } catch (RuntimeException e) {
            Instant now = ctx.now();
            ctx.repo().move(c.row().id(), c.version(), new Move("AWAITING", t.id(), now.plusSeconds(60),
                    c.row().state(), null), now);
            return;
        }
        Instant now = ctx.now();
        switch (status.delivery()) {
            case DELIVERED -> settleOutcome(c, state, a, t, new Signal.Result(Outcome.DELIVERED, Optional.empty()),
                    "DELIVERED", status.status(), now);
            case FAILED -> {
                if (status.recipientOptedOut()) {
                    ctx.suppress(Suppression.Kind.OPT_OUT, Channel.SMS, a.address(),
                            "Genesys reported RecipientOptedOut for message " + a.messageId(), "genesys receipt");
                    ctx.optedOut(c.contact().id(), a.address(), "RecipientOptedOut receipt");
                    ctx.breaker(c.campaign().id(), CircuitBreakers.Kind.OPT_OUT);
                    settleOutcome(c, state, a, t, new Signal.Result(Outcome.OPTED_OUT, Optional.empty()),
                            "OPTED_OUT", "RecipientOptedOut", now);
                } else {
                    List<String> codes = status.reasonCodes();
                    FailureReason reason = codes.contains("InvalidDestination") ? FailureReason.INVALID_DESTINATION
                            : FailureReason.CARRIER_REJECTED;
                    settleOutcome(c, state, a, t, new Signal.Result(Outcome.FAILED, Optional.of(reason)), "FAILED",
                            String.join(",", codes), now);
                }
            }
            case PENDING, OTHER -> {
                Duration age = Duration.between(a.createdAt(), now);
                if (age.compareTo(RECEIPT_TIMEOUT) > 0) {
                    settleOutcome(c, state, a, t, new Signal.Result(Outcome.TIMED_OUT, Optional.empty()),
                            "TIMED_OUT", "no final receipt within " + RECEIPT_TIMEOUT.toHours() + " h", now);
                } else {
                    Duration next = Duration.ofSeconds(Math.clamp(age.toSeconds() / 2, 5, 900));
                    ctx.repo().move(c.row().id(), c.version(), new Move("AWAITING", t.id(), now.plus(next),
                            c.row().state(), null), now);
                }
            }
        }
    }

    /**
     * The signal that moves an enrollment on once an awaited result arrives: the result itself, unless an exit (an
     * opt-out, a conversion) came in while the touch was awaited; then the exit, which a result that ends the
     * sequence its own way must not swallow (an exit is not taken while a result is awaited).
     */
    static Signal afterResult(EngineContext ctx, long contactId, long campaignId, Signal result) {
        return ctx.exitSignal(contactId, campaignId).<Signal>map(Signal.Event::new).orElse(result);
    }

    private void settleOutcome(Claimed c, EnrollmentState state, AttemptRow a, Step.Touch t, Signal.Result result,
                               String outcome, String detail, Instant now) {
        PlanStep plan = planner.plan(state, c.sequence(), afterResult(ctx, c.row().contactId(),
                c.campaign().id(), result), now);
        ctx.repo().recordResult(a.id(), Set.of("SENT"), new Settle("SENT", null, null, outcome, detail, null),
                c.row().id(), c.version(), move(plan, c), now);
        ctx.emit(new EngineEvent(now, outcome.equals("DELIVERED") ? "DELIVERED" : "FAILED", c.campaign().id(),
                c.contact().id(), t.id(), outcome + (detail == null ? "" : " " + detail)));
    }

    /** The enrollment move a plan asks for (a touch due now is picked up by the next poll). */
    static Move move(PlanStep plan, Claimed c) {
        return move(plan, c.row().stepId());
    }

    static Move move(PlanStep plan, String currentStep) {
        return switch (plan) {
            case PlanStep.Exited x -> new Move("DONE", x.state().currentStep().orElse(currentStep), null,
                    Progress.write(x.state()), x.reason());
            case PlanStep.Next n -> new Move("READY", n.stepId(), n.due(), Progress.write(n.state()), null);
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void commit(Claimed c, Move m, List<EventRow> events, Instant now) {
        ctx.repo().moveWithEvents(c.row().id(), c.version(), m, events, now);
    }

    private PressureView pressure() {
        return new LedgerPressure(ctx.repo());
    }

    /** The address a touch goes to: SMS to the first mobile number (else the first number), email to the email. */
    static Optional<String> address(Contact c, Channel channel) {
        if (channel == Channel.EMAIL) {
            return Optional.ofNullable(c.data().email()).map(e -> e.toLowerCase(Locale.ROOT));
        }
        List<Phone> phones = c.data().phones();
        if (channel == Channel.VOICE) {
            return phones.stream().findFirst().map(Phone::e164);
        }
        return phones.stream().filter(p -> p.type() == PhoneType.MOBILE).findFirst()
                .or(() -> phones.stream().findFirst()).map(Phone::e164);
    }

    /** The person's keys: every address the contact has (a suppression of any of them covers it). */
    static List<String> personKeys(Contact c) {
        List<String> keys = new ArrayList<>();
        c.data().phones().forEach(p -> keys.add(p.e164()));
        if (c.data().email() != null) {
            keys.add(c.data().email().toLowerCase(Locale.ROOT));
        }
        if (keys.isEmpty()) {
            keys.add("contact:" + c.id());
        }
        return keys;
    }

    private static String reason(List<Evaluation> evaluations, String rule) {
        return evaluations.stream().filter(e -> e.ruleId().equals(rule)).findFirst()
                .map(e -> e.reason() + (e.inputs() == null || e.inputs().isBlank() ? "" : " [" + e.inputs() + "]"))
                .orElse(rule);
    }

    static String mask(String address) {
        return address.contains("@") ? LogMask.email(address) : LogMask.phone(address);
    }

    private static EventRow event(EnrollmentRow row, Instant at, String kind, String step, Channel channel,
                                  String rule, Instant until, String detail, String pack) {
        return new EventRow(0, row.id(), row.campaignId(), row.contactId(), at, kind, step,
                channel == null ? null : channel.name(), rule, until, detail, pack);
    }
}
