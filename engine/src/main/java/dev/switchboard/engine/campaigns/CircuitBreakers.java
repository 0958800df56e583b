package dev.switchboard.engine.campaigns;

import dev.switchboard.model.breaker.BreakerPolicy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-campaign counts for the circuit breakers ({@link BreakerPolicy}): API trouble is counted in real time (the
 * API's budget and health run on the wall clock, whatever the engine clock's speed), sends and opt-outs in engine
 * time (people answer on the engine's clock). A trip pauses the campaign with the reason; resuming it needs an
 * acknowledgement ({@link CampaignService#resume}).
 */
final class CircuitBreakers {
    /** The state reason of a campaign a breaker paused; a resume must acknowledge it. */
    static final String PREFIX = CampaignService.BREAKER_PREFIX;

    enum Kind { RATE_LIMITED, CALL_OK, CALL_ERROR, SEND, OPT_OUT }

    private final BreakerPolicy policy;
    private final Map<Long, Map<Kind, Deque<Instant>>> events = new ConcurrentHashMap<>();

    CircuitBreakers(BreakerPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records one event; returns the trip reason when this event trips the campaign's breaker.
     *
     * @param engineNow the engine clock (sends, opt-outs); API events use the wall clock
     */
    Optional<String> record(long campaignId, Kind kind, Instant engineNow) {
        Instant at = kind == Kind.SEND || kind == Kind.OPT_OUT ? engineNow : Instant.now();
        Map<Kind, Deque<Instant>> m = events.computeIfAbsent(campaignId, k -> new EnumMap<>(Kind.class));
        synchronized (m) {
            m.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(at);
            Instant wall = Instant.now();
            BreakerPolicy.Counts c = new BreakerPolicy.Counts(
                    count(m, Kind.RATE_LIMITED, wall.minus(policy.rateLimitedWindow())),
                    count(m, Kind.CALL_OK, wall.minus(policy.errorWindow()))
                            + count(m, Kind.CALL_ERROR, wall.minus(policy.errorWindow())),
                    count(m, Kind.CALL_ERROR, wall.minus(policy.errorWindow())),
                    count(m, Kind.SEND, engineNow.minus(policy.optOutWindow())),
                    count(m, Kind.OPT_OUT, engineNow.minus(policy.optOutWindow())));
            Optional<String> trip = policy.trip(c);
            if (trip.isPresent()) {
                m.clear(); // a resumed campaign starts counting afresh
            }
            return trip;
        }
    }

    private static int count(Map<Kind, Deque<Instant>> m, Kind kind, Instant from) {
        Deque<Instant> d = m.get(kind);
        if (d == null) {
            return 0;
        }
        while (!d.isEmpty() && d.peekFirst().isBefore(from)) {
            d.pollFirst();
        }
        return d.size();
    }
}
