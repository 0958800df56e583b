package dev.switchboard.genesys;

import java.util.List;

/**
 * Receives notifications. Called on a WebSocket reader thread, one frame at a time per socket; events of a
 * replaced socket may overlap a new one briefly (duplicates are removed by correlation id). Implementations should
 * hand work off quickly and must not throw (exceptions are logged and swallowed).
 */
public interface NotificationListener {

    /** A de-duplicated event of a subscribed topic (never heartbeats, pongs or socket_closing). */
    void onEvent(NotificationEvent event);

    /** The connection changed state; {@code reason} says why (e.g. "socket_closing", "no pong"). */
    default void onStateChanged(Notifications.ConnectionState state, String reason) {
    }

    /** Topics Genesys rejected on (re)subscription; poll for what they would have delivered. */
    default void onTopicsRejected(List<Notifications.TopicState> rejected) {
    }
}
