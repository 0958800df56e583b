package dev.switchboard.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The sandbox org's one OAuth client. Derived from the world seed, so a restarted sandbox keeps it (like a real
 * org's client) and a command can reach a running sandbox knowing only its port and seed. These are simulator
 * credentials: they open nothing but the sandbox.
 */
public record SandboxCredentials(String clientId, String clientSecret) {

    public static SandboxCredentials forSeed(long seed) {
        String h = HexFormat.of().formatHex(sha256("switchboard-sandbox-client:" + seed));
        String id = h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a"
                + h.substring(17, 20) + "-" + h.substring(20, 32);
        String secret = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256("switchboard-sandbox-secret:" + seed)).substring(0, 43);
        return new SandboxCredentials(id, secret);
    }

    @Override
    public String toString() {
        return "SandboxCredentials[" + clientId + "]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
