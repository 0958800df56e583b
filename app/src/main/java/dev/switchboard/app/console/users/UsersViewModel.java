package dev.switchboard.app.console.users;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Users screen (admins): the profiles, Create profile, Change role and Reset password. Others see a notice
 * instead; the service refuses them anyway. Passwords come in as arrays, are checked, handed over and wiped.
 */
public final class UsersViewModel {
    private final UsersBackend backend;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Session session;
    private final ObservableList<UserService.Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<UserService.Account> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper admin = new ReadOnlyBooleanWrapper(this, "admin");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome");
    private final ReadOnlyBooleanWrapper outcomeOk = new ReadOnlyBooleanWrapper(this, "outcomeOk", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public UsersViewModel(UsersBackend backend, TaskRunner tasks, DialogService dialogs, Session session) {
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.session = session;
        session.actorProperty().subscribe(a -> {
            boolean isAdmin = a != null && a.profile().role().mayManageProfiles();
            admin.set(isAdmin);
            notice.set(isAdmin ? null : a == null ? "Sign in as an admin to manage profiles."
                    : "Only an admin manages profiles. You are signed in as " + a.name() + " ("
                    + role(a.profile().role()) + "): ask an admin to create a profile, change a role or reset a"
                    + " password.");
            if (isAdmin) {
                refresh();
            } else {
                accounts.clear();
            }
        });
    }

    /** Reads the profiles (admins only: others see the notice). */
    public void refresh() {
        if (!admin.get()) {
            return;
        }
        tasks.task(backend::accounts)
                .onSuccess(list -> {
                    String keep = selected.get() == null ? null : selected.get().profile().name();
                    accounts.setAll(list);
                    selected.set(list.stream().filter(a -> a.profile().name().equals(keep)).findFirst()
                            .orElse(null));
                })
                .onFailure(e -> say(false, "The profiles could not be read: " + message(e)))
                .start();
    }

    /** A fresh Create profile or Reset password form. */
    public ProfileForm newForm() {
        return new ProfileForm();
    }

    /**
     * Creates the profile {@code form} describes; {@code done} runs on the UI thread once it exists. Both arrays are
     * wiped.
     */
    public void create(ProfileForm form, char[] password, char[] repeat, Runnable done) {
        try {
            List<String> taken = accounts.stream().map(a -> a.profile().name()).toList();
            if (!form.validateNew(taken, password, repeat)) {
                return;
            }
            Actor by = session.require();
            String name = form.nameProperty().get().strip();
            Role role = form.roleProperty().get();
            char[] handed = password.clone();
            busy.set(true);
            tasks.task(() -> backend.create(by, name, role, handed))
                    .onSuccess(p -> {
                        say(true, "Profile " + p.name() + " created (" + role(p.role()) + "). Give them the password"
                                + " in person; they sign in with it.");
                        done.run();
                        refresh();
                    })
                    .onFailure(e -> {
                        Arrays.fill(handed, '\0');
                        if (e instanceof IllegalArgumentException && message(e).contains("password")) {
                            form.passwordRefused(message(e));
                        } else if (e instanceof IllegalArgumentException) {
                            form.nameRefused(message(e));
                        } else {
                            dialogs.showError("Profile not created", message(e));
                        }
                    })
                    .andFinally(() -> busy.set(false))
                    .start();
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(repeat, '\0');
        }
    }

    /** Gives the selected profile {@code role}; the last admin keeps being one (the service says so). */
    public void changeRole(UserService.Account account, Role role) {
        if (account == null || role == null || role == account.profile().role()) {
            return;
        }
        Actor by = session.require();
        busy.set(true);
        tasks.task(() -> backend.assignRole(by, account.profile().name(), role))
                .onSuccess(p -> {
                    say(true, p.name() + " is now " + article(p.role()) + " " + role(p.role()) + ".");
                    if (p.name().equals(by.name())) {
                        // the signed-in profile's own role changed: the screens follow at once
                        session.signIn(new Actor(p, by.osLogin()));
                    }
                    refresh();
                })
                .onFailure(e -> dialogs.showError("Role not changed", message(e)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /**
     * Sets a new password for {@code account}; {@code done} runs once it is set. Returns false when a field is wrong
     * (its message is on {@code form}). Both arrays are wiped.
     */
    public boolean resetPassword(UserService.Account account, ProfileForm form, char[] password, char[] repeat,
                                 Runnable done) {
        try {
            if (!form.validatePasswords(password, repeat)) {
                return false;
            }
            Actor by = session.require();
            String name = account.profile().name();
            char[] handed = password.clone();
            busy.set(true);
            tasks.task(() -> {
                        backend.resetPassword(by, name, handed);
                        return name;
                    })
                    .onSuccess(n -> {
                        say(true, "New password set for " + n + ". Their old password no longer works.");
                        done.run();
                    })
                    .onFailure(e -> {
                        Arrays.fill(handed, '\0');
                        dialogs.showError("Password not reset", message(e));
                    })
                    .andFinally(() -> busy.set(false))
                    .start();
            return true;
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(repeat, '\0');
        }
    }

    private void say(boolean ok, String text) {
        outcomeOk.set(ok);
        outcome.set(text);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "operator", "compliance" … */
    public static String role(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    private static String article(Role r) {
        return r == Role.OPERATOR || r == Role.ADMIN ? "an" : "a";
    }

    /** What a role may do, for the role choice. */
    public static String describe(Role r) {
        return switch (r) {
            case OPERATOR -> "loads lists; launches, pauses and stops campaigns";
            case SUPERVISOR -> "designs and publishes sequences";
            case COMPLIANCE -> "writes and approves templates; manages suppressions";
            case ADMIN -> "manages profiles and settings; may do everything, never approve its own work";
        };
    }

    public ObservableList<UserService.Account> accounts() {
        return accounts;
    }

    public ObjectProperty<UserService.Account> selectedProperty() {
        return selected;
    }

    /** The signed-in profile is an admin: the screen shows the profiles and their actions. */
    public ReadOnlyBooleanProperty adminProperty() {
        return admin.getReadOnlyProperty();
    }

    /** What a non-admin sees instead of the profiles; null for admins. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeOkProperty() {
        return outcomeOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
