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
            UserProfile p = users.create(name, role, SYSTEM_HASH, "switchboard", clock.instant());
            audit.append("switchboard", Actor.currentOsLogin(), "profile.add", "profile " + name,
                    "role=" + role + " (system profile, cannot log in)", clock.instant());
            return p;
        });
    }

    public List<UserProfile> all() {
        return users.all();
    }

    /** The hash a system profile stores: nothing matches it ({@link #systemProfile}). */
    private static final String SYSTEM_HASH = "!system-profile";

    /** A profile as the admin screen lists it; a system profile acts for Switchboard and cannot sign in. */
    public record Account(UserProfile profile, boolean system) {
    }

    /** Every profile, by name, with whether it is a system profile. */
    public List<Account> accounts() {
        return users.allStored().stream().map(s -> new Account(s.profile(), SYSTEM_HASH.equals(s.passwordHash())))
                .toList();
    }

    /** The names of the profiles a person can sign in as (system profiles left out), by name. */
    public List<String> signInNames() {
        return accounts().stream().filter(a -> !a.system()).map(a -> a.profile().name()).toList();
    }

    /**
     * Gives profile {@code name} another role (an admin only; audited). The last admin is never demoted, and a
     * system profile keeps its role. Returns the profile as it is now.
     */
    public synchronized UserProfile assignRole(Actor by, String name, Role role) throws PermissionDeniedException {
        requireAdmin(by, "change roles");
        Account a = account(name);
        if (a.system()) {
            throw new IllegalArgumentException("'" + name + "' is a system profile (it acts for Switchboard): its"
                    + " role does not change.");
        }
        Role was = a.profile().role();
        if (was == role) {
            return a.profile();
        }
        if (was == Role.ADMIN && accounts().stream().filter(x -> !x.system() && x.profile().role() == Role.ADMIN)
                .count() <= 1) {
            throw new IllegalArgumentException("'" + name + "' is the last admin: make another profile an admin"
                    + " first, or nobody could manage profiles.");
        }
        users.setRole(a.profile().name(), role);
        audit.append(by.name(), by.osLogin(), "profile.role", "profile " + a.profile().name(), "role " + was + " -> "
                + role, clock.instant());
        return new UserProfile(a.profile().id(), a.profile().name(), role, a.profile().createdAt());
    }

    /**
     * Sets a new password for profile {@code name} (an admin only; audited, the password never). The array is
     * wiped.
     */
    public void resetPassword(Actor by, String name, char[] password) throws PermissionDeniedException {
        try {
            requireAdmin(by, "reset passwords");
            if (password.length < 8) {
                throw new IllegalArgumentException("A password needs at least 8 characters.");
            }
            Account a = account(name);
            if (a.system()) {
                throw new IllegalArgumentException("'" + name + "' is a system profile (it acts for Switchboard)"
                        + " and cannot sign in: it has no password to reset.");
            }
            users.setPasswordHash(a.profile().name(), hasher.hash(password));
            audit.append(by.name(), by.osLogin(), "profile.password-reset", "profile " + a.profile().name(),
                    by.name().equals(a.profile().name()) ? "own password changed" : "password reset by an admin",
                    clock.instant());
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    private Account account(String name) {
        String n = name == null ? "" : name.strip();
        return accounts().stream().filter(a -> a.profile().name().equals(n)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("No profile named '" + n + "'."));
    }

    /** Checks the role the profile has now in the store (it may have changed since it signed in). */
    private void requireAdmin(Actor by, String what) throws PermissionDeniedException {
        Role now = by == null ? null : users.byName(by.name()).map(s -> s.profile().role()).orElse(null);
        if (now == null || !now.mayManageProfiles()) {
            throw new PermissionDeniedException((by == null ? "Nobody" : by.name() + " (" + (now == null
                    ? "no longer a profile" : now) + ")") + " may not " + what + ": that takes an admin profile.");
        }
    }
}
