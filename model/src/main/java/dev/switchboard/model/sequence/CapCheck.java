package dev.switchboard.model.sequence;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.util.Optional;

/**
 * The pressure caps as the planner sees them: given a person, a channel and the instant a touch would go, empty
 * if it may go then, else the instant the cap frees it. {@link Instant#MAX} means never: the enrollment exits.
 */
@FunctionalInterface
public interface CapCheck {
    CapCheck NONE = (person, channel, at) -> Optional.empty();

    Optional<Instant> deferUntil(String personId, Channel channel, Instant at);
}
