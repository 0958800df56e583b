package dev.switchboard.model.compliance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallableTimesTest {

    /** Federal 08–21, voice default 09–21, CT 09–20, TX Sundays 12–21, AL bans Sundays. */
    static RulePack pack() {
        Map<String, Object> t = RulePackValidatorTest.goodTree();
        t.put("states", Map.of(
                "TX", Map.of("window", "09:00-21:00", "days", Map.of("SUN", "12:00-21:00"), "citation", "TX"),
                "CT", Map.of("window", "09:00-20:00", "citation", "CT"),
                "AL", Map.of("window", "08:00-20:00", "banned_days", List.of("SUN"), "citation", "AL")));
        RulePackValidator.Result r = RulePackValidator.validate(t);
        assertTrue(r.ok(), r.problems().toString());
        return r.pack();
    }

    @ParameterizedTest(name = "day {0} {1}-{2} fits: {3}")
    @CsvSource({
            "1, 09:00, 20:00, true",
            "5, 10:00, 19:30, true",
            "6, 09:00, 20:00, true",
            "1, 08:30, 20:00, false",   // before CT's 09:00
            "3, 09:00, 20:30, false",   // after CT's 20:00
            "7, 12:00, 19:00, false",   // Alabama bans Sundays
            "8, 09:00, 10:00, false",   // not a weekday
    })
    void slotFitsThePack(int day, String start, String stop, boolean fits) {
        List<String> p = CallableTimes.problems(pack(), List.of(new CallableTimes.Slot(day, LocalTime.parse(start),
                LocalTime.parse(stop))));
        assertEquals(fits, p.isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"MONDAY, 09:00-20:00", "SATURDAY, 09:00-20:00", "SUNDAY, none"})
    void strictestWindowPerWeekday(DayOfWeek day, String expected) {
        assertEquals(expected, CallableTimes.strictest(pack(), day).map(DayWindow::toString).orElse("none"));
    }

    @org.junit.jupiter.api.Test
    void anEmptySetIsAProblem() {
        assertEquals(List.of("the time set has no slots"), CallableTimes.problems(pack(), List.of()));
    }
}
