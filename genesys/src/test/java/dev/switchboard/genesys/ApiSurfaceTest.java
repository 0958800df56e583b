package dev.switchboard.genesys;

import static dev.switchboard.genesys.FakeGenesys.body;
import static dev.switchboard.genesys.FakeGenesys.json;
import static dev.switchboard.genesys.FakeGenesys.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiSurfaceTest {

    private FakeGenesys fake;
    private GenesysClient client;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeGenesys();
        client = fake.client().build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        fake.close();
    }

    private static JsonNode tree(RecordedRequest r) {
        return Json.tree(body(r));
    }

    private static List<Contacts.DialerContact> contacts(int n) {
        return IntStream.range(0, n).mapToObj(i -> Contacts.DialerContact.of("c" + i, "L1",
                Map.of("phone", "+1317555" + String.format("%04d", i)))).toList();
    }

    @Test
    void smsBodyOverTheCapIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.messaging().sendSms(new Messages.Sms("+13175550000", "+13175551234",
                "x".repeat(766)))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("765");
        assertThat(fake.apiRequests).isEmpty();
        assertThat(fake.tokenRequests.get()).isZero();
    }

    @Test
    void smsAtTheCapIsSentWithLowerCaseMessengerType() {
        fake.api = r -> json(200, "{\"id\":\"m1\",\"conversationId\":\"cv1\"}");
        var receipt = client.messaging().sendSms(new Messages.Sms("+13175550000", "+13175551234", "é".repeat(765)));
        assertThat(receipt).isEqualTo(new Messages.SendReceipt("m1", "cv1", null));
        JsonNode sent = tree(fake.apiRequests.getFirst());
        assertThat(path(fake.apiRequests.getFirst())).isEqualTo("/api/v2/conversations/messages/agentless");
        assertThat(sent.get("toAddressMessengerType").asString()).isEqualTo("sms");
        assertThat(sent.get("textBody").asString()).hasSize(765);
    }

    @Test
    void emailGoesToExactlyOneRecipient() {
        fake.api = r -> json(200, "{\"id\":\"e1\",\"conversationId\":\"cv2\",\"dateCreated\":\"d\"}");
        var receipt = client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of("us@example.com"),
                new Messages.EmailAddress("them@example.org", "Them"), null, "Hi", "Text", "<p>Html</p>"));
        assertThat(receipt.conversationId()).isEqualTo("cv2");
        JsonNode sent = tree(fake.apiRequests.getFirst());
        assertThat(sent.get("senderType").asString()).isEqualTo("Outbound");
        assertThat(sent.get("toAddresses")).hasSize(1);
        assertThat(sent.get("fromAddress").get("email").asString()).isEqualTo("us@example.com");
    }

    @Test
    void messageStatusMapsReceiptsAndOptOuts() {
        fake.api = r -> json(200, "{\"id\":\"m1\",\"status\":\"delivery-failed\",\"timestamp\":\"t\","
                + "\"normalizedReceipts\":[{\"status\":\"Failed\",\"isFinalReceipt\":true,"
                + "\"reasons\":[{\"code\":\"RecipientOptedOut\",\"message\":\"stop\"}]}]}");
        var status = client.messaging().messageStatus("cv1", "m1");
        assertThat(status.delivery()).isEqualTo(Messages.Delivery.FAILED);
        assertThat(status.finalReceipt()).isTrue();
        assertThat(status.recipientOptedOut()).isTrue();
        assertThat(status.conversationId()).isEqualTo("cv1");
    }

    @Test
    void contactAddIsChunkedAtOneThousandWithQueryFlags() {
        fake.api = r -> json(200, body(r));
        var added = client.contacts().addContacts("L1", contacts(2500),
                new Contacts.AddOptions(true, false, true), Priority.SEND);
        assertThat(added).hasSize(2500);
        assertThat(fake.apiRequests).extracting(r -> tree(r).size()).containsExactly(1000, 1000, 500);
        RecordedRequest first = fake.apiRequests.getFirst();
        assertThat(first.getUrl().queryParameter("priority")).isEqualTo("true");
        assertThat(first.getUrl().queryParameter("doNotQueue")).isEqualTo("true");
        assertThat(first.getUrl().queryParameter("clearSystemData")).isNull();
        assertThat(tree(first).get(0).get("data").get("phone").asString()).isEqualTo("+13175550000");
    }

    @Test
    void payloadTooLargeSplitsTheBatch() {
        fake.api = r -> tree(r).size() > 300 ? json(413, "{\"message\":\"over the size limit\"}") : json(200, body(r));
        var added = client.contacts().addContacts("L1", contacts(1000));
        assertThat(added).hasSize(1000);
        List<Integer> accepted = fake.apiRequests.stream().map(r -> tree(r).size()).filter(n -> n <= 300).toList();
        assertThat(accepted).containsExactly(250, 250, 250, 250);
        assertThat(added).extracting(Contacts.DialerContact::id).containsExactlyElementsOf(
                contacts(1000).stream().map(Contacts.DialerContact::id).toList());
    }

    @Test
    void bulkGetIsChunkedAtFifty() {
        fake.api = r -> {
            List<String> out = new ArrayList<>();
            tree(r).forEach(id -> out.add("{\"id\":\"" + id.asString() + "\",\"contactListId\":\"L1\",\"data\":{}}"));
            return json(200, "[" + String.join(",", out) + "]");
        };
        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "c" + i).toList();
        assertThat(client.contacts().getContacts("L1", ids)).hasSize(120);
        assertThat(fake.apiRequests).extracting(r -> tree(r).size()).containsExactly(50, 50, 20);
        assertThat(path(fake.apiRequests.getFirst())).isEqualTo("/api/v2/outbound/contactlists/L1/contacts/bulk");
    }

    @Test
    void bulkDeleteIsChunkedAt250() {
        fake.api = r -> new mockwebserver3.MockResponse.Builder().code(204).build();
        client.contacts().deleteContacts("L1", IntStream.range(0, 600).mapToObj(i -> "c" + i).toList());
        assertThat(fake.apiRequests).extracting(r -> r.getUrl().queryParameterValues("contactIds").size())
                .containsExactly(250, 250, 100);
        assertThat(fake.apiRequests).allSatisfy(r -> assertThat(r.getMethod()).isEqualTo("DELETE"));
    }

    @Test
    void searchRefusesPagesOverOneHundred() {
        assertThatThrownBy(() -> client.contacts().searchContacts("L1", Contacts.Search.page(1, 101)))
                .isInstanceOf(InvalidRequestException.class);
        fake.api = r -> json(200, "{\"entities\":[{\"id\":\"c1\",\"data\":{\"a\":\"b\"}}],\"total\":1}");
        var page = client.contacts().searchContacts("L1", Contacts.Search.page(1, 100));
        assertThat(page.total()).isEqualTo(1);
        assertThat(tree(fake.apiRequests.getFirst()).get("pageSize").asInt()).isEqualTo(100);
    }

    @Test
    void contactUpdateRereadsAndRetriesOnStaleVersion() {
        AtomicInteger puts = new AtomicInteger();
        AtomicInteger gets = new AtomicInteger();
        fake.api = r -> switch (r.getMethod()) {
            case "GET" -> json(200, "{\"id\":\"c1\",\"contactListId\":\"L1\",\"data\":{\"name\":\"v"
                    + gets.incrementAndGet() + "\"},\"callable\":true,\"retentionType\":\"keep\","
                    + "\"callRecords\":{\"phone\":{\"lastResult\":\"x\"}},\"selfUri\":\"/u\"}");
            case "PUT" -> puts.incrementAndGet() == 1
                    ? json(409, "{\"code\":\"invalid.update.wrong.version\",\"status\":409}") : json(200, body(r));
            default -> json(500, "{}");
        };
        var updated = client.contacts().updateContact("L1", "c1", c -> c.withCallable(false));
        assertThat(updated.callable()).isFalse();
        assertThat(fake.apiRequests).extracting(RecordedRequest::getMethod).containsExactly("GET", "PUT", "GET", "PUT");
        JsonNode lastPut = tree(fake.apiRequests.get(3));
        assertThat(lastPut.get("data").get("name").asString()).as("re-applied on the re-read").isEqualTo("v2");
        assertThat(lastPut.get("callable").asBoolean()).isFalse();
        assertThat(lastPut.get("retentionType").asString()).as("unmodelled fields survive").isEqualTo("keep");
        assertThat(lastPut.has("callRecords")).isFalse();
        assertThat(lastPut.has("selfUri")).isFalse();
    }

    @Test
    void campaignPutRetriesAtMostThreeTimesOnStaleVersion() {
        AtomicInteger version = new AtomicInteger(1);
        fake.api = r -> r.getMethod().equals("GET")
                ? json(200, "{\"id\":\"k1\",\"name\":\"K\",\"version\":" + version.incrementAndGet()
                        + ",\"campaignStatus\":\"on\",\"callerName\":\"C\",\"callerAddress\":\"+1\",\"dialingMode\":"
                        + "\"preview\",\"contactList\":{\"id\":\"L1\"},\"phoneColumns\":[{\"columnName\":\"p\","
                        + "\"type\":\"cell\"}],\"errors\":[],\"abandonRate\":5}")
                : json(409, "{\"code\":\"invalid.update.wrong.version\"}");
        assertThatThrownBy(() -> client.campaigns().updateVoiceCampaign("k1", c -> c.withStatus("off")))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.isWrongVersion()).isTrue());
        assertThat(fake.apiRequests.stream().filter(r -> r.getMethod().equals("PUT")).count()).isEqualTo(4);
        JsonNode put = tree(fake.apiRequests.getLast());
        assertThat(put.get("campaignStatus").asString()).isEqualTo("off");
        assertThat(put.get("version").asInt()).isEqualTo(5);
        assertThat(put.get("abandonRate").asInt()).isEqualTo(5);
        assertThat(put.has("errors")).isFalse();
    }

    @Test
    void campaignPutSucceedsAfterOneConflict() {
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> r.getMethod().equals("GET")
                ? json(200, "{\"id\":\"k1\",\"version\":" + (n.get() + 1) + ",\"campaignStatus\":\"off\"}")
                : n.incrementAndGet() == 1 ? json(409, "{\"code\":\"invalid.update.wrong.version\"}")
                : json(200, body(r));
        var campaign = client.campaigns().updateVoiceCampaign("k1", c -> c.withStatus("on"));
        assertThat(campaign.campaignStatus()).isEqualTo("on");
        assertThat(campaign.version()).isEqualTo(2);
    }

    @Test
    void startAndStopUseTheDedicatedEndpoints() {
        fake.api = r -> new mockwebserver3.MockResponse.Builder().code(204).build();
        client.campaigns().startVoiceCampaign("k1");
        client.campaigns().stopMessagingCampaign("m1");
        assertThat(fake.apiRequests).extracting(r -> r.getMethod() + " " + path(r)).containsExactly(
                "POST /api/v2/outbound/campaigns/k1/start", "POST /api/v2/outbound/messagingcampaigns/m1/stop");
    }

    @Test
    void dncPatchUsesCaseSensitiveActions() {
        fake.api = r -> new mockwebserver3.MockResponse.Builder().code(200).build();
        client.dnc().patchPhoneNumbers("D1", Dnc.Action.Remove, List.of("+13175551234"));
        client.dnc().patchEmailAddresses("D1", Dnc.Action.Add, List.of("a@b.org"));
        assertThat(tree(fake.apiRequests.get(0)).get("action").asString()).isEqualTo("Remove");
        assertThat(tree(fake.apiRequests.get(1)).get("emailAddresses").get(0).asString()).isEqualTo("a@b.org");
        assertThat(fake.apiRequests.get(0).getMethod()).isEqualTo("PATCH");
    }

    @Test
    void dncExportPollsWhileNotReadyThenDownloads() {
        AtomicInteger polls = new AtomicInteger();
        String fileUrl = fake.server.url("/files/export.csv").toString();
        fake.api = r -> {
            if (path(r).equals("/files/export.csv")) {
                return json(200, "number\n+13175551234\n+13175559999\n");
            }
            if (r.getMethod().equals("POST")) {
                return json(200, "{\"id\":\"D1\"}");
            }
            return polls.incrementAndGet() < 3 ? json(404, "{\"code\":\"no.available.list.export.uri\"}")
                    : json(200, "{\"uri\":\"" + fileUrl + "\",\"exportTimestamp\":\"t\"}");
        };
        Dnc.Export export = client.dnc().export("D1", Duration.ofSeconds(2), Duration.ofMinutes(1));
        assertThat(export.values()).containsExactly("+13175551234", "+13175559999");
        assertThat(fake.sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void pacingIsSizedFromTheOrgLimit() {
        fake.api = r -> json(200, "{\"entities\":[{\"key\":\"other\",\"value\":5},{\"key\":"
                + "\"client.credentials.token.rate.per.minute\",\"namespace\":\"platform.api\",\"value\":600}]}");
        assertThat(client.configurePacingFromOrgLimits()).isEqualTo(600);
        assertThat(client.pacer().budget()).isEqualTo(582);
        assertThat(path(fake.apiRequests.getFirst())).isEqualTo("/api/v2/organizations/limits/namespaces/platform.api");
        fake.api = r -> json(200, "{\"entities\":[]}");
        assertThat(client.configurePacingFromOrgLimits()).isEqualTo(300);
    }

    @Test
    void wrapupCodesArePagedAndMappingIsReadModifyWrite() {
        AtomicInteger putCount = new AtomicInteger();
        fake.api = r -> {
            if (path(r).equals("/api/v2/routing/wrapupcodes")) {
                String page = r.getUrl().queryParameter("pageNumber");
                return json(200, "{\"entities\":[{\"id\":\"w" + page + "\",\"name\":\"W\"}],\"pageCount\":2}");
            }
            if (r.getMethod().equals("GET")) {
                return json(200, "{\"id\":\"map\",\"version\":3,\"defaultSet\":[\"RIGHT_PARTY_CONTACT\"],"
                        + "\"mapping\":{}}");
            }
            putCount.incrementAndGet();
            return json(200, body(r));
        };
        assertThat(client.organization().wrapupCodes()).extracting(Org.WrapupCode::id).containsExactly("w1", "w2");
        Map<String, List<String>> mapping = new HashMap<>();
        mapping.put("w1", List.of("CONTACT_UNCALLABLE"));
        var updated = client.organization().updateWrapupCodeMapping(m -> m.withMapping(mapping));
        assertThat(updated.mapping()).containsEntry("w1", List.of("CONTACT_UNCALLABLE"));
        assertThat(updated.version()).isEqualTo(3);
        assertThat(putCount.get()).isEqualTo(1);
    }
}
