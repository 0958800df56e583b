package dev.switchboard.genesys;

import static dev.switchboard.genesys.FakeGenesys.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TokenProviderTest {

    private static final String TOKEN_INFO = "{\"organization\":{\"id\":\"org-1\",\"name\":\"Org\"}}";

    private FakeGenesys fake;
    private GenesysClient client;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeGenesys();
        client = fake.client().build();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.switchboard.genesys")).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger("dev.switchboard.genesys")).detachAppender(logs);
        client.close();
        fake.close();
    }

    @Test
    void sendsBasicAuthAndClientCredentialsGrant() throws Exception {
        fake.api = r -> json(200, TOKEN_INFO);
        client.organization().tokenInfo();
        var token = fake.server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic Y2xpZW50LTE6czNjcmV0LXZhbHVl");
        assertThat(FakeGenesys.body(token)).isEqualTo("grant_type=client_credentials");
        assertThat(fake.apiRequests.getFirst().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void sixteenThreadsShareOneRenewalAfter401AndAllReplay() throws Exception {
        fake.api = r -> "Bearer tok-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, "{\"status\":401,\"code\":\"bad.credentials\",\"message\":\"expired\"}")
                : json(200, TOKEN_INFO);
        fake.tokenHandler = n -> new MockResponse.Builder(json(200, "{\"access_token\":\"tok-" + n
                + "\",\"token_type\":\"bearer\",\"expires_in\":86400}")).headersDelay(n == 2 ? 200 : 0,
                        TimeUnit.MILLISECONDS).build();
        assertThat(client.tokens().token()).isEqualTo("tok-1");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Org.TokenInfo>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return client.organization().tokenInfo();
            }));
        }
        go.countDown();
        for (Future<Org.TokenInfo> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS).organization().id()).isEqualTo("org-1");
        }
        pool.shutdown();

        assertThat(fake.tokenRequests.get()).as("initial token + exactly one renewal").isEqualTo(2);
        long replays = fake.apiRequests.stream()
                .filter(r -> "Bearer tok-2".equals(r.getHeaders().get("Authorization"))).count();
        assertThat(replays).isEqualTo(16);
        assertThat(fake.apiRequests).hasSize(32);
    }

    @Test
    void concurrentFirstCallersWaitForOneTokenRequest() throws Exception {
        fake.api = r -> json(200, TOKEN_INFO);
        fake.tokenHandler = n -> new MockResponse.Builder(json(200, "{\"access_token\":\"tok-" + n
                + "\",\"expires_in\":86400}")).headersDelay(200, TimeUnit.MILLISECONDS).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(pool.submit(() -> client.tokens().token()));
        }
        for (Future<String> f : tokens) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("tok-1");
        }
        pool.shutdown();
        assertThat(fake.tokenRequests.get()).isEqualTo(1);
    }

    @Test
    void secondConsecutive401IsAnAuthErrorWithoutLooping() {
        fake.api = r -> json(401, "{\"status\":401,\"code\":\"bad.credentials\",\"message\":\"no\"}");
        assertThatThrownBy(() -> client.organization().tokenInfo())
                .isInstanceOf(GenesysAuthException.class)
                .satisfies(e -> assertThat(((GenesysAuthException) e).code()).isEqualTo("bad.credentials"));
        assertThat(fake.apiRequests).hasSize(2);
        assertThat(fake.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void rejectedSecretFailsFastWithoutRetryStorm() {
        fake.tokenHandler = n -> json(401, "{\"error\":\"invalid_client\",\"description\":\"bad secret\"}");
        assertThatThrownBy(() -> client.organization().tokenInfo())
                .isInstanceOf(GenesysCredentialsRejectedException.class)
                .hasMessageContaining("client-1")
                .hasMessageNotContaining("s3cret");
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> client.messaging().sendSms(new Messages.Sms("+13175550000", "+13175551234",
                    "hi"))).isInstanceOf(GenesysCredentialsRejectedException.class);
        }
        assertThat(fake.tokenRequests.get()).isEqualTo(1);
        assertThat(fake.apiRequests).isEmpty();
        assertThat(fake.sleeper.sleeps).isEmpty();

        fake.tokenHandler = n -> json(200, "{\"access_token\":\"tok-" + n + "\",\"expires_in\":86400}");
        fake.api = r -> json(200, TOKEN_INFO);
        client.tokens().updateCredentials(new GenesysCredentials("client-1", "new-secret"));
        assertThat(client.organization().tokenInfo().organization().id()).isEqualTo("org-1");
    }

    @Test
    void invalidClientAs400IsAlsoARejection() {
        fake.tokenHandler = n -> json(400, "{\"error\":\"invalid_client\"}");
        assertThatThrownBy(() -> client.tokens().token()).isInstanceOf(GenesysCredentialsRejectedException.class);
        assertThatThrownBy(() -> client.tokens().token()).isInstanceOf(GenesysCredentialsRejectedException.class);
        assertThat(fake.tokenRequests.get()).isEqualTo(1);
    }

    @Test
    void renewsEarlyWhenLessThanTenPercentOrSixtySecondsRemain() {
        fake.tokenHandler = n -> json(200, "{\"access_token\":\"tok-" + n + "\",\"expires_in\":3600}");
        assertThat(client.tokens().token()).isEqualTo("tok-1");
        fake.clock.advance(Duration.ofSeconds(3239));
        assertThat(client.tokens().token()).isEqualTo("tok-1");
        fake.clock.advance(Duration.ofSeconds(2));
        assertThat(client.tokens().token()).isEqualTo("tok-2");
        assertThat(fake.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void renewSkipsTheRequestWhenAnotherThreadAlreadyReplacedTheToken() {
        String first = client.tokens().token();
        String second = client.tokens().renew(first);
        assertThat(client.tokens().renew(first)).isEqualTo(second);
        assertThat(fake.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void secretsAndTokensNeverReachTheLogs() {
        fake.api = r -> "Bearer tok-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, "{\"code\":\"bad.credentials\"}") : json(200, TOKEN_INFO);
        client.organization().tokenInfo();
        assertThat(new GenesysCredentials("id", "topsecret").toString()).doesNotContain("topsecret");
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("tok-1", "tok-2", "s3cret", "Basic ", "Bearer "));
    }

    @Test
    void addressesAreMaskedInLogs() {
        fake.api = r -> json(200, "{\"id\":\"m1\",\"conversationId\":\"cv1\"}");
        client.messaging().sendSms(new Messages.Sms("+13175550000", "+13175551234", "hi"));
        client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of("us@example.com"),
                Messages.EmailAddress.of("jane.doe@example.org"), null, "s", "t", null));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("*******1234"));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("***@example.org"));
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("+13175551234", "jane.doe"));
    }
}
