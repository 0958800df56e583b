package dev.switchboard.app.cli;

import java.io.BufferedReader;
import java.io.StringReader;
import java.lang.reflect.Field;

/**
 * Gives in-process commands their passwords the way a script piping them on standard input would: {@link Passwords}
 * reads the first line for {@code --as}, the next for a new profile. Its reader is replaced before each command, so
 * nothing left over from one command reaches the next. (Forked test JVMs have no console, and surefire owns the real
 * standard input.)
 */
final class PasswordFeed {
    private PasswordFeed() {
    }

    static synchronized void lines(String... lines) {
        if (System.console() != null) {
            throw new IllegalStateException("a console is attached: Passwords would prompt instead of reading stdin");
        }
        if (System.getenv(Passwords.ACTOR_ENV) != null || System.getenv(Passwords.NEW_ENV) != null) {
            throw new IllegalStateException("$" + Passwords.ACTOR_ENV + " or $" + Passwords.NEW_ENV
                    + " is set: the fed passwords would be ignored");
        }
        try {
            Field stdin = Passwords.class.getDeclaredField("stdin");
            stdin.setAccessible(true);
            stdin.set(null, new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Passwords keeps its standard input reader in a field named stdin", e);
        }
    }
}
