package dev.switchboard.genesys;

import java.time.Duration;
import java.util.Random;

/**
 * Backoff for repeatable requests after 408, 500, 502–504 or a network error: 1, 2, 4, 8 s (capped), each
 * jittered uniformly into [d/2, d]. A value; {@link #delay} is thread-safe if the {@link Random} is.
 *
 * @param maxRetries retries after the first attempt
 * @param base       the first delay
 * @param cap        the largest delay
 * @param random     the jitter source (seed it in tests)
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, Random random) {

    /** 4 retries: 1, 2, 4, 8 s, jittered. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), new Random());
    }

    /** The nominal (un-jittered) delay before retry {@code retry} (0-based). */
    public Duration nominal(int retry) {
        long millis = base.toMillis() << Math.min(retry, 20);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** The jittered delay before retry {@code retry} (0-based), in [nominal/2, nominal]. */
    public Duration delay(int retry) {
        long nominal = nominal(retry).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (nominal - half)));
    }
}
