package dev.switchboard.engine.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clock reading its instants from elsewhere: the sandbox's virtual clock shared with the engine, or
 * {@link #virtual virtual time} that starts at a chosen instant and runs faster than real time (tests, demos,
 * forecasts). Every zone of it reads the same instants.
 */
public final class SuppliedClock extends Clock {
    private final Supplier<Instant> source;
    private final ZoneId zone;

    public SuppliedClock(Supplier<Instant> source) {
        this(source, ZoneOffset.UTC);
    }

    private SuppliedClock(Supplier<Instant> source, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Time from {@code start}, running {@code speed} times faster than real time. */
    public static SuppliedClock virtual(Instant start, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number");
        }
        long realStart = System.nanoTime();
        return new SuppliedClock(() -> start.plus(Duration.ofNanos((long) ((System.nanoTime() - realStart) * speed))));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new SuppliedClock(source, newZone);
    }

    @Override
    public Instant instant() {
        return source.get();
    }
}
