package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The world's heartbeat: every 50 ms of real time it applies what is due on the virtual clock: replies, provider
 * webhooks, {@code stopping -> off}, the dialer, messaging campaigns, channel expiry. State changes happen under the
 * state lock; notifications and webhook POSTs go out after it is released.
 */
final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    static final long TICK_MS = 50;

    private final OrgState state;
    private final VirtualClock clock;
    private final Conversations conversations;
    private final Dialer dialer;
    private final MessagingRunner messaging;
    private final Notifications hub;
    private volatile URI webhookUrl;
    private final HttpClient http;
    private final ScheduledExecutorService timer;

    Simulator(OrgState state, VirtualClock clock, Conversations conversations, Dialer dialer,
              MessagingRunner messaging, Notifications hub, URI webhookUrl) {
        this.state = state;
        this.clock = clock;
        this.conversations = conversations;
        this.dialer = dialer;
        this.messaging = messaging;
        this.hub = hub;
        this.webhookUrl = webhookUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-simulator");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tickSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("simulator tick failed", e);
        }
    }

    void tick() {
        List<Map.Entry<String, JsonNode>> events = new ArrayList<>();
        List<ObjectNode> webhooks = new ArrayList<>();
        synchronized (state) {
            Instant now = clock.now();
            ArrayNode pending = state.list("pending");
            List<JsonNode> due = new ArrayList<>();
            for (int i = pending.size() - 1; i >= 0; i--) {
                JsonNode p = pending.get(i);
                if (!Instant.parse(Json.text(p, "at")).isAfter(now)) {
                    due.add(p);
                    pending.remove(i);
                }
            }
            due.sort((a, b) -> Json.text(a, "at").compareTo(Json.text(b, "at")));
            for (JsonNode p : due) {
                switch (String.valueOf(Json.text(p, "type"))) {
                    case "smsReply" -> conversations.receiveReply(p);
                    case "esp" -> webhooks.add(webhook(p));
                    default -> LOG.debug("unknown pending event {}", p);
                }
            }
            if (!due.isEmpty()) {
                state.changed();
            }
            for (String section : List.of("campaigns", "messagingCampaigns")) {
                for (ObjectNode c : state.all(section)) {
                    if (!"stopping".equals(Json.text(c, "campaignStatus"))) {
                        continue;
                    }
                    String offAt = Json.text(state.sub("runs", Json.text(c, "id")), "offAt");
                    if (offAt == null || !Instant.parse(offAt).isAfter(now)) {
                        c.put("campaignStatus", "off");
                        c.put("version", c.get("version").asInt() + 1);
                        c.put("dateModified", Json.time(now));
                        state.changed();
                        events.add(Map.entry((section.equals("campaigns") ? "v2.outbound.campaigns."
                                : "v2.outbound.messagingcampaigns.") + Json.text(c, "id"), c.deepCopy()));
                    }
                }
            }
            dialer.tick(now, events);
            messaging.tick(now, events);
        }
        hub.expireChannels();
        for (Map.Entry<String, JsonNode> e : events) {
            hub.publish(e.getKey(), e.getValue());
        }
        for (ObjectNode w : webhooks) {
            post(w);
        }
    }

    private static ObjectNode webhook(JsonNode p) {
        ObjectNode w = Json.obj();
        String kind = Json.text(p, "event");
        w.put("id", TokenService.sha256Hex(kind + "|" + Json.text(p, "messageId")).substring(0, 32));
        w.put("type", kind);
        w.put("email", Json.text(p, "email"));
        w.put("timestamp", Json.text(p, "at"));
        w.put("conversationId", Json.text(p, "conversationId"));
        w.put("messageId", Json.text(p, "messageId"));
        if ("bounce".equals(kind)) {
            w.put("bounceType", "hard");
            w.put("reason", "550 5.1.1 The email account that you tried to reach does not exist");
        }
        return w;
    }

    /** Where the email provider posts from now on (null: nowhere). */
    void webhook(URI url) {
        this.webhookUrl = url;
    }

    private void post(ObjectNode body) {
        URI url = webhookUrl;
        if (url == null) {
            return;
        }
        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("User-Agent", "switchboard-sandbox-esp")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
            if (err != null) {
                LOG.info("ESP webhook to {} failed: {}", url.getHost(), err.toString());
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.close();
        }
    }
}
