package dev.switchboard.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v2/outbound/contactlists/...}: contact lists and their contacts, with the documented limits. */
final class ContactListsApi {

    static final int ADD_MAX = 1000;
    static final int BULK_GET_MAX = 50;
    static final int DELETE_MAX = 250;
    static final int SEARCH_PAGE_MAX = 100;
    static final int NAME_MAX = 64;

    private final OrgState state;
    private final VirtualClock clock;
    private final Notifications hub;

    ContactListsApi(OrgState state, VirtualClock clock, Notifications hub) {
        this.state = state;
        this.clock = clock;
        this.hub = hub;
    }

    void install(RoutesConfig r) {
        String base = "/api/v2/outbound/contactlists";
        r.get(base, ctx -> {
            synchronized (state) {
                Http.json(ctx, CatalogApi.page(ctx, state.all("contactLists").stream().map(this::view).toList()));
            }
        });
        r.post(base, this::createList);
        r.get(base + "/{listId}", ctx -> {
            synchronized (state) {
                Http.json(ctx, view(list(ctx.pathParam("listId"))));
            }
        });
        r.put(base + "/{listId}", this::updateList);
        r.delete(base + "/{listId}", this::deleteList);
        r.post(base + "/{listId}/contacts", this::addContacts);
        r.delete(base + "/{listId}/contacts", this::deleteContacts);
        r.post(base + "/{listId}/contacts/bulk", this::bulkGet);
        r.post(base + "/{listId}/contacts/search", this::search);
        r.get(base + "/{listId}/contacts/{contactId}", ctx -> {
            synchronized (state) {
                list(ctx.pathParam("listId"));
                Http.json(ctx, contact(ctx.pathParam("listId"), ctx.pathParam("contactId")).deepCopy());
            }
        });
        r.put(base + "/{listId}/contacts/{contactId}", this::putContact);
        r.delete(base + "/{listId}/contacts/{contactId}", ctx -> {
            synchronized (state) {
                String listId = ctx.pathParam("listId");
                list(listId);
                contact(listId, ctx.pathParam("contactId"));
                state.sub("contacts", listId).remove(ctx.pathParam("contactId"));
                state.changed();
            }
            Http.noContent(ctx, 200);
        });
    }

    ObjectNode list(String id) {
        ObjectNode l = state.get("contactLists", id);
        if (l == null) {
            throw ApiException.notFound("contact.list.not.found", "Contact list not found: " + id);
        }
        return l;
    }

    private ObjectNode contact(String listId, String contactId) {
        JsonNode c = state.sub("contacts", listId).get(contactId);
        if (c == null) {
            throw ApiException.notFound("contact.not.found", "Contact not found: " + contactId);
        }
        return (ObjectNode) c;
    }

    private ObjectNode view(ObjectNode list) {
        ObjectNode v = list.deepCopy();
        v.put("size", state.sub("contacts", Json.text(list, "id")).size());
        return v;
    }

    private static void checkListBody(ObjectNode body) {
        String name = Json.text(body, "name");
        if (name == null || name.isBlank()) {
            throw new ApiException(400, "invalid.value", "name is required",
                    List.of(new ApiException.Detail("invalid.value", "name")));
        }
        if (name.length() > NAME_MAX) {
            throw new ApiException(400, "invalid.value", "name must be at most " + NAME_MAX + " characters",
                    List.of(new ApiException.Detail("invalid.value", "name")));
        }
        Set<String> columns = columns(body);
        if (columns.isEmpty()) {
            throw ApiException.badRequest("invalid.value", "columnNames must not be empty");
        }
        for (String f : List.of("phoneColumns", "emailColumns")) {
            for (JsonNode c : body.path(f)) {
                String col = Json.text(c, "columnName");
                if (col == null || !columns.contains(col)) {
                    throw ApiException.badRequest("invalid.contact.columns",
                            f + " names a column that is not in columnNames: " + col);
                }
            }
        }
        String zip = Json.text(body, "zipCodeColumnName");
        if (zip != null && !columns.contains(zip)) {
            throw ApiException.badRequest("invalid.contact.columns", "zipCodeColumnName is not in columnNames");
        }
    }

    static Set<String> columns(JsonNode list) {
        Set<String> out = new HashSet<>();
        for (JsonNode c : list.path("columnNames")) {
            out.add(c.asString());
        }
        return out;
    }

    private void createList(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        checkListBody(body);
        String id = UUID.randomUUID().toString();
        String now = Json.time(clock.now());
        body.put("id", id);
        body.put("version", 1);
        body.put("dateCreated", now);
        body.put("dateModified", now);
        body.remove("size");
        body.put("selfUri", "/api/v2/outbound/contactlists/" + id);
        ObjectNode out;
        synchronized (state) {
            state.section("contactLists").set(id, body);
            state.sub("contacts", id);
            state.changed();
            out = view(body);
        }
        hub.publish("v2.outbound.contactlists." + id, out);
        Http.json(ctx, out);
    }

    private void updateList(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String id = ctx.pathParam("listId");
        ObjectNode out;
        synchronized (state) {
            ObjectNode current = list(id);
            checkVersion(body, current);
            checkListBody(body);
            if (!columns(body).equals(columns(current))) {
                throw ApiException.badRequest("contact.list.column.change.not.allowed",
                        "The columns of a contact list cannot be changed");
            }
            body.put("id", id);
            body.put("version", current.get("version").asInt() + 1);
            body.set("dateCreated", current.get("dateCreated"));
            body.put("dateModified", Json.time(clock.now()));
            body.remove("size");
            body.put("selfUri", current.get("selfUri").asString());
            state.section("contactLists").set(id, body);
            state.changed();
            out = view(body);
        }
        hub.publish("v2.outbound.contactlists." + id, out);
        Http.json(ctx, out);
    }

    static void checkVersion(JsonNode body, JsonNode current) {
        JsonNode v = body.get("version");
        if (v == null || !v.isNumber() || v.asInt() != current.get("version").asInt()) {
            throw ApiException.wrongVersion();
        }
    }

    private void deleteList(Context ctx) {
        String id = ctx.pathParam("listId");
        synchronized (state) {
            list(id);
            for (String section : List.of("campaigns", "messagingCampaigns")) {
                for (ObjectNode c : state.all(section)) {
                    if (id.equals(Json.refId(c, "contactList"))) {
                        throw ApiException.badRequest("contact.list.in.use",
                                "The contact list is in use by campaign " + Json.text(c, "id"));
                    }
                }
            }
            state.section("contactLists").remove(id);
            state.section("contacts").remove(id);
            state.changed();
        }
        Http.noContent(ctx, 200);
    }

    private void addContacts(Context ctx) {
        ArrayNode body = Http.arrayBody(ctx);
        String listId = ctx.pathParam("listId");
        if (body.size() > ADD_MAX) {
            throw ApiException.badRequest("too.many.contacts.added",
                    "At most " + ADD_MAX + " contacts may be added per request, got " + body.size());
        }
        boolean priority = Http.flag(ctx, "priority");
        boolean clearSystemData = Http.flag(ctx, "clearSystemData");
        boolean doNotQueue = Http.flag(ctx, "doNotQueue");
        ArrayNode out = Json.arr();
        synchronized (state) {
            ObjectNode list = list(listId);
            Set<String> columns = columns(list);
            String zipColumn = Json.text(list, "zipCodeColumnName");
            for (JsonNode n : body) {
                checkContact(n, listId, columns, zipColumn);
            }
            ObjectNode contacts = state.sub("contacts", listId);
            String now = Json.time(clock.now());
            for (JsonNode n : body) {
                ObjectNode in = (ObjectNode) n;
                String id = Json.text(in, "id");
                if (id == null || id.isBlank()) {
                    id = UUID.randomUUID().toString().replace("-", "");
                }
                ObjectNode existing = (ObjectNode) contacts.get(id);
                ObjectNode c = Json.obj();
                c.put("id", id);
                c.put("contactListId", listId);
                c.set("data", in.get("data"));
                if (existing != null && !clearSystemData && existing.has("callRecords")) {
                    c.set("callRecords", existing.get("callRecords"));
                }
                boolean callable = in.has("callable") ? in.get("callable").asBoolean(true)
                        : existing != null && !clearSystemData ? existing.path("callable").asBoolean(true) : true;
                c.put("callable", callable);
                copyOrKeep(c, in, existing, "phoneNumberStatus", clearSystemData);
                copyOrKeep(c, in, existing, "contactableStatus", clearSystemData);
                c.put("dateCreated", existing != null ? Json.text(existing, "dateCreated") : now);
                c.put("selfUri", "/api/v2/outbound/contactlists/" + listId + "/contacts/" + id);
                contacts.set(id, c);
                if (priority) {
                    state.sub("priority", listId).put(id, true);
                }
                if (existing != null && !doNotQueue) {
                    requeue(listId, id);
                }
                out.add(c.deepCopy());
            }
            state.changed();
        }
        Http.json(ctx, out);
    }

    private void requeue(String listId, String contactId) {
        for (ObjectNode run : state.all("runs")) {
            if (listId.equals(Json.text(run, "contactListId")) && run.has("done")) {
                ((ObjectNode) run.get("done")).remove(contactId);
            }
        }
    }

    private static void copyOrKeep(ObjectNode c, JsonNode in, ObjectNode existing, String field, boolean clear) {
        if (in.has(field)) {
            c.set(field, in.get(field));
        } else if (existing != null && existing.has(field) && !clear) {
            c.set(field, existing.get(field));
        }
    }

    private static void checkContact(JsonNode n, String listId, Set<String> columns, String zipColumn) {
        if (!n.isObject()) {
            throw ApiException.badRequest("bad.request", "Each contact must be a JSON object");
        }
        String cl = Json.text(n, "contactListId");
        if (cl != null && !cl.equals(listId)) {
            throw ApiException.badRequest("invalid.contact.list.id", "contactListId does not match the path");
        }
        String id = Json.text(n, "id");
        if (id != null && !id.matches("[A-Za-z0-9_\\-]{1,128}")) {
            throw ApiException.badRequest("invalid.contact.id", "Invalid contact id: " + id);
        }
        JsonNode data = n.get("data");
        if (data == null || !data.isObject()) {
            throw ApiException.badRequest("invalid.value", "data is required");
        }
        List<String> unknown = new ArrayList<>();
        for (var e : data.properties()) {
            if (!columns.contains(e.getKey())) {
                unknown.add(e.getKey());
            } else if (!e.getValue().isString()) {
                throw new ApiException(400, "invalid.contact.data", "Contact data values must be strings: "
                        + e.getKey(), List.of(new ApiException.Detail("invalid.contact.data", e.getKey())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "invalid.contact.columns", "Contact columns not in the contact list: "
                    + unknown, List.of(new ApiException.Detail("invalid.contact.columns", unknown.getFirst())));
        }
        if (zipColumn != null && data.has(zipColumn)) {
            String zip = data.get(zipColumn).asString().trim();
            if (!zip.isEmpty() && !zip.matches("\\d{5}(-?\\d{4})?")) {
                throw ApiException.badRequest("invalid.zip.code.contact.value", "Invalid zip code: " + zip);
            }
        }
    }

    private void bulkGet(Context ctx) {
        ArrayNode ids = Http.arrayBody(ctx);
        if (ids.size() > BULK_GET_MAX) {
            throw ApiException.badRequest("too.many.contacts.requested",
                    "At most " + BULK_GET_MAX + " contacts may be requested, got " + ids.size());
        }
        synchronized (state) {
            String listId = ctx.pathParam("listId");
            list(listId);
            ObjectNode contacts = state.sub("contacts", listId);
            ArrayNode out = Json.arr();
            for (JsonNode id : ids) {
                JsonNode c = id.isString() ? contacts.get(id.stringValue()) : null;
                if (c != null) {
                    out.add(c.deepCopy());
                }
            }
            Http.json(ctx, out);
        }
    }

    private void search(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        int pageSize = body.path("pageSize").asInt(25);
        int pageNumber = body.path("pageNumber").asInt(1);
        if (pageSize < 1 || pageSize > SEARCH_PAGE_MAX) {
            throw new ApiException(400, "invalid.value", "pageSize must be between 1 and " + SEARCH_PAGE_MAX,
                    List.of(new ApiException.Detail("invalid.value", "pageSize")));
        }
        if (pageNumber < 1) {
            throw ApiException.badRequest("invalid.value", "pageNumber must be at least 1");
        }
        synchronized (state) {
            String listId = ctx.pathParam("listId");
            list(listId);
            List<JsonNode> matches = new ArrayList<>();
            for (JsonNode c : state.sub("contacts", listId).values()) {
                if (matches(c, body.get("criteria"))) {
                    matches.add(c);
                }
            }
            ArrayNode entities = Json.arr();
            int from = (pageNumber - 1) * pageSize;
            for (int i = from; i < Math.min(matches.size(), from + pageSize); i++) {
                entities.add(matches.get(i).deepCopy());
            }
            ObjectNode out = Json.entityListing(entities, pageNumber, pageSize, matches.size());
            out.put("contactsCount", matches.size());
            Http.json(ctx, out);
        }
    }

    private static boolean matches(JsonNode contact, JsonNode criteria) {
        if (criteria == null || !criteria.has("clauses") || criteria.get("clauses").isEmpty()) {
            return true;
        }
        boolean and = !"OR".equals(Json.text(criteria, "filterType"));
        boolean result = and;
        for (JsonNode clause : criteria.get("clauses")) {
            boolean clauseAnd = !"OR".equals(Json.text(clause, "filterType"));
            boolean c = clauseAnd;
            for (JsonNode p : clause.path("predicates")) {
                boolean m = predicate(contact, p);
                c = clauseAnd ? c && m : c || m;
            }
            result = and ? result && c : result || c;
        }
        return result;
    }

    private static boolean predicate(JsonNode contact, JsonNode p) {
        String value = Json.text(contact.path("data"), String.valueOf(Json.text(p, "column")));
        String want = Json.text(p, "value");
        boolean inverted = p.path("inverted").asBoolean(false);
        if (value == null || want == null) {
            return inverted;
        }
        String v = value.toLowerCase(Locale.ROOT);
        String w = want.toLowerCase(Locale.ROOT);
        boolean m = switch (String.valueOf(Json.text(p, "operator"))) {
            case "CONTAINS" -> v.contains(w);
            case "BEGINS_WITH" -> v.startsWith(w);
            case "ENDS_WITH" -> v.endsWith(w);
            case "IN" -> List.of(w.split(",")).contains(v);
            default -> v.equals(w);
        };
        return inverted != m;
    }

    private void putContact(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        String listId = ctx.pathParam("listId");
        String contactId = ctx.pathParam("contactId");
        synchronized (state) {
            ObjectNode list = list(listId);
            ObjectNode existing = contact(listId, contactId);
            checkContact(body, listId, columns(list), Json.text(list, "zipCodeColumnName"));
            ObjectNode c = existing.deepCopy();
            c.set("data", body.get("data"));
            for (String f : List.of("callable", "phoneNumberStatus", "contactableStatus")) {
                if (body.has(f)) {
                    c.set(f, body.get(f));
                }
            }
            state.sub("contacts", listId).set(contactId, c);
            state.changed();
            Http.json(ctx, c.deepCopy());
        }
    }

    private void deleteContacts(Context ctx) {
        List<String> ids = new ArrayList<>();
        for (String v : ctx.queryParams("contactIds")) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    ids.add(part.trim());
                }
            }
        }
        if (ids.size() > DELETE_MAX) {
            throw ApiException.badRequest("too.many.contacts.requested",
                    "At most " + DELETE_MAX + " contacts may be deleted per request, got " + ids.size());
        }
        synchronized (state) {
            String listId = ctx.pathParam("listId");
            list(listId);
            ObjectNode contacts = state.sub("contacts", listId);
            for (String id : ids) {
                contacts.remove(id);
            }
            state.changed();
        }
        Http.noContent(ctx, 204);
    }
}
