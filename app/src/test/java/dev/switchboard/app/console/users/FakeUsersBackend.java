package dev.switchboard.app.console.users;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Profiles in memory with plain-text passwords (a test double only), and the calls it got. */
public final class FakeUsersBackend implements UsersBackend {
    final Map<String, UserService.Account> accounts = new LinkedHashMap<>();
    final Map<String, String> passwords = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<char[]> handed = new ArrayList<>();

    public static FakeUsersBackend demo() {
        FakeUsersBackend b = new FakeUsersBackend();
        b.put("ada", Role.ADMIN, "admin-pass-1", false);
        b.put("carla", Role.COMPLIANCE, "carla-pass-1", false);
        b.put("olga", Role.OPERATOR, "olga-pass-1", false);
        b.put("sam", Role.SUPERVISOR, "sam-pass-1", false);
        b.put("switchboard-demo", Role.COMPLIANCE, null, true);
        return b;
    }

    void put(String name, Role role, String password, boolean system) {
        accounts.put(name, new UserService.Account(new UserProfile(accounts.size() + 1, name, role,
                Instant.parse("2026-11-0" + (accounts.size() + 1) + "T09:30:00Z")), system));
        if (password != null) {
            passwords.put(name, password);
        }
    }

    Actor actor(String name) {
        return new Actor(accounts.get(name).profile(), name);
    }

    @Override
    public List<UserService.Account> accounts() {
        return accounts.values().stream().sorted(Comparator.comparing(a -> a.profile().name())).toList();
    }

    @Override
    public List<String> signInNames() {
        return accounts().stream().filter(a -> !a.system()).map(a -> a.profile().name()).toList();
    }

    @Override
    public Actor authenticate(String name, char[] password) throws PermissionDeniedException {
        handed.add(password);
        calls.add("authenticate " + name);
        String p = passwords.get(name);
        boolean ok = p != null && p.equals(new String(password));
        java.util.Arrays.fill(password, '\0');
        if (!ok) {
            throw new PermissionDeniedException("Unknown profile or wrong password for '" + name + "'.");
        }
        return actor(name);
    }

    @Override
    public UserProfile create(Actor by, String name, Role role, char[] password) throws PermissionDeniedException {
        handed.add(password);
        calls.add("create " + name + " " + role + " by " + by.name());
        if (by.profile().role() != Role.ADMIN) {
            throw new PermissionDeniedException("Only an admin may add profiles");
        }
        put(name, role, new String(password), false);
        java.util.Arrays.fill(password, '\0');
        return accounts.get(name).profile();
    }

    @Override
    public UserProfile assignRole(Actor by, String name, Role role) throws PermissionDeniedException {
        calls.add("role " + name + " " + role + " by " + by.name());
        if (by.profile().role() != Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " may not change roles: that takes an admin profile.");
        }
        UserService.Account a = accounts.get(name);
        if (a.profile().role() == Role.ADMIN && accounts.values().stream()
                .filter(x -> x.profile().role() == Role.ADMIN).count() == 1) {
            throw new IllegalArgumentException("'" + name + "' is the last admin");
        }
        UserProfile p = new UserProfile(a.profile().id(), name, role, a.profile().createdAt());
        accounts.put(name, new UserService.Account(p, a.system()));
        return p;
    }

    @Override
    public void resetPassword(Actor by, String name, char[] password) {
        handed.add(password);
        calls.add("reset " + name + " by " + by.name());
        passwords.put(name, new String(password));
        java.util.Arrays.fill(password, '\0');
    }
}
