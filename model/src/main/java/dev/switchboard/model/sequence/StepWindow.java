package dev.switchboard.model.sequence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A local-time window of a touch: from {@code start} (inclusive) to {@code end} (exclusive) on {@code days}. */
public record StepWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
    public StepWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Every day of the week. */
    public static StepWindow daily(LocalTime start, LocalTime end) {
        return new StepWindow(start, end, EnumSet.allOf(DayOfWeek.class));
    }

    public boolean contains(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
    }
}
