package dev.switchboard.genesys;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one OAuth client-credentials token of a credential, shared by all workers and the WebSocket.
 *
 * <p>{@link #token()} renews early (when less than max(60 s, 10 % of {@code expires_in}) remains) and is
 * single-flight: concurrent callers wait for the one token request. After a 401 a caller calls
 * {@link #renew(String)} with the token it used; if another thread already replaced it, no request is made.
 * A rejected client secret ({@code invalid_client}) is remembered: every later call fails fast with
 * {@link GenesysCredentialsRejectedException}, without a request, until {@link #updateCredentials} is called.
 * Tokens are never logged. Thread-safe.
 */
public final class TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);

    private record Token(String value, Instant renewAt, Instant expiresAt) {
    }

    private record TokenResponse(String access_token, String token_type, Long expires_in) {
    }

    private final OkHttpClient http;
    private final GenesysEndpoint endpoint;
    private final Clock clock;
    private final Object fetchLock = new Object();
    private final AtomicLong requests = new AtomicLong();
    private volatile GenesysCredentials credentials;
    private volatile Token current;
    private volatile GenesysCredentialsRejectedException rejected;

    /** A provider using {@code http} for token requests at {@link GenesysEndpoint#tokenUri()}. */
    public TokenProvider(OkHttpClient http, GenesysEndpoint endpoint, GenesysCredentials credentials, Clock clock) {
        this.http = Objects.requireNonNull(http);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.credentials = Objects.requireNonNull(credentials);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A valid access token, requesting one if there is none or it is about to expire. Blocks during renewal. */
    public String token() {
        failIfRejected();
        Token t = current;
        if (t != null && clock.instant().isBefore(t.renewAt())) {
            return t.value();
        }
        synchronized (fetchLock) {
            failIfRejected();
            t = current;
            if (t != null && clock.instant().isBefore(t.renewAt())) {
                return t.value();
            }
            return fetch().value();
        }
    }

    /**
     * Renews after a 401 on a request that used {@code usedToken}. If the current token is already another one,
     * returns it without a request (another thread renewed it).
     */
    public String renew(String usedToken) {
        synchronized (fetchLock) {
            failIfRejected();
            Token t = current;
            if (t != null && !t.value().equals(usedToken) && clock.instant().isBefore(t.expiresAt())) {
                return t.value();
            }
            return fetch().value();
        }
    }

    /** Installs new credentials, forgets the token and clears a rejection. */
    public void updateCredentials(GenesysCredentials newCredentials) {
        synchronized (fetchLock) {
            credentials = Objects.requireNonNull(newCredentials);
            current = null;
            rejected = null;
        }
    }

    /** Forgets the current token (e.g. after revocation); the next call requests a new one. */
    public void invalidate() {
        synchronized (fetchLock) {
            current = null;
        }
    }

    /** Token requests made so far (for tests and monitoring). */
    public long tokenRequests() {
        return requests.get();
    }

    /** Whether the credentials were rejected and calls now fail fast. */
    public boolean credentialsRejected() {
        return rejected != null;
    }

    private void failIfRejected() {
        GenesysCredentialsRejectedException r = rejected;
        if (r != null) {
            throw new GenesysCredentialsRejectedException(r);
        }
    }

    private Token fetch() {
        GenesysCredentials creds = credentials;
        Request request = new Request.Builder()
                .url(endpoint.tokenUri().toString())
                .header("Authorization", creds.basicAuthorization())
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .build();
        requests.incrementAndGet();
        Instant sentAt = clock.instant();
        String operation = "POST /oauth/token";
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            int status = response.code();
            if (status == 200) {
                TokenResponse parsed = Json.read(body, TokenResponse.class);
                if (parsed.access_token() == null || parsed.access_token().isBlank()) {
                    throw new GenesysAuthException(operation, status, null, "no access_token in the answer");
                }
                long expiresIn = parsed.expires_in() == null ? 86_400 : parsed.expires_in();
                long margin = Math.max(60, expiresIn / 10);
                long renewAfter = Math.max(expiresIn / 2, expiresIn - margin);
                Token token = new Token(parsed.access_token(), sentAt.plusSeconds(renewAfter),
                        sentAt.plusSeconds(expiresIn));
                current = token;
                LOG.info("Obtained a Genesys access token for client {} (expires in {}, renewing after {})",
                        creds.clientId(), Duration.ofSeconds(expiresIn), Duration.ofSeconds(renewAfter));
                return token;
            }
            ErrorBody error = ErrorBody.parse(body);
            String code = error.error() != null ? error.error() : error.code();
            if (status == 401 || (status == 400 && isClientRejection(code))) {
                var ex = new GenesysCredentialsRejectedException(creds.clientId(), status, code);
                rejected = ex;
                current = null;
                LOG.error("{}", ex.getMessage());
                throw ex;
            }
            String message = error.error_description() != null ? error.error_description()
                    : error.description() != null ? error.description() : error.message();
            if (status >= 500 || status == 408 || status == 429) {
                throw new GenesysApiException(operation, status, code, message, error.contextId(), error.details());
            }
            throw new GenesysAuthException(operation, status, code, message);
        } catch (IOException e) {
            throw new GenesysTransportException(operation, false, e);
        }
    }

    private static boolean isClientRejection(String code) {
        return "invalid_client".equals(code) || "unauthorized_client".equals(code) || "invalid_grant".equals(code);
    }
}
