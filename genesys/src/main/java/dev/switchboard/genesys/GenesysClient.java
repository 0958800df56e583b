package dev.switchboard.genesys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Genesys Cloud client of one credential: one token provider, one pacer, two OkHttp clients sharing a
 * connection pool (repeatable calls; sends with {@code retryOnConnectionFailure(false)}), and the endpoint areas.
 *
 * <pre>{@code
 * try (GenesysClient client = GenesysClient.builder(
 *         GenesysEndpoint.of(sandbox.apiBaseUrl(), sandbox.loginBaseUrl()),
 *         new GenesysCredentials(sandbox.clientId(), sandbox.clientSecret())).build()) {
 *     client.configurePacingFromOrgLimits();
 *     var sms = client.messaging().sendSms(new Messages.Sms("+13175550000", "+13175551234", "Hello"));
 *     var email = client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of("us@example.com"),
 *             Messages.EmailAddress.of("them@example.org"), null, "Subject", "Text", null));
 * }
 * }</pre>
 *
 * Thread-safe: share one instance per credential across all workers.
 */
public final class GenesysClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysClient.class);

    private final GenesysEndpoint endpoint;
    private final OkHttpClient repeatableHttp;
    private final OkHttpClient sendHttp;
    private final TokenProvider tokens;
    private final Pacer pacer;
    private final ApiTransport transport;
    private final Clock clock;
    private final MessagingApi messaging;
    private final ContactListApi contacts;
    private final DncApi dnc;
    private final CampaignApi campaigns;
    private final OrganizationApi organization;
    private final NotificationsApi notifications;
    private final ResponsesApi responses;
    private final boolean ownsHttp;
    private final List<NotificationStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

    private GenesysClient(Builder b) {
        this.ownsHttp = b.baseHttp == null;
        this.endpoint = b.endpoint;
        this.clock = b.clock;
        OkHttpClient base = (b.baseHttp != null ? b.baseHttp.newBuilder() : new OkHttpClient.Builder())
                // our own pool, always: idle connections are dropped before common server idle timeouts (Jetty 30 s,
                // load balancers 60 s), since a send over a connection the server already closed would end
                // "outcome unknown" and a read would be silently repeated outside the pacer
                .connectionPool(new ConnectionPool(8, 20, TimeUnit.SECONDS))
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .followRedirects(false)
                .eventListenerFactory(ApiTransport.TRACKER_FACTORY)
                .build();
        this.repeatableHttp = base;
        this.sendHttp = base.newBuilder().retryOnConnectionFailure(false).build();
        this.tokens = new TokenProvider(sendHttp, endpoint, b.credentials, clock);
        this.pacer = b.pacer != null ? b.pacer : new Pacer(b.orgLimit, clock);
        this.transport = new ApiTransport(endpoint, tokens, pacer, repeatableHttp, sendHttp, b.retryPolicy,
                b.sleeper, clock);
        this.messaging = new MessagingApi(transport);
        this.contacts = new ContactListApi(transport);
        this.dnc = new DncApi(transport, b.sleeper, clock);
        this.campaigns = new CampaignApi(transport);
        this.organization = new OrganizationApi(transport);
        this.notifications = new NotificationsApi(transport);
        this.responses = new ResponsesApi(transport);
    }

    /** A builder for an endpoint (a region's or explicit URLs) and credentials. */
    public static Builder builder(GenesysEndpoint endpoint, GenesysCredentials credentials) {
        return new Builder(endpoint, credentials);
    }

    /** A builder for a region. */
    public static Builder builder(GenesysRegion region, GenesysCredentials credentials) {
        return new Builder(region.endpoint(), credentials);
    }

    /** Where this client connects. */
    public GenesysEndpoint endpoint() {
        return endpoint;
    }

    /** Agentless SMS and email, message status. */
    public MessagingApi messaging() {
        return messaging;
    }

    /** Contact lists and contacts. */
    public ContactListApi contacts() {
        return contacts;
    }

    /** DNC lists. */
    public DncApi dnc() {
        return dnc;
    }

    /** Voice and messaging campaigns. */
    public CampaignApi campaigns() {
        return campaigns;
    }

    /** Wrap-up codes and mapping, limits, SMS numbers, token info. */
    public OrganizationApi organization() {
        return organization;
    }

    /** Response Management: the content templates of messaging campaigns. */
    public ResponsesApi responses() {
        return responses;
    }

    /** Notification channels and subscriptions (REST). */
    public NotificationsApi notifications() {
        return notifications;
    }

    /** The shared request budget. */
    public Pacer pacer() {
        return pacer;
    }

    /** The shared token. */
    public TokenProvider tokens() {
        return tokens;
    }

    /**
     * Reads {@code client.credentials.token.rate.per.minute} from the {@code platform.api} limits and sizes the
     * pacer from it (the default 300 if absent or unreadable). Returns the org limit used.
     */
    public long configurePacingFromOrgLimits() {
        long limit = Pacer.DEFAULT_ORG_LIMIT;
        try {
            OptionalLong reported = organization.tokenRateLimitPerMinute();
            if (reported.isPresent()) {
                limit = reported.getAsLong();
            }
        } catch (GenesysApiException e) {
            LOG.warn("Could not read the org's rate limit ({}); using {} requests/minute", e.getMessage(), limit);
        }
        pacer.setOrgLimit((int) Math.min(Integer.MAX_VALUE, limit));
        LOG.info("Request budget: {} requests/minute (org limit {})", pacer.budget(), limit);
        return limit;
    }

    /** Opens a notification stream with default timings; close it when done. */
    public NotificationStream openNotifications(List<String> topics, NotificationListener listener) {
        return openNotifications(topics, listener, NotificationStream.Settings.defaults());
    }

    /** Opens a notification stream; close it when done. */
    public NotificationStream openNotifications(List<String> topics, NotificationListener listener,
            NotificationStream.Settings settings) {
        OkHttpClient ws = repeatableHttp.newBuilder().readTimeout(Duration.ZERO).build();
        NotificationStream stream = new NotificationStream(notifications, ws, endpoint, tokens, clock, listener,
                settings);
        streams.add(stream);
        stream.start(topics);
        return stream;
    }

    /**
     * Closes the notification streams it opened, evicts its idle connections and stops its dispatcher threads (unless
     * the OkHttp client was supplied by the caller, whose dispatcher it shares). In-flight calls finish.
     */
    @Override
    public void close() {
        streams.forEach(NotificationStream::close);
        streams.clear();
        repeatableHttp.connectionPool().evictAll();
        if (ownsHttp) {
            repeatableHttp.dispatcher().executorService().shutdown();
        }
    }

    /** Builds a {@link GenesysClient}; every setting has a production default. Not thread-safe. */
    public static final class Builder {
        private final GenesysEndpoint endpoint;
        private final GenesysCredentials credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int orgLimit = Pacer.DEFAULT_ORG_LIMIT;
        private Pacer pacer;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private OkHttpClient baseHttp;

        private Builder(GenesysEndpoint endpoint, GenesysCredentials credentials) {
            this.endpoint = Objects.requireNonNull(endpoint);
            this.credentials = Objects.requireNonNull(credentials);
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Used for backoff and export polling waits. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** The org's requests per minute per token until {@link #configurePacingFromOrgLimits()} reads it. */
        public Builder orgLimit(int value) {
            this.orgLimit = value;
            return this;
        }

        /** A pacer to share (e.g. with a test's virtual clock); overrides {@link #orgLimit}. */
        public Builder pacer(Pacer value) {
            this.pacer = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** Read and write timeout of every call; a send that times out is "outcome unknown". */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /** A base OkHttp client (its pool and dispatcher are shared). */
        public Builder httpClient(OkHttpClient value) {
            this.baseHttp = value;
            return this;
        }

        public GenesysClient build() {
            return new GenesysClient(this);
        }
    }
}
