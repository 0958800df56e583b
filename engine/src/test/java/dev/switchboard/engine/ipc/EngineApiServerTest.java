package dev.switchboard.engine.ipc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineApiServerTest {
    @TempDir
    Path dir;

    private final AtomicReference<ApiRequest> lastPost = new AtomicReference<>();
    private EngineApiServer server;
    private EngineApiClient client;

    @BeforeEach
    void start() throws Exception {
        Router router = new Router()
                .get("/status", req -> {
                    ObjectNode n = ApiJson.MAPPER.createObjectNode();
                    n.put("state", "running");
                    n.put("verbose", req.queryParam("verbose").orElse("no"));
                    return ApiResponse.ok(n);
                })
                .post("/campaigns/{id}/pause", req -> {
                    lastPost.set(req);
                    ObjectNode n = ApiJson.MAPPER.createObjectNode();
                    n.put("paused", req.pathParam("id"));
                    n.put("reason", req.requireBody().path("reason").asString());
                    n.put("by", req.queryParam("by").orElse(""));
                    return ApiResponse.status(202, n);
                })
                .get("/conflict", req -> {
                    throw new ApiException(409, "campaign Q4 is already running");
                })
                .get("/boom", req -> {
                    throw new IllegalStateException("secret contact jane@example.com");
                });
        server = EngineApiServer.start(dir, router);
        client = EngineApiClient.connect(dir).orElseThrow();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void roundTripsGetAndPostWithPathParametersQueryAndBody() throws Exception {
        JsonNode status = client.get("/status?verbose=yes%20please");
        assertThat(status.path("state").asString()).isEqualTo("running");
        assertThat(status.path("verbose").asString()).isEqualTo("yes please");

        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        body.put("reason", "carrier outage");
        JsonNode paused = client.post("/campaigns/Q4%202025/pause?by=ana+lima", body);
        assertThat(paused.path("paused").asString()).isEqualTo("Q4 2025");
        assertThat(paused.path("reason").asString()).isEqualTo("carrier outage");
        assertThat(paused.path("by").asString()).isEqualTo("ana lima");

        ApiRequest seen = lastPost.get();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/campaigns/Q4 2025/pause");
        assertThat(seen.pathParams()).containsExactly(java.util.Map.entry("id", "Q4 2025"));
        assertThat(client.endpoint()).isEqualTo(server.endpoint());
    }

    @Test
    void rejectsMissingOrWrongTokenWithoutEchoingTheRealOne() throws Exception {
        String token = server.endpoint().token();
        try (HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + token + "x", token,
                    "bearer " + token.substring(1)}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri("/status"));
                if (authorization != null) {
                    b.header("Authorization", authorization);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
                assertThat(r.body()).isEqualTo("{\"error\":\"unauthorized\"}").doesNotContain(token);
                assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            }
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri("/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void endpointFileIsOwnerOnlyNamesPortAndPidAndGoesAwayOnClose() throws Exception {
        Path file = EngineEndpointFile.path(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        JsonNode json = ApiJson.MAPPER.readTree(Files.readString(file));
        assertThat(json.path("port").asInt()).isEqualTo(server.address().getPort());
        assertThat(json.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(json.path("token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(json.path("startedAt").asString()).isNotBlank();

        server.close();
        assertThat(file).doesNotExist();
        assertThat(EngineApiClient.connect(dir)).isEmpty();
    }

    @Test
    void clientReportsAnEngineThatDoesNotAnswer() throws Exception {
        Endpoint endpoint = server.endpoint();
        server.close();
        try (EngineApiClient stale = EngineApiClient.of(endpoint)) {
            assertThatThrownBy(() -> stale.get("/status"))
                    .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageStartingWith("the engine (pid " + endpoint.pid() + ") did not answer: ");
        }
    }

    @Test
    void mapsUnknownPathsWrongMethodsAndHandlerFailures() throws Exception {
        assertThatThrownBy(() -> client.get("/nope"))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("no such endpoint: GET /nope");
        assertThatThrownBy(() -> client.post("/status", null))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(405));
        assertThatThrownBy(() -> client.get("/campaigns/Q4/pause"))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(405));
        assertThatThrownBy(() -> client.get("/conflict"))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("campaign Q4 is already running");
        assertThatThrownBy(() -> client.get("/boom"))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessage("internal error: IllegalStateException");
        assertThatThrownBy(() -> client.post("/campaigns/Q4/pause", null))
                .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("a JSON body is required");
    }

    @Test
    void rawProtocolErrors() throws Exception {
        String auth = "Bearer " + server.endpoint().token();
        try (HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            HttpResponse<String> boom = http.send(HttpRequest.newBuilder(uri("/boom")).header("Authorization", auth)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).doesNotContain("jane").doesNotContain("secret").doesNotContain("at dev.");

            HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/status")).header("Authorization", auth)
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(405);

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/status")).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET");

            HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(uri("/campaigns/Q4/pause"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString("{\"reason\":")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(ApiJson.MAPPER.readTree(malformed.body()).path("error").asString())
                    .startsWith("malformed JSON: ");

            byte[] big = new byte[EngineApiServer.MAX_BODY_BYTES + 1];
            java.util.Arrays.fill(big, (byte) ' ');
            HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(uri("/campaigns/Q4/pause"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void bindsToLoopbackOnly() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void workerThreadsAreNamedDaemons() throws Exception {
        AtomicReference<Thread> seen = new AtomicReference<>();
        server.close();
        try (EngineApiServer s = EngineApiServer.start(dir, new Router().get("/who", req -> {
            seen.set(Thread.currentThread());
            return ApiResponse.ok(ApiJson.MAPPER.createObjectNode());
        })); EngineApiClient c = EngineApiClient.connect(dir).orElseThrow()) {
            assertThat(c.endpoint()).isEqualTo(s.endpoint());
            c.get("/who");
            assertThat(seen.get().getName()).matches("engine-api-\\d+");
            assertThat(seen.get().isDaemon()).isTrue();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }
}
