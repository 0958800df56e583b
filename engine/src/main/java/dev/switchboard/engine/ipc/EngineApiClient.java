package dev.switchboard.engine.ipc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Talks to the running engine's API ({@link EngineApiServer}) found through the endpoint file. Thread-safe; close it
 * to release its connections.
 */
public final class EngineApiClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Endpoint endpoint;
    private final HttpClient http;

    private EngineApiClient(Endpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client for the engine running on {@code dataDir}, or empty when none is running. */
    public static Optional<EngineApiClient> connect(Path dataDir) {
        return EngineEndpointFile.read(dataDir).map(EngineApiClient::new);
    }

    /** A client for {@code endpoint}. */
    public static EngineApiClient of(Endpoint endpoint) {
        return new EngineApiClient(endpoint);
    }

    /** The engine's endpoint. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * GETs {@code path} (starting with {@code /}, query included, already URL-encoded).
     *
     * @return the engine's JSON answer
     * @throws EngineApiException when the engine answers an error status or does not answer
     */
    public JsonNode get(String path) throws EngineApiException {
        return send(request(path).GET().build());
    }

    /**
     * POSTs {@code body} (none when {@code null}) to {@code path} (starting with {@code /}, already URL-encoded).
     *
     * @return the engine's JSON answer
     * @throws EngineApiException when the engine answers an error status or does not answer
     */
    public JsonNode post(String path, JsonNode body) throws EngineApiException {
        HttpRequest.Builder b = request(path);
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ApiJson.MAPPER.writeValueAsBytes(body)));
        }
        return send(b.build());
    }

    /** Releases the client's connections. */
    @Override
    public void close() {
        http.close();
    }

    private HttpRequest.Builder request(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + path);
        }
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + endpoint.token());
    }

    private JsonNode send(HttpRequest request) throws EngineApiException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EngineApiException(0, "the engine (pid " + endpoint.pid() + ") did not answer: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineApiException(0, "interrupted while waiting for the engine (pid " + endpoint.pid() + ")");
        }
        int status = response.statusCode();
        JsonNode json;
        try {
            byte[] bytes = response.body();
            json = bytes == null || bytes.length == 0 ? NullNode.getInstance() : ApiJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            json = null;
        }
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new EngineApiException(status, "the engine sent malformed JSON");
            }
            return json;
        }
        JsonNode error = json == null ? null : json.get("error");
        throw new EngineApiException(status, error != null && error.isString() ? error.asString() : "HTTP " + status);
    }

    /** The first message along the cause chain (java.net.http often wraps a message-less ConnectException). */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
