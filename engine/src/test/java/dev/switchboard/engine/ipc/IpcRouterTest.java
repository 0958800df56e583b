package dev.switchboard.engine.ipc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpcRouterTest {
    private static final Handler OK = req -> ApiResponse.ok(ApiJson.MAPPER.createObjectNode());

    @Test
    void matchesLiteralAndParameterSegments() {
        Router router = new Router().get("/campaigns", OK).post("/campaigns/{id}/steps/{step}", OK);

        Router.Match m = router.resolve("POST", "/campaigns/Q4/steps/2", List.of("campaigns", "Q4", "steps", "2"));
        assertThat(m.pathParams()).isEqualTo(Map.of("id", "Q4", "step", "2"));
        assertThat(m.pattern()).isEqualTo("/campaigns/{id}/steps/{step}");
        assertThat(router.resolve("GET", "/campaigns", List.of("campaigns")).pathParams()).isEmpty();
    }

    @Test
    void tellsUnknownPathsFromWrongMethods() {
        Router router = new Router().get("/status", OK);

        assertThatThrownBy(() -> router.resolve("GET", "/statuses", List.of("statuses")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("no such endpoint: GET /statuses");
        assertThatThrownBy(() -> router.resolve("POST", "/status", List.of("status")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(405));
        assertThat(router.allowedMethods(List.of("status"))).containsExactly("GET");
        assertThatThrownBy(() -> router.resolve("GET", "/status/", List.of("status", "")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void rejectsBadOrDuplicatePatterns() {
        Router router = new Router().get("/a/{id}", OK);

        assertThatThrownBy(() -> router.get("/a/{id}", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("no-slash", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/a//b", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/a/{id", OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/a/{}", OK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesPathSegmentsAndQueries() {
        assertThat(EngineApiServer.pathSegments("/a%20b/c+d/e%2Ff")).containsExactly("a b", "c+d", "e/f");
        assertThat(EngineApiServer.query("x=1+2&y=%C3%A9&x=3&flag&=v"))
                .containsExactly(Map.entry("x", "1 2"), Map.entry("y", "é"), Map.entry("flag", ""),
                        Map.entry("", "v"));
    }
}
