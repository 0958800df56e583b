package dev.switchboard.app.console.common;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.user.Role;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;

/**
 * Who is signed in to the console: the profile every screen acts as. Screens show only what its role may do (the
 * services refuse the rest anyway). Changed on the FX thread only (sign-in, switch user, sign-out).
 */
public final class Session {
    private final ReadOnlyObjectWrapper<Actor> actor = new ReadOnlyObjectWrapper<>(this, "actor");

    public Session() {
    }

    public Session(Actor signedIn) {
        actor.set(signedIn);
    }

    public ReadOnlyObjectProperty<Actor> actorProperty() {
        return actor.getReadOnlyProperty();
    }

    /** The signed-in profile, if any. */
    public Optional<Actor> actor() {
        return Optional.ofNullable(actor.get());
    }

    /** The signed-in profile; throws when nobody is signed in (screens are not shown then). */
    public Actor require() {
        Actor a = actor.get();
        if (a == null) {
            throw new IllegalStateException("Nobody is signed in.");
        }
        return a;
    }

    public Optional<Role> role() {
        return actor().map(a -> a.profile().role());
    }

    public void signIn(Actor who) {
        actor.set(who);
    }

    public void signOut() {
        actor.set(null);
    }
}
