package dev.switchboard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/** A tiny OkHttp client for tests: fetches a token and sends JSON requests to a sandbox. */
final class Api {

    static final MediaType JSON = MediaType.get("application/json");

    /** A response read fully: status, headers of interest, parsed body. */
    record Reply(int status, JsonNode body, okhttp3.Headers headers, String text) {
        String code() {
            return body == null ? null : Json.text(body, "code");
        }
    }

    final Sandbox sandbox;
    final OkHttpClient http;
    String token;

    Api(Sandbox sandbox) {
        this(sandbox, Duration.ofSeconds(10));
    }

    Api(Sandbox sandbox, Duration readTimeout) {
        this.sandbox = sandbox;
        this.http = new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build();
    }

    Api login() {
        Reply r = tokenRequest(sandbox.clientId(), sandbox.clientSecret());
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.text());
        }
        token = Json.text(r.body(), "access_token");
        return this;
    }

    Reply tokenRequest(String id, String secret) {
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
        Request req = new Request.Builder().url(sandbox.loginBaseUrl() + "/oauth/token")
                .header("Authorization", "Basic " + basic)
                .post(RequestBody.create("grant_type=client_credentials",
                        MediaType.get("application/x-www-form-urlencoded"))).build();
        return call(req);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, Object body) {
        Request.Builder b = new Request.Builder().url(sandbox.apiBaseUrl() + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        RequestBody rb = null;
        if (body != null) {
            String text = body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
            rb = RequestBody.create(text, JSON);
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            rb = RequestBody.create(new byte[0], null);
        }
        b.method(method, rb);
        return call(b.build());
    }

    Reply call(Request req) {
        try (Response res = http.newCall(req).execute()) {
            String text = res.body().string();
            JsonNode json = null;
            if (!text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                json = Json.parse(text);
            }
            return new Reply(res.code(), json, res.headers(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
