package dev.switchboard.genesys;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for Genesys: the token endpoint at /login/oauth/token (tokens tok-1, tok-2, ...)
 * and an API handler the test sets. Records every request.
 */
final class FakeGenesys implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    volatile Function<Integer, MockResponse> tokenHandler = n -> json(200,
            "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"bearer\",\"expires_in\":86400}");
    volatile Function<RecordedRequest, MockResponse> api = r -> json(404, "{\"code\":\"not.found\"}");
    final ManualClock clock = new ManualClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    FakeGenesys() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/login/oauth/token")) {
                    return tokenHandler.apply(tokenRequests.incrementAndGet());
                }
                apiRequests.add(request);
                return api.apply(request);
            }
        });
        server.start();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    GenesysEndpoint endpoint() {
        return GenesysEndpoint.of(server.url("/").toString(), server.url("/login").toString());
    }

    /** A client on the manual clock, recording sleeper and a virtual-time pacer. */
    GenesysClient.Builder client() {
        Pacer pacer = new Pacer(300, clock, (condition, nanos) -> {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
            } else {
                clock.advanceMillis(Math.max(1, nanos / 1_000_000));
            }
        });
        return GenesysClient.builder(endpoint(), new GenesysCredentials("client-1", "s3cret-value"))
                .clock(clock)
                .sleeper(sleeper)
                .pacer(pacer)
                .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), new Random(42)))
                .readTimeout(Duration.ofSeconds(5));
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    @Override
    public void close() {
        server.close();
    }
}
