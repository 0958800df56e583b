package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTokenLifetime(Duration.ofSeconds(300)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void clientCredentialsGiveABearerToken() {
        Api api = new Api(sandbox);
        Api.Reply r = api.tokenRequest(sandbox.clientId(), sandbox.clientSecret());
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.text(r.body(), "token_type")).isEqualTo("bearer");
        assertThat(r.body().get("expires_in").asInt()).isEqualTo(300);
        assertThat(r.body().has("refresh_token")).isFalse();
        api.token = Json.text(r.body(), "access_token");
        Api.Reply me = api.get("/api/v2/tokens/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(Json.text(me.body().get("OAuthClient"), "id")).isEqualTo(sandbox.clientId());
        assertThat(me.headers().get("ININ-Correlation-Id")).isNotBlank();
        assertThat(me.headers().get("inin-ratelimit-count")).isNotBlank();
        assertThat(me.headers().get("inin-ratelimit-allowed")).isEqualTo("300");
        assertThat(me.headers().get("inin-ratelimit-reset")).isNotBlank();
    }

    @Test
    void wrongSecretIsInvalidClient() {
        Api.Reply r = new Api(sandbox).tokenRequest(sandbox.clientId(), "nope");
        assertThat(r.status()).isIn(400, 401);
        assertThat(Json.text(r.body(), "error")).isEqualTo("invalid_client");
    }

    @Test
    void missingTokenIsAuthenticationRequired() {
        Api.Reply r = new Api(sandbox).get("/api/v2/outbound/contactlists");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("authentication.required");
        assertThat(r.body().get("status").asInt()).isEqualTo(401);
        assertThat(Json.text(r.body(), "contextId")).isEqualTo(r.headers().get("ININ-Correlation-Id"));
    }

    @Test
    void unknownTokenIsBadCredentials() {
        Api api = new Api(sandbox);
        api.token = "not-a-token";
        Api.Reply r = api.get("/api/v2/outbound/contactlists");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("bad.credentials");
    }

    @Test
    void expiredTokenIsBadCredentials() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withTokenLifetime(Duration.ofSeconds(300)))) {
            Api api = new Api(s).login();
            assertThat(api.get("/api/v2/tokens/me").status()).isEqualTo(200);
            s.clock().advance(Duration.ofSeconds(301));
            Api.Reply r = api.get("/api/v2/tokens/me");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("bad.credentials");
        }
    }

    @Test
    void revokedTokensAreBadCredentialsAndNewOnesWork() {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults())) {
            Api api = new Api(s).login();
            s.faults().revokeAllTokens();
            assertThat(api.get("/api/v2/tokens/me").code()).isEqualTo("bad.credentials");
            api.login();
            assertThat(api.get("/api/v2/tokens/me").status()).isEqualTo(200);
            assertThat(api.delete("/api/v2/tokens/me").status()).isEqualTo(200);
            assertThat(api.get("/api/v2/tokens/me").code()).isEqualTo("bad.credentials");
        }
    }

    @Test
    void credentialsAreStableForASeed() {
        try (Sandbox a = Sandbox.start(SandboxConfig.defaults().withSeed(9));
             Sandbox b = Sandbox.start(SandboxConfig.defaults().withSeed(9))) {
            assertThat(a.clientId()).isEqualTo(b.clientId());
            assertThat(a.clientSecret()).isEqualTo(b.clientSecret());
            assertThat(a.clientId()).isNotEqualTo(sandbox.clientId());
        }
    }
}
