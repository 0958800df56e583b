package dev.switchboard.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Passwords reach commands from an environment variable or standard input, never from a flag (flags end up in
 * shell history and process lists). {@code --as NAME} reads {@value #ACTOR_ENV}, else the first line of standard
 * input; a new profile's password reads {@value #NEW_ENV}, else the next line.
 */
final class Passwords {
    static final String ACTOR_ENV = "SWITCHBOARD_PASSWORD";
    static final String NEW_ENV = "SWITCHBOARD_NEW_PASSWORD";
    private static BufferedReader stdin;

    private Passwords() {
    }

    static char[] actor() {
        return read(ACTOR_ENV);
    }

    static char[] newProfile() {
        return read(NEW_ENV);
    }

    /** Passwords a forwarded command line brought with it (the engine runs it; no terminal to ask). */
    static final ThreadLocal<java.util.Map<String, String>> FORWARDED = new ThreadLocal<>();

    private static synchronized char[] read(String env) {
        java.util.Map<String, String> forwarded = FORWARDED.get();
        if (forwarded != null) {
            String v = forwarded.get(env);
            return v == null ? new char[0] : v.toCharArray();
        }
        String value = System.getenv(env);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword(env.equals(ACTOR_ENV) ? "Password: " : "New password: ");
            return typed == null ? new char[0] : typed;
        }
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
