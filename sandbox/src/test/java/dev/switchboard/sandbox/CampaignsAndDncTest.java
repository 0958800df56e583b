package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

class CampaignsAndDncTest {

    static String list(Api api, int contacts, String prefix) {
        String id = Json.text(api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Dial " + prefix + "',"
                + "'columnNames':['phone','name','timeZone'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}"))
                .body(), "id");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            batch.add(Map.of("id", "c" + i, "contactListId", id, "data",
                    Map.of("phone", prefix + String.format("%04d", i), "name", "N" + i)));
        }
        assertThat(api.post("/api/v2/outbound/contactlists/" + id + "/contacts", batch).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> campaign(String listId, String dncId, String timeSet) {
        Map<String, Object> c = new HashMap<>(Map.of("name", "Voice " + listId, "contactList", Map.of("id", listId),
                "dialingMode", "agentless", "callerName", "Sandbox", "callerAddress", "+13177340100",
                "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
                "callableTimeSet", Map.of("id", timeSet), "outboundLineCount", 30));
        if (dncId != null) {
            c.put("dncLists", List.of(Map.of("id", dncId)));
        }
        return c;
    }

    @Test
    void dialerProducesWrapUpCodesAndCompletes() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(11).withClockSpeed(3600))) {
            Api api = new Api(s).login();
            JsonNode channel = api.post("/api/v2/notifications/channels", null).body();
            assertThat(api.put("/api/v2/notifications/channels/" + Json.text(channel, "id") + "/subscriptions",
                    List.of(Map.of("id", Dialer.POST_CONTACT))).text()).contains("Permitted");
            NotificationsTest.Frames frames = new NotificationsTest.Frames();
            s.heartbeatInterval(Duration.ofMillis(100));
            api.http.newWebSocket(new Request.Builder().url(Json.text(channel, "connectUri")).build(), frames);
            frames.nextMetadata("WebSocket Heartbeat");
            String listId = list(api, 20, "+1317555");
            String dncId = Json.text(api.post("/api/v2/outbound/dnclists", Api.json("{'name':'DNC',"
                    + "'dncSourceType':'rds','contactMethod':'Phone'}")).body(), "id");
            api.patch("/api/v2/outbound/dnclists/" + dncId + "/phonenumbers",
                    Map.of("action", "Add", "phoneNumbers", List.of("+13175550003")));
            JsonNode c3 = api.get("/api/v2/outbound/contactlists/" + listId + "/contacts/c4").body();
            ((tools.jackson.databind.node.ObjectNode) c3).put("callable", false);
            assertThat(api.put("/api/v2/outbound/contactlists/" + listId + "/contacts/c4", c3).status())
                    .isEqualTo(200);
            Api.Reply created = api.post("/api/v2/outbound/campaigns", campaign(listId, dncId,
                    Catalog.TIMESET_ALWAYS));
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            String id = Json.text(created.body(), "id");
            assertThat(api.post("/api/v2/outbound/campaigns/" + id + "/start", null).status()).isBetween(200, 299);
            assertThat(Json.text(api.get("/api/v2/outbound/campaigns/" + id).body(), "campaignStatus"))
                    .isIn("on", "complete");
            String status = "on";
            for (int i = 0; i < 100 && !status.equals("complete"); i++) {
                s.clock().advance(Duration.ofMinutes(5));
                s.tick();
                status = Json.text(api.get("/api/v2/outbound/campaigns/" + id).body(), "campaignStatus");
            }
            assertThat(status).isEqualTo("complete");
            JsonNode contacts = api.post("/api/v2/outbound/contactlists/" + listId + "/contacts/search",
                    Map.of("pageNumber", 1, "pageSize", 100)).body().get("entities");
            int called = 0;
            for (JsonNode c : contacts) {
                String cid = Json.text(c, "id");
                JsonNode record = c.path("callRecords").path("phone");
                if (cid.equals("c4")) {
                    assertThat(record.isMissingNode()).isTrue();
                } else if (cid.equals("c3")) {
                    assertThat(Json.text(record, "lastResult")).isEqualTo(Catalog.DNC_SKIPPED);
                } else {
                    assertThat(Catalog.WRAPUP_CODES).containsKey(Json.text(record, "lastResult"));
                    assertThat(Json.text(record, "lastAttempt")).isNotBlank();
                    called++;
                }
            }
            assertThat(called).isEqualTo(18);
            assertThat(s.ledger()).hasSize(18).allSatisfy(e -> {
                assertThat(e.channel()).isEqualTo("voice");
                assertThat(e.campaignId()).isEqualTo(id);
            });
            JsonNode progress = api.get("/api/v2/outbound/campaigns/" + id + "/progress").body();
            assertThat(progress.get("numberOfContactsCalled").asInt()).isEqualTo(18);
            assertThat(progress.get("totalNumberOfContacts").asInt()).isEqualTo(20);
            JsonNode post = frames.next(Dialer.POST_CONTACT).get("eventBody");
            assertThat(Json.text(post, "outboundCampaignId")).isEqualTo(id);
            assertThat(Json.text(post, "wrapupCode")).isNotBlank();
            LedgerEntry first = s.ledger().getFirst();
            assertThat(api.post("/api/v2/outbound/conversations/" + first.conversationId() + "/dnc", null).status())
                    .isBetween(200, 299);
            assertThat(api.get("/api/v2/outbound/dnclists/" + dncId).body().get("size").asInt()).isEqualTo(2);
            Api.Reply wrapup = api.get("/api/v2/conversations/calls/" + first.conversationId() + "/participants/"
                    + first.messageId() + "/wrapup");
            assertThat(wrapup.status()).isEqualTo(200);
            assertThat(Catalog.WRAPUP_CODES).containsKey(Json.text(wrapup.body(), "code"));
        }
    }

    @Test
    void dialerWaitsForTheCallableWindow() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(11))) {
            ZoneId chicago = ZoneId.of("America/Chicago");
            ZonedDateTime sunday = s.clock().now().atZone(chicago).with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                    .with(LocalTime.NOON);
            s.clock().advance(Duration.between(s.clock().now(), sunday.toInstant()));
            Api api = new Api(s).login();
            String listId = list(api, 3, "+1317556");
            String id = Json.text(api.post("/api/v2/outbound/campaigns", campaign(listId, null,
                    Catalog.TIMESET_BUSINESS)).body(), "id");
            api.post("/api/v2/outbound/campaigns/" + id + "/start", null);
            s.clock().advance(Duration.ofMinutes(30));
            s.tick();
            assertThat(s.ledger()).isEmpty();
            Instant monday = sunday.plusDays(1).with(LocalTime.of(10, 0)).toInstant();
            s.clock().advance(Duration.between(s.clock().now(), monday));
            s.tick();
            assertThat(s.ledger()).hasSize(3);
        }
    }

    @Test
    void startStopAndVersions() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            ZoneId chicago = ZoneId.of("America/Chicago");
            ZonedDateTime sunday = s.clock().now().atZone(chicago).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
            s.clock().advance(Duration.between(s.clock().now(), sunday.toInstant()));
            api.login();
            String listId = list(api, 2, "+1317557");
            JsonNode created = api.post("/api/v2/outbound/campaigns", campaign(listId, null,
                    Catalog.TIMESET_BUSINESS)).body();
            String id = Json.text(created, "id");
            assertThat(Json.text(created, "campaignStatus")).isEqualTo("off");
            api.post("/api/v2/outbound/campaigns/" + id + "/start", null);
            assertThat(Json.text(api.get("/api/v2/outbound/campaigns/" + id).body(), "campaignStatus"))
                    .isEqualTo("on");
            api.post("/api/v2/outbound/campaigns/" + id + "/stop", null);
            assertThat(Json.text(api.get("/api/v2/outbound/campaigns/" + id).body(), "campaignStatus"))
                    .isEqualTo("stopping");
            s.clock().advance(Duration.ofSeconds(3));
            s.tick();
            JsonNode off = api.get("/api/v2/outbound/campaigns/" + id).body();
            assertThat(Json.text(off, "campaignStatus")).isEqualTo("off");
            String body = off.toString().replace("\"campaignStatus\":\"off\"", "\"campaignStatus\":\"on\"");
            Api.Reply on = api.put("/api/v2/outbound/campaigns/" + id, body);
            assertThat(on.status()).isEqualTo(200);
            assertThat(Json.text(on.body(), "campaignStatus")).isEqualTo("on");
            Api.Reply stale = api.put("/api/v2/outbound/campaigns/" + id, body);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.code()).isEqualTo("invalid.update.wrong.version");
            assertThat(api.delete("/api/v2/outbound/contactlists/" + listId).code()).isEqualTo("contact.list.in.use");
        }
    }

    @Test
    void dncEditsAndExport() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            String rds = Json.text(api.post("/api/v2/outbound/dnclists", Api.json("{'name':'Opt-outs',"
                    + "'dncSourceType':'rds','contactMethod':'Any'}")).body(), "id");
            String custom = Json.text(api.post("/api/v2/outbound/dnclists", Api.json("{'name':'Custom',"
                    + "'dncSourceType':'rds_custom','contactMethod':'Phone'}")).body(), "id");
            String base = "/api/v2/outbound/dnclists/";
            assertThat(api.post(base + rds + "/phonenumbers", List.of("+13175550111", "+13175550112")).status())
                    .isBetween(200, 299);
            assertThat(api.post(base + custom + "/phonenumbers", List.of("+13175550111")).code())
                    .isEqualTo("dnc.source.operation.not.supported");
            assertThat(api.patch(base + rds + "/phonenumbers", Map.of("action", "Remove",
                    "phoneNumbers", List.of("+13175550112"))).status()).isBetween(200, 299);
            assertThat(api.patch(base + rds + "/phonenumbers", Map.of("action", "remove",
                    "phoneNumbers", List.of("+13175550112"))).status()).isEqualTo(400);
            assertThat(api.post(base + rds + "/emailaddresses", List.of("Someone@Example.com")).status())
                    .isBetween(200, 299);
            assertThat(api.get(base + rds + "/export").code()).isEqualTo("no.available.list.export.uri");
            assertThat(api.post(base + rds + "/export", null).status()).isEqualTo(200);
            assertThat(api.get(base + rds + "/export").code()).isEqualTo("no.available.list.export.uri");
            s.clock().advance(Duration.ofSeconds(2));
            Api.Reply ready = api.get(base + rds + "/export");
            assertThat(ready.status()).isEqualTo(200);
            String uri = Json.text(ready.body(), "uri");
            assertThat(uri).startsWith(s.apiBaseUrl().toString());
            assertThat(Json.text(ready.body(), "exportTimestamp")).isNotBlank();
            Api.Reply csv = api.call(new Request.Builder().url(uri).build());
            assertThat(csv.text()).contains("+13175550111").contains("someone@example.com")
                    .doesNotContain("+13175550112");
            JsonNode list = api.get(base + rds).body();
            Api.Reply stale = api.put(base + rds, list.toString().replace("\"version\":1", "\"version\":0"));
            assertThat(stale.status()).isEqualTo(409);
        }
    }
}
