package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BudgetAndFaultsTest {

    private static final String SMS = "{'fromAddress':'+13177340100','toAddress':'+13175550199',"
            + "'toAddressMessengerType':'sms','textBody':'timeout test'}";

    @Test
    void budgetExhaustionGives429WithRetryAfter() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(5))) {
            Api api = new Api(s).login();
            Api.Reply limited = null;
            for (int i = 0; i < 12 && limited == null; i++) {
                Api.Reply r = api.get("/api/v2/tokens/me");
                assertThat(r.headers().get("inin-ratelimit-allowed")).isEqualTo("5");
                if (r.status() == 429) {
                    limited = r;
                }
            }
            assertThat(limited).isNotNull();
            assertThat(limited.code()).isEqualTo("too.many.requests.retry.after");
            assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 60);
            assertThat(limited.headers().get("inin-ratelimit-count")).isEqualTo("5");
            assertThat(Integer.parseInt(limited.headers().get("inin-ratelimit-reset"))).isBetween(1, 60);
            // the token endpoint has no budget
            assertThat(api.tokenRequest(s.clientId(), s.clientSecret()).status()).isEqualTo(200);
        }
    }

    @Test
    void injected429And503() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            s.faults().rate429(1.0).retryAfterSeconds(7);
            Api.Reply r = api.get("/api/v2/tokens/me");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.headers().get("Retry-After")).isEqualTo("7");
            assertThat(api.tokenRequest(s.clientId(), s.clientSecret()).status()).isEqualTo(200);
            s.faults().rate429(0).rate5xx(1.0);
            r = api.get("/api/v2/tokens/me");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("service.unavailable");
            Api.Reply admin = api.post("/sandbox/faults", Api.json("{'reset':true,'latencyMs':150}"));
            assertThat(admin.status()).isEqualTo(200);
            long t0 = System.nanoTime();
            assertThat(api.get("/api/v2/tokens/me").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            s.faults().latency(Duration.ZERO);
            s.faults().withholdPermission("PATCH /api/v2/outbound/dnclists");
            Api.Reply forbidden = api.patch("/api/v2/outbound/dnclists/x/phonenumbers",
                    java.util.Map.of("action", "Add", "phoneNumbers", java.util.List.of("+13175550100")));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.code()).isEqualTo("missing.permissions");
            assertThat(api.get("/api/v2/outbound/dnclists").status()).isEqualTo(200);
            s.faults().restorePermissions();
        }
    }

    @Test
    void injected409HitsOnlyUpdatesOfVersionedObjectsAndChangesNothing() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            Api.Reply created = api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Conflicts',"
                    + "'columnNames':['phone'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}"));
            assertThat(created.status()).isEqualTo(200);
            String id = Json.text(created.body(), "id");
            assertThat(api.post("/api/v2/outbound/contactlists/" + id + "/contacts", Api.json("[{'id':'c1',"
                    + "'contactListId':'" + id + "','data':{'phone':'+13175550101'},'callable':true}]")).status())
                    .isEqualTo(200);
            Api.Reply set = api.post("/sandbox/faults", Api.json("{'rate409':1.0}"));
            assertThat(set.body().get("rate409").asDouble()).isEqualTo(1.0);
            tools.jackson.databind.node.ObjectNode list = (tools.jackson.databind.node.ObjectNode)
                    api.get("/api/v2/outbound/contactlists/" + id).body();
            int version = list.get("version").asInt();
            list.put("name", "Conflicts renamed");
            Api.Reply conflict = api.put("/api/v2/outbound/contactlists/" + id, list);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.code()).isEqualTo("invalid.update.wrong.version");
            JsonNode after = api.get("/api/v2/outbound/contactlists/" + id).body();
            assertThat(after.get("version").asInt()).as("nothing changed").isEqualTo(version);
            assertThat(Json.text(after, "name")).isEqualTo("Conflicts");
            // what a list contains is not in its scope, nor are reads and creates
            JsonNode contact = api.get("/api/v2/outbound/contactlists/" + id + "/contacts/c1").body();
            assertThat(api.put("/api/v2/outbound/contactlists/" + id + "/contacts/c1", contact).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Another','columnNames':"
                    + "['phone'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}")).status()).isEqualTo(200);
            // a deterministic count: the next two updates conflict, the third goes through
            s.faults().rate409(0).conflictNext(2);
            assertThat(api.put("/api/v2/outbound/contactlists/" + id, list).status()).isEqualTo(409);
            assertThat(api.put("/api/v2/outbound/contactlists/" + id, list).status()).isEqualTo(409);
            Api.Reply ok = api.put("/api/v2/outbound/contactlists/" + id, list);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body().get("version").asInt()).isEqualTo(version + 1);
            assertThat(Json.text(ok.body(), "name")).isEqualTo("Conflicts renamed");
            s.faults().rate409(1.0).reset();
            assertThat(s.faults().rate409()).isZero();
        }
    }

    @Test
    void droppedConnectionAfterActionStillDeliversTheMessage() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            Api.Reply set = api.post("/sandbox/faults", Api.json("{'dropConnectionAfterAction':1.0}"));
            assertThat(set.body().get("dropConnectionAfterAction").asDouble()).isEqualTo(1.0);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> api.post("/api/v2/conversations/messages/agentless", Api.json(SMS)))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(s.ledger()).hasSize(1);
            s.faults().reset();
            assertThat(api.get("/api/v2/tokens/me").status()).isEqualTo(200);
        }
    }

    @Test
    void clockAdminEndpointChangesSpeedAndAdvances() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withClockSpeed(2.0))) {
            Api api = new Api(s);
            java.time.Instant before = s.clock().now();
            Api.Reply r = api.post("/sandbox/clock", Api.json("{'speed':10080,'advance':'PT2H'}"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().get("speed").asDouble()).isEqualTo(10080.0);
            assertThat(s.clock().speed()).isEqualTo(10080.0);
            assertThat(Duration.between(before, s.clock().now())).isGreaterThanOrEqualTo(Duration.ofHours(2));
            assertThat(api.get("/sandbox/clock").status()).isEqualTo(200);
        }
    }

    @Test
    void readTimeoutAfterActionStillDeliversTheMessage() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s, Duration.ofMillis(700)).login();
            s.faults().readTimeoutAfterAction(1.0);
            assertThatThrownBy(() -> api.post("/api/v2/conversations/messages/agentless", Api.json(SMS)))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(s.ledger()).hasSize(1);
            assertThat(s.ledger().getFirst().address()).isEqualTo("+13175550199");
            assertThat(s.ledger().getFirst().channel()).isEqualTo("sms");
            s.faults().readTimeoutAfterAction(0);
            Api.Reply ledger = api.get("/sandbox/ledger");
            assertThat(ledger.body().size()).isEqualTo(1);
            assertThat(Json.text(ledger.body().get(0), "contentSha256"))
                    .isEqualTo(TokenService.sha256Hex("timeout test"));
        }
    }
}
