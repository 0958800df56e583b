package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.templates.TemplateText.Field;
import dev.switchboard.app.console.templates.TemplateText.Kind;
import dev.switchboard.app.console.templates.TemplateText.Location;
import dev.switchboard.app.console.templates.TemplateText.Span;
import dev.switchboard.model.template.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTest {

    @Test
    void placeholdersAreMarkedByWhetherTheListHasThem() {
        String text = "Hi {{ first_name }}, {{Clinic}} {{nope}} {{bad name}}";
        assertThat(TemplateText.spans(text, Set.of("first_name", "clinic"), false)).containsExactly(
                new Span(3, 19, Kind.KNOWN), new Span(21, 31, Kind.KNOWN), new Span(32, 40, Kind.UNKNOWN),
                new Span(41, 43, Kind.MALFORMED));
        assertThat(TemplateText.spans("{{a}}", null, false)).containsExactly(new Span(0, 5, Kind.VARIABLE));
    }

    @Test
    void charactersOutsideGsm7AreMarkedInAnSmsOnly() {
        String text = "Caf\u00e9 \u201Cok\u201D \uD83D\uDE00 {{x}} \u20AC";
        List<Span> sms = TemplateText.spans(text, null, true);
        assertThat(sms).containsExactly(new Span(5, 6, Kind.UCS2), new Span(8, 9, Kind.UCS2),
                new Span(10, 12, Kind.UCS2), new Span(13, 18, Kind.VARIABLE));
        assertThat(TemplateText.spans(text, null, false)).containsExactly(new Span(13, 18, Kind.VARIABLE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Hi {{fir            | 8  | fir
            Hi {{               | 5  | ''
            Hi {{ fi            | 8  | fi
            Hi {{first}} x      | 14 | NULL
            Hi {{a b            | 8  | NULL
            Hi {                | 4  | NULL
            {{a}} {{b           | 9  | b
            """)
    void completesTheNameBeingTypedAfterOpenBraces(String text, int caret, String expected) {
        assertThat(TemplateText.completionPrefix(text.stripTrailing(), caret)).isEqualTo(expected);
    }

    @Test
    void findingsPointAtTheirVariableSyntaxErrorOrCharacter() {
        Finding unknown = new Finding(Finding.Severity.ERROR, "UNKNOWN_VARIABLE", "{{clinic}} is not a column of"
                + " the list, so no contact could receive this message");
        assertThat(TemplateText.locate(unknown, "About {{clinic}}", "At {{ clinic }}", null))
                .isEqualTo(new Location(Field.SUBJECT, 6, 16));
        assertThat(TemplateText.locate(unknown, null, "At {{ clinic }}", null))
                .isEqualTo(new Location(Field.TEXT, 3, 15));
        Finding syntax = new Finding(Finding.Severity.ERROR, "SYNTAX", "HTML body: malformed placeholder at"
                + " character 4 (\"{{x y}}\"); write {{name}} with letters, digits, _ . -");
        assertThat(TemplateText.locate(syntax, "s", "t", "<p>{{x y}}")).isEqualTo(new Location(Field.HTML, 3, 5));
        Finding ucs2 = new Finding(Finding.Severity.WARNING, "SMS_UCS2", "…");
        assertThat(TemplateText.locate(ucs2, null, "ok \u201C", null)).isEqualTo(new Location(Field.TEXT, 3, 4));
        Finding optOut = new Finding(Finding.Severity.ERROR, "MISSING_OPT_OUT", "…");
        assertThat(TemplateText.locate(optOut, null, "x", null)).isNull();
    }

    @Test
    void aLineDiffAlignsUnchangedLines() {
        List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc\nd", "a\nB\nc\nd\ne");
        assertThat(diff).extracting(l -> l.kind().name().charAt(0) + l.text())
                .containsExactly("Sa", "Rb", "AB", "Sc", "Sd", "Ae");
        assertThat(LineDiff.changed(LineDiff.diff("same", "same"))).isFalse();
        assertThat(LineDiff.diff(null, "x")).containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "x"));
    }
}
