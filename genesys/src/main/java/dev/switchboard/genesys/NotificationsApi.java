package dev.switchboard.genesys;

import java.util.Collection;
import java.util.List;

/** The notification REST endpoints: channels and subscriptions. Thread-safe. */
public final class NotificationsApi {

    record TopicRef(String id) {
    }

    record TopicListing(List<Notifications.TopicState> entities) {
    }

    private final ApiTransport transport;

    NotificationsApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** Creates a channel (a 21st channel evicts the oldest unconnected one; harmless to repeat). */
    public Notifications.Channel createChannel() {
        return transport.json(ApiCall.post("/api/v2/notifications/channels").mode(ApiCall.Mode.REPEATABLE),
                Notifications.Channel.class);
    }

    /** Whether a channel still exists (HEAD: 200 or 404). */
    public boolean channelExists(String channelId) {
        try {
            transport.execute(ApiCall.head("/api/v2/notifications/channels/{}", channelId));
            return true;
        } catch (GenesysApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the channel's subscriptions (PUT, {@code ignoreErrors=true}, at most 1000 topics), returning each
     * topic's state; rejected topics are in the result, not an error.
     */
    public List<Notifications.TopicState> subscribe(String channelId, Collection<String> topics) {
        if (topics.size() > 1000) {
            throw new InvalidRequestException("a channel takes at most 1000 topics, got " + topics.size());
        }
        TopicListing l = transport.json(ApiCall.put("/api/v2/notifications/channels/{}/subscriptions", channelId)
                .query("ignoreErrors", true).body(topics.stream().map(TopicRef::new).toList()), TopicListing.class);
        return l == null || l.entities() == null ? List.of() : l.entities();
    }

    /** Adds subscriptions (POST, {@code ignoreErrors=true}). */
    public List<Notifications.TopicState> addSubscriptions(String channelId, Collection<String> topics) {
        TopicListing l = transport.json(ApiCall.post("/api/v2/notifications/channels/{}/subscriptions", channelId)
                .query("ignoreErrors", true).mode(ApiCall.Mode.REPEATABLE)
                .body(topics.stream().map(TopicRef::new).toList()), TopicListing.class);
        return l == null || l.entities() == null ? List.of() : l.entities();
    }
}
