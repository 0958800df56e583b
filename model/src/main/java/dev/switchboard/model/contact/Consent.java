package dev.switchboard.model.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * What a list says about a contact's consent for one channel.
 *
 * @param granted    true for consent given, false for consent refused or revoked
 * @param obtainedAt when it was given or revoked, if the list says
 * @param source     where the record came from, e.g. {@code import #3 column SMS_Consent}
 */
public record Consent(Channel channel, boolean granted, Instant obtainedAt, String source) {
    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
    }
}
