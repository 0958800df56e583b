package dev.switchboard.model.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePackValidatorTest {

    static Map<String, Object> goodTree() {
        Map<String, Object> t = new HashMap<>();
        t.put("pack_id", "test");
        t.put("version", "1");
        t.put("effective_from", "2026-01-01");
        t.put("sign_off", Map.of("by", "owner", "at", "2026-01-02"));
        t.put("no_jurisdiction", "BLOCK");
        t.put("legal_channels", List.of("VOICE", "SMS"));
        t.put("us_zones", List.of("America/New_York"));
        t.put("federal", Map.of("window", "08:00-21:00", "citation", "47 CFR 64.1200(c)(1)"));
        t.put("channel_defaults", Map.of("VOICE", "09:00-21:00", "SMS", "10:00-18:00", "EMAIL", "09:00-17:00"));
        t.put("states", Map.of("TX", Map.of("window", "09:00-21:00", "days", Map.of("SUN", "12:00-21:00"),
                "citation", "TX")));
        t.put("caps", List.of(Map.of("id", "c1", "scope", "PERSON", "channels", List.of("SMS"),
                "purposes", List.of("MARKETING"), "window_hours", 24, "max", 3, "legal", false, "citation", "p")));
        t.put("collections", Map.of("conversation_quiet_days", 7, "citation", "Reg F"));
        t.put("keywords", Map.of("opt_out", List.of("STOP"), "opt_in", List.of("START"), "help", List.of("HELP")));
        return t;
    }

    @Test
    void aGoodTreeBuildsAPack() {
        RulePackValidator.Result r = RulePackValidator.validate(goodTree());
        assertTrue(r.ok(), r.problems().toString());
        assertEquals("test@1", r.pack().label());
        assertEquals(java.time.LocalTime.NOON,
                r.pack().states().get("TX").days().get(java.time.DayOfWeek.SUNDAY).start());
    }

    @Test
    void everyBadEntryIsNamed() {
        Map<String, Object> t = goodTree();
        t.put("federal", Map.of("window", "08:00-25:00", "citation", "x"));
        t.put("channel_defaults", Map.of("VOICE", "21:00-09:00", "FAX", "09:00-10:00", "EMAIL", "9-17"));
        t.put("states", Map.of("XX", Map.of("window", "08:00-20:00", "citation", "x"),
                "FL", Map.of("window", "08:00-20:00", "holidays", List.of("2026-02-30"))));
        t.put("caps", List.of(Map.of("id", "c1", "scope", "PERSON", "channels", List.of("PIGEON"),
                "purposes", List.of("MARKETING"), "window_hours", -24, "max", 0, "legal", false, "citation", "p")));
        t.put("no_jurisdiction", "GUESS");
        List<String> p = RulePackValidator.validate(t).problems();
        String all = String.join("\n", p);
        assertFalse(p.isEmpty());
        for (String expected : List.of("federal.window: bad time '25:00'", "channel_defaults.VOICE: window '21:00-09:00'"
                + " is empty or negative", "channel_defaults.FAX: unknown channel 'FAX'", "channel_defaults: no default "
                + "window for SMS", "channel_defaults.EMAIL: bad time '9'", "states.XX: unknown state 'XX'",
                "states.FL.holidays[0]: bad date '2026-02-30'", "states.FL: no citation",
                "caps[0].channels: unknown channel 'PIGEON'", "caps[0].window_hours: must be positive, was -24",
                "caps[0].max: must be positive, was 0", "no_jurisdiction: unknown policy 'GUESS'")) {
            assertTrue(all.contains(expected), () -> "missing '" + expected + "' in\n" + all);
        }
    }

    @Test
    void keywordsMatchAfterNfkcCaseAndPunctuation() {
        Keywords k = RulePackValidator.validate(goodTree()).pack().keywords();
        for (String reply : List.of("stop", " Stop. ", "ＳＴＯＰ", "STOP!")) {
            assertEquals(Keywords.Kind.OPT_OUT, k.classify(reply), reply);
        }
        assertEquals(Keywords.Kind.NONE, k.classify("pls stop texting me"));
        assertEquals(Keywords.Kind.OPT_IN, k.classify("start"));
    }
}
