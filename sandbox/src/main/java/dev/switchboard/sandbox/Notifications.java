package dev.switchboard.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.websocket.WsContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notification channels, their topic subscriptions and WebSockets: the real envelope
 * {@code {topicName, version, eventBody, metadata {CorrelationId}}}, heartbeats on {@code channel.metadata},
 * {@code pong} answers, {@code v2.system.socket_closing} before a deliberate close, one socket per channel.
 */
final class Notifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    static final int MAX_CHANNELS = 20;
    static final int MAX_TOPICS = 1000;
    static final Duration CHANNEL_LIFETIME = Duration.ofHours(24);

    /** A notification channel. Guarded by its own monitor. */
    static final class Channel {
        final String id;
        final String clientId;
        final Instant created;
        final Instant expires;
        final Map<String, String> topics = new LinkedHashMap<>();
        WsContext socket;

        Channel(String id, String clientId, Instant created, Instant expires) {
            this.id = id;
            this.clientId = clientId;
            this.created = created;
            this.expires = expires;
        }
    }

    private final Clock clock;
    private final Supplier<String> wsBase;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final List<Pattern> topicPatterns = new ArrayList<>();
    private final List<String> topicIds = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> heartbeat;
    private volatile boolean orgWideOutboundDeliverable = true;

    /** Channels live on real time (a WebSocket is transport, not campaign time), like heartbeats. */
    Notifications(Clock clock, Supplier<String> wsBase, JsonNode topicsFromSpec, Duration heartbeatEvery) {
        this.clock = clock;
        this.wsBase = wsBase;
        for (String topic : topicsFromSpec.propertyNames()) {
            topicIds.add(topic);
            if (topic.equals("channel.metadata") || topic.equals("v2.system.socket_closing")) {
                continue;
            }
            String regex = Pattern.quote(topic).replace("{id}", "\\E[A-Za-z0-9_\\-]+\\Q");
            topicPatterns.add(Pattern.compile(regex));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-notifications");
            t.setDaemon(true);
            return t;
        });
        heartbeatInterval(heartbeatEvery);
    }

    List<String> topicIds() {
        return topicIds;
    }

    synchronized void heartbeatInterval(Duration every) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        long ms = Math.max(10, every.toMillis());
        heartbeat = timer.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Whether the org-wide {@code v2.outbound.*.campaigns.contact.*} topics may be subscribed over WebSocket. */
    void orgWideOutboundDeliverable(boolean deliverable) {
        this.orgWideOutboundDeliverable = deliverable;
    }

    synchronized Channel create(String clientId) {
        List<Channel> mine = channels.values().stream().filter(c -> c.clientId.equals(clientId))
                .sorted((a, b) -> a.created.compareTo(b.created)).toList();
        if (mine.size() >= MAX_CHANNELS) {
            // a 21st channel evicts the oldest unconnected one (or the oldest)
            Channel evict = mine.stream().filter(c -> c.socket == null).findFirst().orElse(mine.getFirst());
            remove(evict.id);
        }
        Instant now = clock.instant();
        Channel c = new Channel(UUID.randomUUID().toString(), clientId, now, now.plus(CHANNEL_LIFETIME));
        channels.put(c.id, c);
        return c;
    }

    Channel find(String id) {
        Channel c = channels.get(id);
        if (c != null && !clock.instant().isBefore(c.expires)) {
            remove(id);
            return null;
        }
        return c;
    }

    List<Channel> channelsOf(String clientId) {
        return channels.values().stream().filter(c -> c.clientId.equals(clientId)).toList();
    }

    String connectUri(Channel c) {
        return wsBase.get() + "/channels/" + c.id;
    }

    ObjectNode channelJson(Channel c) {
        ObjectNode o = Json.obj();
        o.put("connectUri", connectUri(c));
        o.put("id", c.id);
        o.put("expires", Json.time(c.expires));
        return o;
    }

    /** Permitted or a rejection reason for one topic. */
    String rejection(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The topic is empty";
        }
        if (!orgWideOutboundDeliverable && topic.matches("v2\\.outbound\\.(voice|messaging|email)\\.campaigns\\..*")) {
            return "The topic is not available over the WebSocket transport";
        }
        for (Pattern p : topicPatterns) {
            if (p.matcher(topic).matches()) {
                return null;
            }
        }
        return "The topic is not valid or not available";
    }

    void remove(String channelId) {
        Channel c = channels.remove(channelId);
        if (c != null) {
            synchronized (c) {
                if (c.socket != null) {
                    closeQuietly(c.socket, 1000, "channel removed");
                    c.socket = null;
                }
            }
        }
    }

    // --- WebSocket side ---------------------------------------------------------------------------------------

    void onConnect(WsContext ctx) {
        Channel c = find(ctx.pathParam("channelId"));
        if (c == null) {
            closeQuietly(ctx, 4004, "channel not found");
            return;
        }
        synchronized (c) {
            if (c.socket != null) {
                // one socket per channel: the new one drops the old one
                closeQuietly(c.socket, 1000, "another socket connected to this channel");
            }
            c.socket = ctx;
        }
    }

    void onMessage(WsContext ctx, String text) {
        Channel c = channels.get(ctx.pathParam("channelId"));
        if (c == null) {
            return;
        }
        try {
            JsonNode msg = Json.parse(text);
            if ("ping".equals(Json.text(msg, "message"))) {
                ObjectNode body = Json.obj();
                body.put("message", "pong");
                sendTo(c, ctx, "channel.metadata", body);
            }
        } catch (RuntimeException e) {
            LOG.debug("ignoring a non-JSON frame on channel {}", c.id);
        }
    }

    void onClose(WsContext ctx) {
        Channel c = channels.get(ctx.pathParam("channelId"));
        if (c != null) {
            synchronized (c) {
                if (c.socket != null && c.socket.sessionId().equals(ctx.sessionId())) {
                    c.socket = null;
                }
            }
        }
    }

    /** Sends an event to every channel subscribed to {@code topic}. */
    void publish(String topic, JsonNode body) {
        for (Channel c : channels.values()) {
            boolean subscribed;
            synchronized (c) {
                subscribed = "Permitted".equals(c.topics.get(topic)) && c.socket != null;
            }
            if (subscribed) {
                sendTo(c, null, topic, body);
            }
        }
    }

    /** True when at least one connected channel listens to {@code topic}. */
    boolean hasListener(String topic) {
        for (Channel c : channels.values()) {
            synchronized (c) {
                if ("Permitted".equals(c.topics.get(topic))) {
                    return true;
                }
            }
        }
        return false;
    }

    void closeSockets() {
        for (Channel c : channels.values()) {
            synchronized (c) {
                if (c.socket == null) {
                    continue;
                }
                ObjectNode body = Json.obj();
                body.put("channelId", c.id);
                body.put("message", "The websocket will be closed for maintenance. Reconnect within a minute.");
                sendTo(c, c.socket, "v2.system.socket_closing", body);
                closeQuietly(c.socket, 1001, "socket closing");
                c.socket = null;
            }
        }
    }

    void tokensRevoked() {
        for (Channel c : channels.values()) {
            synchronized (c) {
                if (c.socket != null) {
                    ObjectNode body = Json.obj();
                    body.put("channelId", c.id);
                    body.put("systemTopicType", "token_revoked");
                    body.put("reason", "user_tokens_revoked");
                    body.put("oauthClientId", c.clientId);
                    sendTo(c, c.socket, "v2.system.socket_closing", body);
                }
            }
        }
    }

    void expireChannels() {
        Instant now = clock.instant();
        for (Channel c : List.copyOf(channels.values())) {
            if (!now.isBefore(c.expires)) {
                remove(c.id);
            }
        }
    }

    private void heartbeat() {
        try {
            ObjectNode body = Json.obj();
            body.put("message", "WebSocket Heartbeat");
            for (Channel c : channels.values()) {
                synchronized (c) {
                    if (c.socket != null) {
                        sendTo(c, c.socket, "channel.metadata", body);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed", e);
        }
    }

    private void sendTo(Channel c, WsContext target, String topic, JsonNode body) {
        ObjectNode env = Json.obj();
        env.put("topicName", topic);
        env.put("version", "2");
        env.set("eventBody", body);
        env.putObject("metadata").put("CorrelationId", UUID.randomUUID().toString());
        String text = Json.write(env);
        synchronized (c) {
            WsContext ws = target != null ? target : c.socket;
            if (ws == null) {
                return;
            }
            try {
                ws.send(text);
            } catch (RuntimeException e) {
                LOG.debug("send on channel {} failed: {}", c.id, e.toString());
            }
        }
    }

    private static void closeQuietly(WsContext ctx, int code, String reason) {
        try {
            ctx.closeSession(code, reason);
        } catch (RuntimeException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (Channel c : List.copyOf(channels.values())) {
            remove(c.id);
        }
    }
}
