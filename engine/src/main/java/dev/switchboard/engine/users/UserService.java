package dev.switchboard.engine.users;

import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.UserRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Local profiles: creating them (the first is an admin; later ones need an admin) and authenticating them. */
public final class UserService {
    private final UserRepository users;
    private final AuditLogRepository audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, AuditLogRepository audit, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates a profile. The very first profile must be an admin and needs no actor; after that only an admin may
     * create profiles. The password array is wiped.
     */
    public UserProfile add(Actor by, String name, Role role, char[] password) throws PermissionDeniedException {
        try {
            String n = name == null ? "" : name.strip();
            if (!n.matches("[A-Za-z0-9._-]{2,100}")) {
                throw new IllegalArgumentException("A profile name has 2 to 100 letters, digits, '.', '_' or '-'.");
            }
            if (password.length < 8) {
                throw new IllegalArgumentException("A password needs at least 8 characters.");
            }
            boolean first = !hasAdmin();
            if (first && role != Role.ADMIN) {
                throw new PermissionDeniedException("The first profile must be an admin (--role admin).");
            }
            if (!first && (by == null || !by.profile().role().mayManageProfiles())) {
                throw new PermissionDeniedException("Only an admin may add profiles; act as one with --as.");
            }
            if (users.byName(n).isPresent()) {
                throw new IllegalArgumentException("A profile named '" + n + "' exists already.");
            }
            String creator = by == null ? n : by.name();
            UserProfile p = users.create(n, role, hasher.hash(password), creator, clock.instant());
            audit.append(creator, Actor.currentOsLogin(), "profile.add", "profile " + n, "role=" + role,
                    clock.instant());
            return p;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /** The profile, if the password matches; the array is wiped. Same message for unknown name and bad password. */
    public Actor authenticate(String name, char[] password) throws PermissionDeniedException {
        try {
            Optional<UserRepository.Stored> stored = users.byName(name);
            if (stored.isEmpty() || !hasher.matches(password, stored.get().passwordHash())) {
                throw new PermissionDeniedException("Unknown profile or wrong password for '" + name + "'.");
            }
            return new Actor(stored.get().profile(), Actor.currentOsLogin());
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /** Whether any admin profile exists (until one does, the first profile added must be one). */
    public boolean hasAdmin() {
        return users.all().stream().anyMatch(p -> p.role() == Role.ADMIN);
    }

    /**
     * A profile that acts for Switchboard itself (e.g. the demo data's author and reviewer): created if missing, with
     * a password hash nothing matches, so it can never log in.
     */
    public UserProfile systemProfile(String name, Role role) {
        return users.byName(name).map(UserRepository.Stored::profile).orElseGet(() -> {
            UserProfile p = users.create(name, role, "!system-profile", "switchboard", clock.instant());
            audit.append("switchboard", Actor.currentOsLogin(), "profile.add", "profile " + name,
                    "role=" + role + " (system profile, cannot log in)", clock.instant());
            return p;
        });
    }

    public List<UserProfile> all() {
        return users.all();
    }
}
