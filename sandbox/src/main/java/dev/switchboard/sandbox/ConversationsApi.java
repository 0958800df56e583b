package dev.switchboard.sandbox;

import java.util.List;
import java.util.UUID;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v2/conversations/...}: agentless SMS and email, message status, conversations, call wrap-ups. */
final class ConversationsApi {

    static final int SMS_MAX_CHARS = 765;
    static final int OTHER_MAX_CHARS = 2000;
    static final int BULK_STATUS_MAX = 1000;

    private final OrgState state;
    private final Conversations conversations;
    private final VirtualClock clock;

    ConversationsApi(OrgState state, Conversations conversations, VirtualClock clock) {
        this.state = state;
        this.conversations = conversations;
        this.clock = clock;
    }

    void install(RoutesConfig r) {
        r.post("/api/v2/conversations/messages/agentless", this::sendSms);
        r.post("/api/v2/conversations/emails/agentless", this::sendEmail);
        r.post("/api/v2/conversations/messages", this::createMessaging);
        r.get("/api/v2/conversations/messages/{conversationId}", ctx -> {
            synchronized (state) {
                ObjectNode conv = conversations.conversation(ctx.pathParam("conversationId"), "sms");
                Http.json(ctx, conversations.messageConversation(conv, clock.now()));
            }
        });
        r.get("/api/v2/conversations/messages/{conversationId}/messages/{messageId}", ctx -> {
            synchronized (state) {
                ObjectNode conv = conversations.conversation(ctx.pathParam("conversationId"), "sms");
                JsonNode m = conv.get("messages").get(ctx.pathParam("messageId"));
                if (m == null) {
                    throw ApiException.notFound("message.not.found", "Message not found");
                }
                Http.json(ctx, conversations.messageData(conv, (ObjectNode) m, clock.now()));
            }
        });
        r.post("/api/v2/conversations/messages/{conversationId}/messages/bulk", this::bulkStatus);
        r.get("/api/v2/conversations/emails/{conversationId}", ctx -> {
            synchronized (state) {
                Http.json(ctx, conversations.emailConversation(
                        conversations.conversation(ctx.pathParam("conversationId"), "email")));
            }
        });
        r.get("/api/v2/conversations/emails/{conversationId}/messages", ctx -> {
            synchronized (state) {
                Http.json(ctx, conversations.emailMessages(
                        conversations.conversation(ctx.pathParam("conversationId"), "email")));
            }
        });
        r.get("/api/v2/conversations/calls/{conversationId}/participants/{participantId}/wrapup", ctx -> {
            synchronized (state) {
                ObjectNode conv = conversations.conversation(ctx.pathParam("conversationId"), "voice");
                if (!ctx.pathParam("participantId").equals(Json.text(conv, "participantId"))) {
                    throw ApiException.notFound("participant.not.found", "Participant not found");
                }
                Http.json(ctx, conv.get("wrapup").deepCopy());
            }
        });
    }

    private void sendSms(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String type = Json.text(body, "toAddressMessengerType");
        // the spec's enum is lower case; the validator already refused other spellings, this guards the rule
        if (type == null || !type.equals(type.toLowerCase(java.util.Locale.ROOT))) {
            throw ApiException.badRequest("invalid.value", "toAddressMessengerType must be lower case, e.g. sms");
        }
        String text = Json.text(body, "textBody");
        int max = type.equals("sms") ? SMS_MAX_CHARS : OTHER_MAX_CHARS;
        if (type.equals("sms") && (text == null || text.isEmpty())) {
            throw new ApiException(400, "invalid.value", "textBody is required for SMS",
                    List.of(new ApiException.Detail("invalid.value", "textBody")));
        }
        if (text != null && text.length() > max) {
            throw new ApiException(400, "invalid.value", "textBody must be at most " + max + " characters, was "
                    + text.length(), List.of(new ApiException.Detail("invalid.value", "textBody")));
        }
        if (!type.equals("sms")) {
            throw ApiException.badRequest("invalid.value", "The sandbox org has no " + type + " integration");
        }
        String to = Json.text(body, "toAddress");
        if (to == null || !to.trim().matches("\\+[1-9][0-9]{6,14}")) {
            throw new ApiException(400, "invalid.value", "toAddress must be an E.164 phone number",
                    List.of(new ApiException.Detail("invalid.value", "toAddress")));
        }
        String from = Json.text(body, "fromAddress");
        if (!Catalog.isSmsNumber(from)) {
            throw new ApiException(400, "invalid.value", "fromAddress is not an SMS number provisioned in this org",
                    List.of(new ApiException.Detail("invalid.value", "fromAddress")));
        }
        boolean existing = body.path("useExistingActiveConversation").asBoolean(false);
        synchronized (state) {
            Http.json(ctx, conversations.sendSms(from, to.trim(), text, null, existing));
        }
    }

    private void sendEmail(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        JsonNode to = body.get("toAddresses");
        if (to == null || !to.isArray() || to.size() != 1) {
            throw new ApiException(400, "invalid.value", "toAddresses must hold exactly one recipient",
                    List.of(new ApiException.Detail("invalid.value", "toAddresses")));
        }
        String email = Json.text(to.get(0), "email");
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiException(400, "invalid.value", "toAddresses[0].email is not an email address",
                    List.of(new ApiException.Detail("invalid.value", "toAddresses")));
        }
        String from = Json.text(body.get("fromAddress"), "email");
        if (from == null || !from.contains("@")) {
            throw new ApiException(400, "invalid.value", "fromAddress.email is required",
                    List.of(new ApiException.Detail("invalid.value", "fromAddress")));
        }
        if (Json.text(body, "textBody") == null && Json.text(body, "htmlBody") == null) {
            throw ApiException.badRequest("invalid.value", "textBody or htmlBody is required");
        }
        synchronized (state) {
            Http.json(ctx, conversations.sendEmail(body, null));
        }
    }

    private void createMessaging(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        if (!"sms".equals(Json.text(body, "toAddressMessengerType"))) {
            throw ApiException.badRequest("invalid.value", "toAddressMessengerType must be sms in the sandbox");
        }
        synchronized (state) {
            String id = UUID.randomUUID().toString();
            ObjectNode conv = state.section("conversations").putObject(id);
            conv.put("id", id);
            conv.put("kind", "sms");
            conv.put("address", Json.text(body, "toAddress"));
            conv.put("fromAddress", Catalog.SMS_NUMBERS.getFirst()[1]);
            conv.put("startTime", Json.time(clock.now()));
            conv.putObject("messages");
            state.changed();
            ObjectNode out = Json.obj();
            out.put("id", id);
            out.put("selfUri", "/api/v2/conversations/messages/" + id);
            Http.json(ctx, out);
        }
    }

    private void bulkStatus(Context ctx) {
        ArrayNode ids = Http.arrayBody(ctx);
        if (ids.size() > BULK_STATUS_MAX) {
            throw ApiException.badRequest("invalid.value", "At most " + BULK_STATUS_MAX + " message ids per request");
        }
        synchronized (state) {
            ObjectNode conv = conversations.conversation(ctx.pathParam("conversationId"), "sms");
            ArrayNode entities = Json.arr();
            for (JsonNode id : ids) {
                JsonNode m = id.isString() ? conv.get("messages").get(id.stringValue()) : null;
                if (m != null) {
                    entities.add(conversations.messageData(conv, (ObjectNode) m, clock.now()));
                }
            }
            ObjectNode out = Json.obj();
            out.set("entities", entities);
            Http.json(ctx, out);
        }
    }
}
