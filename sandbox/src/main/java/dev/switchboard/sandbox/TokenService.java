package dev.switchboard.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The org's one OAuth client (client-credentials grant) and the access tokens issued to it. */
final class TokenService {

    /** An issued access token. */
    record Token(String value, String clientId, Instant issued, Instant expires) {
    }

    private final String clientId;
    private final String clientSecret;
    private final VirtualClock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    TokenService(long seed, VirtualClock clock, Duration lifetime) {
        // credentials derive from the seed so that a restarted sandbox keeps them, like a real org's client
        SandboxCredentials credentials = SandboxCredentials.forSeed(seed);
        this.clientId = credentials.clientId();
        this.clientSecret = credentials.clientSecret();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    Duration lifetime() {
        return lifetime;
    }

    boolean checkCredentials(String id, String secret) {
        return id != null && secret != null
                && MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), clientId.getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    Token issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.now();
        Token t = new Token(value, clientId, now, now.plus(lifetime));
        tokens.put(value, t);
        return t;
    }

    /** The live token with this value, or null when unknown, revoked or expired. */
    Token find(String value) {
        Token t = tokens.get(value);
        if (t == null) {
            return null;
        }
        if (!clock.now().isBefore(t.expires())) {
            tokens.remove(value);
            return null;
        }
        return t;
    }

    void revoke(String value) {
        tokens.remove(value);
    }

    void revokeAll() {
        tokens.clear();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
