package dev.switchboard.sandbox;

import java.util.List;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers for handlers: JSON bodies in and out, Genesys error bodies. */
final class Http {

    static final String CORRELATION = "ININ-Correlation-Id";
    static final String ATTR_CORRELATION = "sandbox.correlation";
    static final String ATTR_CLIENT = "sandbox.client";
    static final String ATTR_TOKEN = "sandbox.token";

    private Http() {
    }

    static void json(Context ctx, JsonNode body) {
        json(ctx, 200, body);
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(Json.write(body));
    }

    static void noContent(Context ctx, int status) {
        ctx.status(status);
        ctx.result("");
    }

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("bad.request", "The request body is missing");
        }
        try {
            return Json.parse(text);
        } catch (JacksonException e) {
            throw ApiException.badRequest("bad.request", "The request body is not valid JSON");
        }
    }

    static ObjectNode objectBody(Context ctx) {
        JsonNode b = body(ctx);
        if (!b.isObject()) {
            throw ApiException.badRequest("bad.request", "The request body must be a JSON object");
        }
        return (ObjectNode) b;
    }

    static ArrayNode arrayBody(Context ctx) {
        JsonNode b = body(ctx);
        if (!b.isArray()) {
            throw ApiException.badRequest("bad.request", "The request body must be a JSON array");
        }
        return (ArrayNode) b;
    }

    static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    static int intQuery(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid.value", "Query parameter " + name + " must be an integer");
        }
    }

    static ObjectNode errorBody(int status, String code, String message, String correlationId,
                                List<ApiException.Detail> details) {
        ObjectNode e = Json.obj();
        e.put("message", message);
        e.put("code", code);
        e.put("status", status);
        if (correlationId != null) {
            e.put("contextId", correlationId);
        }
        ArrayNode d = e.putArray("details");
        for (ApiException.Detail detail : details) {
            ObjectNode n = d.addObject();
            n.put("errorCode", detail.errorCode());
            if (detail.fieldName() != null) {
                n.put("fieldName", detail.fieldName());
            }
        }
        e.putArray("errors");
        return e;
    }

    static void error(Context ctx, ApiException e) {
        String correlation = ctx.attribute(ATTR_CORRELATION);
        json(ctx, e.status(), errorBody(e.status(), e.code(), e.getMessage(), correlation, e.details()));
    }
}
