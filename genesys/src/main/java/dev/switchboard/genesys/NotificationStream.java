package dev.switchboard.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification channel kept alive: creates the channel, subscribes (ignoreErrors), opens the WebSocket,
 * pings after {@link Settings#silence()} without a frame and reconnects if no pong follows within
 * {@link Settings#pongTimeout()}; reconnects (new channel, resubscribe, new socket, then drop the old one) on
 * {@code v2.system.socket_closing}, {@link Settings#expiryMargin()} before the channel expires, and after a socket
 * failure, with jittered exponential backoff. Events go to the {@link NotificationListener}, de-duplicated by
 * correlation id in a bounded LRU. Thread-safe; its own work runs on one daemon thread.
 */
public final class NotificationStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationStream.class);

    /**
     * Timings of the stream.
     *
     * @param silence        ping after this long without a frame (60 s)
     * @param pongTimeout    reconnect if no frame follows a ping within this (10 s)
     * @param expiryMargin   reconnect this long before the channel expires (1 h)
     * @param reconnectBase  first reconnect delay, doubled per failure (1 s)
     * @param reconnectCap   largest reconnect delay (60 s)
     * @param checkInterval  how often the watchdog looks (1 s)
     * @param dedupCapacity  correlation ids remembered (10 000)
     */
    public record Settings(Duration silence, Duration pongTimeout, Duration expiryMargin, Duration reconnectBase,
            Duration reconnectCap, Duration checkInterval, int dedupCapacity) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(1), 10_000);
        }
    }

    private final NotificationsApi api;
    private final OkHttpClient http;
    private final HttpUrl apiBase;
    private final TokenProvider tokens;
    private final Clock clock;
    private final NotificationListener listener;
    private final Settings settings;
    private final Random random = new Random();
    private final ScheduledExecutorService executor;
    private final NotificationFrame.Seen seen;
    private final List<String> topics = new CopyOnWriteArrayList<>();

    // guarded by this
    private int generation;
    private WebSocket socket;
    /** The replaced socket, kept until the new one opens (make before break; duplicates are removed). */
    private WebSocket retiring;
    private Notifications.Channel channel;
    private Instant renewAt;
    private Instant lastFrameAt;
    private Instant pingSentAt;
    private int failures;
    private boolean reconnectScheduled;
    private boolean closed;
    private Notifications.ConnectionState state = Notifications.ConnectionState.CLOSED;

    NotificationStream(NotificationsApi api, OkHttpClient http, GenesysEndpoint endpoint, TokenProvider tokens,
            Clock clock, NotificationListener listener, Settings settings) {
        this.api = api;
        this.http = http;
        this.apiBase = HttpUrl.get(endpoint.apiBase().toString());
        this.tokens = tokens;
        this.clock = clock;
        this.listener = listener;
        this.settings = settings;
        this.seen = new NotificationFrame.Seen(settings.dedupCapacity());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "genesys-notifications");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("notification thread failed", e));
            return t;
        });
    }

    /** Subscribes to {@code topicNames} and connects (asynchronously). Call once. */
    public void start(List<String> topicNames) {
        topics.addAll(topicNames);
        long period = settings.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::watchdog, period, period, TimeUnit.MILLISECONDS);
        executor.execute(() -> connect("start"));
    }

    /** The current state. */
    public synchronized Notifications.ConnectionState state() {
        return state;
    }

    /** The current channel id, or null before the first connect. */
    public synchronized String channelId() {
        return channel == null ? null : channel.id();
    }

    /** Closes the socket and stops reconnecting. Idempotent. */
    @Override
    public void close() {
        WebSocket s;
        WebSocket old;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = socket;
            socket = null;
            old = retiring;
            retiring = null;
            generation++;
        }
        executor.shutdownNow();
        if (s != null) {
            s.close(1000, "client closing");
        }
        if (old != null) {
            old.close(1000, "client closing");
        }
        setState(Notifications.ConnectionState.CLOSED, "closed");
    }

    private void connect(String reason) {
        synchronized (this) {
            reconnectScheduled = false;
            if (closed) {
                return;
            }
        }
        setState(failuresSoFar() == 0 && channelId() == null ? Notifications.ConnectionState.CONNECTING
                : Notifications.ConnectionState.RECONNECTING, reason);
        try {
            Notifications.Channel ch = api.createChannel();
            List<Notifications.TopicState> states = api.subscribe(ch.id(), List.copyOf(topics));
            List<Notifications.TopicState> rejected = states.stream().filter(Notifications.TopicState::rejected)
                    .toList();
            if (!rejected.isEmpty()) {
                LOG.warn("Genesys rejected {} notification topic(s): {}", rejected.size(),
                        rejected.stream().map(Notifications.TopicState::id).toList());
                safely(() -> listener.onTopicsRejected(rejected));
            }
            Request.Builder request = new Request.Builder().url(ch.connectUri());
            HttpUrl target = HttpUrl.parse(ch.connectUri().replaceFirst("^ws", "http"));
            if (target != null && target.host().equals(apiBase.host()) && target.port() == apiBase.port()) {
                request.header("Authorization", "Bearer " + tokens.token());
            }
            WebSocket stale;
            synchronized (this) {
                if (closed) {
                    return;
                }
                int gen = ++generation;
                stale = retiring;
                retiring = socket;
                channel = ch;
                lastFrameAt = clock.instant();
                renewAt = renewalTime(parseExpiry(ch.expires()), lastFrameAt);
                pingSentAt = null;
                socket = http.newWebSocket(request.build(), new SocketListener(gen));
            }
            if (stale != null) {
                stale.close(1000, "replaced by a new channel");
            }
            LOG.info("Notification channel {} opening ({})", ch.id(), reason);
        } catch (RuntimeException e) {
            if (isClosed()) {
                LOG.debug("Notification connect abandoned: stream closed");
                return;
            }
            LOG.warn("Could not open a notification channel ({}): {}", reason, e.toString());
            scheduleReconnect("connect failed: " + e.getMessage());
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized int failuresSoFar() {
        return failures;
    }

    private void scheduleReconnect(String reason) {
        long delay;
        synchronized (this) {
            if (closed || reconnectScheduled) {
                return;
            }
            reconnectScheduled = true;
            long nominal = Math.min(settings.reconnectCap().toMillis(),
                    settings.reconnectBase().toMillis() << Math.min(failures, 20));
            failures++;
            delay = nominal / 2 + (long) (random.nextDouble() * (nominal - nominal / 2));
        }
        setState(Notifications.ConnectionState.RECONNECTING, reason);
        try {
            executor.schedule(() -> connect(reason), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            LOG.debug("not reconnecting: stream closed");
        }
    }

    /** Replace the channel now (socket_closing, expiry, no pong): no backoff for the first attempt. */
    private void reconnectNow(String reason) {
        synchronized (this) {
            if (closed || reconnectScheduled) {
                return;
            }
            reconnectScheduled = true;
        }
        LOG.info("Reconnecting notifications: {}", reason);
        try {
            executor.execute(() -> connect(reason));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            LOG.debug("not reconnecting: stream closed");
        }
    }

    private void watchdog() {
        WebSocket ping = null;
        String reconnect = null;
        synchronized (this) {
            if (closed || socket == null || reconnectScheduled) {
                return;
            }
            Instant now = clock.instant();
            if (renewAt != null && !now.isBefore(renewAt)) {
                reconnect = "channel expiry";
            } else if (pingSentAt != null) {
                if (!now.isBefore(pingSentAt.plus(settings.pongTimeout()))) {
                    reconnect = "no pong";
                }
            } else if (!now.isBefore(lastFrameAt.plus(settings.silence()))) {
                pingSentAt = now;
                ping = socket;
            }
        }
        if (reconnect != null) {
            reconnectNow(reconnect);
        } else if (ping != null) {
            LOG.debug("No notification frame for {}; sending ping", settings.silence());
            ping.send("{\"message\":\"ping\"}");
        }
    }

    private void onFrame(int gen, String text) {
        synchronized (this) {
            if (gen == generation) {
                lastFrameAt = clock.instant();
                pingSentAt = null;
            }
        }
        NotificationFrame frame = NotificationFrame.parse(text);
        switch (frame.kind()) {
            case UNREADABLE -> LOG.warn("Unreadable notification frame ignored ({} chars)", text.length());
            case METADATA -> LOG.trace("channel.metadata frame");
            case SOCKET_CLOSING -> {
                if (gen == currentGeneration()) {
                    reconnectNow("socket_closing");
                }
            }
            case EVENT -> {
                NotificationEvent event = frame.event();
                if (seen.firstTime(event.correlationId())) {
                    safely(() -> listener.onEvent(event));
                }
            }
        }
    }

    private synchronized int currentGeneration() {
        return generation;
    }

    private void setState(Notifications.ConnectionState next, String reason) {
        synchronized (this) {
            if (state == next || (closed && next != Notifications.ConnectionState.CLOSED)) {
                return;
            }
            state = next;
        }
        safely(() -> listener.onStateChanged(next, reason));
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("Notification listener failed", e);
        }
    }

    /** The margin before expiry, but never more than half the channel's remaining life (no reconnect storm). */
    private Instant renewalTime(Instant expires, Instant now) {
        if (expires == null) {
            return null;
        }
        Duration life = Duration.between(now, expires);
        Duration margin = settings.expiryMargin();
        if (margin.compareTo(life.dividedBy(2)) > 0) {
            margin = life.dividedBy(2);
        }
        return expires.minus(margin);
    }

    private static Instant parseExpiry(String expires) {
        if (expires == null) {
            return null;
        }
        try {
            return Instant.parse(expires);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(expires).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private final class SocketListener extends WebSocketListener {
        private final int gen;

        SocketListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            WebSocket replaced;
            synchronized (NotificationStream.this) {
                if (gen != generation) {
                    return;
                }
                failures = 0;
                replaced = retiring;
                retiring = null;
            }
            if (replaced != null) {
                replaced.close(1000, "replaced by a new channel");
            }
            setState(Notifications.ConnectionState.CONNECTED, "open");
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onFrame(gen, text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            if (gen == currentGeneration()) {
                scheduleReconnect("server closed the socket (" + code + ")");
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (gen == currentGeneration()) {
                LOG.warn("Notification socket failed: {}", t.toString());
                scheduleReconnect("socket failure: " + t.getMessage());
            }
        }
    }
}
