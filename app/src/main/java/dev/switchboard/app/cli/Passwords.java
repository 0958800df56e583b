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

    /** The Genesys client secret: {@value SendTestCommand#SECRET_ENV}, else typed, else the next line of stdin. */
    static char[] clientSecret() {
        char[] raw = read(SendTestCommand.SECRET_ENV);
        char[] stripped = new String(raw).strip().toCharArray();
        java.util.Arrays.fill(raw, '\0');
        return stripped;
    }

    /**
     * The vault passphrase when {@value dev.switchboard.engine.secrets.Vaults#PASSPHRASE_ENV} is not set: typed at a
     * terminal, else the next line of standard input (null when there is none).
     */
    static synchronized char[] vaultPassphrase() {
        if (System.console() != null) {
            return System.console().readPassword("Vault passphrase: ");
        }
        try {
            String line = stdin().readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new vault passphrase, typed twice at a terminal; else from the environment or the next line of stdin. */
    static synchronized char[] newVaultPassphrase() {
        String env = System.getenv(dev.switchboard.engine.secrets.Vaults.PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (System.console() != null) {
            char[] a = System.console().readPassword("New vault passphrase (at least 8 characters): ");
            char[] b = System.console().readPassword("Again: ");
            if (a == null || !java.util.Arrays.equals(a, b)) {
                throw new IllegalArgumentException("The two passphrases differ.");
            }
            return a;
        }
        return vaultPassphrase();
    }

    private static BufferedReader stdin() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return stdin;
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
            char[] typed = System.console().readPassword(env.equals(ACTOR_ENV) ? "Password: "
                    : env.equals(NEW_ENV) ? "New password: " : "Client secret: ");
            return typed == null ? new char[0] : typed;
        }
        try {
            String line = stdin().readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
