package dev.switchboard.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /login/oauth/token}: the client-credentials grant, Basic auth, no refresh token. */
final class LoginApi {

    private final TokenService tokens;

    LoginApi(TokenService tokens) {
        this.tokens = tokens;
    }

    void install(RoutesConfig r) {
        r.post("/login/oauth/token", this::token);
    }

    private void token(Context ctx) {
        String id = null;
        String secret = null;
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        } else {
            id = ctx.formParam("client_id");
            secret = ctx.formParam("client_secret");
        }
        String grant = ctx.formParam("grant_type");
        if (!"client_credentials".equals(grant)) {
            authError(ctx, 400, "unsupported_grant_type", "grant type is not supported");
            return;
        }
        if (!tokens.checkCredentials(id, secret)) {
            authError(ctx, 401, "invalid_client", "client not found or secret does not match");
            return;
        }
        TokenService.Token t = tokens.issue();
        ObjectNode out = Json.obj();
        out.put("access_token", t.value());
        out.put("token_type", "bearer");
        out.put("expires_in", tokens.lifetime().toSeconds());
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, out);
    }

    private static void authError(Context ctx, int status, String error, String description) {
        ObjectNode out = Json.obj();
        out.put("error", error);
        out.put("description", description);
        out.put("error_description", description);
        Http.json(ctx, status, out);
    }
}
