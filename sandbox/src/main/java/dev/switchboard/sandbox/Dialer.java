package dev.switchboard.sandbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The voice dialer: for each voice campaign that is {@code on}, places calls to its contacts at
 * {@code outboundLineCount} calls per virtual minute, respecting {@code callable}, {@code phoneNumberStatus},
 * attached DNC lists and the callable time set (in the contact's {@code timeZone} column if it has one, else the time
 * set's zone). Each call gets a seeded outcome, a wrap-up code in {@code callRecords}, mapping flags, a ledger entry
 * and pre/post-contact events. All methods run under the state lock.
 */
final class Dialer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dialer.class);

    static final int MAX_CALLS_PER_TICK = 200;
    static final String POST_CONTACT = "v2.outbound.voice.campaigns.contact.postContact";
    static final String PRE_CONTACT = "v2.outbound.voice.campaigns.contact.preContact";

    private final OrgState state;
    private final World world;
    private final Ledger ledger;
    private final Conversations conversations;
    private final DncApi dnc;
    private final CampaignsApi campaigns;

    Dialer(OrgState state, World world, Ledger ledger, Conversations conversations, DncApi dnc,
           CampaignsApi campaigns) {
        this.state = state;
        this.world = world;
        this.ledger = ledger;
        this.conversations = conversations;
        this.dnc = dnc;
        this.campaigns = campaigns;
    }

    /** One pass over the running voice campaigns; returns events to publish (topic, body) after the lock. */
    void tick(Instant now, List<Map.Entry<String, JsonNode>> events) {
        for (ObjectNode c : state.all("campaigns")) {
            if ("on".equals(Json.text(c, "campaignStatus"))) {
                run(c, now, events);
            }
        }
    }

    private void run(ObjectNode c, Instant now, List<Map.Entry<String, JsonNode>> events) {
        String id = Json.text(c, "id");
        String listId = Json.refId(c, "contactList");
        if (state.get("contactLists", String.valueOf(listId)) == null) {
            return;
        }
        ObjectNode run = state.sub("runs", id);
        ObjectNode done = run.has("done") ? (ObjectNode) run.get("done") : run.putObject("done");
        int lines = Math.max(1, c.path("outboundLineCount").asInt(5));
        Duration gap = Duration.ofMillis(60_000L / lines);
        Instant next = run.has("nextAt") ? Instant.parse(Json.text(run, "nextAt")) : now;
        if (next.isBefore(now.minus(Duration.ofMinutes(10)))) {
            next = now.minus(Duration.ofMinutes(10));
        }
        ObjectNode contacts = state.sub("contacts", listId);
        List<String> order = order(listId, contacts);
        int calls = 0;
        int doneBefore = done.size();
        boolean pendingLeft = false;
        int cursor = 0;
        while (calls < MAX_CALLS_PER_TICK && !next.isAfter(now)) {
            String contactId = null;
            for (; cursor < order.size(); cursor++) {
                String cid = order.get(cursor);
                if (done.has(cid)) {
                    continue;
                }
                if (!inWindow(c, (ObjectNode) contacts.get(cid), now)) {
                    pendingLeft = true;
                    continue;
                }
                contactId = cid;
                cursor++;
                break;
            }
            if (contactId == null) {
                break;
            }
            if (dial(c, run, (ObjectNode) contacts.get(contactId), done, now, events)) {
                next = next.plus(gap);
                calls++;
            }
        }
        run.put("nextAt", Json.time(next.isAfter(now) ? next : now));
        boolean remaining = pendingLeft || order.stream().anyMatch(cid -> !done.has(cid));
        if (!remaining) {
            c.put("campaignStatus", "complete");
            c.put("version", c.get("version").asInt() + 1);
            c.put("dateModified", Json.time(now));
            events.add(Map.entry("v2.outbound.campaigns." + id, c.deepCopy()));
        }
        if (calls > 0) {
            events.add(Map.entry("v2.outbound.campaigns." + id + ".progress", campaigns.progress(c)));
        }
        if (calls > 0 || done.size() != doneBefore || !remaining) {
            // an idle tick (outside the window, waiting for pacing) is not worth a state write
            state.changed();
        }
    }

    private List<String> order(String listId, ObjectNode contacts) {
        List<String> out = new ArrayList<>();
        ObjectNode priority = state.sub("priority", listId);
        for (String cid : priority.propertyNames()) {
            if (contacts.has(cid)) {
                out.add(cid);
            }
        }
        for (String cid : contacts.propertyNames()) {
            if (!priority.has(cid)) {
                out.add(cid);
            }
        }
        return out;
    }

    /** Dials the contact's next number if it has one; returns true when a call was placed. */
    private boolean dial(ObjectNode c, ObjectNode run, ObjectNode contact, ObjectNode done, Instant now,
                         List<Map.Entry<String, JsonNode>> events) {
        String contactId = Json.text(contact, "id");
        if (!contact.path("callable").asBoolean(true)) {
            done.put(contactId, true);
            skip(run, "CONTACT_UNCALLABLE");
            return false;
        }
        ObjectNode tried = state.sub("runs", Json.text(c, "id") + ":tried");
        ArrayNode triedCols = tried.has(contactId) ? (ArrayNode) tried.get(contactId) : tried.putArray(contactId);
        String dialCol = null;
        String dialNumber = null;
        String dncCol = null;
        int dialable = 0;
        for (JsonNode pc : c.path("phoneColumns")) {
            String col = Json.text(pc, "columnName");
            String number = Json.text(contact.path("data"), String.valueOf(col));
            if (number == null || number.isBlank()) {
                continue;
            }
            if (!contact.path("phoneNumberStatus").path(col).path("callable").asBoolean(true)) {
                continue;
            }
            if (onDnc(c, number)) {
                dncCol = dncCol == null ? col : dncCol;
                continue;
            }
            if (triedCols.toString().contains("\"" + col + "\"")) {
                continue;
            }
            dialable++;
            if (dialCol == null) {
                dialCol = col;
                dialNumber = DncApi.normalizePhone(number);
            }
        }
        if (dialCol == null) {
            done.put(contactId, true);
            if (dncCol != null) {
                writeRecord(contact, dncCol, Catalog.DNC_SKIPPED, now);
                skip(run, "DNC");
                events.add(Map.entry(POST_CONTACT, event(c, contact, Catalog.DNC_SKIPPED, null,
                        "ININ_OUTBOUND_DNC_SKIPPED", false, now)));
            } else if (triedCols.isEmpty()) {
                skip(run, "NO_CALLABLE_NUMBER");
            }
            return false;
        }
        events.add(Map.entry(PRE_CONTACT, event(c, contact, null, null, null, false, now)));
        ObjectNode counts = state.sub("addresses", dialNumber);
        int attempt = counts.path("voice").asInt(0) + 1;
        counts.put("voice", attempt);
        World.CallOutcome outcome = world.callOutcome(dialNumber, attempt);
        String code = switch (outcome) {
            case SALE -> Catalog.SALE;
            case ANSWERED -> Catalog.ANSWERED;
            case NO_ANSWER -> Catalog.NO_ANSWER;
            case BUSY -> Catalog.BUSY;
            case MACHINE -> Catalog.MACHINE;
            case WRONG_NUMBER -> Catalog.WRONG_NUMBER;
            case DO_NOT_CALL -> Catalog.DO_NOT_CALL;
        };
        int seconds = world.callSeconds(dialNumber, outcome);
        ObjectNode conv = conversations.recordCall(dialNumber, Json.text(c, "id"), Json.text(contact,
                "contactListId"), contactId, code, seconds, now);
        LOG.debug("dialed {} of list {} for campaign {}", contactId, Json.text(contact, "contactListId"),
                Json.text(c, "id"));
        ledger.record(new LedgerEntry(now, "voice", dialNumber, TokenService.sha256Hex(""), Json.text(c, "id"),
                Json.text(conv, "id"), Json.text(conv, "participantId")));
        writeRecord(contact, dialCol, code, now);
        List<String> flags = flags(code);
        if (flags.contains("NUMBER_UNCALLABLE")) {
            ObjectNode pns = contact.has("phoneNumberStatus") && contact.get("phoneNumberStatus").isObject()
                    ? (ObjectNode) contact.get("phoneNumberStatus") : contact.putObject("phoneNumberStatus");
            pns.putObject(dialCol).put("callable", false);
        }
        if (flags.contains("CONTACT_UNCALLABLE")) {
            contact.put("callable", false);
        }
        boolean live = outcome == World.CallOutcome.SALE || outcome == World.CallOutcome.ANSWERED
                || outcome == World.CallOutcome.DO_NOT_CALL;
        boolean rpc = flags.contains("RIGHT_PARTY_CONTACT");
        run.put("called", run.path("called").asInt(0) + (triedCols.isEmpty() ? 1 : 0));
        if (live) {
            run.put("connects", run.path("connects").asInt(0) + 1);
        }
        if (rpc) {
            run.put("rightParty", run.path("rightParty").asInt(0) + 1);
        }
        triedCols.add(dialCol);
        if (live || dialable <= 1) {
            done.put(contactId, true);
        }
        String disposition = switch (outcome) {
            case SALE, ANSWERED, DO_NOT_CALL -> "disposition.classification.callable.live";
            case MACHINE -> "disposition.classification.callable.machine";
            case BUSY -> "disposition.classification.callable.busy";
            case NO_ANSWER -> "disposition.classification.callable.noanswer";
            case WRONG_NUMBER -> "disposition.classification.uncallable.sit";
        };
        events.add(Map.entry(POST_CONTACT, event(c, contact, code, Json.text(conv, "id"), disposition, rpc, now)));
        return true;
    }

    private static void writeRecord(ObjectNode contact, String col, String code, Instant now) {
        ObjectNode records = contact.has("callRecords") && contact.get("callRecords").isObject()
                ? (ObjectNode) contact.get("callRecords") : contact.putObject("callRecords");
        ObjectNode r = records.putObject(col);
        r.put("lastAttempt", Json.time(now));
        r.put("lastResult", code);
    }

    private List<String> flags(String code) {
        ObjectNode m = state.wrapupMappings();
        JsonNode mapping = (m == null ? Catalog.defaultMappings() : m).path("mapping").path(code);
        List<String> out = new ArrayList<>();
        for (JsonNode f : mapping) {
            out.add(f.asString());
        }
        return out;
    }

    private static void skip(ObjectNode run, String reason) {
        ObjectNode skipped = run.has("skipped") ? (ObjectNode) run.get("skipped") : run.putObject("skipped");
        skipped.put(reason, skipped.path(reason).asInt(0) + 1);
    }

    private boolean onDnc(ObjectNode c, String number) {
        for (JsonNode d : c.path("dncLists")) {
            String id = Json.text(d, "id");
            if (id != null && state.get("dncLists", id) != null && dnc.listed(id, number, true)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code now} falls into the campaign's callable time set for this contact. */
    boolean inWindow(ObjectNode c, ObjectNode contact, Instant now) {
        String setId = Json.refId(c, "callableTimeSet");
        if (setId == null) {
            return true;
        }
        ObjectNode set = Catalog.callableTimeSets().stream().filter(s -> setId.equals(Json.text(s, "id")))
                .findFirst().orElse(null);
        if (set == null) {
            return true;
        }
        ZoneId contactZone = contactZone(contact);
        for (JsonNode ct : set.path("callableTimes")) {
            ZoneId zone = contactZone;
            if (zone == null) {
                try {
                    zone = ZoneId.of(String.valueOf(Json.text(ct, "timeZoneId")));
                } catch (RuntimeException e) {
                    zone = ZoneId.of("UTC");
                }
            }
            ZonedDateTime local = now.atZone(zone);
            DayOfWeek day = local.getDayOfWeek();
            LocalTime time = local.toLocalTime();
            for (JsonNode slot : ct.path("timeSlots")) {
                if (slot.path("day").asInt() == day.getValue()
                        && !time.isBefore(LocalTime.parse(Json.text(slot, "startTime")))
                        && time.isBefore(LocalTime.parse(Json.text(slot, "stopTime")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ZoneId contactZone(ObjectNode contact) {
        for (var e : contact.path("data").properties()) {
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT).replace("_", "");
            if ((k.equals("timezone") || k.equals("tz")) && e.getValue().isString()) {
                try {
                    return ZoneId.of(e.getValue().stringValue().trim());
                } catch (RuntimeException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    private ObjectNode event(ObjectNode c, ObjectNode contact, String code, String conversationId,
                             String disposition, boolean rpc, Instant now) {
        ObjectNode e = Json.obj();
        e.put("eventTime", now.toEpochMilli());
        if (code != null) {
            e.put("wrapupCode", code);
        }
        e.put("outboundCampaignId", Json.text(c, "id"));
        String mode = Json.text(c, "dialingMode");
        e.put("dialingMode", mode == null ? "UNKNOWN" : mode.toUpperCase(java.util.Locale.ROOT));
        e.put("outboundContactListId", Json.text(contact, "contactListId"));
        String queue = Json.refId(c, "queue");
        if (queue != null) {
            e.put("outboundQueueId", queue);
        }
        e.put("outboundContactId", Json.text(contact, "id"));
        if (conversationId != null) {
            e.put("conversationId", conversationId);
        }
        e.put("isRightPartyContact", rpc);
        if (disposition != null) {
            e.put("callAnalysisDisposition", disposition);
        }
        return e;
    }
}
