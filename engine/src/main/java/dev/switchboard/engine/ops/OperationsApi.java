package dev.switchboard.engine.ops;

import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.ipc.ApiException;
import dev.switchboard.engine.ipc.ApiRequest;
import dev.switchboard.engine.ipc.ApiResponse;
import dev.switchboard.engine.ipc.Router;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The engine's loopback API: {@link Operations} as HTTP routes, served from the engine's own store. */
public final class OperationsApi {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private OperationsApi() {
    }

    /** The routes over {@code ops}. */
    public static Router router(Operations ops) {
        Router r = new Router();
        r.get("/status", q -> ok(status(ops)));
        r.get("/campaigns", q -> ok(ops.campaigns()));
        r.post("/campaigns", q -> ok(call(() -> ops.create(as(q), JSON.treeToValue(q.requireBody().get("spec"),
                CampaignService.Spec.class)))));
        r.post("/campaigns/{name}/launch", q -> ok(call(() -> ops.launch(as(q), q.pathParam("name")))));
        r.post("/campaigns/{name}/approve", q -> ok(call(() -> ops.approveLifeSafety(as(q), q.pathParam("name"),
                reason(q)))));
        r.post("/campaigns/{name}/pause", q -> ok(call(() -> ops.pause(as(q), q.pathParam("name"), reason(q)))));
        r.post("/campaigns/{name}/resume", q -> ok(call(() -> ops.resume(as(q), q.pathParam("name"), reason(q),
                q.requireBody().path("acknowledge").asBoolean(false)))));
        r.post("/campaigns/{name}/stop", q -> ok(call(() -> ops.stop(as(q), q.pathParam("name"), reason(q)))));
        r.get("/campaigns/{name}/stats", q -> ok(call(() -> ops.stats(q.pathParam("name")))));
        r.get("/kill-switch", q -> ok(JSON.createObjectNode().put("on", call(ops::killSwitchOn))));
        r.post("/kill-switch", q -> {
            call(() -> {
                ops.killSwitch(as(q), q.requireBody().path("on").asBoolean(), reason(q));
                return null;
            });
            return ok(JSON.createObjectNode().put("on", call(ops::killSwitchOn)));
        });
        r.get("/timeline", q -> ok(call(() -> ops.timeline(q.queryParam("list").orElse(null),
                q.queryParam("key").orElse(null)))));
        r.get("/queue", q -> ok(call(ops::queue)));
        r.get("/explain", q -> {
            java.time.Instant at;
            java.time.ZoneId zone;
            try {
                at = q.queryParam("at").map(java.time.Instant::parse).orElse(null);
                zone = java.time.ZoneId.of(q.queryParam("zone").orElse("UTC"));
            } catch (RuntimeException e) {
                throw new ApiException(400, "bad at or zone: " + e.getMessage());
            }
            return ok(call(() -> ops.explain(q.queryParam("list").orElse(null), q.queryParam("key").orElse(null),
                    q.queryParam("channel").orElse("sms"), at, q.queryParam("purpose").orElse("marketing"), zone)));
        });
        r.post("/queue/{id}/settle", q -> {
            long id;
            try {
                id = Long.parseLong(q.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new ApiException(400, "attempt id must be a number");
            }
            call(() -> {
                ops.settle(as(q), id, q.requireBody().path("sent").asBoolean(), reason(q));
                return null;
            });
            return ok(JSON.createObjectNode().put("settled", id));
        });
        r.get("/evidence", q -> ok(JSON.createObjectNode().put("csv", call(() -> ops.evidence(
                q.queryParam("list").orElse(null), q.queryParam("key").orElse(null))))));
        r.post("/evidence", q -> ok(JSON.createObjectNode().put("csv", call(() -> ops.evidence(
                q.requireBody().path("list").asString(null), q.requireBody().path("key").asString(null), as(q))))));
        r.post("/intake/events", q -> {
            JsonNode b = q.requireBody();
            JsonNode list = b.has("events") ? b.get("events") : b.isArray() ? b : JSON.createArrayNode().add(b);
            List<Operations.IntakeEvent> events = new java.util.ArrayList<>();
            for (JsonNode e : list) {
                try {
                    events.add(JSON.treeToValue(e, Operations.IntakeEvent.class));
                } catch (RuntimeException ex) {
                    throw new ApiException(400, "event " + (events.size() + 1) + " is not an intake event: "
                            + ex.getMessage());
                }
            }
            return ok(call(() -> ops.intake(events, b.path("source").asString("http"))));
        });
        // the email service provider's webhook (the sandbox posts its bounces and unsubscribes here)
        r.post("/intake/email-provider", q -> {
            JsonNode b = q.requireBody();
            String type = b.path("type").asString("");
            java.time.Instant at;
            try {
                at = b.hasNonNull("timestamp") ? java.time.Instant.parse(b.get("timestamp").asString()) : null;
            } catch (RuntimeException e) {
                throw new ApiException(400, "timestamp is not an ISO instant");
            }
            Operations.IntakeEvent e = new Operations.IntakeEvent("esp:" + b.path("id").asString(""),
                    type.equalsIgnoreCase("bounce") ? "BOUNCE" : type.equalsIgnoreCase("unsubscribe") ? "UNSUBSCRIBE"
                            : type, null, null, null, b.path("email").asString(null), at,
                    b.path("reason").asString(null));
            return ok(call(() -> ops.intake(List.of(e), "email provider")));
        });
        return r;
    }

    private static JsonNode status(Operations ops) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("via", ops.via());
        ops.engineStatus().ifPresent(s -> o.set("engine", JSON.valueToTree(s)));
        return o;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws OperationException;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (OperationException e) {
            throw new ApiException(switch (e.kind()) {
                case INPUT -> 400;
                case DENIED -> 403;
                case REFUSED -> 409;
                case UNAVAILABLE -> 503;
            }, e.getMessage());
        }
    }

    static OperationException.Kind kind(int status) {
        return switch (status) {
            case 400, 404 -> OperationException.Kind.INPUT;
            case 401, 403 -> OperationException.Kind.DENIED;
            case 409 -> OperationException.Kind.REFUSED;
            default -> OperationException.Kind.UNAVAILABLE;
        };
    }

    private static Operations.Credentials as(ApiRequest q) {
        JsonNode as = q.requireBody().path("as");
        if (!as.isObject()) {
            throw new ApiException(403, "This needs a profile: --as NAME.");
        }
        return new Operations.Credentials(as.path("name").asString(null), as.path("password").asString(null));
    }

    private static String reason(ApiRequest q) {
        JsonNode r = q.requireBody().get("reason");
        return r == null || r.isNull() ? null : r.asString();
    }

    private static ApiResponse ok(Object value) {
        return ApiResponse.ok(value instanceof JsonNode n ? n : JSON.valueToTree(value));
    }
}
