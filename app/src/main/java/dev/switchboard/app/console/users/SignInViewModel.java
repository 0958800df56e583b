package dev.switchboard.app.console.users;

import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;

/**
 * Signing in to the console: pick a local profile (or type its name), give its password; on success the session's
 * profile is the one every screen acts as. Used at start and for "Switch user" (then cancelling keeps who was signed
 * in). The password comes in as an array and is wiped.
 */
public final class SignInViewModel {
    private final UsersBackend backend;
    private final TaskRunner tasks;
    private final Session session;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Actor> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final boolean switching;

    /** @param switching "Switch user": the current profile stays signed in until another one signs in */
    public SignInViewModel(UsersBackend backend, TaskRunner tasks, Session session, boolean switching) {
        this.backend = backend;
        this.tasks = tasks;
        this.session = session;
        this.switching = switching;
        name.addListener((o, was, now) -> nameError.set(null));
    }

    /** Reads the profiles one may sign in as; suggests the only one, or the one signed in now. */
    public void load() {
        tasks.task(backend::signInNames)
                .onSuccess(list -> {
                    names.setAll(list);
                    if (name.get() == null || name.get().isBlank()) {
                        String current = session.actor().map(Actor::name).orElse(null);
                        if (list.size() == 1) {
                            name.set(list.getFirst());
                        } else if (current != null && list.contains(current) && !switching) {
                            name.set(current);
                        }
                    }
                    if (list.isEmpty()) {
                        problem.set("This store has no profile one can sign in with: create the first admin with"
                                + " 'switchboard user add NAME --role admin'.");
                    }
                })
                .onFailure(e -> problem.set("The profiles could not be read: " + UsersViewModel.message(e)))
                .start();
    }

    /** Checks the password of the chosen profile on a worker; on success the session is that profile's. Wipes it. */
    public void signIn(char[] password) {
        String n = name.get() == null ? "" : name.get().strip();
        nameError.set(n.isEmpty() ? "Profile: choose your profile or type its name" : null);
        passwordError.set(password.length == 0 ? "Password: enter your profile's password" : null);
        if (nameError.get() != null || passwordError.get() != null || busy.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        char[] handed = password.clone();
        Arrays.fill(password, '\0');
        problem.set(null);
        busy.set(true);
        tasks.task(() -> backend.authenticate(n, handed))
                .onSuccess(actor -> {
                    session.signIn(actor);
                    signedIn.set(actor);
                })
                .onFailure(e -> {
                    Arrays.fill(handed, '\0');
                    if (e instanceof PermissionDeniedException) {
                        passwordError.set("Wrong password for '" + n + "', or no such profile: try again (names"
                                + " and passwords are case-sensitive).");
                    } else {
                        problem.set("Sign-in failed: " + UsersViewModel.message(e));
                    }
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** When switching: "ada (admin)", the profile signed in now; else null. */
    public String current() {
        return switching ? session.actor().map(a -> a.name() + " (" + UsersViewModel.role(a.profile().role()) + ")")
                .orElse(null) : null;
    }

    /** "Switch user" rather than the first sign-in. */
    public boolean switching() {
        return switching;
    }

    public ObservableList<String> names() {
        return names;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    /** A problem not about a field (the store cannot be read). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The profile that signed in through this view model, once it did. */
    public ReadOnlyObjectProperty<Actor> signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }
}
