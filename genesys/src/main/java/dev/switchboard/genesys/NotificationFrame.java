package dev.switchboard.genesys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One WebSocket frame of the notification service, classified: heartbeat or pong ({@code channel.metadata}),
 * {@code v2.system.socket_closing}, or an event. Immutable.
 */
record NotificationFrame(Kind kind, NotificationEvent event) {

    enum Kind {
        METADATA,
        SOCKET_CLOSING,
        EVENT,
        UNREADABLE
    }

    private record Envelope(String topicName, String version, JsonNode eventBody, Map<String, Object> metadata) {
    }

    static NotificationFrame parse(String text) {
        Envelope envelope;
        try {
            envelope = Json.read(text, Envelope.class);
        } catch (RuntimeException e) {
            return new NotificationFrame(Kind.UNREADABLE, null);
        }
        String topic = envelope.topicName();
        if (topic == null) {
            return new NotificationFrame(Kind.UNREADABLE, null);
        }
        Object correlation = envelope.metadata() == null ? null : envelope.metadata().get("CorrelationId");
        JsonNode body = envelope.eventBody() == null ? NullNode.getInstance() : envelope.eventBody();
        NotificationEvent event = new NotificationEvent(topic, envelope.version(), body,
                correlation == null ? null : correlation.toString(), text);
        Kind kind = switch (topic) {
            case "channel.metadata" -> Kind.METADATA;
            case "v2.system.socket_closing" -> Kind.SOCKET_CLOSING;
            default -> Kind.EVENT;
        };
        return new NotificationFrame(kind, event);
    }

    /** Remembers the last {@code capacity} correlation ids. Thread-safe. */
    static final class Seen {
        private final Map<String, Boolean> ids;

        Seen(int capacity) {
            this.ids = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            });
        }

        /** True the first time an id is seen (null ids are always new). */
        boolean firstTime(String correlationId) {
            return correlationId == null || ids.put(correlationId, Boolean.TRUE) == null;
        }
    }
}
