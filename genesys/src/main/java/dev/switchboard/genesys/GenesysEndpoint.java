package dev.switchboard.genesys;

import java.net.URI;
import java.util.Objects;

/**
 * Where the client connects: the Platform API base and the login base (token at
 * {@code POST {loginBase}/oauth/token}). Immutable.
 *
 * @param apiBase   e.g. {@code https://api.mypurecloud.com} or {@code http://127.0.0.1:8080}
 * @param loginBase e.g. {@code https://login.mypurecloud.com} or {@code http://127.0.0.1:8080/login}
 */
public record GenesysEndpoint(URI apiBase, URI loginBase) {

    public GenesysEndpoint {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(loginBase, "loginBase");
        apiBase = stripSlash(apiBase);
        loginBase = stripSlash(loginBase);
    }

    /** An endpoint with explicit URLs (the sandbox, a proxy, a test server). */
    public static GenesysEndpoint of(URI apiBase, URI loginBase) {
        return new GenesysEndpoint(apiBase, loginBase);
    }

    /** An endpoint with explicit URLs given as strings. */
    public static GenesysEndpoint of(String apiBase, String loginBase) {
        return new GenesysEndpoint(URI.create(apiBase), URI.create(loginBase));
    }

    /** The endpoint of a Genesys Cloud region. */
    public static GenesysEndpoint of(GenesysRegion region) {
        return region.endpoint();
    }

    /** The OAuth token URL, {@code {loginBase}/oauth/token}. */
    public URI tokenUri() {
        return URI.create(loginBase + "/oauth/token");
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
