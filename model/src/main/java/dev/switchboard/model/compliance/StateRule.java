package dev.switchboard.model.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The calling window of one state for voice and SMS.
 *
 * @param days      the window per day of week; a missing day is banned
 * @param holidays  dates (observed days included) on which nothing may be sent; empty when the state has no ban
 * @param citation  the source of the rule
 */
public record StateRule(String state, Map<DayOfWeek, DayWindow> days, Set<LocalDate> holidays, String citation) {
    public StateRule {
        Objects.requireNonNull(state, "state");
        days = java.util.Collections.unmodifiableMap(new EnumMap<>(days.isEmpty() ? Map.of() : days));
        holidays = Set.copyOf(holidays);
        Objects.requireNonNull(citation, "citation");
    }

    /** The window on a day, or null when the day is banned. */
    public DayWindow window(LocalDate date) {
        if (holidays.contains(date)) {
            return null;
        }
        return days.get(date.getDayOfWeek());
    }
}
