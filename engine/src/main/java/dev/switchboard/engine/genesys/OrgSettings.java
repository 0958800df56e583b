package dev.switchboard.engine.genesys;

import dev.switchboard.genesys.GenesysRegion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The Genesys org a data folder is connected to, without its secret: region (or API and login URLs) and OAuth client
 * id, in {@value #FILE_NAME}. The client secret is in the folder's vault only.
 */
public record OrgSettings(String region, URI apiUrl, URI loginUrl, String clientId, Instant connectedAt,
                          String connectedBy) {
    public static final String FILE_NAME = "org.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public OrgSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("--client-id is required.");
        }
        if (region != null) {
            GenesysRegion r = GenesysRegion.fromName(region); // names the valid regions when wrong
            apiUrl = r.apiBase();
            loginUrl = r.loginBase();
        } else if (apiUrl == null || loginUrl == null) {
            throw new IllegalArgumentException("Give --region, or both --api-url and --login-url.");
        } else {
            for (URI u : new URI[] {apiUrl, loginUrl}) {
                if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
                        || u.getHost() == null) {
                    throw new IllegalArgumentException("--api-url and --login-url must be http(s) URLs: " + u);
                }
            }
        }
    }

    /** The Genesys Cloud regions a connection may name ({@code us_east_1} …), in the order Genesys lists them. */
    public static java.util.List<String> regions() {
        return java.util.Arrays.stream(GenesysRegion.values())
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** Where it is, for messages: the region, else the API URL. */
    public String where() {
        return region != null ? region + " (" + apiUrl + ")" : apiUrl.toString();
    }

    public OrgConnection connection(char[] secret) {
        return OrgConnection.urls(apiUrl, loginUrl, clientId, secret);
    }

    public static Optional<OrgSettings> load(Path dataDir) {
        Path f = dataDir.resolve(FILE_NAME);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(f));
            String region = n.path("region").isString() ? n.path("region").asString() : null;
            return Optional.of(new OrgSettings(region,
                    region == null ? URI.create(n.path("api_url").asString()) : null,
                    region == null ? URI.create(n.path("login_url").asString()) : null,
                    n.path("client_id").asString(""),
                    n.hasNonNull("connected_at") ? Instant.parse(n.path("connected_at").asString()) : null,
                    n.path("connected_by").asString(null)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + f + ": " + e.getMessage()
                    + " (run 'switchboard org connect' again).", e);
        }
    }

    public void save(Path dataDir) {
        ObjectNode n = JSON.createObjectNode();
        if (region != null) {
            n.put("region", region);
        }
        n.put("api_url", apiUrl.toString());
        n.put("login_url", loginUrl.toString());
        n.put("client_id", clientId);
        if (connectedAt != null) {
            n.put("connected_at", connectedAt.toString());
        }
        n.put("connected_by", connectedBy);
        n.put("about", "The Genesys Cloud org of this data folder; its client secret is in the folder's vault.");
        Path f = dataDir.resolve(FILE_NAME);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }
}
