package dev.switchboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/outbound/dnclists/...}: DNC lists, phone numbers and email addresses (POST for {@code rds} only,
 * PATCH Add/Remove, purge), and the export (404 {@code no.available.list.export.uri} until ready, then a CSV
 * served at {@code /sandbox/exports/{id}.csv} with the header {@code value,type,expirationDateTime}).
 */
final class DncApi {

    static final Duration EXPORT_READY_AFTER = Duration.ofSeconds(1);

    private final OrgState state;
    private final VirtualClock clock;
    private final Notifications hub;
    private final Supplier<String> httpBase;

    DncApi(OrgState state, VirtualClock clock, Notifications hub, Supplier<String> httpBase) {
        this.state = state;
        this.clock = clock;
        this.hub = hub;
        this.httpBase = httpBase;
    }

    void install(RoutesConfig r) {
        String base = "/api/v2/outbound/dnclists";
        r.get(base, ctx -> {
            synchronized (state) {
                String type = ctx.queryParam("dncSourceType");
                Http.json(ctx, CatalogApi.page(ctx, state.all("dncLists").stream()
                        .filter(l -> type == null || type.equals(Json.text(l, "dncSourceType")))
                        .map(this::view).toList()));
            }
        });
        r.post(base, this::create);
        r.get(base + "/{id}", ctx -> {
            synchronized (state) {
                Http.json(ctx, view(list(ctx.pathParam("id"))));
            }
        });
        r.put(base + "/{id}", this::update);
        r.delete(base + "/{id}", ctx -> {
            String id = ctx.pathParam("id");
            synchronized (state) {
                list(id);
                for (String s : List.of("dncLists", "dncPhones", "dncEmails", "exports")) {
                    state.section(s).remove(id);
                }
                state.changed();
            }
            Http.noContent(ctx, 200);
        });
        r.post(base + "/{id}/phonenumbers", ctx -> add(ctx, "dncPhones", true));
        r.patch(base + "/{id}/phonenumbers", ctx -> patch(ctx, "dncPhones", "phoneNumbers"));
        r.delete(base + "/{id}/phonenumbers", ctx -> purge(ctx, "dncPhones"));
        r.post(base + "/{id}/emailaddresses", ctx -> add(ctx, "dncEmails", false));
        r.patch(base + "/{id}/emailaddresses", ctx -> patch(ctx, "dncEmails", "emailAddresses"));
        r.delete(base + "/{id}/emailaddresses", ctx -> purge(ctx, "dncEmails"));
        r.post(base + "/{id}/export", this::startExport);
        r.get(base + "/{id}/export", this::exportUri);
        r.get("/sandbox/exports/{exportId}", this::download);
        r.post("/api/v2/outbound/conversations/{conversationId}/dnc", this::conversationToDnc);
    }

    /** Adds the address of a campaign conversation to the campaign's {@code rds} DNC lists. */
    private void conversationToDnc(Context ctx) {
        String conversationId = ctx.pathParam("conversationId");
        synchronized (state) {
            ObjectNode conv = state.get("conversations", conversationId);
            if (conv == null) {
                throw ApiException.notFound("conversation.not.found", "Conversation not found: " + conversationId);
            }
            String campaignId = Json.text(conv, "campaignId");
            ObjectNode campaign = campaignId == null ? null : state.get("campaigns", campaignId);
            if (campaign == null && campaignId != null) {
                campaign = state.get("messagingCampaigns", campaignId);
            }
            int added = 0;
            if (campaign != null) {
                boolean email = "email".equals(Json.text(conv, "kind"));
                for (JsonNode ref : campaign.path("dncLists")) {
                    ObjectNode list = state.get("dncLists", String.valueOf(Json.text(ref, "id")));
                    if (list != null && "rds".equals(Json.text(list, "dncSourceType"))) {
                        state.sub(email ? "dncEmails" : "dncPhones", Json.text(list, "id"))
                                .putNull(key(Json.text(conv, "address"), !email));
                        touch(list);
                        added++;
                    }
                }
            }
            if (added == 0) {
                throw ApiException.badRequest("dnc.source.operation.not.supported",
                        "The conversation's campaign has no rds DNC list");
            }
        }
        Http.noContent(ctx, 204);
    }

    ObjectNode list(String id) {
        ObjectNode l = state.get("dncLists", id);
        if (l == null) {
            throw ApiException.notFound("dnc.list.not.found", "DNC list not found: " + id);
        }
        return l;
    }

    private ObjectNode view(ObjectNode list) {
        ObjectNode v = list.deepCopy();
        String id = Json.text(list, "id");
        v.put("size", state.sub("dncPhones", id).size() + state.sub("dncEmails", id).size());
        return v;
    }

    private void create(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        if ("rds".equals(Json.text(body, "dncSourceType")) && Json.text(body, "contactMethod") == null) {
            throw new ApiException(400, "invalid.value", "contactMethod is required for rds lists",
                    List.of(new ApiException.Detail("invalid.value", "contactMethod")));
        }
        String id = UUID.randomUUID().toString();
        String now = Json.time(clock.now());
        body.put("id", id);
        body.put("version", 1);
        body.put("dateCreated", now);
        body.put("dateModified", now);
        body.remove("size");
        body.put("selfUri", "/api/v2/outbound/dnclists/" + id);
        ObjectNode out;
        synchronized (state) {
            state.section("dncLists").set(id, body);
            state.changed();
            out = view(body);
        }
        Http.json(ctx, out);
    }

    private void update(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String id = ctx.pathParam("id");
        ObjectNode out;
        synchronized (state) {
            ObjectNode current = list(id);
            ContactListsApi.checkVersion(body, current);
            body.put("id", id);
            body.put("version", current.get("version").asInt() + 1);
            body.set("dncSourceType", current.get("dncSourceType"));
            body.set("dateCreated", current.get("dateCreated"));
            body.put("dateModified", Json.time(clock.now()));
            body.remove("size");
            body.put("selfUri", current.get("selfUri").asString());
            state.section("dncLists").set(id, body);
            state.changed();
            out = view(body);
        }
        hub.publish("v2.outbound.dnclists." + id, out);
        Http.json(ctx, out);
    }

    private void checkMethod(ObjectNode list, String section) {
        String method = Json.text(list, "contactMethod");
        boolean phones = section.equals("dncPhones");
        if (method != null && !method.equals("Any") && !method.equals(phones ? "Phone" : "Email")) {
            throw ApiException.badRequest("dnc.source.operation.not.supported",
                    "This DNC list holds " + method + " entries only");
        }
    }

    private void add(Context ctx, String section, boolean phones) {
        ArrayNode values = Http.arrayBody(ctx);
        String id = ctx.pathParam("id");
        String expiry = parseExpiry(ctx.queryParam("expirationDateTime"));
        synchronized (state) {
            ObjectNode list = list(id);
            if (!"rds".equals(Json.text(list, "dncSourceType"))) {
                throw ApiException.badRequest("dnc.source.operation.not.supported",
                        "Entries can only be added to rds DNC lists");
            }
            checkMethod(list, section);
            ObjectNode entries = state.sub(section, id);
            for (JsonNode v : values) {
                String key = key(v.asString(), phones);
                if (expiry == null) {
                    entries.putNull(key);
                } else {
                    entries.put(key, expiry);
                }
            }
            touch(list);
        }
        hub.publish("v2.outbound.dnclists." + id, Json.obj().put("id", id));
        Http.noContent(ctx, 204);
    }

    private void patch(Context ctx, String section, String field) {
        ObjectNode body = Http.objectBody(ctx);
        String id = ctx.pathParam("id");
        String action = Json.text(body, "action");
        if (!"Add".equals(action) && !"Remove".equals(action)) {
            throw new ApiException(400, "invalid.value", "action must be Add or Remove",
                    List.of(new ApiException.Detail("invalid.value", "action")));
        }
        String expiry = parseExpiry(Json.text(body, "expirationDateTime"));
        boolean phones = section.equals("dncPhones");
        synchronized (state) {
            ObjectNode list = list(id);
            String type = Json.text(list, "dncSourceType");
            if (!"rds".equals(type) && !"rds_custom".equals(type)) {
                throw ApiException.badRequest("dnc.source.operation.not.supported",
                        "Entries can only be changed on rds and rds_custom DNC lists");
            }
            checkMethod(list, section);
            ObjectNode entries = state.sub(section, id);
            for (JsonNode v : body.path(field)) {
                String key = key(v.asString(), phones);
                if (action.equals("Remove")) {
                    entries.remove(key);
                } else if (expiry == null) {
                    entries.putNull(key);
                } else {
                    entries.put(key, expiry);
                }
            }
            touch(list);
        }
        hub.publish("v2.outbound.dnclists." + id, Json.obj().put("id", id));
        Http.noContent(ctx, 204);
    }

    private void purge(Context ctx, String section) {
        String id = ctx.pathParam("id");
        boolean expiredOnly = Http.flag(ctx, "expiredOnly");
        synchronized (state) {
            ObjectNode list = list(id);
            ObjectNode entries = state.sub(section, id);
            if (expiredOnly) {
                Instant now = clock.now();
                for (String k : List.copyOf(entries.propertyNames())) {
                    JsonNode e = entries.get(k);
                    if (e.isString() && !Instant.parse(e.stringValue()).isAfter(now)) {
                        entries.remove(k);
                    }
                }
            } else {
                entries.removeAll();
            }
            touch(list);
        }
        Http.noContent(ctx, 204);
    }

    private void touch(ObjectNode list) {
        list.put("dateModified", Json.time(clock.now()));
        state.changed();
    }

    static String key(String value, boolean phone) {
        String v = value == null ? "" : value.trim();
        return phone ? normalizePhone(v) : v.toLowerCase(Locale.ROOT);
    }

    /** E.164 where it can be guessed: digits kept, a 10-digit number taken as North American. */
    static String normalizePhone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        if (value.trim().startsWith("+")) {
            return "+" + digits;
        }
        if (digits.length() == 10) {
            return "+1" + digits;
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            return "+" + digits;
        }
        return "+" + digits;
    }

    private static String parseExpiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmX")).toInstant()
                        .toString();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("invalid.value", "expirationDateTime must be yyyy-MM-ddTHH:mmZ");
            }
        }
    }

    /** True when {@code value} is on DNC list {@code listId} and not expired; call under the state lock. */
    boolean listed(String listId, String value, boolean phone) {
        JsonNode e = state.sub(phone ? "dncPhones" : "dncEmails", listId).get(key(value, phone));
        if (e == null) {
            return false;
        }
        return !e.isString() || Instant.parse(e.stringValue()).isAfter(clock.now());
    }

    private void startExport(Context ctx) {
        String id = ctx.pathParam("id");
        synchronized (state) {
            list(id);
            StringBuilder csv = new StringBuilder("value,type,expirationDateTime\n");
            state.sub("dncPhones", id).properties().forEach(e -> csv.append(e.getKey()).append(",phone,")
                    .append(e.getValue().isString() ? e.getValue().stringValue() : "").append('\n'));
            state.sub("dncEmails", id).properties().forEach(e -> csv.append(e.getKey()).append(",email,")
                    .append(e.getValue().isString() ? e.getValue().stringValue() : "").append('\n'));
            Instant now = clock.now();
            String exportId = UUID.randomUUID().toString();
            ObjectNode ex = state.section("exports").putObject(id);
            ex.put("exportId", exportId);
            ex.put("readyAt", Json.time(now.plus(EXPORT_READY_AFTER)));
            ex.put("exportTimestamp", Json.time(now));
            ex.put("csv", csv.toString());
            state.changed();
            Http.json(ctx, Json.ref(id, "/api/v2/outbound/dnclists/" + id));
        }
    }

    private void exportUri(Context ctx) {
        String id = ctx.pathParam("id");
        synchronized (state) {
            list(id);
            ObjectNode ex = state.get("exports", id);
            if (ex == null || clock.now().isBefore(Instant.parse(Json.text(ex, "readyAt")))) {
                throw ApiException.notFound("no.available.list.export.uri", "There is no available export URI");
            }
            ObjectNode out = Json.obj();
            out.put("uri", httpBase.get() + "/sandbox/exports/" + Json.text(ex, "exportId") + ".csv");
            out.put("exportTimestamp", Json.text(ex, "exportTimestamp"));
            Http.json(ctx, out);
        }
    }

    private void download(Context ctx) {
        String exportId = ctx.pathParam("exportId").replace(".csv", "");
        synchronized (state) {
            for (ObjectNode ex : state.all("exports")) {
                if (exportId.equals(Json.text(ex, "exportId"))) {
                    ctx.contentType("text/csv");
                    ctx.result(Json.text(ex, "csv"));
                    return;
                }
            }
        }
        ctx.status(404);
        ctx.result("export not found");
    }
}
