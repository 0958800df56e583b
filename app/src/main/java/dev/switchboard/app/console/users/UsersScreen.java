package dev.switchboard.app.console.users;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.Workspace;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Builds the Users screen and the sign-in window over an open workspace: the shell's entry points here. */
public final class UsersScreen {
    private UsersScreen() {
    }

    /** The Users (admin) screen, acting as {@code session}'s profile; it follows sign-ins and switches. FX thread. */
    public static UsersView create(Workspace workspace, TaskRunner tasks, DialogService dialogs, Session session) {
        return new UsersView(new UsersViewModel(new WorkspaceUsers(workspace), tasks, dialogs, session));
    }

    /**
     * The sign-in at start, once the store is open: on success {@code session} holds the profile; Quit (or closing
     * the window) runs {@code quit}. FX thread; returns at once (the window is modal, not blocking).
     */
    public static Stage signIn(Window owner, Workspace workspace, TaskRunner tasks, Session session,
                               Runnable quit) {
        return SignInDialog.open(owner, new SignInViewModel(new WorkspaceUsers(workspace), tasks, session, false),
                quit);
    }

    /** "Switch user": another profile signs in; Cancel keeps the one signed in now. FX thread. */
    public static Stage switchUser(Window owner, Workspace workspace, TaskRunner tasks, Session session) {
        return SignInDialog.open(owner, new SignInViewModel(new WorkspaceUsers(workspace), tasks, session, true),
                () -> { });
    }
}
