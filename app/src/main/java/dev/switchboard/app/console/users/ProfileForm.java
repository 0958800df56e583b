package dev.switchboard.app.console.users;

import dev.switchboard.model.user.Role;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Collection;

/**
 * The Create profile form (name, role, password twice) and the Reset password form (password twice), each field with
 * its own message naming it. Passwords never live in a property: the view hands them over as arrays for one check.
 */
public final class ProfileForm {
    static final int MIN_PASSWORD = 8;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.OPERATOR);
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper roleError = new ReadOnlyStringWrapper(this, "roleError");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError");

    /** Checks a new profile's fields against the names taken; true when all are valid. Wipes nothing. */
    boolean validateNew(Collection<String> taken, char[] password, char[] repeat) {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            nameError.set("Name: give the profile a name (2 to 100 letters, digits, '.', '_' or '-')");
        } else if (!n.matches("[A-Za-z0-9._-]{2,100}")) {
            nameError.set("Name: 2 to 100 letters, digits, '.', '_' or '-' (no spaces)");
        } else if (taken.contains(n)) {
            nameError.set("Name: a profile named '" + n + "' exists already");
        } else {
            nameError.set(null);
        }
        roleError.set(role.get() == null ? "Role: choose what the profile may do" : null);
        boolean passwords = validatePasswords(password, repeat);
        return nameError.get() == null && roleError.get() == null && passwords;
    }

    /** Checks a password and its repetition; true when both are fine. */
    boolean validatePasswords(char[] password, char[] repeat) {
        passwordError.set(password.length < MIN_PASSWORD ? "Password: at least " + MIN_PASSWORD + " characters"
                : null);
        repeatError.set(passwordError.get() == null && !java.util.Arrays.equals(password, repeat)
                ? "Repeat password: does not match the password" : null);
        return passwordError.get() == null && repeatError.get() == null;
    }

    /** The service refused the name (e.g. taken meanwhile). */
    void nameRefused(String message) {
        nameError.set("Name: " + message);
    }

    /** The service refused the password. */
    void passwordRefused(String message) {
        passwordError.set("Password: " + message);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleErrorProperty() {
        return roleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }
}
