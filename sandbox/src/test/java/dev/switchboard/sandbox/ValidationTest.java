package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ValidationTest {

    static final String SMS = "/api/v2/conversations/messages/agentless";
    private static Sandbox sandbox;
    private static Api api;
    private static String listId;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        api = new Api(sandbox).login();
        Api.Reply list = api.post("/api/v2/outbound/contactlists", Api.json(
                "{'name':'Validation','columnNames':['phone','first','zip'],"
                        + "'phoneColumns':[{'columnName':'phone','type':'cell'}],'zipCodeColumnName':'zip'}"));
        assertThat(list.status()).isEqualTo(200);
        listId = Json.text(list.body(), "id");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String sms(String type, String text) {
        return Api.json("{'fromAddress':'+13177340100','toAddress':'+13175550123','toAddressMessengerType':'"
                + type + "','textBody':'" + text + "'}");
    }

    private static void assert400(Api.Reply r, String... codes) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(Json.text(r.body(), "message")).isNotBlank();
        if (codes.length > 0) {
            assertThat(r.code()).isIn((Object[]) codes);
        }
    }

    @Test
    void wrongTypeIs400() {
        Api.Reply r = api.post("/api/v2/outbound/contactlists", Api.json("{'name':'x','columnNames':'phone'}"));
        assert400(r, "bad.request", "invalid.value");
        assertThat(r.body().get("details").isEmpty()).isFalse();
    }

    @Test
    void missingRequiredFieldIs400() {
        assert400(api.post(SMS, Api.json("{'toAddress':'+13175550123','toAddressMessengerType':'sms',"
                + "'textBody':'hi'}")), "bad.request", "invalid.value");
    }

    @Test
    void badEnumValueIs400() {
        assert400(api.post("/api/v2/outbound/dnclists", Api.json("{'name':'x','dncSourceType':'nope'}")),
                "bad.request", "invalid.value");
    }

    @Test
    void upperCaseMessengerTypeIs400() {
        assert400(api.post(SMS, sms("SMS", "hi")), "bad.request", "invalid.value");
    }

    @Test
    void smsTextIsCappedAt765Characters() {
        assert400(api.post(SMS, sms("sms", "x".repeat(766))), "invalid.value");
        assertThat(api.post(SMS, sms("sms", "x".repeat(765))).status()).isEqualTo(200);
    }

    @Test
    void smsNeedsATextBody() {
        assert400(api.post(SMS, Api.json("{'fromAddress':'+13177340100','toAddress':'+13175550123',"
                + "'toAddressMessengerType':'sms'}")), "invalid.value");
    }

    @Test
    void smsFromAnUnprovisionedNumberIs400() {
        assert400(api.post(SMS, Api.json("{'fromAddress':'+13170000000','toAddress':'+13175550123',"
                + "'toAddressMessengerType':'sms','textBody':'hi'}")), "invalid.value");
    }

    @Test
    void emailTakesExactlyOneRecipient() {
        String two = Api.json("{'senderType':'Outbound','fromAddress':{'email':'news@example.com'},"
                + "'toAddresses':[{'email':'a@example.com'},{'email':'b@example.com'}],'subject':'s','textBody':'t'}");
        assert400(api.post("/api/v2/conversations/emails/agentless", two), "invalid.value");
        String one = Api.json("{'senderType':'Outbound','fromAddress':{'email':'news@example.com'},"
                + "'toAddresses':[{'email':'a@example.com'}],'subject':'s','textBody':'t'}");
        assertThat(api.post("/api/v2/conversations/emails/agentless", one).status()).isEqualTo(200);
    }

    @Test
    void atMost1000ContactsPerAdd() {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            contacts.add(Map.of("contactListId", listId, "data", Map.of("phone", "+1317555" + (1000 + i))));
        }
        assert400(api.post("/api/v2/outbound/contactlists/" + listId + "/contacts", contacts),
                "too.many.contacts.added");
        assertThat(api.post("/api/v2/outbound/contactlists/" + listId + "/contacts", contacts.subList(0, 1000))
                .status()).isEqualTo(200);
    }

    @Test
    void atMost50ContactsPerBulkGet() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add("c" + i);
        }
        assert400(api.post("/api/v2/outbound/contactlists/" + listId + "/contacts/bulk", ids),
                "too.many.contacts.requested");
        assertThat(api.post("/api/v2/outbound/contactlists/" + listId + "/contacts/bulk", ids.subList(0, 50))
                .status()).isEqualTo(200);
    }

    @Test
    void atMost250ContactsPerBulkDelete() {
        StringBuilder q = new StringBuilder("?");
        for (int i = 0; i < 251; i++) {
            q.append("contactIds=c").append(i).append('&');
        }
        assert400(api.delete("/api/v2/outbound/contactlists/" + listId + "/contacts" + q));
    }

    @Test
    void searchPageSizeIsAtMost100() {
        String path = "/api/v2/outbound/contactlists/" + listId + "/contacts/search";
        assert400(api.post(path, Map.of("pageNumber", 1, "pageSize", 101)), "invalid.value");
        Api.Reply ok = api.post(path, Map.of("pageNumber", 1, "pageSize", 100));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().has("entities")).isTrue();
        assertThat(ok.body().has("pageCount")).isTrue();
    }

    @Test
    void unknownColumnsAndNonStringValuesAre400() {
        String path = "/api/v2/outbound/contactlists/" + listId + "/contacts";
        assert400(api.post(path, List.of(Map.of("contactListId", listId, "data", Map.of("nope", "1")))),
                "invalid.contact.columns");
        assert400(api.post(path, List.of(Map.of("contactListId", listId, "data", Map.of("first", 12)))));
        assert400(api.post(path, List.of(Map.of("contactListId", listId, "data", Map.of("zip", "1234")))),
                "invalid.zip.code.contact.value");
    }

    @Test
    void staleVersionIs409() {
        Api.Reply list = api.post("/api/v2/outbound/contactlists", Api.json("{'name':'Versioned',"
                + "'columnNames':['phone'],'phoneColumns':[{'columnName':'phone','type':'cell'}]}"));
        String id = Json.text(list.body(), "id");
        String body = list.text().replace("\"Versioned\"", "\"Renamed\"");
        Api.Reply first = api.put("/api/v2/outbound/contactlists/" + id, body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("version").asInt()).isEqualTo(2);
        Api.Reply stale = api.put("/api/v2/outbound/contactlists/" + id, body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("invalid.update.wrong.version");
    }

    @Test
    void wrapUpMappingsAreVersioned() {
        JsonNode current = api.get("/api/v2/outbound/wrapupcodemappings").body();
        int version = current.get("version").asInt();
        Api.Reply ok = api.put("/api/v2/outbound/wrapupcodemappings", current);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("version").asInt()).isEqualTo(version + 1);
        assertThat(api.put("/api/v2/outbound/wrapupcodemappings", current).code())
                .isEqualTo("invalid.update.wrong.version");
    }

    @Test
    void atMost1000MessageIdsPerStatusBulk() {
        Api.Reply sent = api.post(SMS, sms("sms", "bulk"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add("m" + i);
        }
        String path = "/api/v2/conversations/messages/" + Json.text(sent.body(), "conversationId") + "/messages/bulk";
        assert400(api.post(path, ids));
        assertThat(api.post(path, ids.subList(0, 1000)).status()).isEqualTo(200);
    }

    @Test
    void unknownIdsAre404() {
        assertThat(api.get("/api/v2/outbound/contactlists/nope").code()).isEqualTo("contact.list.not.found");
        assertThat(api.get("/api/v2/outbound/contactlists/" + listId + "/contacts/nope").code())
                .isEqualTo("contact.not.found");
        assertThat(api.get("/api/v2/outbound/dnclists/nope").code()).isEqualTo("dnc.list.not.found");
        assertThat(api.get("/api/v2/outbound/campaigns/nope").code()).isEqualTo("campaign.not.found");
        assertThat(api.get("/api/v2/conversations/messages/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/v2/no/such/path").status()).isEqualTo(404);
    }

    @Test
    void anEmptyJsonBodyOnABodylessPostIsTolerated() {
        assertThat(api.post("/api/v2/outbound/campaigns/nope/start", "{}").code()).isEqualTo("campaign.not.found");
        assertThat(api.post("/api/v2/notifications/channels", "{}").status()).isEqualTo(200);
    }

    @Test
    void limitsReportTheBudget() {
        Api.Reply r = api.get("/api/v2/organizations/limits/namespaces/platform.api");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("client.credentials.token.rate.per.minute").contains("300");
        assertThat(api.get("/api/v2/organizations/limits/namespaces").text()).contains("platform.api");
        assertThat(api.get("/api/v2/routing/wrapupcodes").body().get("entities").size()).isGreaterThanOrEqualTo(6);
        assertThat(api.get("/api/v2/routing/sms/phonenumbers").text()).contains("+18887340100");
    }
}
