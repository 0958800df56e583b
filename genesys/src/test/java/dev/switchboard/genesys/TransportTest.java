package dev.switchboard.genesys;

import static dev.switchboard.genesys.FakeGenesys.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {

    private static final String OK_SMS = "{\"id\":\"msg-1\",\"conversationId\":\"conv-1\",\"timestamp\":\"t\"}";
    private static final Messages.Sms SMS = new Messages.Sms("+13175550000", "+13175551234", "Hello");

    private FakeGenesys fake;
    private GenesysClient client;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeGenesys();
        client = fake.client().build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        fake.close();
    }

    @Test
    void retryAfterInSecondsPausesTheWholeBucketThenRetries() {
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> n.incrementAndGet() == 1
                ? new MockResponse.Builder(json(429, "{\"code\":\"too.many.requests.retry.after\"}"))
                        .addHeader("Retry-After", "7").build()
                : json(200, OK_SMS);
        long before = fake.clock.millis();
        assertThat(client.messaging().sendSms(SMS).messageId()).isEqualTo("msg-1");
        assertThat(fake.clock.millis() - before).isGreaterThanOrEqualTo(7000);
        assertThat(fake.apiRequests).hasSize(2);
        assertThat(fake.sleeper.sleeps).as("429 waits in the pacer, not in backoff").isEmpty();
    }

    @Test
    void aSendWhoseConditionLapsedWhileItWaitedForTheBudgetIsWithdrawnUnsent() {
        fake.api = r -> new MockResponse.Builder(json(429, "{\"code\":\"too.many.requests.retry.after\"}"))
                .addHeader("Retry-After", "30").build();
        long deadline = fake.clock.millis() + 10_000; // e.g. the contact's window closes in 10 s
        assertThatThrownBy(() -> client.messaging().sendSms(SMS, () -> fake.clock.millis() <= deadline))
                .isInstanceOf(NotSentException.class).isNotInstanceOf(SendOutcomeUnknownException.class);
        assertThat(fake.apiRequests).as("the 429 was not a send; after the 30 s pause nothing was written")
                .hasSize(1);
        fake.api = r -> json(200, OK_SMS);
        assertThatThrownBy(() -> client.messaging().sendSms(SMS, () -> false)).isInstanceOf(NotSentException.class);
        assertThat(fake.apiRequests).hasSize(1);
        // what the caller holds from its check is held until the try is over, and released
        java.util.List<String> calls = new java.util.ArrayList<>();
        assertThat(client.messaging().sendSms(SMS, new Departure() {
            @Override
            public boolean clear() {
                calls.add("clear at request " + fake.apiRequests.size());
                return true;
            }

            @Override
            public void departed() {
                calls.add("departed at request " + fake.apiRequests.size());
            }
        }).messageId()).isEqualTo("msg-1");
        assertThat(calls).containsExactly("clear at request 1", "departed at request 2");
    }

    @Test
    void retryAfterAsAnHttpDate() {
        AtomicInteger n = new AtomicInteger();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                fake.clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
        fake.api = r -> n.incrementAndGet() == 1
                ? new MockResponse.Builder(json(429, "{}")).addHeader("Retry-After", date).build()
                : json(200, "{\"organization\":{\"id\":\"o\"}}");
        long before = fake.clock.millis();
        client.organization().tokenInfo();
        assertThat(fake.clock.millis() - before).isBetween(11_000L, 13_000L);
        assertThat(fake.apiRequests).hasSize(2);
    }

    @Test
    void fallsBackToTheRateLimitResetHeader() {
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> n.incrementAndGet() == 1
                ? new MockResponse.Builder(json(429, "{}")).addHeader("inin-ratelimit-reset", "4").build()
                : json(200, "{}");
        long before = fake.clock.millis();
        client.organization().tokenInfo();
        assertThat(fake.clock.millis() - before).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void exhaustedRateLimitHeadersPauseTheBucket() {
        fake.api = r -> new MockResponse.Builder(json(200, "{}")).addHeader("inin-ratelimit-count", "300")
                .addHeader("inin-ratelimit-allowed", "300").addHeader("inin-ratelimit-reset", "20").build();
        client.organization().tokenInfo();
        assertThat(client.pacer().pausedUntil()).isEqualTo(fake.clock.instant().plusSeconds(20));
    }

    @Test
    void rateLimitWaitsBeyond180SecondsFailAndSurface() {
        fake.api = r -> new MockResponse.Builder(json(429, "{\"code\":\"too.many.requests.retry.after\"}"))
                .addHeader("Retry-After", "100").build();
        assertThatThrownBy(() -> client.organization().tokenInfo()).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).waitedSeconds()).isEqualTo(200));
        assertThat(fake.apiRequests).hasSize(2);
    }

    @Test
    void serverErrorsOnReadsBackOffWithBoundedJitter() {
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> n.incrementAndGet() <= 3 ? json(503, "{\"code\":\"service.unavailable\"}")
                : json(200, "{\"organization\":{\"id\":\"o\"}}");
        client.organization().tokenInfo();
        assertThat(fake.apiRequests).hasSize(4);
        assertThat(fake.sleeper.sleeps).hasSize(3);
        assertThat(fake.sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(fake.sleeper.sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(fake.sleeper.sleeps.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void persistentServerErrorsGiveUpAfterFourRetriesCappedAtEightSeconds() {
        fake.api = r -> json(502, "{\"code\":\"bad.gateway\",\"contextId\":\"ctx-9\"}");
        assertThatThrownBy(() -> client.organization().wrapupCodeMapping())
                .isInstanceOf(GenesysApiException.class)
                .satisfies(e -> {
                    GenesysApiException api = (GenesysApiException) e;
                    assertThat(api.status()).isEqualTo(502);
                    assertThat(api.kind()).isEqualTo(ErrorKind.SERVER_ERROR);
                    assertThat(api.contextId()).isEqualTo("ctx-9");
                });
        assertThat(fake.apiRequests).hasSize(5);
        assertThat(fake.sleeper.sleeps).hasSize(4).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(
                Duration.ofSeconds(8)));
        assertThat(fake.sleeper.sleeps.get(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void readTimeoutOnASendIsOutcomeUnknownAndNotRetried() {
        client.close();
        client = fake.client().readTimeout(Duration.ofMillis(300)).build();
        fake.api = r -> new MockResponse.Builder(json(200, OK_SMS)).headersDelay(1, TimeUnit.SECONDS).build();
        assertThatThrownBy(() -> client.messaging().sendSms(SMS))
                .isInstanceOf(SendOutcomeUnknownException.class)
                .hasMessageContaining("outcome unknown");
        assertThat(fake.apiRequests).hasSize(1);
        assertThat(fake.sleeper.sleeps).isEmpty();
    }

    @Test
    void serverErrorOnASendIsOutcomeUnknownAndNotRetried() {
        fake.api = r -> json(500, "{\"code\":\"internal.server.error\"}");
        assertThatThrownBy(() -> client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of(
                "us@example.com"), Messages.EmailAddress.of("them@example.org"), null, "s", "t", null)))
                .isInstanceOf(SendOutcomeUnknownException.class)
                .satisfies(e -> assertThat(((SendOutcomeUnknownException) e).status()).isEqualTo(500));
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void connectFailureBeforeSendingIsRetryable() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        GenesysEndpoint endpoint = GenesysEndpoint.of("http://127.0.0.1:" + deadPort,
                fake.server.url("/login").toString());
        try (GenesysClient c = GenesysClient.builder(endpoint, new GenesysCredentials("client-1", "x"))
                .clock(fake.clock).sleeper(fake.sleeper).connectTimeout(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> c.messaging().sendSms(SMS))
                    .isInstanceOfSatisfying(GenesysTransportException.class, e -> {
                        assertThat(e.requestSent()).isFalse();
                        assertThat(e.retryable()).isTrue();
                    });
            assertThat(fake.sleeper.sleeps).hasSize(4);
        }
    }

    @Test
    void clientErrorsCarryTheErrorBody() {
        fake.api = r -> json(400, "{\"message\":\"bad number +13175551234\",\"code\":\"invalid.value\",\"status\":400,"
                + "\"contextId\":\"ctx-1\",\"details\":[{\"errorCode\":\"e1\",\"fieldName\":\"toAddress\"}]}");
        assertThatThrownBy(() -> client.messaging().sendSms(SMS))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("invalid.value");
                    assertThat(e.contextId()).isEqualTo("ctx-1");
                    assertThat(e.details()).containsExactly(new GenesysApiException.Detail("e1", "toAddress"));
                    assertThat(e.getMessage()).doesNotContain("+13175551234").contains("1234");
                });
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void forbiddenIsNotRetried() {
        fake.api = r -> json(403, "{\"code\":\"missing.permissions\"}");
        assertThatThrownBy(() -> client.campaigns().getVoiceCampaign("c1"))
                .isInstanceOfSatisfying(GenesysApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void aSendAnswered401IsRenewedAndReplayedOnce() {
        fake.api = r -> "Bearer tok-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, "{\"code\":\"bad.credentials\"}") : json(200, OK_SMS);
        assertThat(client.messaging().sendSms(SMS).conversationId()).isEqualTo("conv-1");
        assertThat(fake.apiRequests).hasSize(2);
        assertThat(fake.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void aCreateThatTimesOutIsNotRepeated() {
        client.close();
        client = fake.client().readTimeout(Duration.ofMillis(300)).build();
        fake.api = r -> new MockResponse.Builder(json(200, "{\"id\":\"L1\"}")).headersDelay(1, TimeUnit.SECONDS)
                .build();
        assertThatThrownBy(() -> client.contacts().createContactList(Contacts.DialerContactList.create("n",
                java.util.List.of("phone"), java.util.List.of(), java.util.List.of())))
                .isInstanceOfSatisfying(GenesysTransportException.class, e -> assertThat(e.requestSent()).isTrue());
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void aCampaignStartThatTimesOutIsNotRepeated() {
        client.close();
        client = fake.client().readTimeout(Duration.ofMillis(300)).build();
        fake.api = r -> new MockResponse.Builder(json(200, "{}")).headersDelay(1, TimeUnit.SECONDS).build();
        assertThatThrownBy(() -> client.campaigns().startVoiceCampaign("k1"))
                .isInstanceOfSatisfying(GenesysTransportException.class, e -> assertThat(e.requestSent()).isTrue());
        assertThatThrownBy(() -> client.campaigns().startMessagingCampaign("m1"))
                .isInstanceOfSatisfying(GenesysTransportException.class, e -> assertThat(e.requestSent()).isTrue());
        assertThat(fake.apiRequests).as("one request each: a repeat may begin a second run over the list")
                .hasSize(2);
    }

    @Test
    void aCampaignStartAnswered503IsNotRepeated() {
        fake.api = r -> json(503, "{\"code\":\"service.unavailable\"}");
        assertThatThrownBy(() -> client.campaigns().startVoiceCampaign("k1"))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void aReadThatTimesOutIsRetried() {
        client.close();
        client = fake.client().readTimeout(Duration.ofMillis(300)).build();
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> n.incrementAndGet() == 1
                ? new MockResponse.Builder(json(200, "{}")).headersDelay(1, TimeUnit.SECONDS).build()
                : json(200, "{\"id\":\"k1\",\"version\":1}");
        assertThat(client.campaigns().getVoiceCampaign("k1").id()).isEqualTo("k1");
        assertThat(fake.sleeper.sleeps).hasSize(1);
    }

    @Test
    void contactAddsAreRetriedOnlyWhenKeyedAndNotQueued() {
        AtomicInteger n = new AtomicInteger();
        fake.api = r -> n.incrementAndGet() == 1 ? json(503, "{}") : json(200, "[]");
        var keyed = java.util.List.of(Contacts.DialerContact.of("c1", "L1", java.util.Map.of("phone", "+13175551234")));
        client.contacts().addContacts("L1", keyed, new Contacts.AddOptions(false, false, true), Priority.SEND);
        assertThat(fake.apiRequests).as("keyed, and not queued: a repeat changes nothing").hasSize(2);

        // a repeat of an add that arrived would put a contact the dialer has called since back in its queue
        n.set(0);
        fake.apiRequests.clear();
        assertThatThrownBy(() -> client.contacts().addContacts("L1", keyed)).isInstanceOf(GenesysApiException.class);
        assertThat(fake.apiRequests).hasSize(1);

        n.set(0);
        fake.apiRequests.clear();
        assertThatThrownBy(() -> client.contacts().addContacts("L1", java.util.List.of(Contacts.DialerContact.of(
                null, "L1", java.util.Map.of("phone", "+13175551234"))))).isInstanceOf(GenesysApiException.class);
        assertThat(fake.apiRequests).hasSize(1);
    }

    @Test
    void anAcceptedSendWithoutIdsIsOutcomeUnknown() {
        fake.api = r -> json(200, "not json");
        assertThatThrownBy(() -> client.messaging().sendSms(SMS)).isInstanceOf(SendOutcomeUnknownException.class);
        fake.api = r -> json(200, "{}");
        assertThatThrownBy(() -> client.messaging().sendSms(SMS)).isInstanceOf(SendOutcomeUnknownException.class);
        assertThat(fake.apiRequests).hasSize(2);
    }
}
