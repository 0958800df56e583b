package dev.switchboard.genesys;

import static dev.switchboard.genesys.FakeGenesys.json;
import static dev.switchboard.genesys.FakeGenesys.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationStreamTest {

    private static final NotificationStream.Settings FAST = new NotificationStream.Settings(Duration.ofMillis(300),
            Duration.ofMillis(300), Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(50), 100);

    private FakeGenesys fake;
    private GenesysClient client;
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicInteger subscriptionPuts = new AtomicInteger();
    private final Map<String, WebSocket> serverSockets = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean answerPings;
    private volatile Duration channelLifetime = Duration.ofHours(24);
    private final List<NotificationEvent> events = new CopyOnWriteArrayList<>();
    private final List<Notifications.ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    private final NotificationListener listener = new NotificationListener() {
        @Override
        public void onEvent(NotificationEvent event) {
            events.add(event);
        }

        @Override
        public void onStateChanged(Notifications.ConnectionState state, String reason) {
            states.add(state);
        }

        @Override
        public void onTopicsRejected(List<Notifications.TopicState> topics) {
            topics.forEach(t -> rejected.add(t.id()));
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeGenesys();
        client = GenesysClient.builder(fake.endpoint(), new GenesysCredentials("client-1", "secret")).build();
        fake.api = r -> {
            String p = path(r);
            if (p.equals("/api/v2/notifications/channels")) {
                String id = "ch-" + channels.incrementAndGet();
                String uri = fake.server.url("/channels/" + id).toString().replaceFirst("^http", "ws");
                return json(200, "{\"id\":\"" + id + "\",\"connectUri\":\"" + uri + "\",\"expires\":\""
                        + Instant.now().plus(channelLifetime) + "\"}");
            }
            if (p.endsWith("/subscriptions")) {
                subscriptionPuts.incrementAndGet();
                assertThat(r.getUrl().queryParameter("ignoreErrors")).isEqualTo("true");
                return json(200, "{\"entities\":[{\"id\":\"v2.outbound.campaigns.k1\",\"state\":\"Permitted\"},"
                        + "{\"id\":\"v2.secret.topic\",\"state\":\"Rejected\",\"rejectionReason\":\"perm\"}]}");
            }
            if (p.startsWith("/channels/")) {
                String id = p.substring("/channels/".length());
                return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket webSocket, Response response) {
                        serverSockets.put(id, webSocket);
                    }

                    @Override
                    public void onClosing(WebSocket webSocket, int code, String reason) {
                        webSocket.close(1000, null);
                    }

                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        received.add(id + ":" + text);
                        if (answerPings && text.contains("ping")) {
                            webSocket.send(frame("channel.metadata", "{\"message\":\"pong\"}", null));
                        }
                    }
                }).build();
            }
            return json(404, "{}");
        };
    }

    @AfterEach
    void tearDown() {
        serverSockets.values().forEach(ws -> ws.close(1001, "test over"));
        client.close();
        fake.close();
    }

    private static String frame(String topic, String body, String correlationId) {
        return "{\"topicName\":\"" + topic + "\",\"version\":\"2\",\"eventBody\":" + body
                + (correlationId == null ? "" : ",\"metadata\":{\"CorrelationId\":\"" + correlationId + "\"}") + "}";
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private NotificationStream open() {
        return client.openNotifications(List.of("v2.outbound.campaigns.k1", "v2.secret.topic"), listener, FAST);
    }

    @Test
    void deliversEventsDeduplicatedAndReconnectsOnSocketClosing() throws Exception {
        answerPings = true;
        try (NotificationStream stream = open()) {
            await(() -> serverSockets.containsKey("ch-1"), "first socket");
            await(() -> stream.state() == Notifications.ConnectionState.CONNECTED, "connected");
            WebSocket first = serverSockets.get("ch-1");
            first.send(frame("channel.metadata", "{\"message\":\"WebSocket Heartbeat\"}", null));
            first.send(frame("v2.outbound.campaigns.k1", "{\"campaignStatus\":\"on\"}", "c1"));
            first.send(frame("v2.system.socket_closing", "{\"message\":\"closing\"}", "s1"));
            await(() -> serverSockets.containsKey("ch-2"), "second socket");
            WebSocket second = serverSockets.get("ch-2");
            second.send(frame("v2.outbound.campaigns.k1", "{\"campaignStatus\":\"on\"}", "c1"));
            second.send(frame("v2.outbound.campaigns.k1", "{\"campaignStatus\":\"stopping\"}", "c2"));
            await(() -> events.size() >= 2, "two events");
            Thread.sleep(100);
            assertThat(events).extracting(NotificationEvent::correlationId).containsExactly("c1", "c2");
            assertThat(events.get(1).eventBody().get("campaignStatus").asString()).isEqualTo("stopping");
            assertThat(events.get(0).topicName()).isEqualTo("v2.outbound.campaigns.k1");
            assertThat(channels.get()).isEqualTo(2);
            assertThat(subscriptionPuts.get()).isEqualTo(2);
            assertThat(stream.channelId()).isEqualTo("ch-2");
            assertThat(rejected).contains("v2.secret.topic");
        }
        assertThat(states).contains(Notifications.ConnectionState.CONNECTED,
                Notifications.ConnectionState.RECONNECTING, Notifications.ConnectionState.CLOSED);
    }

    @Test
    void pingsAfterSilenceAndReconnectsWithoutPong() throws Exception {
        answerPings = false;
        try (NotificationStream stream = open()) {
            await(() -> received.contains("ch-1:{\"message\":\"ping\"}"), "a ping after silence");
            await(() -> serverSockets.containsKey("ch-2"), "a new channel after no pong");
            assertThat(channels.get()).isGreaterThanOrEqualTo(2);
            await(() -> stream.state() == Notifications.ConnectionState.CONNECTED, "connected again");
        }
    }

    @Test
    void aPongKeepsTheChannel() throws Exception {
        answerPings = true;
        try (NotificationStream stream = open()) {
            await(() -> received.stream().filter(m -> m.startsWith("ch-1:")).count() >= 3, "three pings");
            assertThat(channels.get()).isEqualTo(1);
            assertThat(stream.state()).isEqualTo(Notifications.ConnectionState.CONNECTED);
        }
    }

    @Test
    void reconnectsBeforeTheChannelExpires() throws Exception {
        answerPings = true;
        channelLifetime = Duration.ofMillis(1500);
        var settings = new NotificationStream.Settings(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(50), 100);
        try (NotificationStream stream = client.openNotifications(List.of("v2.outbound.campaigns.k1"), listener,
                settings)) {
            await(() -> serverSockets.containsKey("ch-2"), "a new channel before expiry");
            assertThat(stream.channelId()).isNotNull();
        }
    }

    @Test
    void reconnectsAfterTheServerDropsTheSocket() throws Exception {
        answerPings = true;
        try (NotificationStream stream = open()) {
            await(() -> serverSockets.containsKey("ch-1"), "first socket");
            serverSockets.get("ch-1").close(1012, "service restart");
            await(() -> serverSockets.containsKey("ch-2"), "a new channel after the drop");
            await(() -> stream.state() == Notifications.ConnectionState.CONNECTED, "connected again");
        }
    }
}
