package dev.switchboard.sandbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Voice ({@code /api/v2/outbound/campaigns}) and messaging ({@code /api/v2/outbound/messagingcampaigns}) campaigns:
 * CRUD with versions, start/stop ({@code on -> stopping -> off}, {@code complete} when the list runs out), progress.
 */
final class CampaignsApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CampaignsApi.class);

    static final int MAX_ACTIVE = 50;
    private static final Set<String> ACTIVE = Set.of("on", "stopping");

    /** The two campaign kinds share everything but their paths, sections and checks. */
    enum Kind {
        VOICE("campaigns", "/api/v2/outbound/campaigns", "campaignId", "v2.outbound.campaigns."),
        MESSAGING("messagingCampaigns", "/api/v2/outbound/messagingcampaigns", "messagingCampaignId",
                "v2.outbound.messagingcampaigns.");

        final String section;
        final String base;
        final String param;
        final String topic;

        Kind(String section, String base, String param, String topic) {
            this.section = section;
            this.base = base;
            this.param = param;
            this.topic = topic;
        }
    }

    private final OrgState state;
    private final VirtualClock clock;
    private final Notifications hub;
    private final ContactListsApi lists;
    private final DncApi dnc;

    CampaignsApi(OrgState state, VirtualClock clock, Notifications hub, ContactListsApi lists, DncApi dnc) {
        this.state = state;
        this.clock = clock;
        this.hub = hub;
        this.lists = lists;
        this.dnc = dnc;
    }

    void install(RoutesConfig r) {
        for (Kind k : Kind.values()) {
            String one = k.base + "/{" + k.param + "}";
            r.get(k.base, ctx -> {
                synchronized (state) {
                    String status = ctx.queryParam("campaignStatus");
                    String listId = ctx.queryParam("contactListId");
                    Http.json(ctx, CatalogApi.page(ctx, state.all(k.section).stream()
                            .filter(c -> status == null || status.equals(Json.text(c, "campaignStatus")))
                            .filter(c -> listId == null || listId.equals(Json.refId(c, "contactList")))
                            .map(ObjectNode::deepCopy).toList()));
                }
            });
            r.post(k.base, ctx -> create(ctx, k));
            r.get(one, ctx -> {
                synchronized (state) {
                    Http.json(ctx, campaign(k, ctx.pathParam(k.param)).deepCopy());
                }
            });
            r.put(one, ctx -> update(ctx, k));
            r.delete(one, ctx -> delete(ctx, k));
            r.post(one + "/start", ctx -> setStatus(ctx, k, "on"));
            r.post(one + "/stop", ctx -> setStatus(ctx, k, "off"));
            r.get(one + "/progress", ctx -> {
                synchronized (state) {
                    Http.json(ctx, progress(campaign(k, ctx.pathParam(k.param))));
                }
            });
        }
        r.patch("/api/v2/outbound/campaigns/{campaignId}", this::patchVoice);
        r.get("/api/v2/outbound/campaigns/{campaignId}/stats", ctx -> {
            synchronized (state) {
                ObjectNode c = campaign(Kind.VOICE, ctx.pathParam("campaignId"));
                ObjectNode run = state.sub("runs", Json.text(c, "id"));
                ObjectNode stats = Json.obj();
                ObjectNode rate = stats.putObject("contactRate");
                int attempts = run.path("called").asInt(0);
                int connects = run.path("connects").asInt(0);
                rate.put("attempts", attempts);
                rate.put("connects", connects);
                rate.put("connectRatio", attempts == 0 ? 0.0 : connects / (double) attempts);
                stats.put("idleAgents", 0);
                stats.put("outstandingCalls", 0);
                stats.put("scheduledCalls", 0);
                stats.put("validAttempts", attempts);
                stats.put("rightPartyContactsCount", run.path("rightParty").asInt(0));
                Http.json(ctx, stats);
            }
        });
    }

    ObjectNode campaign(Kind k, String id) {
        ObjectNode c = state.get(k.section, id);
        if (c == null) {
            throw ApiException.notFound(k == Kind.VOICE ? "campaign.not.found" : "messaging.campaign.not.found",
                    "Campaign not found: " + id);
        }
        return c;
    }

    private void checkRefs(Kind k, ObjectNode body) {
        String listId = Json.refId(body, "contactList");
        if (listId == null) {
            throw new ApiException(400, "invalid.value", "contactList is required",
                    List.of(new ApiException.Detail("invalid.value", "contactList")));
        }
        ObjectNode list = lists.list(listId);
        for (JsonNode d : body.path("dncLists")) {
            dnc.list(String.valueOf(Json.text(d, "id")));
        }
        String timeSet = Json.refId(body, "callableTimeSet");
        if (timeSet != null) {
            CatalogApi.byId(Catalog.callableTimeSets(), timeSet, "callable.time.set.not.found");
        }
        var columns = ContactListsApi.columns(list);
        if (k == Kind.VOICE) {
            for (JsonNode p : body.path("phoneColumns")) {
                if (!columns.contains(String.valueOf(Json.text(p, "columnName")))) {
                    throw ApiException.badRequest("invalid.phone.column",
                            "phoneColumns names a column not in the contact list: " + Json.text(p, "columnName"));
                }
            }
        } else {
            JsonNode sms = body.get("smsConfig");
            if (sms != null) {
                for (String f : List.of("messageColumn", "phoneColumn")) {
                    if (!columns.contains(String.valueOf(Json.text(sms, f)))) {
                        throw ApiException.badRequest("invalid.value", "smsConfig." + f
                                + " is not a column of the contact list");
                    }
                }
                String number = Json.text(sms.get("senderSmsPhoneNumber"), "phoneNumber");
                if (!Catalog.isSmsNumber(number)) {
                    throw ApiException.badRequest("invalid.value",
                            "smsConfig.senderSmsPhoneNumber is not an SMS number of this org");
                }
            }
            if (sms == null && body.get("emailConfig") == null) {
                throw ApiException.badRequest("invalid.value", "smsConfig or emailConfig is required");
            }
        }
    }

    private void create(Context ctx, Kind k) {
        ObjectNode body = Http.objectBody(ctx);
        String wanted = Json.text(body, "campaignStatus");
        String id = UUID.randomUUID().toString();
        ObjectNode out;
        synchronized (state) {
            checkRefs(k, body);
            String now = Json.time(clock.now());
            body.put("id", id);
            body.put("version", 1);
            body.put("dateCreated", now);
            body.put("dateModified", now);
            body.put("campaignStatus", "off");
            body.putArray("errors");
            body.put("selfUri", k.base + "/" + id);
            state.section(k.section).set(id, body);
            state.changed();
            if ("on".equals(wanted)) {
                transition(k, body, "on");
            }
            out = body.deepCopy();
        }
        hub.publish(k.topic + id, out);
        Http.json(ctx, out);
    }

    private void update(Context ctx, Kind k) {
        ObjectNode body = Http.objectBody(ctx);
        String id = ctx.pathParam(k.param);
        ObjectNode out;
        synchronized (state) {
            ObjectNode current = campaign(k, id);
            ContactListsApi.checkVersion(body, current);
            String status = Json.text(current, "campaignStatus");
            String wanted = Json.text(body, "campaignStatus");
            if (ACTIVE.contains(status) && !String.valueOf(Json.refId(body, "contactList"))
                    .equals(Json.refId(current, "contactList"))) {
                throw new ApiException(409, "invalid.update.campaign.active",
                        "The contact list of an active campaign cannot change");
            }
            if (wanted != null && !wanted.equals(status) && !wanted.equals("on") && !wanted.equals("off")) {
                throw ApiException.badRequest("invalid.update.bad.status.transition",
                        "Cannot change campaignStatus from " + status + " to " + wanted);
            }
            checkRefs(k, body);
            body.put("id", id);
            body.put("version", current.get("version").asInt() + 1);
            body.set("dateCreated", current.get("dateCreated"));
            body.put("dateModified", Json.time(clock.now()));
            body.put("campaignStatus", status);
            body.set("errors", current.get("errors"));
            body.put("selfUri", current.get("selfUri").asString());
            state.section(k.section).set(id, body);
            state.changed();
            if (wanted != null && !wanted.equals(status)) {
                transition(k, body, wanted);
            }
            out = body.deepCopy();
        }
        hub.publish(k.topic + id, out);
        Http.json(ctx, out);
    }

    private void patchVoice(Context ctx) {
        ObjectNode body = Http.objectBody(ctx);
        synchronized (state) {
            ObjectNode c = campaign(Kind.VOICE, ctx.pathParam("campaignId"));
            for (String f : List.of("outboundLineCount", "abandonRate", "maxCallsPerAgent", "queue")) {
                if (body.has(f)) {
                    c.set(f, body.get(f));
                }
            }
            c.put("version", c.get("version").asInt() + 1);
            c.put("dateModified", Json.time(clock.now()));
            state.changed();
        }
        Http.noContent(ctx, 204);
    }

    private void delete(Context ctx, Kind k) {
        String id = ctx.pathParam(k.param);
        ObjectNode out;
        synchronized (state) {
            ObjectNode c = campaign(k, id);
            if (ACTIVE.contains(Json.text(c, "campaignStatus"))) {
                throw new ApiException(409, "invalid.update.campaign.active", "A running campaign cannot be deleted");
            }
            state.section(k.section).remove(id);
            state.section("runs").remove(id);
            state.section("runs").remove(id + ":tried");
            state.changed();
            out = c;
        }
        Http.json(ctx, out);
    }

    private void setStatus(Context ctx, Kind k, String wanted) {
        String id = ctx.pathParam(k.param);
        ObjectNode out;
        synchronized (state) {
            ObjectNode c = campaign(k, id);
            transition(k, c, wanted);
            out = c.deepCopy();
        }
        hub.publish(k.topic + id, out);
        Http.noContent(ctx, 204);
    }

    /** Moves a campaign toward {@code on} or {@code off}; call under the state lock. */
    private void transition(Kind k, ObjectNode c, String wanted) {
        String status = Json.text(c, "campaignStatus");
        String id = Json.text(c, "id");
        if (wanted.equals("on")) {
            if (status.equals("on")) {
                return;
            }
            long active = state.all("campaigns").stream().filter(x -> "on".equals(Json.text(x, "campaignStatus")))
                    .count() + state.all("messagingCampaigns").stream()
                    .filter(x -> "on".equals(Json.text(x, "campaignStatus"))).count();
            if (active >= MAX_ACTIVE) {
                throw ApiException.badRequest("max.active.campaigns", "At most " + MAX_ACTIVE
                        + " campaigns may run at once");
            }
            if (k == Kind.MESSAGING) {
                String number = Json.text(c.path("smsConfig").path("senderSmsPhoneNumber"), "phoneNumber");
                for (ObjectNode other : state.all("messagingCampaigns")) {
                    if (!id.equals(Json.text(other, "id")) && "on".equals(Json.text(other, "campaignStatus"))
                            && number != null && number.equals(Json.text(other.path("smsConfig")
                            .path("senderSmsPhoneNumber"), "phoneNumber"))) {
                        throw ApiException.badRequest("sms.phone.number.in.use",
                                "The SMS number " + number + " already sends for a running campaign");
                    }
                }
            }
            ObjectNode run = state.sub("runs", id);
            if (status.equals("complete") || !run.has("done")) {
                // a new cycle over the list
                LOG.debug("campaign {} starts a new cycle over its list (was {})", id, status);
                run.putObject("done");
                state.section("runs").remove(id + ":tried");
            }
            run.put("kind", k.name());
            run.put("contactListId", Json.refId(c, "contactList"));
            run.put("nextAt", Json.time(clock.now()));
            c.put("campaignStatus", "on");
        } else if (status.equals("on")) {
            c.put("campaignStatus", "stopping");
            state.sub("runs", id).put("offAt", Json.time(clock.now().plusSeconds(2)));
        } else {
            return;
        }
        c.put("version", c.get("version").asInt() + 1);
        c.put("dateModified", Json.time(clock.now()));
        state.changed();
    }

    ObjectNode progress(ObjectNode c) {
        String id = Json.text(c, "id");
        String listId = Json.refId(c, "contactList");
        ObjectNode run = state.sub("runs", id);
        int total = state.get("contactLists", String.valueOf(listId)) == null ? 0
                : state.sub("contacts", listId).size();
        ObjectNode p = Json.obj();
        p.set("campaign", Json.ref(id, null));
        p.set("contactList", Json.ref(listId, null));
        int called = run.path("called").asInt(0);
        int messaged = run.path("messaged").asInt(0);
        int done = run.path("done").size();
        p.put("numberOfContactsCalled", called);
        p.put("numberOfContactsMessaged", messaged);
        p.put("totalNumberOfContacts", total);
        p.put("percentage", total == 0 ? 0 : Math.min(100, done * 100 / total));
        ObjectNode skipped = p.putObject("numberOfContactsSkipped");
        run.path("skipped").properties().forEach(e -> skipped.put(e.getKey(), e.getValue().asInt()));
        return p;
    }
}
