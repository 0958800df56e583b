package dev.switchboard.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Sandbox} starts.
 *
 * @param port              loopback port, 0 for any free port
 * @param seed              seed of the simulated world: same seed and address, same behaviour
 * @param stateFile         JSON file holding the org state across restarts; null keeps it in memory only
 * @param tokenLifetime     lifetime of issued access tokens, measured on the virtual clock
 * @param requestsPerMinute request budget per OAuth client per minute (real time, fixed window)
 * @param clockSpeed        virtual seconds per real second (1.0 = real time, 10080 = a week per minute)
 * @param webhookUrl        where the simulated email service provider POSTs bounces and unsubscribes; null = none
 */
public record SandboxConfig(int port, long seed, Path stateFile, Duration tokenLifetime, int requestsPerMinute,
                            double clockSpeed, URI webhookUrl) {

    /** Validates the values. */
    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requestsPerMinute must be positive");
        }
        if (!(clockSpeed > 0) || Double.isInfinite(clockSpeed)) {
            throw new IllegalArgumentException("clockSpeed must be a positive number");
        }
    }

    /** Port 0, seed 1, in memory, 24 h tokens, 300 requests per minute, real-time clock, no webhooks. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, 1L, null, Duration.ofHours(24), 300, 1.0, null);
    }

    /** A copy with another port. */
    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, seed, stateFile, tokenLifetime, requestsPerMinute, clockSpeed, webhookUrl);
    }

    /** A copy with another seed. */
    public SandboxConfig withSeed(long newSeed) {
        return new SandboxConfig(port, newSeed, stateFile, tokenLifetime, requestsPerMinute, clockSpeed, webhookUrl);
    }

    /** A copy with another state file (null = in memory). */
    public SandboxConfig withStateFile(Path newStateFile) {
        return new SandboxConfig(port, seed, newStateFile, tokenLifetime, requestsPerMinute, clockSpeed, webhookUrl);
    }

    /** A copy with another token lifetime. */
    public SandboxConfig withTokenLifetime(Duration newLifetime) {
        return new SandboxConfig(port, seed, stateFile, newLifetime, requestsPerMinute, clockSpeed, webhookUrl);
    }

    /** A copy with another request budget per minute. */
    public SandboxConfig withRequestsPerMinute(int newRpm) {
        return new SandboxConfig(port, seed, stateFile, tokenLifetime, newRpm, clockSpeed, webhookUrl);
    }

    /** A copy with another clock speed. */
    public SandboxConfig withClockSpeed(double newSpeed) {
        return new SandboxConfig(port, seed, stateFile, tokenLifetime, requestsPerMinute, newSpeed, webhookUrl);
    }

    /** A copy with another webhook URL (null = none). */
    public SandboxConfig withWebhookUrl(URI newWebhookUrl) {
        return new SandboxConfig(port, seed, stateFile, tokenLifetime, requestsPerMinute, clockSpeed, newWebhookUrl);
    }
}
