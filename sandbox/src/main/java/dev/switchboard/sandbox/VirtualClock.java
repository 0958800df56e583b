package dev.switchboard.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's notion of time: real time scaled by a speed factor, plus manual jumps. Drives message status
 * progression, replies, dialer pacing, token lifetime and callable windows. Thread-safe.
 */
public final class VirtualClock {

    private final Clock real;
    private Instant realBase;
    private Instant virtualBase;
    private double speed;

    VirtualClock(Clock real, Instant start, double speed) {
        this.real = real;
        this.realBase = real.instant();
        this.virtualBase = start;
        this.speed = speed;
    }

    /** The current virtual instant. */
    public synchronized Instant now() {
        long realNanos = Duration.between(realBase, real.instant()).toNanos();
        // in seconds + nanos: at a week per minute, nanoseconds in a long would overflow after ten real days
        double virtualNanos = realNanos * speed;
        long seconds = (long) (virtualNanos / 1e9);
        long nanos = (long) (virtualNanos - seconds * 1e9);
        return virtualBase.plusSeconds(seconds).plusNanos(nanos);
    }

    /** Virtual seconds per real second. */
    public synchronized double speed() {
        return speed;
    }

    /** Changes the speed from now on; time already passed is kept. */
    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0) || Double.isInfinite(newSpeed)) {
            throw new IllegalArgumentException("speed must be a positive number");
        }
        rebase();
        speed = newSpeed;
    }

    /** Jumps virtual time forward. */
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        rebase();
        virtualBase = virtualBase.plus(amount);
    }

    /** Real time until the virtual clock reaches {@code target} at the current speed (zero if passed). */
    synchronized Duration realDelayUntil(Instant target) {
        Duration virtual = Duration.between(now(), target);
        if (virtual.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (virtual.toNanos() / speed));
    }

    private void rebase() {
        Instant n = now();
        realBase = real.instant();
        virtualBase = n;
    }
}
