package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

class NotificationsTest {

    static final String QUEUE_TOPIC = "v2.routing.queues." + Sandbox.INBOUND_QUEUE_ID + ".conversations.messages";

    /** Collects frames of one socket. */
    static final class Frames extends WebSocketListener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onMessage(WebSocket ws, String text) {
            frames.add(Json.parse(text));
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            closed.countDown();
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, okhttp3.Response response) {
            closed.countDown();
        }

        JsonNode next(String topic) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && topic.equals(Json.text(f, "topicName"))) {
                    return f;
                }
            }
            throw new AssertionError("no frame on " + topic);
        }

        JsonNode nextMetadata(String message) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && "channel.metadata".equals(Json.text(f, "topicName"))
                        && message.equals(Json.text(f.get("eventBody"), "message"))) {
                    return f;
                }
            }
            throw new AssertionError("no channel.metadata " + message);
        }
    }

    @Test
    void subscribeHeartbeatPingPongEventsAndSocketClosing() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withSeed(3))) {
            s.heartbeatInterval(Duration.ofMillis(200));
            Api api = new Api(s).login();
            Api.Reply channel = api.post("/api/v2/notifications/channels", null);
            assertThat(channel.status()).isEqualTo(200);
            String id = Json.text(channel.body(), "id");
            String uri = Json.text(channel.body(), "connectUri");
            assertThat(uri).isEqualTo("ws://127.0.0.1:" + s.apiBaseUrl().getPort() + "/channels/" + id);
            assertThat(Json.text(channel.body(), "expires")).isNotBlank();
            assertThat(api.send("HEAD", "/api/v2/notifications/channels/" + id, null).status()).isEqualTo(200);
            assertThat(api.send("HEAD", "/api/v2/notifications/channels/nope", null).status()).isEqualTo(404);

            String subs = "/api/v2/notifications/channels/" + id + "/subscriptions";
            Api.Reply rejected = api.put(subs, List.of(java.util.Map.of("id", "v2.bogus.topic")));
            assertThat(rejected.status()).isEqualTo(400);
            Api.Reply sub = api.put(subs + "?ignoreErrors=true", List.of(java.util.Map.of("id", QUEUE_TOPIC),
                    java.util.Map.of("id", "v2.bogus.topic")));
            assertThat(sub.status()).isEqualTo(200);
            assertThat(sub.text()).contains("Permitted").contains("Rejected");
            assertThat(api.get(subs).body().get("entities").size()).isEqualTo(2);

            Frames frames = new Frames();
            WebSocket ws = api.http.newWebSocket(new Request.Builder().url(uri).build(), frames);
            JsonNode beat = frames.nextMetadata("WebSocket Heartbeat");
            assertThat(beat.has("version")).isTrue();
            assertThat(beat.get("metadata").has("CorrelationId")).isTrue();
            ws.send("{\"message\":\"ping\"}");
            frames.nextMetadata("pong");

            World world = new World(3);
            WorldTest.sms(api, WorldTest.address(world, World.SmsReply.STOP), "hi");
            s.clock().advance(Duration.ofHours(1));
            s.tick();
            JsonNode event = frames.next(QUEUE_TOPIC);
            assertThat(event.get("eventBody").toString()).contains("\"messageStatus\":\"received\"");

            s.faults().closeSockets();
            JsonNode closing = frames.next("v2.system.socket_closing");
            assertThat(closing.get("eventBody").has("message")).isTrue();
            assertThat(frames.closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSecondSocketDropsTheFirst() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            String uri = Json.text(api.post("/api/v2/notifications/channels", null).body(), "connectUri");
            Frames first = new Frames();
            api.http.newWebSocket(new Request.Builder().url(uri).build(), first);
            s.heartbeatInterval(Duration.ofMillis(100));
            first.nextMetadata("WebSocket Heartbeat");
            Frames second = new Frames();
            api.http.newWebSocket(new Request.Builder().url(uri).build(), second);
            assertThat(first.closed.await(5, TimeUnit.SECONDS)).isTrue();
            second.nextMetadata("WebSocket Heartbeat");
        }
    }

    @Test
    void channelAndTopicLimitsAndTheOrgWideSwitch() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            String first = Json.text(api.post("/api/v2/notifications/channels", null).body(), "id");
            for (int i = 0; i < 20; i++) {
                api.post("/api/v2/notifications/channels", null);
            }
            assertThat(api.get("/api/v2/notifications/channels").body().get("entities").size()).isEqualTo(20);
            assertThat(api.send("HEAD", "/api/v2/notifications/channels/" + first, null).status()).isEqualTo(404);
            String id = Json.text(api.post("/api/v2/notifications/channels", null).body(), "id");
            List<java.util.Map<String, String>> many = new java.util.ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                many.add(java.util.Map.of("id", "v2.outbound.campaigns.c" + i));
            }
            String subs = "/api/v2/notifications/channels/" + id + "/subscriptions";
            assertThat(api.put(subs, many).code()).isEqualTo("notification.subscription.too.many.subscriptions");
            List<java.util.Map<String, String>> orgWide = List.of(java.util.Map.of("id", Dialer.POST_CONTACT));
            assertThat(api.put(subs, orgWide).text()).contains("Permitted");
            s.orgWideOutboundTopicsDeliverable(false);
            assertThat(api.put(subs + "?ignoreErrors=true", orgWide).text()).contains("Rejected");
        }
    }

    @Test
    void availableTopicsListTheSpecTopics() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            Api.Reply r = api.get("/api/v2/notifications/availabletopics?expand=transports");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("v2.outbound.campaigns.{id}").contains("transports");
        }
    }
}
