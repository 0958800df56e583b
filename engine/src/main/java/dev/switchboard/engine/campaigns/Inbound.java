package dev.switchboard.engine.campaigns;

import dev.switchboard.genesys.Messages;
import dev.switchboard.genesys.NotificationEvent;
import dev.switchboard.model.compliance.KeywordMatcher;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.InboundRepository;
import dev.switchboard.persistence.InboundRepository.InboundRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that comes back: inbound SMS replies (notifications on the inbound queue's topic), dialer results,
 * and the intake's conversions, bounces, unsubscribes and enroll requests. Each event is recorded once by its
 * source id (a repeated delivery is a no-op), then processed; a crash between the two leaves it unprocessed and
 * the housekeeper picks it up again.
 *
 * <p>Replies are classified by the rule pack's keywords ({@link KeywordMatcher}, NFKC): an opt-out runs
 * {@link #optOut} (durable suppression first; one confirmation without marketing, only within 5 minutes; withdrawal
 * from every Genesys list the person sits in; every enrollment of the person ends); START/UNSTOP lifts an SMS
 * opt-out only when it comes from the number that opted out; HELP gets the help text; text that may be a revocation
 * is suppressed and queued for a person, with no reply; anything else gets the campaign's auto-reply at most once
 * per sender per window, so an auto-responder cannot start a loop.
 */
public final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    /** An opt-out confirmation goes out only this soon after the opt-out (later, silence is safer). */
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(5);
    /** Setting: the auto-reply window in hours (default 24). */
    public static final String AUTO_REPLY_WINDOW = "auto_reply_window_hours";
    static final String DEFAULT_HELP = "%s: reply STOP to stop these messages. For help call %s.";
    static final String CONFIRMATION = "%s: you are unsubscribed and will receive no more messages. Reply START to"
            + " resubscribe.";

    /** An exit the contact's enrollments have not taken yet (campaignId null: every campaign). */
    record Exit(long eventId, Long campaignId, Outcome outcome) {
    }

    private final EngineContext ctx;
    private final InboundRepository events;
    private final VoiceDialer dialer;
    private final MessagingDelivery messaging;
    private final Map<Long, List<Exit>> exits = new ConcurrentHashMap<>();
    private final dev.switchboard.engine.dnc.GenesysDnc dnc;
    private final java.util.concurrent.atomic.AtomicBoolean confirmRequested = new java.util.concurrent.atomic
            .AtomicBoolean();

    Inbound(EngineContext ctx, InboundRepository events, VoiceDialer dialer, MessagingDelivery messaging,
            dev.switchboard.engine.dnc.GenesysDnc dnc) {
        this.messaging = messaging;
        this.dnc = dnc;
        this.ctx = ctx;
        this.events = events;
        this.dialer = dialer;
    }

    // ---- entry points -----------------------------------------------------------------------------------------

    /** A notification: inbound messages on the queue's topic, dialer post-contact results. */
    void onNotification(NotificationEvent e) {
        try {
            if (e.topicName().endsWith(".conversations.messages")) {
                onQueueMessage(e.eventBody());
            } else if (e.topicName().endsWith(".contact.postContact") && !messaging.onPostContact(e.eventBody())) {
                String id = e.eventBody().path("outboundContactId").asString("");
                if (!id.isEmpty()) {
                    dialer.onPostContact(id);
                }
            }
        } catch (RuntimeException ex) {
            LOG.warn("notification on {} not handled: {}", e.topicName(), ex.toString());
        }
    }

    /** A conversation event of the inbound queue: every inbound message of the customer is one reply event. */
    void onQueueMessage(JsonNode body) {
        String conversationId = body.path("id").asString("");
        for (JsonNode p : body.path("participants")) {
            if (!"customer".equals(p.path("purpose").asString(""))) {
                continue;
            }
            String address = p.path("address").asString("");
            for (JsonNode m : p.path("messages")) {
                String messageId = m.path("message").path("id").asString("");
                if (messageId.isEmpty()) {
                    continue;
                }
                Instant at = parse(m.path("messageTime").asString(null));
                record("genesys:message:" + messageId, "notification", "REPLY", null, null, address,
                        conversationId + "\n" + messageId, at);
            }
        }
    }

    /**
     * Records an event (once per key) and processes it. Returns the row, or empty for a duplicate.
     */
    Optional<InboundRow> record(String key, String source, String kind, Long contactId, Long campaignId,
                                String address, String body, Instant occurredAt) {
        Instant now = ctx.now();
        Optional<InboundRow> row = events.record(key, source, kind, contactId, campaignId, address, body,
                occurredAt == null ? now : occurredAt, now);
        row.ifPresent(this::process);
        return row;
    }

    /** Retries what a crash or a failure left unprocessed; releases exits whose enrollments all ended. */
    void processPending() {
        for (InboundRow r : events.unprocessed(200)) {
            if (r.processedAt() == null) {
                process(r);
            }
        }
    }

    private void pushQuietly(String address, String why) {
        try {
            dnc.push(List.of(address), why);
            confirmRequested.set(true);
        } catch (RuntimeException e) {
            LOG.warn("DNC push failed, retried by the read-back: {}", e.toString());
        }
    }

    /** True once after an opt-out was pushed to Genesys: the housekeeper reads the DNC lists back soon. */
    boolean takeConfirmRequest() {
        return confirmRequested.getAndSet(false);
    }

    Optional<Outcome> exitSignal(long contactId, long campaignId) {
        List<Exit> list = exits.get(contactId);
        if (list == null) {
            return Optional.empty();
        }
        return list.stream().filter(x -> x.campaignId() == null || x.campaignId() == campaignId)
                .map(Exit::outcome).findFirst();
    }

    // ---- processing -------------------------------------------------------------------------------------------

    private void process(InboundRow r) {
        try {
            String outcome = switch (r.kind()) {
                case "REPLY" -> reply(r);
                case "CONVERSION" -> exit(r, Outcome.CONVERTED);
                case "OPT_OUT" -> exit(r, Outcome.OPTED_OUT);
                case "BOUNCE" -> email(r, Suppression.Kind.HARD_BOUNCE, "the email provider reported a hard bounce");
                case "UNSUBSCRIBE" -> email(r, Suppression.Kind.OPT_OUT, "the person unsubscribed by email");
                case "ENROLL" -> enroll(r);
                default -> "ignored: unknown kind " + r.kind();
            };
            if (outcome != null) {
                events.processed(r.id(), outcome, ctx.now());
            }
        } catch (RuntimeException e) {
            LOG.warn("inbound event {} not processed yet: {}", r.id(), e.toString());
        }
    }

    /** A reply: read its text, classify it, act. */
    private String reply(InboundRow r) {
        String[] ids = r.body().split("\n", 2);
        String conversationId = ids[0];
        Messages.TextMessage m = ctx.client().messaging().message(conversationId, ids.length > 1 ? ids[1] : "");
        if (!m.inbound()) {
            return "ignored: not an inbound message";
        }
        String from = m.fromAddress() == null ? r.address() : m.fromAddress();
        String ours = m.toAddress();
        Optional<long[]> owner = events.conversationOwner(conversationId);
        Long contactId = owner.map(o -> o[0]).orElseGet(() -> events.contactsByAddress(from).stream().findFirst()
                .orElse(null));
        Long campaignId = owner.map(o -> o[1]).orElse(null);
        events.attribute(r.id(), contactId, campaignId);
        KeywordMatcher.Match match = ctx.pack().keywords().matcher().classify(m.text());
        ctx.emit(new EngineEvent(ctx.now(), "REPLY", campaignId == null ? 0 : campaignId,
                contactId == null ? 0 : contactId, null, match + " reply from " + StepRunner.mask(from)));
        String said = "\"" + clip(m.text(), 60) + "\" → ";
        return said + switch (match) {
            case OPT_OUT -> {
                ctx.suppress(Suppression.Kind.OPT_OUT, Channel.SMS, from, "replied \"" + clip(m.text(), 40) + "\"",
                        dev.switchboard.engine.suppressions.SuppressionService.SMS_KEYWORD);
                String confirmation = confirm(r, from, ours, campaignId);
                optOut(contactId, from, "keyword reply");
                if (campaignId != null) {
                    ctx.breaker(campaignId, CircuitBreakers.Kind.OPT_OUT);
                }
                yield "opt-out: suppressed; " + confirmation + "; withdrawn everywhere";
            }
            case OPT_IN -> optIn(r, from, ours);
            case HELP -> "help: " + send(r, "HELP", from, ours, campaignId, helpText(campaignId));
            case POSSIBLE_REVOCATION -> {
                ctx.suppress(Suppression.Kind.REVIEW, Channel.SMS, from, "reply may revoke consent: \""
                        + clip(m.text(), 60) + "\"", "sms reply review");
                events.review(r.id(), contactId, from, m.text(), ctx.now());
                if (contactId != null) {
                    dialer.withdrawContact(contactId, "a reply that may revoke consent waits for review");
                }
                yield "possible revocation: suppressed pending review, no auto-reply";
            }
            case NONE -> autoReply(r, from, ours, campaignId);
        };
    }

    /**
     * Everything after the durable suppression of an opt-out: withdrawal from every Genesys list the person sits
     * in, and the end of every enrollment of the person.
     */
    void optOut(Long contactId, String address, String how) {
        // the Genesys DNC list: pushed now, read back by the housekeeper (a failed push stays pending, retried)
        pushQuietly(address, "opted out (" + how + ")");
        List<Long> people = new ArrayList<>();
        if (contactId != null) {
            people.add(contactId);
        }
        events.contactsByAddress(address).stream().filter(id -> !people.contains(id)).forEach(people::add);
        for (long id : people) {
            dialer.withdrawContact(id, "opted out (" + how + ")");
            addExit(id, new Exit(0, null, Outcome.OPTED_OUT));
        }
    }

    private String confirm(InboundRow r, String to, String from, Long campaignId) {
        if (Duration.between(r.occurredAt(), ctx.now()).compareTo(CONFIRM_WITHIN) > 0) {
            return "no confirmation (the opt-out is older than 5 minutes)";
        }
        if (events.lastReply(to, "CONFIRMATION", ctx.now().minus(Duration.ofDays(1))).isPresent()) {
            return "no confirmation (one was sent within a day)";
        }
        return "confirmation " + send(r, "CONFIRMATION", to, from, campaignId, CONFIRMATION.formatted(
                brand(campaignId)));
    }

    private String optIn(InboundRow r, String from, String ours) {
        // START re-enables SMS only from the number that opted out, and only an SMS keyword opt-out
        int lifted = ctx.liftSmsOptOut(from, "replied " + "START from the same number (event " + r.id() + ")");
        if (lifted > 0) {
            try {
                dnc.optIn(from, "opt-in keyword from the same number (event " + r.id() + ")");
            } catch (RuntimeException e) {
                LOG.warn("DNC removal after an opt-in failed: {}", e.toString());
            }
        }
        return lifted > 0 ? "opt-in: SMS opt-out of this number lifted" : "opt-in: no SMS keyword opt-out to lift";
    }

    private String autoReply(InboundRow r, String from, String ours, Long campaignId) {
        String text = campaignId == null ? null : events.replyTexts(campaignId).autoReply();
        if (text == null || text.isBlank()) {
            return "no auto-reply configured";
        }
        long hours = ctx.repo().setting(AUTO_REPLY_WINDOW).map(Long::parseLong).orElse(24L);
        if (events.lastReply(from, "AUTO", ctx.now().minus(Duration.ofHours(hours))).isPresent()) {
            return "no auto-reply (one was sent to this number within " + hours + " h)";
        }
        return "auto-reply " + send(r, "AUTO", from, ours, campaignId, text);
    }

    /** A system reply: intent first (one per event and kind), then the call; never resent. */
    private String send(InboundRow r, String kind, String to, String from, Long campaignId, String text) {
        // an opt-out confirmation and HELP answers are owed even to a number that opted out; nothing is sent to a
        // number under a legal hold, and an auto-reply never goes to a suppressed number
        boolean blocked = ctx.suppressionView().forAddress(to).stream().anyMatch(s ->
                s.kind() == Suppression.Kind.LEGAL_HOLD || kind.equals("AUTO"));
        if (blocked) {
            return "not sent: the number is suppressed";
        }
        Optional<Long> id = events.replyIntent(r.id(), kind, to, from, campaignId, ctx.now());
        if (id.isEmpty()) {
            return "already sent";
        }
        try {
            Messages.SendReceipt receipt = ctx.client().messaging().sendSms(new Messages.Sms(from, to, text));
            events.settleReply(id.get(), "SENT", receipt.conversationId(), receipt.messageId(), null, ctx.now());
            return "sent";
        } catch (dev.switchboard.genesys.SendOutcomeUnknownException e) {
            events.settleReply(id.get(), "UNKNOWN", null, null, e.getMessage(), ctx.now());
            return "outcome unknown";
        } catch (RuntimeException e) {
            events.settleReply(id.get(), "NOT_SENT", null, null, e.getMessage(), ctx.now());
            return "not sent (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A conversion or an opt-out reported through the intake: every matching enrollment ends. */
    private String exit(InboundRow r, Outcome outcome) {
        if (r.contactId() == null) {
            return "ignored: no contact";
        }
        if (outcome == Outcome.OPTED_OUT && r.address() != null) {
            ctx.suppress(Suppression.Kind.OPT_OUT, null, r.address(), "opt-out reported through the intake",
                    "intake " + r.source());
            pushQuietly(r.address(), "opt-out reported through the intake");
        }
        addExit(r.contactId(), new Exit(r.id(), r.campaignId(), outcome));
        int withdrawn = dialer.withdrawContact(r.contactId(), outcome == Outcome.CONVERTED ? "converted"
                : "opted out");
        List<EnrollmentRow> open = active(r.contactId(), r.campaignId());
        if (!open.isEmpty()) {
            open.forEach(e -> ctx.repo().nudge(e.id(), ctx.now()));
            ctx.wake();
            return null; // processed once every enrollment has taken the exit (see releaseExits)
        }
        return outcome + ": " + withdrawn + " dialer placements withdrawn; no enrollment was active";
    }

    private String email(InboundRow r, Suppression.Kind kind, String why) {
        if (r.address() == null) {
            return "ignored: no email address";
        }
        ctx.suppress(kind, Channel.EMAIL, r.address(), why, "intake " + r.source());
        if (kind == Suppression.Kind.OPT_OUT) {
            pushQuietly(r.address(), why);
        }
        return kind + " suppression of the address";
    }

    private String enroll(InboundRow r) {
        if (r.contactId() == null || r.campaignId() == null) {
            return "ignored: an enroll event needs a contact and a campaign";
        }
        CampaignRow c = ctx.repo().campaign(r.campaignId()).orElse(null);
        if (c == null || c.state().equals("DRAFT") || c.state().equals("STOPPED")) {
            return "refused: campaign " + r.campaignId() + " is " + (c == null ? "unknown" : c.state());
        }
        boolean added = ctx.repo().enrollOne(c.id(), r.contactId(), c.sequenceVersion(), Progress.INITIAL,
                ctx.now());
        if (added) {
            ctx.repo().moveCampaign(c.id(), java.util.Set.of("COMPLETED"), "RUNNING", null, ctx.now());
            ctx.wake();
        }
        return added ? "enrolled" : "already enrolled";
    }

    /** Exits whose enrollments all ended are released and their events marked processed. */
    void releaseExits() {
        for (Map.Entry<Long, List<Exit>> e : exits.entrySet()) {
            long contactId = e.getKey();
            List<Exit> remaining = new ArrayList<>();
            for (Exit x : e.getValue()) {
                if (active(contactId, x.campaignId()).isEmpty()) {
                    if (x.eventId() > 0) {
                        events.processed(x.eventId(), x.outcome() + ": every enrollment ended", ctx.now());
                    }
                } else {
                    remaining.add(x);
                }
            }
            if (remaining.isEmpty()) {
                exits.remove(contactId);
            } else {
                e.setValue(remaining);
            }
        }
    }

    private void addExit(long contactId, Exit x) {
        exits.compute(contactId, (k, v) -> {
            List<Exit> l = v == null ? new ArrayList<>() : new ArrayList<>(v);
            if (l.stream().noneMatch(y -> y.eventId() == x.eventId() && java.util.Objects.equals(y.campaignId(),
                    x.campaignId()) && y.outcome() == x.outcome())) {
                l.add(x);
            }
            return l;
        });
        for (EnrollmentRow e : active(contactId, x.campaignId())) {
            ctx.repo().nudge(e.id(), ctx.now());
        }
        ctx.wake();
    }

    private List<EnrollmentRow> active(long contactId, Long campaignId) {
        return ctx.repo().enrollmentsOfContact(contactId).stream()
                .filter(e -> !e.status().equals("DONE"))
                .filter(e -> campaignId == null || e.campaignId() == campaignId).toList();
    }

    private String helpText(Long campaignId) {
        String text = campaignId == null ? null : events.replyTexts(campaignId).helpText();
        if (text != null && !text.isBlank()) {
            return text;
        }
        Map<String, String> vars = campaignId == null ? Map.of() : ctx.repo().campaign(campaignId)
                .map(c -> CampaignService.read(c.variables())).orElse(Map.of());
        return DEFAULT_HELP.formatted(brand(campaignId), vars.getOrDefault("callback_number", "the number on our"
                + " website"));
    }

    private String brand(Long campaignId) {
        return campaignId == null ? "Switchboard" : ctx.repo().campaign(campaignId)
                .map(c -> CampaignService.read(c.variables()).getOrDefault("company_name", c.name()))
                .orElse("Switchboard");
    }

    private static Instant parse(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
