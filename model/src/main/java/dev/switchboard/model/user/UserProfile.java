package dev.switchboard.model.user;

import java.time.Instant;
import java.util.Objects;

/** A local profile: who acts, in which role. The password hash stays in persistence. */
public record UserProfile(long id, String name, Role role, Instant createdAt) {
    public UserProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
