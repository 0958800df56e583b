package dev.switchboard.app.console.users;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;

import java.util.List;

/** {@link UsersBackend} over the open workspace's profile service. */
public final class WorkspaceUsers implements UsersBackend {
    private final UserService users;

    public WorkspaceUsers(Workspace workspace) {
        this.users = workspace.users();
    }

    @Override
    public List<UserService.Account> accounts() {
        return users.accounts();
    }

    @Override
    public List<String> signInNames() {
        return users.signInNames();
    }

    @Override
    public Actor authenticate(String name, char[] password) throws PermissionDeniedException {
        return users.authenticate(name, password);
    }

    @Override
    public UserProfile create(Actor by, String name, Role role, char[] password) throws PermissionDeniedException {
        return users.add(by, name, role, password);
    }

    @Override
    public UserProfile assignRole(Actor by, String name, Role role) throws PermissionDeniedException {
        return users.assignRole(by, name, role);
    }

    @Override
    public void resetPassword(Actor by, String name, char[] password) throws PermissionDeniedException {
        users.resetPassword(by, name, password);
    }
}
