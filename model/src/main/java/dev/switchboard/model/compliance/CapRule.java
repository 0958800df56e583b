package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rolling-window frequency cap, legal or product.
 *
 * @param states   the states whose contacts it applies to (any candidate state); empty means everyone
 * @param channels the channels whose attempts count and which it gates
 * @param purposes the campaign purposes it applies to
 * @param weights  per-channel weight of an attempt; a channel not listed weighs 1
 * @param legal    true for a law, false for a product limit (life-safety bypasses only product limits)
 */
public record CapRule(String id, Scope scope, Set<String> states, Set<dev.switchboard.model.contact.Channel> channels,
                      Set<Purpose> purposes, Duration window, int max, Map<Channel, Integer> weights, boolean legal,
                      String citation) {
    public enum Scope { PERSON_SUBJECT, PERSON, DEBT }

    public CapRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        states = Set.copyOf(states);
        channels = Set.copyOf(channels);
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(window, "window");
        weights = Map.copyOf(weights);
        Objects.requireNonNull(citation, "citation");
        if (max <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("cap " + id + ": max and window must be positive");
        }
    }

    public int weight(Channel channel) {
        Integer w = weights.get(channel);
        return w == null ? 1 : w;
    }
}
