package dev.switchboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Message and email conversations: agentless sends, status progression over virtual time, seeded replies with
 * STOP/START handling, and the email provider's bounce and unsubscribe events. Every method expects the caller to
 * hold the state lock.
 */
final class Conversations {

    static final Duration SENT_AFTER = Duration.ofSeconds(1);
    static final String QUEUE_TOPIC = "v2.routing.queues." + Catalog.QUEUE_ID + ".conversations.messages";

    private final OrgState state;
    private final World world;
    private final VirtualClock clock;
    private final Ledger ledger;
    private final Notifications hub;
    private volatile boolean seededReplies = true;

    Conversations(OrgState state, World world, VirtualClock clock, Ledger ledger, Notifications hub) {
        this.state = state;
        this.world = world;
        this.clock = clock;
        this.ledger = ledger;
        this.hub = hub;
    }

    ObjectNode conversation(String id, String kind) {
        ObjectNode c = state.get("conversations", id);
        if (c == null || (kind != null && !kind.equals(Json.text(c, "kind")))) {
            throw ApiException.notFound("conversation.not.found", "Conversation not found: " + id);
        }
        return c;
    }

    boolean optedOut(String address) {
        return state.section("optOuts").has(World.normalize(address));
    }

    private ObjectNode newConversation(String kind, String address, String from, String campaignId) {
        String id = UUID.randomUUID().toString();
        ObjectNode c = state.section("conversations").putObject(id);
        c.put("id", id);
        c.put("kind", kind);
        c.put("address", address);
        c.put("fromAddress", from);
        if (campaignId != null) {
            c.put("campaignId", campaignId);
        }
        c.put("startTime", Json.time(clock.now()));
        c.putObject("messages");
        return c;
    }

    /** Sends one SMS; returns the {@code SendAgentlessOutboundMessageResponse}. */
    ObjectNode sendSms(String from, String to, String text, String campaignId, boolean useExisting) {
        Instant now = clock.now();
        String address = to.trim();
        ObjectNode conv = null;
        if (useExisting) {
            for (ObjectNode c : state.all("conversations")) {
                if ("sms".equals(Json.text(c, "kind")) && address.equals(Json.text(c, "address"))) {
                    conv = c;
                }
            }
        }
        if (conv == null) {
            conv = newConversation("sms", address, from, campaignId);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode m = ((ObjectNode) conv.get("messages")).putObject(id);
        m.put("id", id);
        m.put("direction", "outbound");
        m.put("from", from);
        m.put("to", address);
        m.put("text", text);
        m.put("createdAt", Json.time(now));
        String outcome = optedOut(address) ? "optedout" : world.smsUndeliverable(address) ? "invalid" : "ok";
        m.put("outcome", outcome);
        Instant deliverAt = now.plus(SENT_AFTER).plus(world.deliveryDelay(address));
        m.put("deliverAt", Json.time(deliverAt));
        if (!outcome.equals("optedout")) {
            ledger.record(new LedgerEntry(now, "sms", address, TokenService.sha256Hex(text), campaignId,
                    Json.text(conv, "id"), id));
        }
        ObjectNode counts = state.sub("addresses", World.normalize(address));
        int sent = counts.path("sms").asInt(0) + 1;
        counts.put("sms", sent);
        if (sent == 1 && outcome.equals("ok")) {
            scheduleReplies(conv, address, deliverAt);
        }
        state.changed();
        ObjectNode out = Json.obj();
        out.put("id", id);
        out.put("conversationId", Json.text(conv, "id"));
        out.put("fromAddress", from);
        out.put("toAddress", address);
        out.put("messengerType", "sms");
        out.put("useExistingActiveConversation", useExisting);
        out.set("message", messageData(conv, m, now));
        out.put("timestamp", Json.time(now));
        out.put("selfUri", "/api/v2/conversations/messages/agentless/" + id);
        return out;
    }

    /** Whether recipients answer SMS as the seeded world says (STOP, HELP, free text …); on by default. */
    void seededReplies(boolean on) {
        seededReplies = on;
    }

    private void scheduleReplies(ObjectNode conv, String address, Instant deliveredAt) {
        if (!seededReplies) {
            return;
        }
        World.SmsReply reply = world.smsReply(address);
        Instant at = deliveredAt.plus(world.replyDelay(address));
        switch (reply) {
            case STOP -> pending(conv, at, "STOP");
            case STOP_THEN_START -> {
                pending(conv, at, "STOP");
                pending(conv, at.plus(Duration.ofDays(1)), "START");
            }
            case HELP -> pending(conv, at, "HELP");
            case PLS_STOP -> pending(conv, at, "pls stop texting me");
            case FREE_TEXT -> pending(conv, at, world.freeText(address));
            case NONE -> { }
        }
    }

    private void pending(ObjectNode conv, Instant at, String text) {
        ObjectNode p = state.list("pending").addObject();
        p.put("type", "smsReply");
        p.put("at", Json.time(at));
        p.put("conversationId", Json.text(conv, "id"));
        p.put("text", text);
    }

    /**
     * A reply typed by hand (the sandbox's "reply as this recipient"): an inbound message on the latest SMS
     * conversation with {@code address}, handled like a seeded reply (keywords, queue event). Returns the
     * conversation id, or null when nothing was ever sent to that number.
     */
    String scriptReply(String address, String text, Instant at) {
        String key = World.normalize(address);
        ObjectNode latest = null;
        for (ObjectNode conv : state.all("conversations")) {
            if ("sms".equals(Json.text(conv, "kind")) && key.equals(World.normalize(String.valueOf(
                    Json.text(conv, "address"))))) {
                latest = conv; // conversations are kept in creation order
            }
        }
        if (latest == null) {
            return null;
        }
        ObjectNode event = Json.obj();
        event.put("type", "smsReply");
        event.put("at", Json.time(at));
        event.put("conversationId", Json.text(latest, "id"));
        event.put("text", text);
        receiveReply(event);
        return Json.text(latest, "id");
    }

    /** Applies a due reply: an inbound message on the conversation, keywords, and a queue event. */
    void receiveReply(JsonNode event) {
        ObjectNode conv = state.get("conversations", Json.text(event, "conversationId"));
        if (conv == null) {
            return;
        }
        Instant at = Instant.parse(Json.text(event, "at"));
        String text = Json.text(event, "text");
        String address = Json.text(conv, "address");
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode m = ((ObjectNode) conv.get("messages")).putObject(id);
        m.put("id", id);
        m.put("direction", "inbound");
        m.put("from", address);
        m.put("to", Json.text(conv, "fromAddress"));
        m.put("text", text);
        m.put("createdAt", Json.time(at));
        String word = text.trim().toUpperCase(Locale.ROOT);
        String key = World.normalize(address);
        if (World.OPT_OUT_WORDS.contains(word)) {
            state.section("optOuts").put(key, Json.time(at));
        } else if (World.OPT_IN_WORDS.contains(word)) {
            state.section("optOuts").remove(key);
        }
        state.changed();
        hub.publish(QUEUE_TOPIC, queueEvent(conv, m));
    }

    private ObjectNode queueEvent(ObjectNode conv, ObjectNode m) {
        ObjectNode e = Json.obj();
        e.put("id", Json.text(conv, "id"));
        ArrayNode parts = e.putArray("participants");
        ObjectNode customer = parts.addObject();
        customer.put("id", participantId(conv, "customer"));
        customer.put("purpose", "customer");
        customer.put("address", Json.text(conv, "address"));
        customer.put("state", "connected");
        customer.put("direction", "inbound");
        customer.put("type", "sms");
        customer.putObject("queue").put("id", Catalog.QUEUE_ID);
        ObjectNode d = customer.putArray("messages").addObject();
        ObjectNode ref = d.putObject("message");
        ref.put("id", Json.text(m, "id"));
        ref.put("selfUri", "/api/v2/conversations/messages/" + Json.text(conv, "id") + "/messages/"
                + Json.text(m, "id"));
        d.put("messageTime", Json.text(m, "createdAt"));
        d.put("messageStatus", "received");
        d.put("messageSegmentCount", 1);
        ObjectNode acd = parts.addObject();
        acd.put("id", participantId(conv, "acd"));
        acd.put("purpose", "acd");
        acd.put("address", Json.text(conv, "fromAddress"));
        acd.put("state", "connected");
        acd.putObject("queue").put("id", Catalog.QUEUE_ID);
        return e;
    }

    static String participantId(ObjectNode conv, String purpose) {
        return UUID.nameUUIDFromBytes((Json.text(conv, "id") + "/" + purpose).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** {@code MessageData} of a stored message as of {@code now}. */
    ObjectNode messageData(ObjectNode conv, ObjectNode m, Instant now) {
        ObjectNode d = Json.obj();
        String id = Json.text(m, "id");
        boolean inbound = "inbound".equals(Json.text(m, "direction"));
        Instant created = Instant.parse(Json.text(m, "createdAt"));
        d.put("id", id);
        d.put("providerMessageId", "sbx-" + id);
        d.put("timestamp", Json.time(created));
        d.put("fromAddress", Json.text(m, "from"));
        d.put("toAddress", Json.text(m, "to"));
        d.put("direction", inbound ? "inbound" : "outbound");
        d.put("messengerType", "sms");
        ObjectNode nm = d.putObject("normalizedMessage");
        nm.put("id", id);
        nm.put("type", "Text");
        nm.put("text", Json.text(m, "text"));
        nm.put("direction", inbound ? "Inbound" : "Outbound");
        ArrayNode receipts = d.putArray("normalizedReceipts");
        String status;
        if (inbound) {
            status = "received";
        } else {
            String outcome = Json.text(m, "outcome");
            Instant deliverAt = Instant.parse(Json.text(m, "deliverAt"));
            if (now.isBefore(created.plus(SENT_AFTER))) {
                status = "queued";
            } else if (outcome.equals("optedout")) {
                status = "failed";
                receipt(receipts, id, "Failed", true, "RecipientOptedOut",
                        "The recipient has opted out of messages from this number");
            } else if (now.isBefore(deliverAt)) {
                status = "sent";
                receipt(receipts, id, "Sent", false, null, null);
            } else if (outcome.equals("invalid")) {
                status = "delivery-failed";
                receipt(receipts, id, "Sent", false, null, null);
                receipt(receipts, id, "Failed", true, "InvalidDestination", "The destination is not reachable");
            } else {
                status = "delivery-success";
                receipt(receipts, id, "Sent", false, null, null);
                receipt(receipts, id, "Delivered", true, null, null);
            }
        }
        d.put("status", status);
        d.put("conversationId", Json.text(conv, "id"));
        d.put("selfUri", "/api/v2/conversations/messages/" + Json.text(conv, "id") + "/messages/" + id);
        return d;
    }

    private static void receipt(ArrayNode receipts, String id, String status, boolean fin, String code,
                                String message) {
        ObjectNode r = receipts.addObject();
        r.put("id", id);
        r.put("type", "Receipt");
        r.put("status", status);
        r.put("isFinalReceipt", fin);
        r.put("direction", "Outbound");
        if (code != null) {
            ObjectNode reason = r.putArray("reasons").addObject();
            reason.put("code", code);
            reason.put("message", message);
        }
    }

    /** {@code MessageConversation}: our side carries the outbound messages, the customer the inbound ones. */
    ObjectNode messageConversation(ObjectNode conv, Instant now) {
        ObjectNode out = Json.obj();
        out.put("id", Json.text(conv, "id"));
        ArrayNode parts = out.putArray("participants");
        ObjectNode ours = parts.addObject();
        ours.put("id", participantId(conv, "agent"));
        ours.put("purpose", "agent");
        ours.put("address", Json.text(conv, "fromAddress"));
        ours.put("state", "disconnected");
        ours.put("direction", "outbound");
        ours.put("type", "sms");
        ObjectNode customer = parts.addObject();
        customer.put("id", participantId(conv, "customer"));
        customer.put("purpose", "customer");
        customer.put("address", Json.text(conv, "address"));
        customer.put("state", "disconnected");
        customer.put("direction", "outbound");
        customer.put("type", "sms");
        ArrayNode outMsgs = ours.putArray("messages");
        ArrayNode inMsgs = customer.putArray("messages");
        for (JsonNode n : conv.get("messages").values()) {
            ObjectNode m = (ObjectNode) n;
            ObjectNode data = messageData(conv, m, now);
            ObjectNode d = ("inbound".equals(Json.text(m, "direction")) ? inMsgs : outMsgs).addObject();
            d.put("messageId", Json.text(m, "id"));
            d.put("messageURI", data.get("selfUri").asString());
            d.put("messageStatus", data.get("status").asString());
            d.put("messageSegmentCount", 1);
            d.put("messageTime", Json.text(m, "createdAt"));
        }
        out.put("selfUri", "/api/v2/conversations/messages/" + Json.text(conv, "id"));
        return out;
    }

    /** Sends one email; returns the {@code AgentlessEmailSendResponseDto}. */
    ObjectNode sendEmail(ObjectNode req, String campaignId) {
        Instant now = clock.now();
        JsonNode to = req.get("toAddresses").get(0);
        String address = World.normalize(Json.text(to, "email"));
        String from = Json.text(req.get("fromAddress"), "email");
        ObjectNode conv = newConversation("email", address, from, campaignId);
        String id = UUID.randomUUID().toString();
        ObjectNode m = ((ObjectNode) conv.get("messages")).putObject(id);
        m.put("id", id);
        m.set("from", req.get("fromAddress"));
        m.set("to", req.get("toAddresses"));
        if (req.has("replyToAddress")) {
            m.set("replyTo", req.get("replyToAddress"));
        }
        m.put("subject", Json.text(req, "subject"));
        m.put("textBody", Json.text(req, "textBody"));
        m.put("htmlBody", Json.text(req, "htmlBody"));
        m.put("createdAt", Json.time(now));
        String content = String.valueOf(Json.text(req, "subject")) + "\n" + String.valueOf(Json.text(req, "textBody"))
                + "\n" + String.valueOf(Json.text(req, "htmlBody"));
        ledger.record(new LedgerEntry(now, "email", address, TokenService.sha256Hex(content), campaignId,
                Json.text(conv, "id"), id));
        World.EmailFate fate = world.emailFate(address);
        if (fate != World.EmailFate.NONE) {
            ObjectNode p = state.list("pending").addObject();
            p.put("type", "esp");
            p.put("at", Json.time(now.plus(world.emailFateDelay(address, fate))));
            p.put("event", fate == World.EmailFate.BOUNCE ? "bounce" : "unsubscribe");
            p.put("email", address);
            p.put("conversationId", Json.text(conv, "id"));
            p.put("messageId", id);
        }
        state.changed();
        ObjectNode out = Json.obj();
        out.put("id", id);
        out.put("conversationId", Json.text(conv, "id"));
        out.put("senderType", "Outbound");
        out.set("fromAddress", req.get("fromAddress"));
        out.set("toAddresses", req.get("toAddresses"));
        if (req.has("replyToAddress")) {
            out.set("replyToAddress", req.get("replyToAddress"));
        }
        out.put("subject", Json.text(req, "subject"));
        out.put("dateCreated", Json.time(now));
        out.put("selfUri", "/api/v2/conversations/emails/" + Json.text(conv, "id"));
        return out;
    }

    ObjectNode emailConversation(ObjectNode conv) {
        ObjectNode out = Json.obj();
        out.put("id", Json.text(conv, "id"));
        ArrayNode parts = out.putArray("participants");
        ObjectNode customer = parts.addObject();
        customer.put("id", participantId(conv, "customer"));
        customer.put("purpose", "customer");
        customer.put("address", Json.text(conv, "address"));
        customer.put("state", "disconnected");
        customer.put("direction", "outbound");
        customer.put("messagesSent", conv.get("messages").size());
        List<String> ids = new ArrayList<>(conv.get("messages").propertyNames());
        if (!ids.isEmpty()) {
            customer.put("messageId", ids.getLast());
        }
        out.put("selfUri", "/api/v2/conversations/emails/" + Json.text(conv, "id"));
        return out;
    }

    ObjectNode emailMessages(ObjectNode conv) {
        ArrayNode entities = Json.arr();
        for (JsonNode n : conv.get("messages").values()) {
            ObjectNode p = entities.addObject();
            p.put("id", Json.text(n, "id"));
            p.set("from", n.get("from"));
            p.set("to", n.get("to"));
            if (n.has("replyTo")) {
                p.set("replyTo", n.get("replyTo"));
            }
            p.put("subject", Json.text(n, "subject"));
            String text = Json.text(n, "textBody");
            if (text != null) {
                p.put("textBodyPreview", text.length() > 200 ? text.substring(0, 200) : text);
            }
            p.put("time", Json.text(n, "createdAt"));
            p.put("state", "Ready");
            p.put("selfUri", "/api/v2/conversations/emails/" + Json.text(conv, "id") + "/messages/"
                    + Json.text(n, "id"));
        }
        return Json.entityListing(entities, 1, Math.max(25, entities.size()), entities.size());
    }

    /** Records a placed call as a voice conversation; returns it. */
    ObjectNode recordCall(String address, String campaignId, String contactListId, String contactId,
                          String wrapupCode, int seconds, Instant at) {
        ObjectNode conv = newConversation("voice", address, null, campaignId);
        conv.put("startTime", Json.time(at));
        conv.put("contactListId", contactListId);
        conv.put("contactId", contactId);
        String participant = participantId(conv, "customer");
        conv.put("participantId", participant);
        ObjectNode w = conv.putObject("wrapup");
        w.put("code", wrapupCode);
        String name = Catalog.WRAPUP_CODES.get(wrapupCode);
        if (name != null) {
            w.put("name", name);
        }
        w.put("durationSeconds", seconds);
        w.put("endTime", Json.time(at.plusSeconds(seconds)));
        return conv;
    }
}
