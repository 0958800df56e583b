package dev.switchboard.engine.users;

import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.UserRepository;

import java.time.Clock;

/**
 * A fresh in-memory store with its audit log, the profile service (a fast KDF for tests) and an admin "ada":
 * the setup every service test of the role rules starts from.
 */
public final class ProfileStore implements AutoCloseable {
    public final Store store = Store.inMemory();
    public final AuditLogRepository log = new AuditLogRepository(store);
    public final UserService users = new UserService(new UserRepository(store), log, new PasswordHasher(1_000),
            Clock.systemUTC());
    public final Actor admin;

    public ProfileStore() throws PermissionDeniedException {
        users.add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        admin = users.authenticate("ada", "admin-pass-1".toCharArray());
    }

    /** Adds a profile (as the admin) and returns it authenticated. */
    public Actor profile(String name, Role role) throws PermissionDeniedException {
        users.add(admin, name, role, (name + "-password").toCharArray());
        return users.authenticate(name, (name + "-password").toCharArray());
    }

    @Override
    public void close() {
        store.close();
    }
}
