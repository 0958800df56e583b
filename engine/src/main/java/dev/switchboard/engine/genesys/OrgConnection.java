package dev.switchboard.engine.genesys;

import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.genesys.GenesysCredentials;
import dev.switchboard.genesys.GenesysEndpoint;
import dev.switchboard.genesys.GenesysRegion;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to reach a Genesys Cloud org: a region (or explicit API and login base URLs, as for the sandbox) and the
 * OAuth client credentials. The secret is held as characters, never shown by {@link #toString()}.
 */
public final class OrgConnection {
    private final URI apiBase;
    private final URI loginBase;
    private final String clientId;
    private final char[] secret;
    private volatile String inboundQueueId;
    private volatile java.util.function.UnaryOperator<GenesysClient.Builder> tuning = b -> b;

    private OrgConnection(URI apiBase, URI loginBase, String clientId, char[] secret) {
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.loginBase = Objects.requireNonNull(loginBase, "loginBase");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secret = secret.clone();
    }

    /** A region by its name (e.g. {@code us_east_1}); throws IllegalArgumentException naming the valid ones. */
    public static OrgConnection region(String region, String clientId, char[] secret) {
        GenesysRegion r = GenesysRegion.fromName(region);
        return new OrgConnection(r.apiBase(), r.loginBase(), clientId, secret);
    }

    public static OrgConnection urls(URI apiBase, URI loginBase, String clientId, char[] secret) {
        return new OrgConnection(apiBase, loginBase, clientId, secret);
    }

    public URI apiBase() {
        return apiBase;
    }

    /** A client for this org; the caller closes it. */
    public GenesysClient client() {
        return tuning.apply(GenesysClient.builder(GenesysEndpoint.of(apiBase, loginBase),
                new GenesysCredentials(clientId, secret))).build();
    }

    /**
     * Adjusts every client this connection builds (timeouts, backoff, sleeper): a test seam, so that fault tests
     * against the sandbox can give up on a held-back answer in a second rather than the production 30 s. Returns
     * this.
     */
    public OrgConnection withClientTuning(java.util.function.UnaryOperator<GenesysClient.Builder> change) {
        this.tuning = Objects.requireNonNull(change, "change");
        return this;
    }

    /**
     * The Genesys queue whose conversations carry inbound SMS replies (an Architect inbound message flow routes
     * them there), or null when none is configured: replies are then not watched.
     */
    public String inboundQueueId() {
        return inboundQueueId;
    }

    /** Sets {@link #inboundQueueId()}; returns this. */
    public OrgConnection withInboundQueue(String queueId) {
        this.inboundQueueId = queueId;
        return this;
    }

    /** What {@link #check()} found: the token was granted; the org's API rate limit, when it reports one. */
    public record Check(java.util.OptionalLong rateLimitPerMinute) {
    }

    /** Gets a token (kept in memory only) and reads the org's API rate limit; throws when the org refuses. */
    public Check check() {
        try (GenesysClient c = client()) {
            c.tokens().token();
            return new Check(c.organization().tokenRateLimitPerMinute());
        }
    }

    /** Forgets the secret. */
    public void destroy() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public String toString() {
        return "OrgConnection[" + apiBase + ", client " + clientId + "]";
    }
}
