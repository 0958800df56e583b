package dev.switchboard.genesys;

import dev.switchboard.model.redact.LogMask;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@link ApiCall}s: bearer token, pacing, 401 renewal and one replay, 429 pauses of the shared bucket,
 * backoff for repeatable calls, "outcome unknown" for sends. Bodies and tokens are never logged. Thread-safe.
 */
final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(180);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(3);

    /** Marks whether any byte of a call's request may have been written. */
    static final class SendTracker extends EventListener {
        volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(Call call) {
            requestStarted = true;
        }
    }

    /** Installs the per-call {@link SendTracker} found in the request's tag. */
    static final EventListener.Factory TRACKER_FACTORY = call -> {
        SendTracker tracker = call.request().tag(SendTracker.class);
        return tracker != null ? tracker : EventListener.NONE;
    };

    private final HttpUrl apiBase;
    private final TokenProvider tokens;
    private final Pacer pacer;
    private final OkHttpClient repeatableHttp;
    private final OkHttpClient sendHttp;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    ApiTransport(GenesysEndpoint endpoint, TokenProvider tokens, Pacer pacer, OkHttpClient repeatableHttp,
            OkHttpClient sendHttp, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        this.apiBase = HttpUrl.get(endpoint.apiBase().toString());
        this.tokens = tokens;
        this.pacer = pacer;
        this.repeatableHttp = repeatableHttp;
        this.sendHttp = sendHttp;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    Pacer pacer() {
        return pacer;
    }

    TokenProvider tokens() {
        return tokens;
    }

    <T> T json(ApiCall call, Class<T> type) {
        ApiResponse response = execute(call);
        try {
            return response.as(type);
        } catch (RuntimeException unreadable) {
            if (call.mode == ApiCall.Mode.SEND) {
                // accepted, but without readable ids: the caller cannot record the send as done
                throw new SendOutcomeUnknownException(call.operation() + " (unreadable answer)", unreadable);
            }
            throw new GenesysException(call.operation() + " answered HTTP " + response.status()
                    + " with a body that could not be read (correlation " + response.correlationId() + ")",
                    unreadable);
        }
    }

    ApiResponse execute(ApiCall call) {
        String op = call.operation();
        int retries = 0;
        boolean replayed = false;
        String rejectedToken = null;
        Duration rateLimited = Duration.ZERO;
        while (true) {
            // the permit first, then the token (renewed here after a 401), and the replay of a 401 goes out at once
            // on the permit of the rejected request (Genesys counted nothing for a request it did not
            // authenticate): no wait for the bucket (a 429 pause lasts seconds) may sit between reading a token and
            // using it, since Genesys may revoke or expire it meanwhile, and a replay with a token already dead
            // fails the call as an authentication fault (found by FaultEngineTest: tokens revoked while 429s held
            // the bucket)
            if (rejectedToken == null) {
                acquire(call.priority);
            }
            String token;
            try {
                token = rejectedToken != null ? tokens.renew(rejectedToken) : tokens.token();
                rejectedToken = null;
            } catch (GenesysAuthException e) {
                throw e;
            } catch (GenesysApiException | GenesysTransportException e) {
                // the token endpoint failed transiently; the API request itself was never sent
                if (retries >= retry.maxRetries()) {
                    throw e;
                }
                backoff(op, retries++, "token request: " + e.getMessage());
                continue;
            }
            // the caller's last word, once the budget granted the request: a send may be withdrawn here (its window
            // closed, an opt-out arrived while it waited); what it holds to decide is held until the request is done
            if (!call.departure.clear()) {
                throw new NotSentException(op + " withdrawn by the caller before it left");
            }
            try {
            SendTracker tracker = new SendTracker();
            Request request = buildRequest(call, token, tracker);
            OkHttpClient http = call.mode == ApiCall.Mode.REPEATABLE ? repeatableHttp : sendHttp;
            long started = System.nanoTime();
            try (Response response = http.newCall(request).execute()) {
                String body = response.body().string();
                int status = response.code();
                String correlationId = response.header("ININ-Correlation-Id");
                observeRateHeaders(response);
                LOG.debug("{} -> {} in {} ms (correlation {})", op, status, (System.nanoTime() - started) / 1_000_000,
                        correlationId);
                if (status >= 200 && status < 300) {
                    return new ApiResponse(status, body, correlationId);
                }
                GenesysApiException error = error(op, status, body, correlationId);
                if (status == 401) {
                    if (replayed) {
                        throw new GenesysAuthException(error);
                    }
                    replayed = true;
                    LOG.info("{} answered 401 ({}); renewing the token and replaying once", op, error.code());
                    rejectedToken = token;
                    continue;
                }
                if (status == 429) {
                    // at least 1 s per 429, so a "Retry-After: 0" loop still reaches the cap
                    Duration wait = retryAfter(response);
                    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
                        wait = Duration.ofSeconds(1);
                    }
                    rateLimited = rateLimited.plus(wait);
                    if (rateLimited.compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
                        throw new RateLimitedException(error, rateLimited.toSeconds());
                    }
                    LOG.warn("{} answered 429; pausing the request bucket for {} ms (correlation {})", op,
                            wait.toMillis(), correlationId);
                    pacer.pauseFor(wait);
                    continue;
                }
                if (isTransient(status)) {
                    if (call.mode == ApiCall.Mode.SEND) {
                        throw new SendOutcomeUnknownException(op, error);
                    }
                    if (call.mode == ApiCall.Mode.REPEATABLE && retries < retry.maxRetries()) {
                        backoff(op, retries++, "HTTP " + status);
                        continue;
                    }
                }
                throw error;
            } catch (IOException e) {
                boolean sent = tracker.requestStarted;
                if (sent && call.mode == ApiCall.Mode.SEND) {
                    throw new SendOutcomeUnknownException(op, e);
                }
                if ((!sent || call.mode == ApiCall.Mode.REPEATABLE) && retries < retry.maxRetries()) {
                    backoff(op, retries++, e.toString());
                    continue;
                }
                throw new GenesysTransportException(op, sent, e);
            }
            } finally {
                call.departure.departed();
            }
        }
    }

    /** GETs an absolute URL (an export download); the bearer token is sent only to the API host. */
    String download(String url, Priority priority) {
        HttpUrl target = HttpUrl.get(url);
        boolean apiHost = target.host().equals(apiBase.host()) && target.port() == apiBase.port();
        int retries = 0;
        while (true) {
            Request.Builder builder = new Request.Builder().url(target).get();
            if (apiHost) {
                builder.header("Authorization", "Bearer " + tokens.token());
                acquire(priority);
            }
            try (Response response = repeatableHttp.newCall(builder.build()).execute()) {
                String body = response.body().string();
                if (response.isSuccessful()) {
                    return body;
                }
                GenesysApiException error = error("GET export file", response.code(), body,
                        response.header("ININ-Correlation-Id"));
                if (!isTransient(response.code()) || retries >= retry.maxRetries()) {
                    throw error;
                }
                backoff("GET export file", retries++, "HTTP " + response.code());
            } catch (IOException e) {
                if (retries >= retry.maxRetries()) {
                    throw new GenesysTransportException("GET export file", true, e);
                }
                backoff("GET export file", retries++, e.toString());
            }
        }
    }

    private Request buildRequest(ApiCall call, String token, SendTracker tracker) {
        HttpUrl.Builder url = apiBase.newBuilder();
        for (String segment : call.segments) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : call.query) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        RequestBody body = null;
        if (call.body != null) {
            body = RequestBody.create(call.body instanceof String s ? s : Json.write(call.body), JSON);
        } else if (!call.method.equals("GET") && !call.method.equals("DELETE") && !call.method.equals("HEAD")) {
            body = RequestBody.create(new byte[0], null);
        }
        return new Request.Builder()
                .url(url.build())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(call.method, body)
                .tag(SendTracker.class, tracker)
                .build();
    }

    private void acquire(Priority priority) {
        try {
            pacer.acquire(priority);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenesysException("interrupted while waiting for the request budget", e);
        }
    }

    private void backoff(String op, int retry, String reason) {
        Duration delay = this.retry.delay(retry);
        LOG.warn("{} failed ({}); retry {} in {} ms", op, LogMask.text(reason), retry + 1, delay.toMillis());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenesysException("interrupted during backoff of " + op, e);
        }
    }

    private void observeRateHeaders(Response response) {
        long count = longHeader(response, "inin-ratelimit-count");
        long allowed = longHeader(response, "inin-ratelimit-allowed");
        long reset = longHeader(response, "inin-ratelimit-reset");
        if (count >= 0 && allowed > 0 && reset > 0 && response.code() != 429) {
            pacer.observe(count, allowed, reset);
        }
    }

    /** Retry-After in seconds or as an HTTP date, else inin-ratelimit-reset, else a default. */
    Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value != null) {
            value = value.trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(clock.instant(), at.toInstant());
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException notDate) {
                    LOG.warn("Unparseable Retry-After '{}'", value);
                }
            }
        }
        long reset = longHeader(response, "inin-ratelimit-reset");
        return reset > 0 ? Duration.ofSeconds(reset) : DEFAULT_RETRY_AFTER;
    }

    private static long longHeader(Response response, String name) {
        String v = response.header(name);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean isTransient(int status) {
        return status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    static GenesysApiException error(String op, int status, String body, String correlationId) {
        ErrorBody e = ErrorBody.parse(body);
        String contextId = e.contextId() != null ? e.contextId() : correlationId;
        return new GenesysApiException(op, status, e.code(), e.message(), contextId, e.details());
    }
}
