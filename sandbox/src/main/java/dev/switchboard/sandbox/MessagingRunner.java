package dev.switchboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs messaging campaigns that are {@code on}: one message per contact at {@code messagesPerMinute} (virtual),
 * SMS from {@code smsConfig} (text from the message column or the content template, {@code {{column}}}
 * substituted), email from {@code emailConfig}; skips DNC matches and uncontactable contacts; writes
 * {@code latestSmsEvaluations}/{@code latestEmailEvaluations} and post-contact events. Runs under the state lock.
 */
final class MessagingRunner {

    static final int MAX_PER_TICK = 200;

    private final OrgState state;
    private final Conversations conversations;
    private final DncApi dnc;
    private final CampaignsApi campaigns;

    MessagingRunner(OrgState state, Conversations conversations, DncApi dnc, CampaignsApi campaigns) {
        this.state = state;
        this.conversations = conversations;
        this.dnc = dnc;
        this.campaigns = campaigns;
    }

    void tick(Instant now, List<Map.Entry<String, JsonNode>> events) {
        for (ObjectNode c : state.all("messagingCampaigns")) {
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
        int mpm = Math.max(1, c.path("messagesPerMinute").asInt(10));
        Duration gap = Duration.ofMillis(Math.max(1, 60_000L / mpm));
        Instant next = run.has("nextAt") ? Instant.parse(Json.text(run, "nextAt")) : now;
        if (next.isBefore(now.minus(Duration.ofMinutes(10)))) {
            next = now.minus(Duration.ofMinutes(10));
        }
        ObjectNode contacts = state.sub("contacts", listId);
        int sent = 0;
        int doneBefore = done.size();
        for (String contactId : List.copyOf(contacts.propertyNames())) {
            if (sent >= MAX_PER_TICK || next.isAfter(now)) {
                break;
            }
            if (done.has(contactId)) {
                continue;
            }
            done.put(contactId, true);
            if (send(c, run, (ObjectNode) contacts.get(contactId), now, events)) {
                next = next.plus(gap);
                sent++;
            }
        }
        run.put("nextAt", Json.time(next.isAfter(now) ? next : now));
        boolean complete = contacts.propertyNames().stream().allMatch(done::has);
        if (complete) {
            c.put("campaignStatus", "complete");
            c.put("version", c.get("version").asInt() + 1);
            c.put("dateModified", Json.time(now));
            events.add(Map.entry("v2.outbound.messagingcampaigns." + id, c.deepCopy()));
        }
        if (sent > 0) {
            events.add(Map.entry("v2.outbound.messagingcampaigns." + id + ".progress", campaigns.progress(c)));
        }
        if (complete || done.size() != doneBefore) {
            state.changed();
        }
    }

    private boolean send(ObjectNode c, ObjectNode run, ObjectNode contact, Instant now,
                         List<Map.Entry<String, JsonNode>> events) {
        JsonNode sms = c.get("smsConfig");
        JsonNode data = contact.path("data");
        String campaignId = Json.text(c, "id");
        if (sms != null && sms.isObject()) {
            String col = Json.text(sms, "phoneColumn");
            String number = Json.text(data, String.valueOf(col));
            if (number == null || number.isBlank() || !contactable(contact, "SMS", col)) {
                skip(run, "NOT_CONTACTABLE");
                return false;
            }
            String e164 = DncApi.normalizePhone(number);
            if (onDnc(c, e164, true)) {
                skip(run, "DNC");
                evaluation(contact, "latestSmsEvaluations", col, e164, "sms", "ININ-OUTBOUND-DNC-SKIPPED", now);
                return false;
            }
            String text = render(Json.text(data, String.valueOf(Json.text(sms, "messageColumn"))),
                    Json.refId(sms, "contentTemplate"), data);
            if (text == null || text.isEmpty() || text.length() > ConversationsApi.SMS_MAX_CHARS) {
                skip(run, "INVALID_MESSAGE");
                return false;
            }
            String from = Json.text(sms.get("senderSmsPhoneNumber"), "phoneNumber");
            ObjectNode res = conversations.sendSms(from, e164, text, campaignId, false);
            run.put("messaged", run.path("messaged").asInt(0) + 1);
            evaluation(contact, "latestSmsEvaluations", col, e164, "sms", "OUTBOUND_MESSAGE_SENT", now);
            events.add(Map.entry("v2.outbound.messaging.campaigns.contact.postContact",
                    post(c, contact, res, "OUTBOUND_MESSAGE_SENT", now)));
            return true;
        }
        JsonNode email = c.get("emailConfig");
        if (email == null || !email.isObject()) {
            return false;
        }
        String col = null;
        String address = null;
        for (JsonNode ec : email.path("emailColumns")) {
            String v = Json.text(data, ec.asString());
            if (v != null && !v.isBlank()) {
                col = ec.asString();
                address = v.trim();
                break;
            }
        }
        if (address == null || !contactable(contact, "Email", col)) {
            skip(run, "NOT_CONTACTABLE");
            return false;
        }
        if (onDnc(c, address, false)) {
            skip(run, "DNC");
            evaluation(contact, "latestEmailEvaluations", col, address, "email", "ININ-OUTBOUND-DNC-SKIPPED", now);
            return false;
        }
        JsonNode fromNode = email.path("fromAddress");
        String fromEmail = Json.text(fromNode, "localPart") != null
                ? Json.text(fromNode, "localPart") + "@" + Json.text(fromNode.path("domain"), "id")
                : "campaigns@sandbox.switchboard.invalid";
        String body = render(null, Json.refId(email, "contentTemplate"), data);
        ObjectNode req = Json.obj();
        req.put("senderType", "Outbound");
        req.putObject("fromAddress").put("email", fromEmail);
        req.putArray("toAddresses").addObject().put("email", address);
        req.put("subject", subject(Json.refId(email, "contentTemplate"), data));
        req.put("textBody", body == null ? "" : body);
        String html = html(Json.refId(email, "contentTemplate"), data);
        if (html != null) {
            req.put("htmlBody", html);
        }
        ObjectNode res = conversations.sendEmail(req, campaignId);
        run.put("messaged", run.path("messaged").asInt(0) + 1);
        evaluation(contact, "latestEmailEvaluations", col, address, "email", "OUTBOUND_MESSAGE_SENT", now);
        events.add(Map.entry("v2.outbound.email.campaigns.contact.postContact",
                post(c, contact, res, "OUTBOUND_MESSAGE_SENT", now)));
        return true;
    }

    private static boolean contactable(ObjectNode contact, String channel, String col) {
        JsonNode cs = contact.path("contactableStatus").path(channel);
        if (!cs.path("contactable").asBoolean(true)) {
            return false;
        }
        return col == null || cs.path("columnStatus").path(col).path("contactable").asBoolean(true);
    }

    private boolean onDnc(ObjectNode c, String address, boolean phone) {
        for (JsonNode d : c.path("dncLists")) {
            String id = Json.text(d, "id");
            if (id != null && state.get("dncLists", id) != null && dnc.listed(id, address, phone)) {
                return true;
            }
        }
        return false;
    }

    private String render(String fromColumn, String templateId, JsonNode data) {
        String text = fromColumn;
        if (templateId != null) {
            ObjectNode t = state.get("responses", templateId);
            if (t != null) {
                for (JsonNode tx : t.path("texts")) {
                    if (!"subject".equals(Json.text(tx, "type"))
                            && !"text/html".equals(Json.text(tx, "contentType"))) {
                        text = Json.text(tx, "content");
                        break;
                    }
                }
            }
        }
        if (text == null) {
            return null;
        }
        for (var e : data.properties()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue().asString(""));
        }
        return text;
    }

    /** The template's text/html body, substituted; null when it has none. */
    private String html(String templateId, JsonNode data) {
        ObjectNode t = templateId == null ? null : state.get("responses", templateId);
        if (t != null) {
            for (JsonNode tx : t.path("texts")) {
                if (!"subject".equals(Json.text(tx, "type")) && "text/html".equals(Json.text(tx, "contentType"))) {
                    return render(Json.text(tx, "content"), null, data);
                }
            }
        }
        return null;
    }

    private String subject(String templateId, JsonNode data) {
        ObjectNode t = templateId == null ? null : state.get("responses", templateId);
        if (t != null) {
            for (JsonNode tx : t.path("texts")) {
                if ("subject".equals(Json.text(tx, "type"))) {
                    return render(Json.text(tx, "content"), null, data);
                }
            }
        }
        return "Message";
    }

    private static void evaluation(ObjectNode contact, String field, String col, String address, String type,
                                   String code, Instant now) {
        ObjectNode ev = contact.has(field) && contact.get(field).isObject() ? (ObjectNode) contact.get(field)
                : contact.putObject(field);
        ObjectNode e = ev.putObject(col == null ? "address" : col);
        e.put("contactAddress", address);
        e.put("messageType", type);
        e.put("wrapupCodeId", code);
        e.put("timestamp", Json.time(now));
    }

    private static ObjectNode post(ObjectNode c, ObjectNode contact, ObjectNode res, String code, Instant now) {
        ObjectNode e = Json.obj();
        e.put("eventTime", now.toEpochMilli());
        e.put("outboundCampaignId", Json.text(c, "id"));
        e.put("outboundContactListId", Json.text(contact, "contactListId"));
        e.put("outboundContactId", Json.text(contact, "id"));
        e.put("conversationId", Json.text(res, "conversationId"));
        e.put("wrapupCode", code);
        return e;
    }

    private static void skip(ObjectNode run, String reason) {
        ObjectNode skipped = run.has("skipped") ? (ObjectNode) run.get("skipped") : run.putObject("skipped");
        skipped.put(reason, skipped.path(reason).asInt(0) + 1);
    }
}
