package dev.switchboard.genesys;

import java.util.List;

/** Public shapes of the notification service. */
public final class Notifications {

    private Notifications() {
    }

    /** A notification channel: its id, the WebSocket URI and when it expires (ISO-8601). */
    public record Channel(String id, String connectUri, String expires) {
    }

    /** A topic's subscription state: {@code Permitted} or {@code Rejected} with the reason and missing permissions. */
    public record TopicState(String id, String state, String rejectionReason, List<String> missingPermissions) {

        public boolean rejected() {
            return "Rejected".equalsIgnoreCase(state);
        }
    }

    /** The state of the notification connection. */
    public enum ConnectionState {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        CLOSED
    }
}
