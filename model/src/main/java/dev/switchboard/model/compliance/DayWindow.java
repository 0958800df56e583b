package dev.switchboard.model.compliance;

import java.time.LocalTime;
import java.util.Objects;

/** A local-time window, start inclusive, end exclusive; {@code end} 00:00 is not allowed (use 23:59:59). */
public record DayWindow(LocalTime start, LocalTime end) {
    public DayWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window " + start + "-" + end + " is empty or negative");
        }
    }

    public static DayWindow of(int startHour, int endHour) {
        return new DayWindow(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
    }

    int startSecond() {
        return start.toSecondOfDay();
    }

    int endSecond() {
        return end.toSecondOfDay();
    }

    /** The intersection, or null when they do not overlap. */
    public DayWindow intersect(DayWindow other) {
        if (other == null) {
            return this;
        }
        LocalTime s = start.isAfter(other.start) ? start : other.start;
        LocalTime e = end.isBefore(other.end) ? end : other.end;
        return s.isBefore(e) ? new DayWindow(s, e) : null;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
