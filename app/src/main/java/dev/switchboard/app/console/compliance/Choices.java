package dev.switchboard.app.console.compliance;

import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;

/** The Compliance screen's choices (filters and form fields) and who may do what on it. */
public final class Choices {
    private Choices() {
    }

    /** A kind to filter by, or any. */
    public enum KindFilter {
        ANY(null), DNC(Suppression.Kind.DNC), OPT_OUT(Suppression.Kind.OPT_OUT),
        HARD_BOUNCE(Suppression.Kind.HARD_BOUNCE), LEGAL_HOLD(Suppression.Kind.LEGAL_HOLD),
        REVIEW(Suppression.Kind.REVIEW);

        private final Suppression.Kind kind;

        KindFilter(Suppression.Kind kind) {
            this.kind = kind;
        }

        public Suppression.Kind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return kind == null ? "Any kind" : Choices.kind(kind);
        }
    }

    /** A channel: a filter's "any" (what stops it) or a suppression's "all channels" when null. */
    public enum ChannelChoice {
        ALL(null), VOICE(Channel.VOICE), SMS(Channel.SMS), EMAIL(Channel.EMAIL);

        private final Channel channel;

        ChannelChoice(Channel channel) {
            this.channel = channel;
        }

        public Channel channel() {
            return channel;
        }

        /** As a filter: "Any channel", "Stops SMS". */
        public String filterLabel() {
            return channel == null ? "Any channel" : "Stops " + Choices.channel(channel);
        }

        /** As a suppression's channel: "All channels", "SMS". */
        @Override
        public String toString() {
            return channel == null ? "All channels" : Choices.channel(channel);
        }
    }

    public static String kind(Suppression.Kind k) {
        return switch (k) {
            case DNC -> "DNC";
            case OPT_OUT -> "Opt-out";
            case HARD_BOUNCE -> "Hard bounce";
            case LEGAL_HOLD -> "Legal hold";
            case REVIEW -> "Review";
        };
    }

    public static String channel(Channel c) {
        return c == null ? "All channels" : switch (c) {
            case VOICE -> "Voice";
            case SMS -> "SMS";
            case EMAIL -> "Email";
        };
    }

    public static String role(Role r) {
        return r.name().charAt(0) + r.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Adds suppressions, asks for removals, exports: every role but a supervisor's (as the service decides). */
    static boolean mayChange(Role r) {
        return r != null && r != Role.SUPERVISOR;
    }

    /** Approves or rejects removals and imports files: compliance and admin. */
    static boolean mayDecide(Role r) {
        return r == Role.COMPLIANCE || r == Role.ADMIN;
    }
}
