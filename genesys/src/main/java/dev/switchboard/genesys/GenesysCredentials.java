package dev.switchboard.genesys;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * OAuth client credentials. The secret is copied, never printed ({@link #toString()} shows only the client id)
 * and can be wiped with {@link #destroy()}. Immutable apart from {@code destroy}; thread-safe.
 */
public final class GenesysCredentials {

    private final String clientId;
    private final char[] secret;

    public GenesysCredentials(String clientId, char[] secret) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secret = Objects.requireNonNull(secret, "secret").clone();
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is blank");
        }
    }

    public GenesysCredentials(String clientId, String secret) {
        this(clientId, Objects.requireNonNull(secret, "secret").toCharArray());
    }

    public String clientId() {
        return clientId;
    }

    /** The HTTP Basic header value for the token request. Never log it. */
    String basicAuthorization() {
        synchronized (secret) {
            CharBuffer joined = CharBuffer.allocate(clientId.length() + 1 + secret.length);
            joined.put(clientId).put(':').put(secret).flip();
            var bytes = StandardCharsets.UTF_8.encode(joined);
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            Arrays.fill(joined.array(), '\0');
            String header = "Basic " + Base64.getEncoder().encodeToString(raw);
            Arrays.fill(raw, (byte) 0);
            return header;
        }
    }

    /** Overwrites the secret in memory; later token requests will be rejected. */
    public void destroy() {
        synchronized (secret) {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GenesysCredentials other)) {
            return false;
        }
        synchronized (secret) {
            return clientId.equals(other.clientId) && Arrays.equals(secret, other.secret);
        }
    }

    @Override
    public int hashCode() {
        return clientId.hashCode();
    }

    @Override
    public String toString() {
        return "GenesysCredentials[clientId=" + clientId + ", secret=****]";
    }
}
