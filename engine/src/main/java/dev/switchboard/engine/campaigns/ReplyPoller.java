package dev.switchboard.engine.campaigns;

import dev.switchboard.genesys.GenesysApiException;
import dev.switchboard.genesys.Messages;
import dev.switchboard.persistence.EngineRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling fallback for customers' replies. Replies normally arrive as notifications on the inbound queue's
 * topic; Genesys delivers nothing missed while no socket was connected (no replay), and an org may refuse the topic
 * over the WebSocket. While the topic is not live (rejected, the channel not open, the socket reconnecting; at every
 * engine start, since the engine may have been down), and for {@link #GRACE} after it is live again so that every
 * conversation is looked at once after the gap, the conversations of texts sent in the last {@link #HORIZON} (and
 * before replies were live again: later texts' replies come as notifications) are read ({@code GET /api/v2/conversations/messages/{id}}, a polling request the pacer serves after sends) with a
 * backoff from {@link #FIRST} to {@link #MAX_GAP} per conversation. Each customer message found is recorded under
 * the same key as its notification would be, so a reply seen both ways is processed once.
 *
 * <p>Later replies are still caught: Genesys opts a number out on its own keywords, so a later text fails with
 * RecipientOptedOut (an opt-out), and the DNC sync reads the org's lists.
 */
final class ReplyPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyPoller.class);

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MAX_GAP = Duration.ofMinutes(30);
    static final Duration HORIZON = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofHours(1);
    /** Conversations read per pass at most (the pacer spreads them over the credential's budget). */
    static final int PER_PASS = 25;
    /** How often (engine time) the store is asked for new conversations. */
    static final Duration RELOAD = Duration.ofMinutes(1);

    private record Next(String conversationId, Instant sentAt, Instant at, Duration gap) {
    }

    private final EngineContext ctx;
    private final Inbound inbound;
    private final Map<String, Next> schedule = new HashMap<>();
    private Instant liveSince;
    private Instant loadedAt;

    ReplyPoller(EngineContext ctx, Inbound inbound) {
        this.ctx = ctx;
        this.inbound = inbound;
    }

    /** Replies are live from {@code at} on (the engine subscribed before its first send). */
    synchronized void live(Instant at) {
        if (liveSince == null) {
            liveSince = at;
        }
    }

    /** Whether the poller reads conversations now. */
    private boolean active(Instant now) {
        return liveSince == null || now.isBefore(liveSince.plus(GRACE));
    }

    /**
     * One pass: {@code live} says whether the inbound queue's topic is being delivered right now. Returns how many
     * replies it recorded.
     */
    synchronized int pass(boolean live) {
        Instant now = ctx.now();
        if (!live) {
            liveSince = null;
        } else if (liveSince == null) {
            liveSince = now;
        }
        if (!active(now)) {
            schedule.clear();
            loadedAt = null;
            return 0;
        }
        if (loadedAt == null || !now.isBefore(loadedAt.plus(RELOAD))) {
            load(now);
        }
        List<Next> due = new ArrayList<>();
        for (Next n : schedule.values()) {
            if (!n.at().isAfter(now)) {
                due.add(n);
            }
        }
        due.sort((a, b) -> a.at().compareTo(b.at()));
        int recorded = 0;
        for (Next n : due.subList(0, Math.min(PER_PASS, due.size()))) {
            List<Messages.InboundRef> replies;
            try {
                replies = ctx.client().messaging().inboundMessages(n.conversationId());
            } catch (GenesysApiException e) {
                if (e.status() == 404) {
                    schedule.remove(n.conversationId());
                } else {
                    LOG.debug("conversation {} not read ({}); tried again next pass", n.conversationId(), e.status());
                }
                continue;
            } catch (RuntimeException e) {
                LOG.debug("conversation {} not read ({}); tried again next pass", n.conversationId(), e.toString());
                continue;
            }
            for (Messages.InboundRef r : replies) {
                Instant at = parse(r.timestamp());
                if (inbound.record("genesys:message:" + r.id(), "poll", "REPLY", null, null, r.fromAddress(),
                        n.conversationId() + "\n" + r.id(), at).isPresent()) {
                    recorded++;
                }
            }
            Duration gap = n.gap().multipliedBy(2).compareTo(MAX_GAP) > 0 ? MAX_GAP : n.gap().multipliedBy(2);
            Instant next = now.plus(gap);
            if (next.isAfter(n.sentAt().plus(HORIZON))) {
                schedule.remove(n.conversationId());
            } else {
                schedule.put(n.conversationId(), new Next(n.conversationId(), n.sentAt(), next, gap));
            }
        }
        return recorded;
    }

    private void load(Instant now) {
        loadedAt = now;
        Instant since = now.minus(HORIZON);
        schedule.values().removeIf(n -> n.sentAt().isBefore(since));
        for (EngineRepository.TextConversation t : ctx.repo().textConversationsSince(since, 200_000)) {
            if (liveSince != null && !t.createdAt().isBefore(liveSince)) {
                continue; // sent while replies were live: its replies come as notifications
            }
            schedule.putIfAbsent(t.conversationId(), new Next(t.conversationId(), t.createdAt(),
                    t.createdAt().plus(FIRST), FIRST));
        }
    }

    private static Instant parse(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
