package dev.switchboard.engine.users;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Passwords through PBKDF2-HMAC-SHA256 (the JDK's standard slow KDF) with a random 16-byte salt and 600,000
 * iterations (OWASP's figure for PBKDF2-SHA256). Stored as {@code pbkdf2-sha256$iterations$salt$hash}.
 */
public final class PasswordHasher {
    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    /**
     * Production's 600,000 iterations; a test run may lower them with {@code -Dswitchboard.users.test-iterations}
     * (as the vault's KDF with {@code switchboard.vault.test-iterations}): every profile made or checked in a test
     * otherwise costs a second of CPU. Stored hashes carry their own count, so either kind verifies.
     */
    public PasswordHasher() {
        this(Integer.getInteger("switchboard.users.test-iterations", ITERATIONS));
    }

    /** Fewer iterations: for tests only. */
    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    static void wipe(char[] password) {
        Arrays.fill(password, '\0');
    }
}
