package dev.switchboard.engine.ipc;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The engine's API for the other processes of the same user: HTTP on the loopback interface at a random port, every
 * request authenticated by a bearer token that only the endpoint file ({@link EngineEndpointFile}, owner-only) holds.
 * Only GET and POST; request bodies up to 1 MiB of JSON; every answer is JSON. Close it to stop the server and delete
 * the endpoint file.
 */
public final class EngineApiServer implements AutoCloseable {
    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final long DRAIN_BYTES = 16L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(EngineApiServer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int THREADS = 3;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final Path dataDir;
    private final byte[] expectedAuthorization;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Endpoint endpoint;

    private EngineApiServer(HttpServer server, ExecutorService executor, Router router, Path dataDir, String token) {
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.dataDir = dataDir;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Starts the API on a random loopback port with a new token, serving {@code router}'s routes, and writes the
     * endpoint file into {@code dataDir}.
     */
    public static EngineApiServer start(Path dataDir, Router router) throws IOException {
        String token = newToken();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "engine-api-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        EngineApiServer api = new EngineApiServer(http, executor, router, dataDir, token);
        http.createContext("/", api::exchange);
        http.start();
        try {
            api.endpoint = EngineEndpointFile.write(dataDir, http.getAddress().getPort(), token);
        } catch (IOException | RuntimeException e) {
            api.stopServer();
            throw e;
        }
        return api;
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The address the server listens on (always a loopback address). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The endpoint written to the endpoint file. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** Stops the server, waiting up to a second for exchanges in progress, and deletes the endpoint file. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopServer();
        try {
            EngineEndpointFile.delete(dataDir, endpoint.token());
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "could not delete " + EngineEndpointFile.path(dataDir), e);
        }
    }

    private void stopServer() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            send(ex, answer(ex));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "engine API exchange aborted", e);
        }
    }

    private ApiResponse answer(HttpExchange ex) {
        URI uri = ex.getRequestURI();
        String rawPath = uri.getRawPath();
        String hook = hookPath(rawPath);
        if (hook != null) {
            rawPath = hook;
        } else if (!authorized(ex.getRequestHeaders())) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return ApiResponse.error(401, "unauthorized");
        }
        String method = ex.getRequestMethod();
        List<String> segments;
        String path;
        Map<String, String> query;
        try {
            segments = pathSegments(rawPath);
            path = "/" + String.join("/", segments);
            query = query(uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "malformed request URI");
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            ex.getResponseHeaders().set("Allow", "GET, POST");
            return ApiResponse.error(405, "method not allowed: " + method);
        }
        Router.Match match;
        try {
            match = router.resolve(method, path, segments);
        } catch (ApiException e) {
            if (e.status() == 405) {
                ex.getResponseHeaders().set("Allow", String.join(", ", router.allowedMethods(segments)));
            }
            return ApiResponse.error(e.status(), e.getMessage());
        }
        try {
            JsonNode body = body(ex);
            return match.handler().handle(new ApiRequest(method, path, match.pathParams(), query, body));
        } catch (ApiException e) {
            return ApiResponse.error(e.status(), e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, () -> "engine API " + method + " " + match.pattern() + " failed", e);
            return ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Webhooks cannot send our bearer header, so {@code /hooks/<token>/intake/...} carries the token in the path
     * (a capability URL, loopback only) and is answered as {@code /intake/...}. Null for any other path.
     */
    private String hookPath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/hooks/")) {
            return null;
        }
        int end = rawPath.indexOf('/', "/hooks/".length());
        if (end < 0) {
            return null;
        }
        byte[] given = rawPath.substring("/hooks/".length(), end).getBytes(StandardCharsets.UTF_8);
        byte[] expected = java.util.Arrays.copyOfRange(expectedAuthorization, "Bearer ".length(),
                expectedAuthorization.length);
        if (!MessageDigest.isEqual(given, expected) || !rawPath.startsWith("/intake/", end)) {
            return null;
        }
        return rawPath.substring(end);
    }

    /** The capability URL a webhook posts to: {@code http://127.0.0.1:PORT/hooks/<token>/intake/<name>}. */
    public URI hookUrl(String name) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/hooks/" + new String(expectedAuthorization, "Bearer ".length(),
                expectedAuthorization.length - "Bearer ".length(), StandardCharsets.US_ASCII) + "/intake/" + name);
    }

    private boolean authorized(Headers headers) {
        String value = headers.getFirst("Authorization");
        return value != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /**
     * The request body as JSON, {@code null} when empty. Of a body over the limit, up to {@link #DRAIN_BYTES} more
     * are read and dropped so that the caller gets the 413 rather than a reset connection.
     */
    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                byte[] sink = new byte[8192];
                long drained = 0;
                for (int n; drained < DRAIN_BYTES && (n = in.read(sink)) > 0; ) {
                    drained += n;
                }
                throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = ApiJson.MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                return null;
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void send(HttpExchange ex, ApiResponse response) throws IOException {
        byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(response.body());
        Headers headers = ex.getResponseHeaders();
        headers.set("Content-Type", JSON_TYPE);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(response.status(), -1);
            return;
        }
        ex.sendResponseHeaders(response.status(), bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** The decoded segments of a raw path; {@code /a/b%2Fc} gives {@code [a, b/c]}. */
    static List<String> pathSegments(String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (!p.startsWith("/")) {
            throw new IllegalArgumentException("relative path");
        }
        List<String> out = new ArrayList<>();
        for (String s : p.substring(1).split("/", -1)) {
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The URL-decoded query parameters; of a repeated name, the first value wins. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }
}
