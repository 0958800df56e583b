package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ContactsTest {

    @Test
    void addUpsertsByIdAndTheOtherOperationsWork() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            String listId = Json.text(api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Upsert',"
                    + "'columnNames':['phone','name'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}"))
                    .body(), "id");
            String contacts = "/api/v2/outbound/contactlists/" + listId + "/contacts";
            Api.Reply added = api.post(contacts + "?priority=true&doNotQueue=true&clearSystemData=false", List.of(
                    Map.of("id", "k1", "contactListId", listId, "data", Map.of("phone", "+13175550001", "name", "A")),
                    Map.of("id", "k2", "contactListId", listId, "data", Map.of("phone", "+13175550002", "name", "B")),
                    Map.of("contactListId", listId, "data", Map.of("phone", "+13175550003", "name", "C"))));
            assertThat(added.status()).isEqualTo(200);
            assertThat(added.body().size()).isEqualTo(3);
            assertThat(Json.text(added.body().get(2), "id")).isNotBlank();
            Api.Reply again = api.post(contacts, List.of(
                    Map.of("id", "k1", "contactListId", listId, "data", Map.of("phone", "+13175550001", "name", "A2"),
                            "callable", false)));
            assertThat(again.status()).isEqualTo(200);
            JsonNode list = api.get("/api/v2/outbound/contactlists/" + listId).body();
            assertThat(list.get("size").asInt()).isEqualTo(3);
            JsonNode k1 = api.get(contacts + "/k1").body();
            assertThat(Json.text(k1.get("data"), "name")).isEqualTo("A2");
            assertThat(k1.get("callable").asBoolean()).isFalse();
            assertThat(api.post(contacts + "/bulk", List.of("k1", "k2", "missing")).body().size()).isEqualTo(2);
            JsonNode found = api.post(contacts + "/search", Map.of("pageNumber", 1, "pageSize", 10, "criteria",
                    Map.of("clauses", List.of(Map.of("predicates", List.of(Map.of("column", "name",
                            "columnType", "alphabetic", "operator", "EQUALS", "value", "B"))))))).body();
            assertThat(found.get("total").asInt()).isEqualTo(1);
            assertThat(Json.text(found.get("entities").get(0), "id")).isEqualTo("k2");
            assertThat(api.delete(contacts + "/k2").status()).isEqualTo(200);
            assertThat(api.delete(contacts + "?contactIds=k1").status()).isEqualTo(204);
            assertThat(api.get("/api/v2/outbound/contactlists/" + listId).body().get("size").asInt()).isEqualTo(1);
            assertThat(api.get(contacts + "/k1").code()).isEqualTo("contact.not.found");
        }
    }
}
