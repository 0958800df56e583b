package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class WorldTest {

    static final String SMS = "/api/v2/conversations/messages/agentless";

    static String address(World world, World.SmsReply reply) {
        for (int i = 0; i < 10_000; i++) {
            String a = "+1317555" + String.format("%04d", i);
            if (world.smsReply(a) == reply && !world.smsUndeliverable(a)) {
                return a;
            }
        }
        throw new AssertionError("no address with " + reply);
    }

    static String undeliverable(World world) {
        for (int i = 0; i < 10_000; i++) {
            String a = "+1317666" + String.format("%04d", i);
            if (world.smsUndeliverable(a)) {
                return a;
            }
        }
        throw new AssertionError("no undeliverable address");
    }

    static Api.Reply sms(Api api, String to, String text) {
        return api.post(SMS, Api.json("{'fromAddress':'+13177340100','toAddress':'" + to
                + "','toAddressMessengerType':'sms','textBody':'" + text + "'}"));
    }

    static String status(Api api, Api.Reply sent) {
        return Json.text(api.get("/api/v2/conversations/messages/" + Json.text(sent.body(), "conversationId")
                + "/messages/" + Json.text(sent.body(), "id")).body(), "status");
    }

    @Test
    void sameSeedAndAddressSameBehaviour() {
        World a = new World(42);
        World b = new World(42);
        World other = new World(43);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            addresses.add("+1317555" + String.format("%04d", i));
        }
        int differences = 0;
        for (String x : addresses) {
            assertThat(a.smsReply(x)).isEqualTo(b.smsReply(x));
            assertThat(a.callOutcome(x, 1)).isEqualTo(b.callOutcome(x, 1));
            assertThat(a.emailFate(x + "@example.com")).isEqualTo(b.emailFate(x + "@example.com"));
            assertThat(a.replyDelay(x)).isEqualTo(b.replyDelay(x));
            if (a.smsReply(x) != other.smsReply(x) || a.callOutcome(x, 1) != other.callOutcome(x, 1)) {
                differences++;
            }
        }
        assertThat(differences).isPositive();
        assertThat(addresses.stream().map(a::smsReply).distinct().count()).isEqualTo(World.SmsReply.values().length);
    }

    @Test
    void statusMovesFromQueuedToSentToDelivered() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(7))) {
            World world = new World(7);
            Api api = new Api(s).login();
            Api.Reply ok = sms(api, address(world, World.SmsReply.NONE), "hello");
            Api.Reply bad = sms(api, undeliverable(world), "hello");
            assertThat(Json.text(ok.body().get("message"), "status")).isEqualTo("queued");
            s.clock().advance(Duration.ofMillis(1500));
            assertThat(status(api, ok)).isEqualTo("sent");
            s.clock().advance(Duration.ofSeconds(30));
            assertThat(status(api, ok)).isEqualTo("delivery-success");
            JsonNode failed = api.get("/api/v2/conversations/messages/" + Json.text(bad.body(), "conversationId")
                    + "/messages/" + Json.text(bad.body(), "id")).body();
            assertThat(Json.text(failed, "status")).isEqualTo("delivery-failed");
            assertThat(failed.toString()).contains("InvalidDestination").contains("\"isFinalReceipt\":true");
            Api.Reply bulk = api.post("/api/v2/conversations/messages/" + Json.text(ok.body(), "conversationId")
                    + "/messages/bulk", List.of(Json.text(ok.body(), "id")));
            assertThat(bulk.body().get("entities").size()).isEqualTo(1);
        }
    }

    @Test
    void stopReplyOptsOutAndLaterSendsFailWithRecipientOptedOut() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(3))) {
            World world = new World(3);
            Api api = new Api(s).login();
            String to = address(world, World.SmsReply.STOP);
            Api.Reply first = sms(api, to, "Your appointment is tomorrow");
            s.clock().advance(Duration.ofHours(1));
            s.tick();
            JsonNode conv = api.get("/api/v2/conversations/messages/" + Json.text(first.body(), "conversationId"))
                    .body();
            assertThat(conv.toString()).contains("\"messageStatus\":\"received\"");
            String inboundId = null;
            for (JsonNode p : conv.get("participants")) {
                if ("customer".equals(Json.text(p, "purpose")) && !p.get("messages").isEmpty()) {
                    inboundId = Json.text(p.get("messages").get(0), "messageId");
                }
            }
            JsonNode reply = api.get("/api/v2/conversations/messages/" + Json.text(first.body(), "conversationId")
                    + "/messages/" + inboundId).body();
            assertThat(Json.text(reply.get("normalizedMessage"), "text")).isEqualTo("STOP");
            assertThat(Json.text(reply, "direction")).isEqualTo("inbound");
            int ledgered = s.ledger().size();
            Api.Reply second = sms(api, to, "Reminder");
            assertThat(second.status()).isEqualTo(200);
            s.clock().advance(Duration.ofSeconds(5));
            JsonNode status = api.get("/api/v2/conversations/messages/" + Json.text(second.body(), "conversationId")
                    + "/messages/" + Json.text(second.body(), "id")).body();
            assertThat(Json.text(status, "status")).isEqualTo("failed");
            assertThat(status.get("normalizedReceipts").get(0).get("reasons").get(0).get("code").asString())
                    .isEqualTo("RecipientOptedOut");
            assertThat(s.ledger()).hasSize(ledgered);
        }
    }

    @Test
    void startAfterStopOptsBackIn() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(3))) {
            World world = new World(3);
            Api api = new Api(s).login();
            String to = address(world, World.SmsReply.STOP_THEN_START);
            sms(api, to, "Hello");
            s.clock().advance(Duration.ofHours(1));
            s.tick();
            Api.Reply blocked = sms(api, to, "Blocked");
            s.clock().advance(Duration.ofHours(24));
            s.tick();
            api.login();
            assertThat(status(api, blocked)).isEqualTo("failed");
            Api.Reply allowed = sms(api, to, "Welcome back");
            s.clock().advance(Duration.ofMinutes(1));
            assertThat(status(api, allowed)).isEqualTo("delivery-success");
        }
    }

    @Test
    void plsStopIsTextNotAnOptOut() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(3))) {
            World world = new World(3);
            Api api = new Api(s).login();
            String to = address(world, World.SmsReply.PLS_STOP);
            Api.Reply first = sms(api, to, "Hello");
            s.clock().advance(Duration.ofHours(1));
            s.tick();
            Api.Reply second = sms(api, to, "Hello again");
            s.clock().advance(Duration.ofMinutes(1));
            assertThat(status(api, second)).isEqualTo("delivery-success");
            assertThat(api.get("/api/v2/conversations/messages/" + Json.text(first.body(), "conversationId")).text())
                    .contains("received");
        }
    }
}
