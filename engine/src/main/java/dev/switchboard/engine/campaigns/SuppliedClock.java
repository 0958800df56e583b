package dev.switchboard.engine.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A UTC clock reading its instants from elsewhere: the sandbox's virtual clock, shared with the engine. */
public final class SuppliedClock extends Clock {
    private final Supplier<Instant> source;

    public SuppliedClock(Supplier<Instant> source) {
        this.source = source;
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
        throw new UnsupportedOperationException("a supplied clock is UTC only");
    }

    @Override
    public Instant instant() {
        return source.get();
    }
}
