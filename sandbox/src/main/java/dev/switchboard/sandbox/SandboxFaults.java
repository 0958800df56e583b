package dev.switchboard.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the sandbox injects into {@code /api/v2} calls, changeable at run time from any thread. Faults never apply to
 * the token endpoint, except that {@link #revokeAllTokens()} invalidates every token issued so far.
 */
public final class SandboxFaults {

    /** What a {@link #revokeAllTokens()} or {@link #closeSockets()} call should reach. */
    interface Hooks {
        void revokeAllTokens();

        void closeSockets();
    }

    private volatile double rate429;
    private volatile double rate5xx;
    private volatile double rate409;
    private final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile double readTimeoutAfterAction;
    private volatile double dropConnectionAfterAction;
    private volatile int retryAfterSeconds = 1;
    private volatile Hooks hooks;
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();

    SandboxFaults() {
    }

    void hooks(Hooks newHooks) {
        this.hooks = newHooks;
    }

    /** Share of requests (0..1) answered 429 {@code too.many.requests.retry.after}. */
    public SandboxFaults rate429(double rate) {
        this.rate429 = checkRate(rate);
        return this;
    }

    /** Share of requests (0..1) answered 503 {@code service.unavailable}. */
    public SandboxFaults rate5xx(double rate) {
        this.rate5xx = checkRate(rate);
        return this;
    }

    /**
     * Share of updates (0..1) of versioned outbound objects (PUT or PATCH of a campaign, messaging campaign, contact
     * list or DNC list, not of what they contain) answered 409 {@code invalid.update.wrong.version}, as when
     * someone else changed the object between the caller's read and write. Nothing is changed.
     */
    public SandboxFaults rate409(double rate) {
        this.rate409 = checkRate(rate);
        return this;
    }

    /** The next {@code n} updates in {@link #rate409}'s scope are answered 409, whatever the rate (deterministic). */
    public SandboxFaults conflictNext(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("conflictNext must be zero or positive");
        }
        conflicts.set(n);
        return this;
    }

    /** Whether this versioned update gets an injected 409 (consumes one of {@link #conflictNext}). */
    boolean conflict() {
        return conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || roll(rate409);
    }

    /** Delay added before every API request is handled. */
    public SandboxFaults latency(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        this.latency = delay;
        return this;
    }

    /**
     * Share of requests (0..1) whose action takes effect (a message is created and ledgered, a list is written) and
     * whose response is then held back for 30 s, past any sane client read timeout.
     */
    public SandboxFaults readTimeoutAfterAction(double rate) {
        this.readTimeoutAfterAction = checkRate(rate);
        return this;
    }

    /**
     * Share of requests (0..1) whose action takes effect and whose connection is then closed without a response
     * (the client sees an unexpected end of stream rather than a timeout).
     */
    public SandboxFaults dropConnectionAfterAction(double rate) {
        this.dropConnectionAfterAction = checkRate(rate);
        return this;
    }

    /** The Retry-After value (seconds) of injected 429s. */
    public SandboxFaults retryAfterSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be zero or positive");
        }
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Invalidates every access token issued so far: later calls with them get 401 {@code bad.credentials}. */
    public SandboxFaults revokeAllTokens() {
        Hooks h = hooks;
        if (h != null) {
            h.revokeAllTokens();
        }
        return this;
    }

    /** Sends {@code v2.system.socket_closing} on every notification WebSocket, then closes it. */
    public SandboxFaults closeSockets() {
        Hooks h = hooks;
        if (h != null) {
            h.closeSockets();
        }
        return this;
    }

    /**
     * Withholds the permission behind an operation: requests whose {@code "METHOD /path"} starts with
     * {@code operationPrefix} (e.g. {@code "PATCH /api/v2/outbound/dnclists"}) get 403 {@code missing.permissions}.
     */
    public SandboxFaults withholdPermission(String operationPrefix) {
        withheld.add(operationPrefix.trim().toUpperCase(Locale.ROOT));
        return this;
    }

    /** Grants every withheld permission again. */
    public SandboxFaults restorePermissions() {
        withheld.clear();
        return this;
    }

    /** The withheld operation prefixes, upper-cased. */
    public Set<String> withheldPermissions() {
        return Set.copyOf(withheld);
    }

    boolean withheld(String method, String path) {
        if (withheld.isEmpty()) {
            return false;
        }
        String op = (method + " " + path).toUpperCase(Locale.ROOT);
        return withheld.stream().anyMatch(op::startsWith);
    }

    /** Clears every rate, the latency and withheld permissions. */
    public SandboxFaults reset() {
        withheld.clear();
        rate429 = 0;
        rate5xx = 0;
        rate409 = 0;
        conflicts.set(0);
        latency = Duration.ZERO;
        readTimeoutAfterAction = 0;
        dropConnectionAfterAction = 0;
        retryAfterSeconds = 1;
        return this;
    }

    /** Share of requests answered 429. */
    public double rate429() {
        return rate429;
    }

    /** Share of requests answered 503. */
    public double rate5xx() {
        return rate5xx;
    }

    /** Share of versioned-object updates answered 409. */
    public double rate409() {
        return rate409;
    }

    /** Whether {@code METHOD path} updates a versioned outbound object itself (the {@link #rate409} fault's scope). */
    static boolean versionedUpdate(String method, String path) {
        return (method.equalsIgnoreCase("PUT") || method.equalsIgnoreCase("PATCH")) && VERSIONED.matcher(path).matches();
    }

    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile(
            "/api/v2/outbound/(campaigns|messagingcampaigns|contactlists|dnclists)/[^/]+/?");

    /** Delay added to every API request. */
    public Duration latency() {
        return latency;
    }

    /** Share of requests whose response is held back after the action. */
    public double readTimeoutAfterAction() {
        return readTimeoutAfterAction;
    }

    /** Share of requests whose connection is dropped after the action. */
    public double dropConnectionAfterAction() {
        return dropConnectionAfterAction;
    }

    /** Retry-After of injected 429s, in seconds. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean roll(double rate) {
        return rate > 0 && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate);
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        return rate;
    }
}
