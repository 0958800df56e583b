package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.template.SmsSegments.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {

    /** The vectors of compliance-rules.md §4, plus boundaries around them. */
    @ParameterizedTest(name = "{0} x {1} -> {2} {3} units, {4} segments")
    @CsvSource(textBlock = """
            # unit, count, encoding, units, segments
            a,      0,     GSM_7,    0,     0
            a,      1,     GSM_7,    1,     1
            a,      160,   GSM_7,    160,   1
            a,      161,   GSM_7,    161,   2
            a,      306,   GSM_7,    306,   2
            a,      307,   GSM_7,    307,   3
            a,      459,   GSM_7,    459,   3
            a,      460,   GSM_7,    460,   4
            €,      80,    GSM_7,    160,   1
            €,      81,    GSM_7,    162,   2
            ç,      70,    UCS_2,    70,    1
            ç,      71,    UCS_2,    71,    2
            ç,      134,   UCS_2,    134,   2
            ç,      135,   UCS_2,    135,   3
            😀,     35,    UCS_2,    70,    1
            😀,     36,    UCS_2,    72,    2
            """)
    void complianceVectors(String unit, int count, Encoding encoding, int units, int segments) {
        SmsSegments s = SmsSegments.of(unit.repeat(count));
        assertThat(s.encoding()).isEqualTo(encoding);
        assertThat(s.units()).isEqualTo(units);
        assertThat(s.segments()).isEqualTo(segments);
    }

    @ParameterizedTest(name = "U+{0} is GSM-7: {1}")
    @CsvSource(textBlock = """
            # code point (hex), GSM-7?, why
            00C7, true,  capital Ç is 0x09
            00E7, false, lower-case ç is not GSM-7
            0022, true,  straight double quote
            201C, false, left curly quote is a lookalike
            201D, false, right curly quote
            2019, false, curly apostrophe
            0027, true,  straight apostrophe
            00A0, false, no-break space is not space
            0020, true,  space
            0391, false, Greek capital alpha looks like A
            0394, true,  Greek capital delta is 0x10
            03A9, true,  Greek capital omega
            2126, false, ohm sign looks like omega
            20AC, true,  euro is in the extension table
            000C, true,  form feed is in the extension table
            000A, true,  LF
            000D, true,  CR
            0009, false, tab is not GSM-7
            001B, false, a raw ESC is not a character
            0060, false, backtick
            00E0, true,  à
            00E1, false, á
            """)
    void classifiesCharacters(String hex, boolean gsm, String why) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        SmsSegments s = SmsSegments.of("Hi " + c);
        assertThat(s.encoding()).as(why).isEqualTo(gsm ? Encoding.GSM_7 : Encoding.UCS_2);
        assertThat(s.offending()).as(why).isEqualTo(gsm ? List.of() : List.of(c));
    }

    @Test
    void everyExtensionCharacterCountsTwoSeptets() {
        assertThat(SmsSegments.of("\f^{}\\[~]|€").units()).isEqualTo(20);
    }

    @Test
    void anEscPairIsNeverSplitSoASegmentMayHold152() {
        // 152 basic septets then '€': 154 septets fit 153+1 only by splitting the pair; the pair moves on
        assertThat(SmsSegments.of("a".repeat(152) + "€" + "a".repeat(10)).segments()).isEqualTo(2);
        // 306 septets would be exactly 2 segments, but the pair at 153/154 must start the second segment
        SmsSegments s = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));
        assertThat(s.units()).isEqualTo(306);
        assertThat(s.segments()).isEqualTo(3);
    }

    @Test
    void aSurrogatePairIsNeverSplitSoASegmentMayHold66() {
        // 66 units then an emoji at 67/68: it moves to segment 2
        SmsSegments s = SmsSegments.of("ç".repeat(66) + "😀" + "ç".repeat(66));
        assertThat(s.units()).isEqualTo(134);
        assertThat(s.segments()).isEqualTo(3);
    }

    @Test
    void zwjFlagAndSkinToneSequencesStayWhole() {
        String family = "👨\u200D👩\u200D👧"; // 8 units
        String flag = "🇺🇸"; // 4 units
        String thumb = "👍🏽"; // 4 units
        for (String cluster : List.of(family, flag, thumb)) {
            int fill = SmsSegments.UCS2_MULTI - 1;
            SmsSegments s = SmsSegments.of("ç".repeat(fill) + cluster + "ç".repeat(SmsSegments.UCS2_MULTI - 1));
            assertThat(s.segments()).as(cluster).isEqualTo(3);
        }
    }

    @Test
    void oneOffendingCharacterSwitchesTheWholeMessage() {
        SmsSegments s = SmsSegments.of("a".repeat(100) + "’");
        assertThat(s.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(s.units()).isEqualTo(101);
        assertThat(s.segments()).isEqualTo(2);
        assertThat(s.offending()).containsExactly("’");
    }

    @Test
    void offendingCharactersAreDistinctInOrderOfAppearance() {
        assertThat(SmsSegments.of("ç “x” ç 😀").offending()).containsExactly("ç", "“", "”", "😀");
    }
}
