package dev.switchboard.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token info, wrap-up codes and mappings, callable time sets, rule sets, SMS numbers, organization limits and a
 * minimal Response Management library.
 */
final class CatalogApi {

    static final String LIBRARY_ID = "a1b2c3d4-e5f6-4a7b-8c9d-000000000001";

    private final OrgState state;
    private final TokenService tokens;
    private final VirtualClock clock;
    private final int requestsPerMinute;
    private final Notifications notifications;

    CatalogApi(OrgState state, TokenService tokens, VirtualClock clock, int requestsPerMinute,
               Notifications notifications) {
        this.state = state;
        this.tokens = tokens;
        this.clock = clock;
        this.requestsPerMinute = requestsPerMinute;
        this.notifications = notifications;
    }

    void install(RoutesConfig r) {
        r.get("/api/v2/tokens/me", this::tokenInfo);
        r.head("/api/v2/tokens/me", ctx -> Http.noContent(ctx, 200));
        r.delete("/api/v2/tokens/me", ctx -> {
            tokens.revoke(ctx.attribute(Http.ATTR_TOKEN));
            Http.noContent(ctx, 200);
        });
        r.get("/api/v2/routing/wrapupcodes", ctx -> Http.json(ctx, page(ctx, Catalog.WRAPUP_CODES.keySet().stream()
                .map(Catalog::wrapupCode).toList())));
        r.get("/api/v2/routing/wrapupcodes/{codeId}", ctx -> Http.json(ctx, found(Catalog.wrapupCode(
                ctx.pathParam("codeId")), "wrapupcode.not.found")));
        r.get("/api/v2/outbound/wrapupcodemappings", ctx -> {
            synchronized (state) {
                Http.json(ctx, mappings().deepCopy());
            }
        });
        r.put("/api/v2/outbound/wrapupcodemappings", this::putMappings);
        r.get("/api/v2/outbound/callabletimesets", ctx -> Http.json(ctx, page(ctx, Catalog.callableTimeSets())));
        r.get("/api/v2/outbound/callabletimesets/{id}", ctx -> Http.json(ctx, byId(Catalog.callableTimeSets(),
                ctx.pathParam("id"), "callable.time.set.not.found")));
        r.get("/api/v2/outbound/rulesets", ctx -> Http.json(ctx, page(ctx, Catalog.ruleSets())));
        r.get("/api/v2/outbound/rulesets/{id}", ctx -> Http.json(ctx, byId(Catalog.ruleSets(),
                ctx.pathParam("id"), "rule.set.not.found")));
        r.get("/api/v2/outbound/digitalrulesets", ctx -> Http.json(ctx, page(ctx, Catalog.digitalRuleSets())));
        r.get("/api/v2/outbound/digitalrulesets/{id}", ctx -> Http.json(ctx, byId(Catalog.digitalRuleSets(),
                ctx.pathParam("id"), "digital.rule.set.not.found")));
        r.get("/api/v2/routing/sms/phonenumbers", this::smsNumbers);
        r.get("/api/v2/organizations/limits/namespaces", this::namespaces);
        r.get("/api/v2/organizations/limits/namespaces/{name}", ctx -> limits(ctx, ctx.pathParam("name")));
        r.get("/api/v2/organizations/limits/namespaces/{name}/defaults", ctx -> limits(ctx, ctx.pathParam("name")));
        r.get("/api/v2/responsemanagement/libraries", ctx -> {
            ObjectNode lib = Json.obj();
            lib.put("id", LIBRARY_ID);
            lib.put("name", "Sandbox templates");
            lib.put("version", 1);
            lib.put("selfUri", "/api/v2/responsemanagement/libraries/" + LIBRARY_ID);
            Http.json(ctx, page(ctx, List.of(lib)));
        });
        r.get("/api/v2/responsemanagement/responses", this::listResponses);
        r.post("/api/v2/responsemanagement/responses", this::createResponse);
        r.post("/api/v2/responsemanagement/responses/query", this::queryResponses);
        r.get("/api/v2/responsemanagement/responses/{id}", ctx -> {
            synchronized (state) {
                Http.json(ctx, response(ctx.pathParam("id")).deepCopy());
            }
        });
        r.put("/api/v2/responsemanagement/responses/{id}", this::putResponse);
        r.delete("/api/v2/responsemanagement/responses/{id}", ctx -> {
            synchronized (state) {
                response(ctx.pathParam("id"));
                state.section("responses").remove(ctx.pathParam("id"));
                state.changed();
            }
            Http.noContent(ctx, 204);
        });
    }

    private void tokenInfo(Context ctx) {
        TokenService.Token t = tokens.find(ctx.attribute(Http.ATTR_TOKEN));
        ObjectNode out = Json.obj();
        ObjectNode org = out.putObject("organization");
        org.put("id", Catalog.ORG_ID);
        org.put("name", "Switchboard Sandbox");
        out.set("homeOrganization", org.deepCopy());
        out.putArray("authorizedScope");
        if (t != null) {
            out.put("dateTokenIdles", Json.time(t.expires()));
        }
        ObjectNode client = out.putObject("OAuthClient");
        client.put("id", tokens.clientId());
        client.put("name", "Switchboard sandbox client");
        client.put("authorizedGrantType", "CLIENT-CREDENTIALS");
        client.set("organization", org.deepCopy());
        Http.json(ctx, out);
    }

    private ObjectNode mappings() {
        ObjectNode m = state.wrapupMappings();
        if (m == null) {
            m = Catalog.defaultMappings();
            state.wrapupMappings(m);
        }
        return m;
    }

    private void putMappings(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        ObjectNode saved;
        synchronized (state) {
            ObjectNode current = mappings();
            JsonNode v = body.get("version");
            if (v == null || !v.isNumber() || v.asInt() != current.get("version").asInt()) {
                throw ApiException.wrongVersion();
            }
            saved = current.deepCopy();
            if (body.has("defaultSet")) {
                saved.set("defaultSet", body.get("defaultSet"));
            }
            if (body.has("mapping")) {
                saved.set("mapping", body.get("mapping"));
            }
            saved.put("version", current.get("version").asInt() + 1);
            saved.put("dateModified", Json.time(clock.now()));
            state.wrapupMappings(saved);
            state.changed();
            saved = saved.deepCopy();
        }
        notifications.publish("v2.outbound.wrapupcodemappings." + saved.get("id").asString(), saved);
        Http.json(ctx, saved);
    }

    private void smsNumbers(Context ctx) {
        String number = ctx.queryParam("phoneNumber");
        List<ObjectNode> all = Catalog.smsNumbers().stream()
                .filter(n -> number == null || n.get("phoneNumber").asString().contains(number.trim()))
                .toList();
        Http.json(ctx, page(ctx, all));
    }

    private void namespaces(Context ctx) {
        ArrayNode entities = Json.arr();
        for (String name : Catalog.limits(requestsPerMinute).keySet()) {
            entities.addObject().put("name", name);
        }
        Http.json(ctx, Json.entityListing(entities, 1, 25, entities.size()));
    }

    private void limits(Context ctx, String name) {
        Map<String, Integer> values = Catalog.limits(requestsPerMinute).get(name);
        if (values == null) {
            throw ApiException.notFound("not.found", "Limits namespace not found: " + name);
        }
        ArrayNode entities = Json.arr();
        values.forEach((k, v) -> {
            ObjectNode l = entities.addObject();
            l.put("key", k);
            l.put("namespace", name);
            l.put("value", v);
        });
        ObjectNode out = Json.obj();
        out.set("entities", entities);
        Http.json(ctx, out);
    }

    private ObjectNode response(String id) {
        ObjectNode r = state.get("responses", id);
        if (r == null) {
            throw ApiException.notFound("response.not.found", "Response not found: " + id);
        }
        return r;
    }

    private void listResponses(Context ctx) {
        String library = ctx.queryParam("libraryId");
        synchronized (state) {
            List<ObjectNode> all = state.all("responses").stream()
                    .filter(r -> library == null || r.path("libraries").toString().contains(library))
                    .map(ObjectNode::deepCopy).toList();
            Http.json(ctx, page(ctx, all));
        }
    }

    private void createResponse(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String id = UUID.randomUUID().toString();
        body.put("id", id);
        body.put("version", 1);
        body.put("dateCreated", Json.time(clock.now()));
        body.put("selfUri", "/api/v2/responsemanagement/responses/" + id);
        synchronized (state) {
            state.section("responses").set(id, body);
            state.changed();
            Http.json(ctx, body.deepCopy());
        }
    }

    private void putResponse(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode current = response(id);
            if (!body.path("version").isNumber() || body.get("version").asInt() != current.get("version").asInt()) {
                throw ApiException.wrongVersion();
            }
            body.put("id", id);
            body.put("version", current.get("version").asInt() + 1);
            body.set("dateCreated", current.get("dateCreated"));
            body.put("selfUri", current.get("selfUri").asString());
            state.section("responses").set(id, body);
            state.changed();
            Http.json(ctx, body.deepCopy());
        }
    }

    private void queryResponses(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        int pageSize = body.path("pageSize").asInt(25);
        if (pageSize > 500) {
            throw ApiException.badRequest("invalid.value", "pageSize must be at most 500");
        }
        synchronized (state) {
            ArrayNode entities = Json.arr();
            state.all("responses").stream().limit(pageSize).forEach(r -> entities.add(r.deepCopy()));
            ObjectNode results = Json.obj();
            ObjectNode inner = results.putObject("results");
            inner.set("entities", entities);
            Http.json(ctx, results);
        }
    }

    static ObjectNode byId(List<ObjectNode> items, String id, String notFoundCode) {
        return found(items.stream().filter(i -> id.equals(Json.text(i, "id"))).findFirst().orElse(null),
                notFoundCode);
    }

    static ObjectNode found(ObjectNode item, String notFoundCode) {
        if (item == null) {
            throw ApiException.notFound(notFoundCode, "The requested entity was not found");
        }
        return item;
    }

    /** A Genesys entity listing of {@code items}, paged by the {@code pageNumber}/{@code pageSize} query. */
    static ObjectNode page(Context ctx, List<ObjectNode> items) {
        int pageSize = Math.max(1, Http.intQuery(ctx, "pageSize", 25));
        int pageNumber = Math.max(1, Http.intQuery(ctx, "pageNumber", 1));
        List<String> ids = ctx.queryParams("id");
        List<ObjectNode> filtered = ids.isEmpty() ? items
                : items.stream().filter(i -> ids.contains(Json.text(i, "id"))).toList();
        if (ids.size() > 100) {
            throw ApiException.badRequest("invalid.value", "At most 100 ids may be requested");
        }
        String name = ctx.queryParam("name");
        if (name != null && !name.isBlank()) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            filtered = filtered.stream().filter(i -> {
                String v = Json.text(i, "name");
                return v != null && v.toLowerCase(java.util.Locale.ROOT).contains(n);
            }).toList();
        }
        ArrayNode entities = Json.arr();
        int from = (pageNumber - 1) * pageSize;
        for (int i = from; i < Math.min(filtered.size(), from + pageSize); i++) {
            entities.add(filtered.get(i));
        }
        return Json.entityListing(entities, pageNumber, pageSize, filtered.size());
    }
}
