package dev.switchboard.sandbox;

import java.time.Duration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sandbox-only endpoints under {@code /sandbox} (no token needed, never part of the Genesys API):
 * {@code GET /sandbox/ledger}, {@code GET|POST /sandbox/faults}, {@code GET|POST /sandbox/clock}.
 */
final class AdminApi {

    private final Ledger ledger;
    private final SandboxFaults faults;
    private final VirtualClock clock;
    private final Notifications hub;

    private final java.util.function.BinaryOperator<String> reply;

    AdminApi(Ledger ledger, SandboxFaults faults, VirtualClock clock, Notifications hub,
             java.util.function.BinaryOperator<String> reply) {
        this.reply = reply;
        this.ledger = ledger;
        this.faults = faults;
        this.clock = clock;
        this.hub = hub;
    }

    void install(RoutesConfig r) {
        r.get("/sandbox/ledger", ctx -> Http.json(ctx, ledger.toJsonArray()));
        r.get("/sandbox/faults", ctx -> Http.json(ctx, faultsJson()));
        r.post("/sandbox/faults", this::setFaults);
        r.get("/sandbox/clock", ctx -> Http.json(ctx, clockJson()));
        r.post("/sandbox/clock", this::setClock);
        r.post("/sandbox/replies", this::scriptReply);
    }

    /** Body {@code {"from": "+1317…", "text": "STOP"}}: the recipient {@code from} replies on its latest SMS. */
    private void scriptReply(Context ctx) {
        JsonNode b = adminBody(ctx);
        String from = Json.text(b, "from");
        String text = Json.text(b, "text");
        if (from == null || from.isBlank() || text == null) {
            throw ApiException.badRequest("bad.request", "Give \"from\" (the recipient's number) and \"text\"");
        }
        String conversationId;
        try {
            conversationId = reply.apply(from, text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad.request", e.getMessage());
        }
        ObjectNode o = Json.obj();
        o.put("conversationId", conversationId);
        Http.json(ctx, o);
    }

    private ObjectNode faultsJson() {
        ObjectNode o = Json.obj();
        o.put("rate429", faults.rate429());
        o.put("rate5xx", faults.rate5xx());
        o.put("rate409", faults.rate409());
        o.put("latencyMs", faults.latency().toMillis());
        o.put("readTimeoutAfterAction", faults.readTimeoutAfterAction());
        o.put("dropConnectionAfterAction", faults.dropConnectionAfterAction());
        o.put("retryAfterSeconds", faults.retryAfterSeconds());
        var w = o.putArray("withheldPermissions");
        faults.withheldPermissions().forEach(w::add);
        return o;
    }

    /**
     * Body: any of {@code rate429, rate5xx, rate409, latencyMs, readTimeoutAfterAction, dropConnectionAfterAction,
     * retryAfterSeconds} (numbers),
     * {@code revokeAllTokens, closeSockets, reset, restorePermissions} (true), {@code orgWideOutboundTopics}
     * (boolean), {@code withholdPermissions} (array of {@code "METHOD /path"} prefixes answered 403).
     */
    private void setFaults(Context ctx) {
        JsonNode b = adminBody(ctx);
        try {
            if (b.path("reset").asBoolean(false)) {
                faults.reset();
            }
            if (b.has("rate429")) {
                faults.rate429(b.get("rate429").asDouble());
            }
            if (b.has("rate409")) {
                faults.rate409(b.get("rate409").asDouble());
            }
            if (b.has("rate5xx")) {
                faults.rate5xx(b.get("rate5xx").asDouble());
            }
            if (b.has("latencyMs")) {
                faults.latency(Duration.ofMillis(b.get("latencyMs").asLong()));
            }
            if (b.has("readTimeoutAfterAction")) {
                faults.readTimeoutAfterAction(b.get("readTimeoutAfterAction").asDouble());
            }
            if (b.has("dropConnectionAfterAction")) {
                faults.dropConnectionAfterAction(b.get("dropConnectionAfterAction").asDouble());
            }
            if (b.has("retryAfterSeconds")) {
                faults.retryAfterSeconds(b.get("retryAfterSeconds").asInt());
            }
            for (JsonNode op : b.path("withholdPermissions")) {
                faults.withholdPermission(op.asString());
            }
            if (b.path("restorePermissions").asBoolean(false)) {
                faults.restorePermissions();
            }
            if (b.has("orgWideOutboundTopics")) {
                hub.orgWideOutboundDeliverable(b.get("orgWideOutboundTopics").asBoolean(true));
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid.value", e.getMessage());
        }
        if (b.path("revokeAllTokens").asBoolean(false)) {
            faults.revokeAllTokens();
        }
        if (b.path("closeSockets").asBoolean(false)) {
            faults.closeSockets();
        }
        Http.json(ctx, faultsJson());
    }

    private ObjectNode clockJson() {
        ObjectNode o = Json.obj();
        o.put("now", Json.time(clock.now()));
        o.put("speed", clock.speed());
        return o;
    }

    /** Body: {@code speed} (number) and/or {@code advanceSeconds} (number) or {@code advance} (ISO-8601 duration). */
    private void setClock(Context ctx) {
        JsonNode b = adminBody(ctx);
        try {
            if (b.has("speed")) {
                clock.setSpeed(b.get("speed").asDouble());
            }
            if (b.has("advanceSeconds")) {
                clock.advance(Duration.ofMillis((long) (b.get("advanceSeconds").asDouble() * 1000)));
            }
            if (b.has("advance")) {
                clock.advance(Duration.parse(b.get("advance").asString()));
            }
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid.value", e.getMessage());
        }
        Http.json(ctx, clockJson());
    }

    private static JsonNode adminBody(Context ctx) {
        return ctx.body().isBlank() ? Json.obj() : Http.body(ctx);
    }
}
