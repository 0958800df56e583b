package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VirtualClockTest {

    /** A real clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void scalesRealTimeAndKeepsItAcrossSpeedChanges() {
        ManualClock real = new ManualClock();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        VirtualClock clock = new VirtualClock(real, start, 10080);
        real.now = real.now.plusSeconds(60);
        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofDays(7)));
        clock.setSpeed(1);
        real.now = real.now.plusSeconds(10);
        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofDays(7)).plusSeconds(10));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofDays(7)).plusSeconds(10).plus(Duration.ofHours(1)));
        assertThat(clock.realDelayUntil(clock.now().plusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeekPerMinuteRunsForMonthsOfRealTime() {
        ManualClock real = new ManualClock();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        VirtualClock clock = new VirtualClock(real, start, 10080);
        real.now = real.now.plus(Duration.ofDays(30));
        assertThat(clock.now()).isEqualTo(start.plus(Duration.ofDays(30L * 10080)));
    }
}
