package dev.switchboard.engine.ipc;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the running engine listens and how to prove the right to talk to it, as kept in the endpoint file.
 * {@link #toString()} leaves the token out, so an endpoint can be logged.
 *
 * @param port      the loopback TCP port of the engine API
 * @param token     the bearer token every request must carry
 * @param pid       the engine's process id
 * @param startedAt when the engine API started
 */
public record Endpoint(int port, String token, long pid, Instant startedAt) {
    public Endpoint {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(startedAt, "startedAt");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("empty token");
        }
    }

    @Override
    public String toString() {
        return "Endpoint[port=" + port + ", pid=" + pid + ", startedAt=" + startedAt + "]";
    }
}
