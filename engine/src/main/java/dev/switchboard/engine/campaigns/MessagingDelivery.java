package dev.switchboard.engine.campaigns;

import dev.switchboard.genesys.Campaigns;
import dev.switchboard.genesys.Contacts;
import dev.switchboard.genesys.DomainRef;
import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.ResponsesApi;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.PlanStep;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.persistence.DialerRepository;
import dev.switchboard.persistence.DialerRepository.PlacementRow;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.Move;
import dev.switchboard.persistence.EngineRepository.Settle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Volume SMS and email through Genesys messaging campaigns (architecture.md: "for volume, through contact lists attached to
 * Genesys messaging campaigns, 1000 contacts per request"). An agentless send costs one API call per contact; when a
 * claim round holds at least {@link #THRESHOLD} due contacts of one campaign, its SMS touches go instead, with the
 * text the engine rendered itself, into the contact list of the campaign's own Genesys messaging campaign (one list
 * add per 1000), which sends them at {@code messagesPerMinute}; results come back as post-contact notifications
 * (WebSocket frames, not API calls).
 *
 * <p>The send protocol is the agentless one: the gate decides, the intent (attempt, pressure ledger, the sender's
 * throughput slot) is committed first, and the Genesys contact id is derived from the attempt ({@code sb-m<attempt
 * id>}), so a retried add is an upsert and the reconciler can ask Genesys whether an UNKNOWN placement arrived and
 * whether it was messaged ({@code latestSmsEvaluations}) instead of resending. Once a contact sits in the list,
 * Genesys decides when it leaves, so, as for the voice dialer ({@link VoiceDialer}), only contacts the gate allows
 * for at least {@link VoiceDialer#MIN_SPAN} are placed, the messaging campaign's rate is the sender's throughput,
 * and no more wait there than can leave within that span ({@link #takeRoom}); a placement whose span ends
 * unmessaged is withdrawn and goes through the gate again.
 *
 * <p>Withdrawal: an opt-out, a conversion, a review hold take the person's placements out one by one (uncontactable,
 * then deleted, {@link VoiceDialer#withdraw}); a pause, a stop or the kill switch stop the Genesys messaging
 * campaign and then take every waiting contact out in bulk. A Genesys messaging campaign that ran out ("complete")
 * goes over its whole list again when restarted, so every messaged contact leaves the list before a restart.
 *
 * <p>Email ({@link Lane#EMAIL}) takes the same path through the campaign's own email messaging campaign, whose
 * content template (a {@code CampaignEmailTemplate} response) substitutes the subject and bodies the engine rendered
 * whole, from the contact's {@link #SUBJECT}, {@link #TEXT} and {@link #HTML} columns.
 *
 * <p>One SMS number sends for only one running Genesys messaging campaign (genesys-api.md §7): a number is held by
 * the first engine campaign that uses it here, and another running campaign on the same number sends agentless.
 */
final class MessagingDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String LIST = "SMS_LIST";
    static final String CAMPAIGN = "SMS_CAMPAIGN";
    /** The email lane's list, messaging campaign and content template (a Response Management response). */
    static final String EMAIL_LIST = "EMAIL_LIST";
    static final String EMAIL_CAMPAIGN = "EMAIL_CAMPAIGN";
    static final String EMAIL_TEMPLATE = "EMAIL_TEMPLATE";
    static final String REF = "switchboardRef";
    static final String PHONE = "phone";
    static final String MESSAGE = "message";
    static final String EMAIL = "email";
    /**
     * The email lane's text columns: the subject, plain-text and HTML bodies the engine rendered from the approved
     * template, which the campaign's content template substitutes whole ({@code {{sb_subject}}} …), so what
     * Genesys sends is exactly what the engine rendered and hashed.
     */
    static final String SUBJECT = "sb_subject";
    static final String TEXT = "sb_text";
    static final String HTML = "sb_html";

    /**
     * The two lanes through messaging campaigns: each engine campaign has its own Genesys list and messaging
     * campaign per lane (a Genesys messaging campaign is either SMS or email).
     */
    enum Lane {
        SMS(LIST, CAMPAIGN, "SMS", "sms"),
        EMAIL(EMAIL_LIST, EMAIL_CAMPAIGN, "Email", "email");

        final String listKey;
        final String campaignKey;
        /** The contactable-status key Genesys uses for the channel. */
        final String contactable;
        final String label;

        Lane(String listKey, String campaignKey, String contactable, String label) {
            this.listKey = listKey;
            this.campaignKey = campaignKey;
            this.contactable = contactable;
            this.label = label;
        }

        static Optional<Lane> of(dev.switchboard.model.contact.Channel channel) {
            return switch (channel) {
                case SMS -> Optional.of(SMS);
                case EMAIL -> Optional.of(EMAIL);
                default -> Optional.empty();
            };
        }

        static Lane of(PlacementRow p) {
            return p.address() != null && p.address().contains("@") ? EMAIL : SMS;
        }

        static Lane of(AttemptRow a) {
            return "EMAIL".equals(a.channel()) ? EMAIL : SMS;
        }

        String upper() {
            return this == SMS ? "SMS" : "Email";
        }
    }

    /** An engine campaign's lane. */
    record Key(long campaignId, Lane lane) {
    }
    /** Prefix of the Genesys contact ids of messaging placements (voice uses {@code sb-a}). */
    static final String ID_PREFIX = "sb-m";
    /** The attempt evidence of a messaging placement starts with this (the reconciler tells the paths apart). */
    static final String EVIDENCE = "via a Genesys messaging campaign";
    /** The post-contact code of a message Genesys sent. */
    static final String SENT_CODE = "OUTBOUND_MESSAGE_SENT";
    /** Notification topics of the messaging campaigns' per-contact results. */
    static final List<String> TOPICS = List.of("v2.outbound.messaging.campaigns.contact.postContact",
            "v2.outbound.email.campaigns.contact.postContact");

    /**
     * Due contacts of one campaign in a claim round from which its SMS touches go through the messaging campaign:
     * one list add per 1000 plus a handful of campaign operations then costs far fewer calls than one send each.
     */
    static final int THRESHOLD = 200;
    /** The most enrollments a claim round takes when a campaign goes through the messaging campaign (one add). */
    static final int ROUND = 1000;
    /** {@code auto} (default: from {@link #THRESHOLD}), {@code on} (any round, for tests), {@code off} (never). */
    static final String PROPERTY = "switchboard.messaging.volume";
    /** The highest {@code messagesPerMinute} the engine asks of a Genesys messaging campaign. */
    static final int MAX_MESSAGES_PER_MINUTE = 1000;
    /** A placement without news for this long (engine time) is read from Genesys (bulk, 50 per request). */
    static final Duration NEWS_GRACE = Duration.ofMinutes(10);
    /**
     * How far ahead the gate is probed for a placement (its {@code expiresAt}): a placed contact leaves within
     * {@link VoiceDialer#MIN_SPAN} at the campaign's rate ({@link #takeRoom}), so a longer probe buys nothing.
     */
    static final Duration SPAN = Duration.ofMinutes(30);
    /** How often a waiting placement is looked at without news. */
    static final Duration POLL = Duration.ofMinutes(15);

    enum Mode { AUTO, ON, OFF }

    static Mode mode() {
        String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "on", "true", "always" -> Mode.ON;
            case "off", "false", "never" -> Mode.OFF;
            default -> Mode.AUTO;
        };
    }

    /**
     * Whether a round with {@code due} contacts of one campaign goes through the messaging campaign: from
     * {@link #THRESHOLD} on, or any number while the campaign's messaging campaign is in use ({@code inUse}: adding
     * to a running list costs one call, where agentless costs one per contact).
     */
    static boolean volume(long due, boolean inUse) {
        return switch (mode()) {
            case ON -> due > 0;
            case OFF -> false;
            case AUTO -> due >= THRESHOLD || due > 0 && inUse;
        };
    }

    /** Whether the campaign placed contacts in one of its messaging campaigns within the last {@link #POLL}. */
    boolean inUse(long campaignId) {
        for (Lane lane : Lane.values()) {
            Instant last = lastUsed.get(new Key(campaignId, lane));
            if (last != null && last.plus(POLL).isAfter(ctx.now())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One contact to place (phase 1 committed its intent): its address (a number or an email address) and what
     * the engine rendered ({@code subject} and {@code html} only for email).
     */
    record Placement(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence, EnrollmentState state,
                     Step.Touch touch, long attemptId, String number, String text, String subject, String html,
                     Instant expiresAt) {
        Lane lane() {
            return Lane.of(touch.channel()).orElseThrow();
        }
    }

    /** One waiting placement to look at. */
    record Check(EnrollmentRow row, int version, CampaignRow campaign, Sequence sequence, EnrollmentState state,
                 AttemptRow attempt) {
    }

    /** What Genesys said of one placed contact: its post-contact code, conversation and when. */
    record News(String code, String conversationId, String at) {
        String encoded() {
            return "msg|" + code + "|" + (conversationId == null ? "" : conversationId) + "|" + at;
        }

        static Optional<News> decode(String s) {
            if (s == null || !s.startsWith("msg|")) {
                return Optional.empty();
            }
            String[] p = s.split("\\|", -1);
            return p.length < 4 ? Optional.empty()
                    : Optional.of(new News(p[1], p[2].isEmpty() ? null : p[2], p[3]));
        }

        boolean messaged() {
            return SENT_CODE.equals(code);
        }
    }

    private final EngineContext ctx;
    private final DialerRepository placements;
    private final VoiceDialer dialer;
    private final Planner planner = new Planner(CapCheck.NONE);
    /** SMS number → the engine campaign whose Genesys messaging campaign holds it. */
    private final Map<String, Long> senders = new ConcurrentHashMap<>();
    /** Engine campaigns' lanes whose messaging campaign could not be set up: they send agentless. */
    private final Map<Key, String> unavailable = new ConcurrentHashMap<>();
    /** Per engine campaign and lane: contacts placed or about to be, not yet messaged (the Genesys backlog). */
    private final Map<Key, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Map<Key, Integer> rates = new ConcurrentHashMap<>();
    private final Map<Key, Instant> lastUsed = new ConcurrentHashMap<>();

    MessagingDelivery(EngineContext ctx, DialerRepository placements, VoiceDialer dialer) {
        this.ctx = ctx;
        this.placements = placements;
        this.dialer = dialer;
    }

    static boolean isMessaging(PlacementRow p) {
        return p.genesysContactId().startsWith(ID_PREFIX);
    }

    static boolean isMessaging(AttemptRow a) {
        return a.evidence() != null && a.evidence().startsWith(EVIDENCE);
    }

    /** The id of the Genesys messaging list of the attempt's campaign and lane (or a marker when it has none). */
    String listOf(AttemptRow a) {
        return placements.object(a.campaignId(), Lane.of(a).listKey).orElse("no-messaging-list");
    }

    static String genesysId(long attemptId) {
        return ID_PREFIX + attemptId;
    }

    // ---- who may use it ----------------------------------------------------------------------------------------

    /** Whether the campaign's SMS or email may go through a messaging campaign now. */
    boolean mayUseAny(CampaignRow c) {
        return mayUse(c, Lane.SMS) || mayUse(c, Lane.EMAIL);
    }

    /**
     * Whether the campaign's touches of a lane may go through its messaging campaign now: SMS from a sender no
     * other campaign holds, email from a from-address.
     */
    boolean mayUse(CampaignRow c, Lane lane) {
        if (c == null || unavailable.containsKey(new Key(c.id(), lane))) {
            return false;
        }
        if (lane == Lane.EMAIL) {
            return c.emailFrom() != null && c.emailFrom().contains("@");
        }
        if (c.smsFrom() == null || c.smsFrom().isBlank()) {
            return false;
        }
        Long holder = senders.putIfAbsent(c.smsFrom(), c.id());
        return holder == null || holder == c.id();
    }

    /**
     * The messages per minute the campaign's Genesys messaging campaign runs at: the sender's throughput
     * (segments per second, AT&T's per-minute limit) for messages of {@code segments}, at most
     * {@link #MAX_MESSAGES_PER_MINUTE}.
     */
    int messagesPerMinute(CampaignRow c, Lane lane, int segments) {
        return rates.computeIfAbsent(new Key(c.id(), lane), k -> {
            if (lane == Lane.EMAIL) {
                return MAX_MESSAGES_PER_MINUTE; // no sender throughput for email: Genesys's own pace
            }
            SenderLimits l = ctx.throttle().limits(c.smsFrom());
            double perMinute = l.segmentsPerSecond() * 60;
            if (l.attPerMinute() > 0) {
                perMinute = Math.min(perMinute, l.attPerMinute());
            }
            return (int) Math.clamp(Math.floor(perMinute / Math.max(1, segments)), 1, MAX_MESSAGES_PER_MINUTE);
        });
    }

    /**
     * Takes a place in the campaign's Genesys backlog for one more contact: no more wait there than can leave at
     * the campaign's rate within {@link VoiceDialer#MIN_SPAN} (every placed contact is allowed at least that long).
     */
    boolean takeRoom(CampaignRow c, Lane lane, int segments) {
        int cap = messagesPerMinute(c, lane, segments) * (int) VoiceDialer.MIN_SPAN.toMinutes();
        AtomicInteger n = waiting.computeIfAbsent(new Key(c.id(), lane), k -> new AtomicInteger(countWaiting(k)));
        if (n.incrementAndGet() > cap) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a place taken by {@link #takeRoom} (the intent was not committed, or the contact left). */
    void releaseRoom(long campaignId, Lane lane) {
        AtomicInteger n = waiting.get(new Key(campaignId, lane));
        if (n != null && n.decrementAndGet() < 0) {
            n.set(0);
        }
    }

    private int countWaiting(Key k) {
        return placements.object(k.campaignId(), k.lane().listKey)
                .map(l -> placements.waitingWithoutNews(k.campaignId(), l)).orElse(0);
    }

    // ---- setup ----------------------------------------------------------------------------------------------------

    record Resources(String listId, String campaignId) {
    }

    /**
     * The campaign's Genesys contact list and messaging campaign of a lane (with the engine's DNC lists), made on
     * first use; for email also its content template, a {@code CampaignEmailTemplate} response that substitutes the
     * rendered subject and bodies whole.
     */
    synchronized Resources resources(CampaignRow c, Lane lane, int segments) {
        Instant now = ctx.now();
        String name = clip("Switchboard " + c.id() + " " + c.name() + " " + lane.label, 64);
        String listId = placements.object(c.id(), lane.listKey).orElse(null);
        if (listId == null) {
            Contacts.DialerContactList list = ctx.client().contacts().createContactList(lane == Lane.SMS
                    ? Contacts.DialerContactList.create(name, List.of(REF, PHONE, MESSAGE),
                            List.of(new Contacts.PhoneColumn(PHONE, "cell")), List.of())
                    : Contacts.DialerContactList.create(name, List.of(REF, EMAIL, SUBJECT, TEXT, HTML), List.of(),
                            List.of(new Contacts.EmailColumn(EMAIL, "personal"))));
            listId = placements.putObject(c.id(), lane.listKey, list.id(), list.name(), now);
        }
        String campaignId = placements.object(c.id(), lane.campaignKey).orElse(null);
        if (campaignId == null) {
            int mpm = messagesPerMinute(c, lane, segments);
            ObjectNode sms = null;
            ObjectNode email = null;
            if (lane == Lane.SMS) {
                sms = JSON.createObjectNode().put("messageColumn", MESSAGE).put("phoneColumn", PHONE);
                sms.putObject("senderSmsPhoneNumber").put("phoneNumber", c.smsFrom());
            } else {
                String template = placements.object(c.id(), EMAIL_TEMPLATE).orElse(null);
                if (template == null) {
                    template = placements.putObject(c.id(), EMAIL_TEMPLATE, emailTemplate(name), name, now);
                }
                email = JSON.createObjectNode();
                email.putArray("emailColumns").add(EMAIL);
                int at = c.emailFrom().lastIndexOf('@');
                ObjectNode from = email.putObject("fromAddress");
                from.put("localPart", c.emailFrom().substring(0, at));
                from.putObject("domain").put("id", c.emailFrom().substring(at + 1));
                email.putObject("contentTemplate").put("id", template);
            }
            List<String> dnc = new ArrayList<>(ctx.dncLists());
            if (lane == Lane.EMAIL) {
                // the org's email DNC lists too (the engine's own lists, phone and email, are already there)
                ctx.client().dnc().listDncLists().stream().filter(l -> "Email".equalsIgnoreCase(l.contactMethod())
                        && !dnc.contains(l.id())).forEach(l -> dnc.add(l.id()));
            }
            Campaigns.MessagingCampaign created = ctx.client().campaigns().createMessagingCampaign(
                    new Campaigns.MessagingCampaign(null, name, null, "off", DomainRef.of(listId), mpm,
                            dnc.stream().map(DomainRef::of).toList(), null, null, sms, email));
            campaignId = placements.putObject(c.id(), lane.campaignKey, created.id(), mpm + " messages per minute",
                    now);
            ctx.emit(new EngineEvent(now, "MESSAGING", c.id(), 0, null, "Genesys " + lane.label
                    + " messaging campaign created (" + mpm + " messages a minute" + (lane == Lane.SMS
                    ? ", the sender's throughput" : "") + "; the engine's DNC lists attached)"));
        }
        return new Resources(listId, campaignId);
    }

    /**
     * Creates the email lane's content template in the org's first response library: its subject and bodies are
     * the contact's {@link #SUBJECT}, {@link #TEXT} and {@link #HTML} columns, which hold what the engine rendered.
     */
    private String emailTemplate(String name) {
        List<ResponsesApi.Library> libraries = ctx.client().responses().libraries();
        if (libraries.isEmpty()) {
            throw new IllegalStateException("the org has no Response Management library for the email template");
        }
        ResponsesApi.Response created = ctx.client().responses().create(
                new ResponsesApi.Response(null, name, null,
                        List.of(DomainRef.of(libraries.getFirst().id())), "CampaignEmailTemplate", List.of(
                        ResponsesApi.ResponseText.subject("{{" + SUBJECT + "}}"),
                        ResponsesApi.ResponseText.body("{{" + TEXT + "}}", "text/plain"),
                        ResponsesApi.ResponseText.body("{{" + HTML + "}}", "text/html")),
                        List.of(new ResponsesApi.Substitution(SUBJECT,
                                        "the subject Switchboard rendered", ""),
                                new ResponsesApi.Substitution(TEXT,
                                        "the plain-text body Switchboard rendered", ""),
                                new ResponsesApi.Substitution(HTML,
                                        "the HTML body Switchboard rendered", ""))));
        return created.id();
    }

    // ---- placement (phase 2, one request per 1000 contacts) -------------------------------------------------------

    synchronized void place(long campaignId, List<Placement> items) {
        if (items.isEmpty()) {
            return;
        }
        CampaignRow c = items.getFirst().campaign();
        Lane lane = items.getFirst().lane();
        int segments = lane == Lane.EMAIL ? 1 : items.stream().mapToInt(i -> dev.switchboard.model.template
                .SmsSegments.of(i.text()).segments()).max().orElse(1);
        Resources r;
        try {
            r = resources(c, lane, segments);
        } catch (RuntimeException e) {
            String why = "the Genesys " + lane.label + " messaging campaign could not be set up (" + e.getMessage()
                    + "); the campaign's " + lane.label + " go agentless";
            unavailable.put(new Key(campaignId, lane), why);
            for (Placement i : items) {
                notPlaced(i, why, Duration.ZERO);
            }
            ctx.emit(new EngineEvent(ctx.now(), "MESSAGING", campaignId, 0, null, why));
            return;
        }
        String status = status(r.campaignId());
        boolean on = "on".equals(status);
        boolean stopping = status != null && status.contains("stopping");
        if (!on && !stopping && status != null) {
            try {
                cleanBeforeStart(campaignId, r.listId());
            } catch (RuntimeException e) {
                LOG.warn("messaged contacts not cleared from the list yet: {}", e.toString());
                status = null; // not started below: housekeeping tries again
            }
        }
        List<Contacts.DialerContact> contacts = new ArrayList<>(items.size());
        for (Placement i : items) {
            ctx.journal().started(i.attemptId());
            Map<String, String> data = new LinkedHashMap<>();
            data.put(REF, "a" + i.attemptId());
            if (lane == Lane.SMS) {
                data.put(PHONE, i.number());
                data.put(MESSAGE, i.text());
            } else {
                data.put(EMAIL, i.number());
                data.put(SUBJECT, i.subject() == null ? "" : i.subject());
                data.put(TEXT, i.text());
                data.put(HTML, i.html() != null ? i.html() : html(i.text()));
            }
            contacts.add(Contacts.DialerContact.of(genesysId(i.attemptId()), r.listId(), data));
        }
        ctx.probe("before-call");
        try {
            ctx.client().contacts().addContacts(r.listId(), contacts);
        } catch (RuntimeException e) {
            // the add is not repeated (a repeat re-queues contacts already messaged): the reconciler asks Genesys
            // which contacts arrived and were messaged
            for (Placement i : items) {
                ctx.repo().markUnknown(i.attemptId(), "the messaging list add failed (" + e.getClass().getSimpleName()
                        + "): it may have arrived", i.row().id(), ctx.now());
            }
            ctx.wakeReconciler();
            return;
        }
        ctx.probe("after-call");
        lastUsed.put(new Key(campaignId, lane), ctx.now());
        placed(items, r.listId());
        if (!on && !stopping && status != null) {
            start(campaignId, r.campaignId());
        }
    }

    /** Records a bulk add: the placements and the attempts' results, each in one transaction for the batch. */
    private void placed(List<Placement> items, String listId) {
        Instant now = ctx.now();
        List<DialerRepository.NewPlacement> rows = new ArrayList<>(items.size());
        List<EngineRepository.Result> results = new ArrayList<>(items.size());
        for (Placement i : items) {
            String id = genesysId(i.attemptId());
            ctx.journal().answered(i.attemptId(), listId, id);
            rows.add(new DialerRepository.NewPlacement(i.attemptId(), i.row().id(), i.campaign().id(),
                    i.row().contactId(), listId, id, i.number(), now, i.expiresAt()));
            results.add(new EngineRepository.Result(i.attemptId(), Set.of("INTENT"), new Settle("SENT", listId, id,
                    null, "placed in the Genesys " + i.lane().label + " messaging campaign's list until "
                    + i.expiresAt(), null),
                    i.row().id(), i.version(), new Move("AWAITING", i.touch().id(), min(i.expiresAt(),
                    now.plus(NEWS_GRACE)), Progress.write(i.state()), null)));
        }
        Set<Long> recorded = Set.of();
        try {
            placements.placeAll(rows);
            recorded = ctx.repo().recordResults(results, now);
        } catch (RuntimeException e) {
            // the batch lost a lock race: one by one instead (what still fails is reconciled from Genesys)
            LOG.debug("placement batch of {} rolled back ({}); recorded one by one", items.size(), e.toString());
            recorded = new java.util.HashSet<>();
            for (int k = 0; k < items.size(); k++) {
                Placement i = items.get(k);
                EngineRepository.Result r = results.get(k);
                try {
                    DialerRepository.NewPlacement np = rows.get(k);
                    placements.place(np.attemptId(), np.enrollmentId(), np.campaignId(), np.contactId(), np.listId(),
                            np.genesysContactId(), np.address(), np.placedAt(), np.expiresAt());
                    if (ctx.repo().recordResult(r.attemptId(), r.fromStates(), r.settle(), r.enrollmentId(),
                            r.version(), r.move(), now)) {
                        recorded.add(i.attemptId());
                    }
                } catch (RuntimeException one) {
                    LOG.warn("placement of attempt {} not recorded: {}", i.attemptId(), one.toString());
                }
            }
        }
        for (Placement i : items) {
            if (!recorded.contains(i.attemptId())) {
                // the contact is in the list: the reconciler records the placement from Genesys
                ctx.repo().markUnknown(i.attemptId(), "placed in the messaging campaign's list, but recording it"
                        + " failed", i.row().id(), now);
                ctx.wakeReconciler();
                continue;
            }
            ctx.countSend();
            ctx.breaker(i.campaign().id(), CircuitBreakers.Kind.SEND);
            ctx.emit(new EngineEvent(now, "PLACED", i.campaign().id(), i.row().contactId(), i.touch().id(),
                    i.lane().upper() + " to " + StepRunner.mask(i.number()) + " via the Genesys messaging campaign,"
                            + " until " + i.expiresAt()));
        }
    }

    void notPlaced(Placement i, String why, Duration retryAfter) {
        Instant now = ctx.now();
        releaseRoom(i.campaign().id(), i.lane());
        ctx.repo().recordResult(i.attemptId(), Set.of("INTENT"), new Settle("NOT_SENT", null, null, null, why,
                "engine"), i.row().id(), i.version(), new Move("READY", i.touch().id(), now.plus(retryAfter),
                Progress.write(i.state()), null), now);
    }

    private String status(String genesysCampaignId) {
        try {
            return ctx.client().campaigns().getMessagingCampaign(genesysCampaignId).campaignStatus();
        } catch (RuntimeException e) {
            LOG.warn("could not read the Genesys messaging campaign: {}", e.toString());
            return null;
        }
    }

    /** A plain-text body as HTML (escaped, line breaks kept) for a template without an HTML body. */
    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return "<p>" + escaped.replace("\r\n", "\n").replace("\n", "<br>\n") + "</p>";
    }

    private void start(long campaignId, String genesysCampaignId) {
        try {
            ctx.client().campaigns().startMessagingCampaign(genesysCampaignId);
            ctx.emit(new EngineEvent(ctx.now(), "MESSAGING", campaignId, 0, null,
                    "Genesys messaging campaign started"));
        } catch (RuntimeException e) {
            LOG.warn("could not start the Genesys messaging campaign of campaign {}: {}", campaignId, e.toString());
        }
    }

    /**
     * Before a (re)start, while the Genesys campaign is not running: a restarted campaign goes over its whole list,
     * so what it messaged leaves the list first. Placements without news are read (50 per request); every
     * messaged contact is deleted (250 per request).
     */
    private void cleanBeforeStart(long campaignId, String listId) {
        List<PlacementRow> unheard = unheard(campaignId, listId);
        // the post-contact notifications of a campaign that just ran out are usually a moment behind: wait for them
        // briefly rather than read every such contact
        for (int i = 0; i < 50 && !unheard.isEmpty(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            unheard = unheard(campaignId, listId);
        }
        learn(listId, unheard);
        List<PlacementRow> messaged = new ArrayList<>();
        for (PlacementRow p : placements.ofList(campaignId, listId, Set.of("PLACED", "SETTLED"), 100_000)) {
            if (p.state().equals("SETTLED") || News.decode(p.lastDial()).isPresent()) {
                messaged.add(p);
            }
        }
        deleteFromList(listId, messaged, "messaged; removed from the list before the messaging campaign restarted");
        messaged.stream().filter(p -> p.state().equals("PLACED")).forEach(p -> placements.noteRemoved(p.id()));
    }

    private List<PlacementRow> unheard(long campaignId, String listId) {
        return placements.ofList(campaignId, listId, Set.of("PLACED"), 100_000).stream()
                .filter(p -> p.lastDial() == null).toList();
    }

    /** Reads placements without news from Genesys and notes what it did with them. */
    private void learn(String listId, List<PlacementRow> unheard) {
        if (unheard.isEmpty()) {
            return;
        }
        Map<String, Contacts.DialerContact> found = new HashMap<>();
        ctx.client().contacts().getContacts(listId, unheard.stream().map(PlacementRow::genesysContactId).toList())
                .forEach(dc -> found.put(dc.id(), dc));
        for (PlacementRow p : unheard) {
            news(found.get(p.genesysContactId())).ifPresent(n -> note(p, n));
        }
    }

    /** Deletes placements' contacts from the list; SETTLED ones are closed (PLACED ones are settled by a check). */
    private void deleteFromList(String listId, List<PlacementRow> rows, String reason) {
        if (rows.isEmpty()) {
            return;
        }
        ctx.client().contacts().deleteContacts(listId, rows.stream().map(PlacementRow::genesysContactId).toList());
        Instant now = ctx.now();
        for (PlacementRow p : rows) {
            if (p.state().equals("SETTLED")) {
                placements.close(p.id(), "WITHDRAWN", reason, now);
            }
        }
    }

    /** What a Genesys contact shows of its message: the latest evaluation of the phone (or email) column. */
    static Optional<News> news(Contacts.DialerContact dc) {
        if (dc == null) {
            return Optional.empty();
        }
        Map<String, Contacts.MessageEvaluation> evaluations = dc.latestSmsEvaluations() != null
                && !dc.latestSmsEvaluations().isEmpty() ? dc.latestSmsEvaluations() : dc.latestEmailEvaluations();
        if (evaluations == null) {
            return Optional.empty();
        }
        Contacts.MessageEvaluation e = evaluations.containsKey(PHONE) ? evaluations.get(PHONE)
                : evaluations.get(EMAIL);
        if (e == null) {
            e = evaluations.values().stream().findFirst().orElse(null);
        }
        return e == null || e.wrapupCodeId() == null ? Optional.empty()
                : Optional.of(new News(e.wrapupCodeId(), null, e.timestamp()));
    }

    private void note(PlacementRow p, News n) {
        if (p.lastDial() == null) {
            placements.noteDial(p.id(), n.encoded());
            releaseRoom(p.campaignId(), Lane.of(p));
        }
    }

    // ---- results ----------------------------------------------------------------------------------------------

    /**
     * A post-contact notification of a messaging campaign: the news is noted on the placement and its enrollment
     * is looked at now. Returns false when the contact is not one of this path's.
     */
    boolean onPostContact(JsonNode body) {
        String id = body.path("outboundContactId").asString("");
        if (!id.startsWith(ID_PREFIX)) {
            return false;
        }
        placements.byGenesysContact(id).ifPresent(p -> {
            String code = body.path("wrapupCode").asString("");
            String conversation = body.path("conversationId").asString("");
            long at = body.path("eventTime").asLong(0);
            note(p, new News(code.isEmpty() ? "unknown" : code, conversation.isEmpty() ? null : conversation,
                    at == 0 ? ctx.now().toString() : Instant.ofEpochMilli(at).toString()));
            if (ctx.repo().nudge(p.enrollmentId(), ctx.now())) {
                ctx.wake();
            }
        });
        return true;
    }

    /** Looks at waiting placements of one campaign: news first; reads (50 per request) only after a grace. */
    void check(long campaignId, List<Check> items) {
        if (items.isEmpty()) {
            return;
        }
        Instant now = ctx.now();
        Map<Long, PlacementRow> byAttempt = new HashMap<>();
        Map<String, List<PlacementRow>> unheard = new LinkedHashMap<>();
        for (Check i : items) {
            placements.byAttempt(i.attempt().id()).ifPresent(p -> {
                byAttempt.put(i.attempt().id(), p);
                // read without news after the grace, or at once when it was placed before this engine started
                // (its post-contact notification may have come while no engine listened)
                if (p.state().equals("PLACED") && p.lastDial() == null
                        && (!now.isBefore(p.placedAt().plus(NEWS_GRACE)) || !now.isBefore(p.expiresAt())
                        || p.placedAt().isBefore(ctx.startedAt()))) {
                    unheard.computeIfAbsent(p.listId(), k -> new ArrayList<>()).add(p);
                }
            });
        }
        for (Map.Entry<String, List<PlacementRow>> e : unheard.entrySet()) {
            try {
                learn(e.getKey(), e.getValue());
                for (PlacementRow p : e.getValue()) {
                    placements.byAttempt(p.attemptId()).ifPresent(q -> byAttempt.put(q.attemptId(), q));
                }
            } catch (RuntimeException ex) {
                LOG.warn("messaging results not read yet: {}", ex.toString());
            }
        }
        // results with news are recorded in one transaction for the batch
        List<Heard> heard = new ArrayList<>();
        for (Check i : items) {
            try {
                checkOne(i, byAttempt.get(i.attempt().id()), now).ifPresent(heard::add);
            } catch (RuntimeException e) {
                LOG.warn("messaging result of attempt {} not recorded yet: {}", i.attempt().id(), e.toString());
            }
        }
        if (heard.isEmpty()) {
            return;
        }
        Set<Long> recorded;
        try {
            recorded = ctx.repo().recordResults(heard.stream().map(Heard::result).toList(), now);
        } catch (RuntimeException e) {
            // the batch lost a lock race (a notification nudging one of its enrollments): one by one instead
            LOG.debug("batch of {} results rolled back ({}); recorded one by one", heard.size(), e.toString());
            recorded = new java.util.HashSet<>();
            for (Heard h : heard) {
                EngineRepository.Result r = h.result();
                try {
                    if (ctx.repo().recordResult(r.attemptId(), r.fromStates(), r.settle(), r.enrollmentId(),
                            r.version(), r.move(), now)) {
                        recorded.add(r.attemptId());
                    }
                } catch (RuntimeException one) {
                    LOG.warn("messaging result of attempt {} not recorded yet: {}", r.attemptId(), one.toString());
                }
            }
        }
        for (Heard h : heard) {
            if (recorded.contains(h.result().attemptId())) {
                h.after().run();
            }
        }
    }

    /** A result heard from Genesys, to record with the batch, and what follows once it is recorded. */
    private record Heard(EngineRepository.Result result, Runnable after) {
    }

    private Optional<Heard> checkOne(Check i, PlacementRow p, Instant now) {
        if (p == null) {
            settle(i, null, Optional.empty(), "no placement was recorded for this attempt");
            return Optional.empty();
        }
        Optional<News> news = News.decode(p.lastDial());
        if (news.isPresent()) {
            return Optional.of(heard(i, p, news.get(), now));
        } else if (p.state().equals("WITHDRAWN")) {
            settle(i, p, Optional.empty(), p.reason() == null ? "withdrawn from the messaging campaign" : p.reason());
        } else if (!now.isBefore(p.expiresAt())) {
            dialer.withdraw(p, "its window closed before the messaging campaign sent it");
            PlacementRow after = placements.byAttempt(p.attemptId()).orElse(p);
            Optional<News> late = News.decode(after.lastDial());
            if (late.isPresent()) {
                return Optional.of(heard(i, after, late.get(), now));
            }
            settle(i, after, late, "the messaging campaign did not send before the contact's window closed");
        } else {
            Instant next = min(p.expiresAt(), now.plus(p.placedAt().plus(NEWS_GRACE).isAfter(now)
                    ? Duration.between(now, p.placedAt().plus(NEWS_GRACE)) : POLL));
            ctx.repo().move(i.row().id(), i.version(), new Move("AWAITING", i.row().stepId(), next, i.row().state(),
                    null), now);
        }
        return Optional.empty();
    }

    /** Records that a waiting placement was not messaged (withdrawn, expired) and moves the enrollment on. */
    private void settle(Check i, PlacementRow p, Optional<News> news, String noSendReason) {
        Instant now = ctx.now();
        Step.Touch t = (Step.Touch) i.sequence().step(i.attempt().stepId()).orElseThrow();
        if (news.isEmpty()) {
            if (p != null) {
                if (p.state().equals("PLACED")) {
                    releaseRoom(p.campaignId(), Lane.of(p));
                }
                placements.close(p.id(), "WITHDRAWN", noSendReason, now);
            }
            ctx.repo().recordResult(i.attempt().id(), Set.of("SENT"), new Settle("NOT_SENT", null, null, null,
                    noSendReason, "messaging campaign"), i.row().id(), i.version(), new Move("READY", t.id(), now,
                    Progress.write(i.state()), null), now);
            ctx.emit(new EngineEvent(now, "WITHDRAWN", i.campaign().id(), i.row().contactId(), t.id(),
                    Lane.of(i.attempt()).upper() + ": " + noSendReason));
            return;
        }
        Heard h = heard(i, p, news.get(), now);
        EngineRepository.Result r = h.result();
        if (ctx.repo().recordResult(r.attemptId(), r.fromStates(), r.settle(), r.enrollmentId(), r.version(),
                r.move(), now)) {
            h.after().run();
        }
    }

    /** The outcome Genesys reported for a placement: the result to record, and what follows it. */
    private Heard heard(Check i, PlacementRow p, News n, Instant now) {
        Step.Touch t = (Step.Touch) i.sequence().step(i.attempt().stepId()).orElseThrow();
        Signal.Result result = n.messaged() ? new Signal.Result(Outcome.DELIVERED, Optional.empty())
                : new Signal.Result(Outcome.FAILED, Optional.of(n.code().contains("DNC") ? FailureReason.BLOCKED
                : FailureReason.REJECTED));
        PlanStep plan = planner.plan(i.state(), i.sequence(), StepRunner.afterResult(ctx, i.row().contactId(),
                i.campaign().id(), result), now);
        String detail = n.messaged() ? "sent by the Genesys messaging campaign at " + n.at() + " (" + n.code()
                + "; delivery receipts are not read on this path)" : "the Genesys messaging campaign did not send: "
                + n.code();
        EngineRepository.Result r = new EngineRepository.Result(i.attempt().id(), Set.of("SENT"), new Settle(
                n.messaged() ? "SENT" : "NOT_SENT", n.conversationId(), null, n.messaged() ? "DELIVERED" : "FAILED",
                detail, "messaging campaign"), i.row().id(), i.version(), StepRunner.move(plan, t.id()));
        return new Heard(r, () -> {
            boolean gone = p.state().equals("WITHDRAWN") || p.reason() != null && p.reason().startsWith("removed");
            placements.close(p.id(), gone ? "WITHDRAWN" : "SETTLED", null, now);
            ctx.emit(new EngineEvent(now, n.messaged() ? "SENT" : "FAILED", i.campaign().id(), i.row().contactId(),
                    t.id(), Lane.of(i.attempt()).upper() + " to " + StepRunner.mask(i.attempt().address()) + " "
                    + detail));
        });
    }

    // ---- housekeeping -----------------------------------------------------------------------------------------

    /**
     * A campaign that is not running (paused, stopped, kill switch) has its Genesys messaging campaign stopped
     * and, once it is off, every waiting contact taken out in bulk (what it messaged meanwhile is read first). A
     * running one whose Genesys campaign ran out while contacts wait is cleaned and restarted; settled contacts
     * leave the list 250 at a time.
     */
    synchronized void housekeep(Set<Long> running, boolean killSwitch) {
        for (long campaignId : placements.campaignsWith(Set.of("PLACED", "SETTLED"))) {
            for (Lane lane : Lane.values()) {
                housekeep(campaignId, lane, running, killSwitch);
            }
        }
        // a number is free again once its holder is not running or has nothing waiting
        senders.entrySet().removeIf(e -> !running.contains(e.getValue())
                && placements.ofCampaign(e.getValue(), Set.of("PLACED"), 1).isEmpty());
    }

    private void housekeep(long campaignId, Lane lane, Set<Long> running, boolean killSwitch) {
        Optional<String> listId = placements.object(campaignId, lane.listKey);
        Optional<String> gcId = placements.object(campaignId, lane.campaignKey);
        if (listId.isEmpty() || gcId.isEmpty()) {
            return;
        }
        boolean active = running.contains(campaignId) && !killSwitch;
        try {
            List<PlacementRow> open = placements.ofList(campaignId, listId.get(), Set.of("PLACED"), ROUND);
            if (!active) {
                String status = status(gcId.get());
                if ("on".equals(status)) {
                    ctx.client().campaigns().stopMessagingCampaign(gcId.get());
                    ctx.emit(new EngineEvent(ctx.now(), "MESSAGING", campaignId, 0, null,
                            "Genesys " + lane.label + " messaging campaign stopped (" + (killSwitch ? "kill switch"
                                    : "the campaign is not running") + ")"));
                    return; // "stopping" until it is off: withdrawn on a later round
                }
                if (status == null || status.contains("stopping")) {
                    return;
                }
                withdrawAll(campaignId, listId.get(), open, killSwitch ? "the kill switch is on"
                        : "the campaign is not running");
            } else if (open.stream().anyMatch(p -> p.lastDial() == null)) {
                String status = status(gcId.get());
                if (status != null && !status.equals("on") && !status.contains("stopping")) {
                    cleanBeforeStart(campaignId, listId.get());
                    start(campaignId, gcId.get());
                }
            }
            // settled contacts leave the list (250 per request) so that it stays small
            List<PlacementRow> settled = placements.ofList(campaignId, listId.get(), Set.of("SETTLED"), 20_000);
            if (settled.size() >= 250 || !active) {
                deleteFromList(listId.get(), settled, "result recorded; removed from the messaging list");
            }
            Key key = new Key(campaignId, lane);
            AtomicInteger n = waiting.get(key);
            if (n != null) {
                n.set(countWaiting(key)); // drift corrected (intents in phase 1 may be missed for a round)
            }
        } catch (RuntimeException e) {
            LOG.warn("{} messaging housekeeping of campaign {} failed: {}", lane.label, campaignId, e.toString());
        }
    }

    /** The Genesys campaign is off: what it messaged is noted, everything else leaves the list and is withdrawn. */
    private void withdrawAll(long campaignId, String listId, List<PlacementRow> open, String reason) {
        if (open.isEmpty()) {
            return;
        }
        learn(listId, open.stream().filter(p -> p.lastDial() == null).toList());
        ctx.client().contacts().deleteContacts(listId, open.stream().map(PlacementRow::genesysContactId).toList());
        Instant now = ctx.now();
        for (PlacementRow p : open) {
            PlacementRow q = placements.byAttempt(p.attemptId()).orElse(p);
            if (q.lastDial() == null) {
                releaseRoom(campaignId, Lane.of(q));
            }
            placements.close(p.id(), "WITHDRAWN", reason, now);
            ctx.repo().nudge(p.enrollmentId(), now);
        }
        ctx.emit(new EngineEvent(now, "WITHDRAWN", campaignId, 0, null, open.size() + " contacts taken out of the"
                + " Genesys messaging campaign's list: " + reason));
    }

    // ---- reconciliation -------------------------------------------------------------------------------------

    /**
     * An UNKNOWN placement: Genesys has the contact (placed: recorded, and messaged if its evaluation says so) or
     * not (never arrived: not sent). Returns empty when Genesys cannot be asked.
     */
    Optional<Boolean> reconcile(AttemptRow a) {
        Optional<String> listId = placements.object(a.campaignId(), Lane.of(a).listKey);
        if (listId.isEmpty()) {
            return Optional.of(false);
        }
        Contacts.DialerContact dc;
        try {
            dc = ctx.client().contacts().getContact(listId.get(), genesysId(a.id()));
        } catch (GenesysApiException e) {
            return e.status() == 404 ? Optional.of(false) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Instant now = ctx.now();
        PlacementRow p = placements.place(a.id(), a.enrollmentId(), a.campaignId(), a.contactId(), listId.get(),
                genesysId(a.id()), a.address(), a.createdAt(), now.plus(NEWS_GRACE));
        news(dc).ifPresent(n -> note(p, n));
        return Optional.of(true);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
