package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.report.ValidationReport;

/** The sandbox's answers conform to the published spec too, and a messaging campaign sends through the ledger. */
class ResponseConformanceTest {

    private final List<String> problems = new ArrayList<>();

    private Api.Reply check(Api api, String method, String path, Object body) {
        Api.Reply r = api.send(method, path, body);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (ValidationReport.Message m : SpecValidator.shared().validateResponse(method, bare, r.status(),
                r.text())) {
            problems.add(method + " " + bare + " " + r.status() + ": " + m.getKey() + " " + m.getMessage());
        }
        return r;
    }

    @Test
    void responsesConformToTheSpec() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(21))) {
            Api api = new Api(s).login();
            check(api, "GET", "/api/v2/tokens/me", null);
            check(api, "GET", "/api/v2/routing/wrapupcodes", null);
            check(api, "GET", "/api/v2/outbound/wrapupcodemappings", null);
            check(api, "GET", "/api/v2/outbound/callabletimesets", null);
            check(api, "GET", "/api/v2/outbound/rulesets", null);
            check(api, "GET", "/api/v2/outbound/digitalrulesets", null);
            check(api, "GET", "/api/v2/routing/sms/phonenumbers", null);
            check(api, "GET", "/api/v2/organizations/limits/namespaces/platform.api", null);
            check(api, "GET", "/api/v2/notifications/availabletopics", null);
            String channel = Json.text(check(api, "POST", "/api/v2/notifications/channels", null).body(), "id");
            check(api, "PUT", "/api/v2/notifications/channels/" + channel + "/subscriptions?ignoreErrors=true",
                    List.of(Map.of("id", "v2.outbound.campaigns.abc"), Map.of("id", "nope")));
            String listId = Json.text(check(api, "POST", "/api/v2/outbound/contactlists", Api.json(
                    "{'name':'Msg','columnNames':['phone','text'],'phoneColumns':[{'columnName':'phone',"
                            + "'type':'cell'}]}")).body(), "id");
            check(api, "POST", "/api/v2/outbound/contactlists/" + listId + "/contacts", List.of(
                    Map.of("id", "m1", "contactListId", listId, "data", Map.of("phone", "+13175551001",
                            "text", "Hi one")),
                    Map.of("id", "m2", "contactListId", listId, "data", Map.of("phone", "+13175551002",
                            "text", "Hi two"))));
            check(api, "POST", "/api/v2/outbound/contactlists/" + listId + "/contacts/search",
                    Map.of("pageNumber", 1, "pageSize", 10));
            check(api, "GET", "/api/v2/outbound/contactlists/" + listId, null);
            check(api, "GET", "/api/v2/outbound/contactlists/nope", null);
            Api.Reply campaign = check(api, "POST", "/api/v2/outbound/messagingcampaigns", Map.of(
                    "name", "SMS", "contactList", Map.of("id", listId), "messagesPerMinute", 60,
                    "smsConfig", Map.of("messageColumn", "text", "phoneColumn", "phone",
                            "senderSmsPhoneNumber", Map.of("phoneNumber", "+13177340101"))));
            String id = Json.text(campaign.body(), "id");
            assertThat(api.post("/api/v2/outbound/messagingcampaigns/" + id + "/start", null).status())
                    .isBetween(200, 299);
            for (int i = 0; i < 20 && s.ledger().size() < 2; i++) {
                s.clock().advance(Duration.ofSeconds(30));
                s.tick();
            }
            assertThat(s.ledger()).hasSize(2).allSatisfy(e -> assertThat(e.campaignId()).isEqualTo(id));
            assertThat(Json.text(check(api, "GET", "/api/v2/outbound/messagingcampaigns/" + id, null).body(),
                    "campaignStatus")).isEqualTo("complete");
            check(api, "GET", "/api/v2/outbound/messagingcampaigns/" + id + "/progress", null);
            Api.Reply sms = check(api, "POST", "/api/v2/conversations/messages/agentless", Api.json(
                    "{'fromAddress':'+13177340100','toAddress':'+13175551003','toAddressMessengerType':'sms',"
                            + "'textBody':'hello'}"));
            String conv = Json.text(sms.body(), "conversationId");
            check(api, "GET", "/api/v2/conversations/messages/" + conv, null);
            check(api, "GET", "/api/v2/conversations/messages/" + conv + "/messages/" + Json.text(sms.body(), "id"),
                    null);
            Api.Reply email = check(api, "POST", "/api/v2/conversations/emails/agentless", Api.json(
                    "{'senderType':'Outbound','fromAddress':{'email':'a@example.com'},"
                            + "'toAddresses':[{'email':'b@example.com'}],'subject':'s','textBody':'t'}"));
            check(api, "GET", "/api/v2/conversations/emails/" + Json.text(email.body(), "conversationId"), null);
            check(api, "GET", "/api/v2/conversations/emails/" + Json.text(email.body(), "conversationId")
                    + "/messages", null);
            check(api, "POST", "/api/v2/conversations/messages/agentless", Api.json("{'toAddressMessengerType':'x'}"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theResponseCheckDoesCatchMistakes() {
        assertThat(SpecValidator.shared().validateResponse("GET", "/api/v2/outbound/contactlists/x", 200,
                "{\"version\":\"one\",\"columnNames\":[]}")).isNotEmpty();
    }
}
