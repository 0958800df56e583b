package dev.switchboard.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v2/notifications/...} and the channel WebSocket at {@code /channels/{channelId}}. */
final class NotificationsApi {

    private final Notifications hub;
    private final JsonNode topicSchemas;

    NotificationsApi(Notifications hub, JsonNode topicSchemas) {
        this.hub = hub;
        this.topicSchemas = topicSchemas;
    }

    void install(RoutesConfig r) {
        r.get("/api/v2/notifications/availabletopics", this::availableTopics);
        r.post("/api/v2/notifications/channels", ctx -> {
            Notifications.Channel c = hub.create(ctx.attribute(Http.ATTR_CLIENT));
            Http.json(ctx, hub.channelJson(c));
        });
        r.get("/api/v2/notifications/channels", ctx -> {
            ArrayNode entities = Json.arr();
            for (Notifications.Channel c : hub.channelsOf(ctx.attribute(Http.ATTR_CLIENT))) {
                entities.add(hub.channelJson(c));
            }
            ObjectNode out = Json.obj();
            out.set("entities", entities);
            Http.json(ctx, out);
        });
        r.head("/api/v2/notifications/channels/{channelId}", ctx -> {
            Notifications.Channel c = hub.find(ctx.pathParam("channelId"));
            Http.noContent(ctx, c == null ? 404 : 200);
        });
        r.get("/api/v2/notifications/channels/{channelId}/subscriptions", ctx -> {
            Notifications.Channel c = channel(ctx);
            synchronized (c) {
                Http.json(ctx, listing(c.topics));
            }
        });
        r.put("/api/v2/notifications/channels/{channelId}/subscriptions", ctx -> subscribe(ctx, true));
        r.post("/api/v2/notifications/channels/{channelId}/subscriptions", ctx -> subscribe(ctx, false));
        r.delete("/api/v2/notifications/channels/{channelId}/subscriptions", ctx -> {
            Notifications.Channel c = channel(ctx);
            synchronized (c) {
                c.topics.clear();
            }
            Http.noContent(ctx, 204);
        });
        r.ws("/channels/{channelId}", ws -> {
            ws.onConnect(hub::onConnect);
            ws.onMessage(ctx -> hub.onMessage(ctx, ctx.message()));
            ws.onClose(hub::onClose);
            ws.onError(hub::onClose);
        });
    }

    private Notifications.Channel channel(Context ctx) {
        Notifications.Channel c = hub.find(ctx.pathParam("channelId"));
        if (c == null || !c.clientId.equals(ctx.attribute(Http.ATTR_CLIENT))) {
            throw ApiException.notFound("notification.channel.not.found", "Channel not found");
        }
        return c;
    }

    private void subscribe(Context ctx, boolean replace) {
        Notifications.Channel c = channel(ctx);
        ArrayNode body = Http.arrayBody(ctx);
        boolean ignoreErrors = Http.flag(ctx, "ignoreErrors");
        List<String> wanted = new ArrayList<>();
        for (JsonNode t : body) {
            wanted.add(Json.text(t, "id"));
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (String topic : wanted) {
            String why = hub.rejection(topic);
            if (why != null && !ignoreErrors) {
                throw new ApiException(400, "notification.invalid.topic", "Invalid topic: " + topic + ". " + why,
                        List.of(new ApiException.Detail("notification.invalid.topic", topic)));
            }
            result.put(topic == null ? "" : topic, why == null ? "Permitted" : "Rejected");
        }
        synchronized (c) {
            Map<String, String> next = new java.util.LinkedHashMap<>(replace ? Map.of() : c.topics);
            next.putAll(result);
            if (next.size() > Notifications.MAX_TOPICS) {
                throw ApiException.badRequest("notification.subscription.too.many.subscriptions",
                        "A channel may subscribe to at most " + Notifications.MAX_TOPICS + " topics");
            }
            c.topics.clear();
            c.topics.putAll(next);
            Http.json(ctx, listing(c.topics));
        }
    }

    private ObjectNode listing(Map<String, String> topics) {
        ArrayNode entities = Json.arr();
        topics.forEach((id, state) -> {
            ObjectNode t = entities.addObject();
            t.put("id", id);
            t.put("state", state);
            if (state.equals("Rejected")) {
                t.put("rejectionReason", hub.rejection(id));
            }
            t.putArray("missingPermissions");
        });
        ObjectNode out = Json.obj();
        out.set("entities", entities);
        return out;
    }

    private void availableTopics(Context ctx) {
        String expand = String.valueOf(ctx.queryParams("expand"));
        ArrayNode entities = Json.arr();
        for (String id : hub.topicIds()) {
            ObjectNode t = entities.addObject();
            t.put("id", id);
            t.put("description", "Sandbox topic " + id);
            t.put("visibility", "Public");
            boolean orgWide = id.matches("v2\\.outbound\\.(voice|messaging|email)\\.campaigns\\..*");
            if (expand.contains("transports")) {
                ArrayNode tr = t.putArray("transports");
                if (orgWide) {
                    tr.add("EventBridge").add("ProcessAutomation");
                    if (hub.rejection(id.replace("{id}", "x")) == null) {
                        tr.add("Websocket");
                    }
                } else {
                    tr.add("All");
                }
            }
            if (expand.contains("schema") && topicSchemas.has(id)) {
                t.set("schema", topicSchemas.get(id));
            }
            ArrayNode params = t.putArray("topicParameters");
            int n = id.split("\\{id}", -1).length - 1;
            for (int i = 0; i < n; i++) {
                params.add("id");
            }
        }
        ObjectNode out = Json.obj();
        out.set("entities", entities);
        Http.json(ctx, out);
    }
}
