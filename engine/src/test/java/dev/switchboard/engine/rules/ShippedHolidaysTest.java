package dev.switchboard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped calendar follows its observed-day rules: a weekend holiday's weekday stand-in is listed too. */
class ShippedHolidaysTest {

    @ParameterizedTest(name = "{0}: Saturday -> Friday {1}, Sunday -> Monday {2}")
    @CsvSource(delimiter = '|', textBlock = """
            AL | true  | true
            MS | false | true
            """)
    void observedDaysAreListed(String state, boolean saturdayToFriday, boolean sundayToMonday) {
        Set<LocalDate> holidays = Gates.PACK.states().get(state).holidays();
        for (LocalDate h : holidays) {
            if (saturdayToFriday && h.getDayOfWeek() == DayOfWeek.SATURDAY) {
                assertTrue(holidays.contains(h.minusDays(1)), state + " " + h + " needs its Friday");
            }
            if (sundayToMonday && h.getDayOfWeek() == DayOfWeek.SUNDAY) {
                assertTrue(holidays.contains(h.plusDays(1)), state + " " + h + " needs its Monday");
            }
        }
        assertTrue(holidays.stream().allMatch(d -> d.getYear() == 2026), state + " lists a date outside 2026");
    }
}
