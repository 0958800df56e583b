package dev.switchboard.engine.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Engine time that starts at a chosen instant and runs {@code speed} times faster than real time: for tests, demos
 * and forecasts against an org whose own clock is not shared. Real time at speed 1 from now is the system clock.
 */
public final class VirtualTime extends Clock {
    private final Instant start;
    private final long realStartNanos;
    private final double speed;

    public VirtualTime(Instant start, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number");
        }
        this.start = start;
        this.realStartNanos = System.nanoTime();
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("virtual time is UTC only");
    }

    @Override
    public Instant instant() {
        long real = System.nanoTime() - realStartNanos;
        return start.plus(Duration.ofNanos((long) (real * speed)));
    }
}
