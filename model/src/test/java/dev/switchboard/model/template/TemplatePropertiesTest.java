package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants over seeded random input. A failure names its seed; rerun one seed by putting it in the
 * {@code @ValueSource}.
 */
class TemplatePropertiesTest {
    private static final String[] PIECES = {"a", "Z", " ", "\n", "€", "^", "{", "|", "@", "Ç", "ç", "é", "’", "“",
            "\u00A0", "😀", "👍🏽", "🇺🇸", "👨\u200D👩\u200D👧", "\u200D", "🏽", "\uFE0F", "{{x}}", "${y}", "<b>", "&",
            "e\u0301", "Ω", "Α", "你", "\r\n"};

    private static String randomText(Random rnd, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(maxPieces);
        boolean gsmOnly = rnd.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            String piece = PIECES[rnd.nextInt(PIECES.length)];
            if (gsmOnly && !SmsSegments.isGsm7(piece)) {
                piece = rnd.nextBoolean() ? "€" : "a";
            }
            sb.append(rnd.nextInt(4) == 0 ? piece : "abcdefghij".substring(0, 1 + rnd.nextInt(10)));
            sb.append(piece);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20260301L})
    void segmentsAreMonotonicInLengthAndNeverBelowTheFloor(long seed) {
        Random rnd = new Random(seed);
        for (int round = 0; round < 100; round++) {
            String text = randomText(rnd, round % 4 == 0 ? 120 : 40);
            int previous = 0;
            for (int end = 0; end <= text.length(); end++) {
                if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                    continue;
                }
                String prefix = text.substring(0, end);
                SmsSegments s = SmsSegments.of(prefix);
                int r = round;
                int e = end;
                Supplier<String> why = () -> "seed " + seed + ", round " + r + ", prefix of " + e + " units: "
                        + prefix.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList();
                assertThat(s.segments()).as(why).isGreaterThanOrEqualTo(previous);
                boolean gsm = s.encoding() == SmsSegments.Encoding.GSM_7;
                int single = gsm ? SmsSegments.GSM_SINGLE : SmsSegments.UCS2_SINGLE;
                int multi = gsm ? SmsSegments.GSM_MULTI : SmsSegments.UCS2_MULTI;
                int floor = s.units() == 0 ? 0 : s.units() <= single ? 1 : (s.units() + multi - 1) / multi;
                assertThat(s.segments()).as(why).isGreaterThanOrEqualTo(floor);
                if (s.units() <= single) {
                    assertThat(s.segments()).as(why).isEqualTo(floor);
                }
                assertThat(s.units()).as(why).isEqualTo(gsm ? s.units() : prefix.length());
                previous = s.segments();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 99L, 123456789L})
    void renderingNeverReinterpretsValues(long seed) {
        Random rnd = new Random(seed);
        Template t = Template.email("e", "E", "{{a}}-{{b}}", "[{{a}}|{{b}}|{{ A }}]", "<i>{{a}}</i>{{b}}");
        TemplateRenderer renderer = new TemplateRenderer(t);
        for (int round = 0; round < 2_000; round++) {
            String a = randomText(rnd, 8).replaceAll("[\r\n]", "") + "x";
            String b = randomText(rnd, 8).replaceAll("[\r\n]", "") + "{{a}}";
            Rendered r = renderer.render(Map.of("a", a, "b", b));
            String why = "seed " + seed + ", round " + round + ", a=" + a + ", b=" + b;
            assertThat(r.subject()).as(why).isEqualTo(a + "-" + b);
            assertThat(r.text()).as(why).isEqualTo("[" + a + "|" + b + "|" + a + "]");
            assertThat(r.html()).as(why).isEqualTo("<i>" + TemplateRenderer.escapeHtml(a) + "</i>"
                    + TemplateRenderer.escapeHtml(b));
        }
    }
}
