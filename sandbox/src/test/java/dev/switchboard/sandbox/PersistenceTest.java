package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

    @Test
    void orgStateSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-yet").resolve("org.json");
        SandboxConfig config = SandboxConfig.defaults().withStateFile(file);
        String listId;
        String dncId;
        String campaignId;
        String conversationId;
        String messageId;
        try (Sandbox s = Sandbox.start(config)) {
            Api api = new Api(s).login();
            listId = Json.text(api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Kept',"
                    + "'columnNames':['phone','name'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}"))
                    .body(), "id");
            assertThat(api.post("/api/v2/outbound/contactlists/" + listId + "/contacts", List.of(
                    Map.of("id", "c1", "contactListId", listId, "data", Map.of("phone", "+13175550101", "name", "A")),
                    Map.of("id", "c2", "contactListId", listId, "data", Map.of("phone", "+13175550102", "name", "B"))))
                    .status()).isEqualTo(200);
            dncId = Json.text(api.post("/api/v2/outbound/dnclists", Api.json("{'name':'Opt-outs',"
                    + "'dncSourceType':'rds','contactMethod':'Phone'}")).body(), "id");
            assertThat(api.post("/api/v2/outbound/dnclists/" + dncId + "/phonenumbers", List.of("+13175550199"))
                    .status()).isBetween(200, 299);
            campaignId = Json.text(api.post("/api/v2/outbound/campaigns", Map.of("name", "Kept campaign",
                    "contactList", Map.of("id", listId), "dialingMode", "agentless", "callerName", "Sandbox",
                    "callerAddress", "+13177340100", "phoneColumns", List.of(Map.of("columnName", "phone",
                            "type", "cell")), "dncLists", List.of(Map.of("id", dncId)))).body(), "id");
            Api.Reply sms = WorldTest.sms(api, "+13175550101", "kept");
            conversationId = Json.text(sms.body(), "conversationId");
            messageId = Json.text(sms.body(), "id");
        }
        assertThat(file).exists();
        assertThat(file.resolveSibling("ledger.jsonl")).exists();
        assertThat(Files.readAllLines(file.resolveSibling("ledger.jsonl"))).hasSize(1);
        try (Sandbox s = Sandbox.start(config)) {
            Api api = new Api(s).login();
            Api.Reply list = api.get("/api/v2/outbound/contactlists/" + listId);
            assertThat(Json.text(list.body(), "name")).isEqualTo("Kept");
            assertThat(list.body().get("size").asInt()).isEqualTo(2);
            assertThat(Json.text(api.get("/api/v2/outbound/contactlists/" + listId + "/contacts/c2").body()
                    .get("data"), "name")).isEqualTo("B");
            assertThat(api.get("/api/v2/outbound/dnclists/" + dncId).body().get("size").asInt()).isEqualTo(1);
            assertThat(Json.text(api.get("/api/v2/outbound/campaigns/" + campaignId).body(), "name"))
                    .isEqualTo("Kept campaign");
            assertThat(api.get("/api/v2/conversations/messages/" + conversationId + "/messages/" + messageId)
                    .status()).isEqualTo(200);
            assertThat(s.ledger()).hasSize(1);
        }
    }
}
