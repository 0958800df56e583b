package dev.switchboard.app.console.users;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;

import java.util.List;

/**
 * What the Users screen and the sign-in need of the store's profiles. Every method blocks (the store; a password
 * check takes a slow KDF's time): call it on a worker. Password arrays are wiped by the backend.
 */
public interface UsersBackend {

    /** Every profile, by name, system profiles marked. */
    List<UserService.Account> accounts();

    /** The profiles a person may sign in as, by name. */
    List<String> signInNames();

    /** The profile, if the password matches. */
    Actor authenticate(String name, char[] password) throws PermissionDeniedException;

    UserProfile create(Actor by, String name, Role role, char[] password) throws PermissionDeniedException;

    UserProfile assignRole(Actor by, String name, Role role) throws PermissionDeniedException;

    void resetPassword(Actor by, String name, char[] password) throws PermissionDeniedException;
}
