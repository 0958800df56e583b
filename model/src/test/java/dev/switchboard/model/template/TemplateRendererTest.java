package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.template.RenderProblem.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {
    private static final Template EMAIL = Template.email("offer", "Offer", "Hi {{first_name}}",
            "Dear {{ first_name }}: {{offer}}", "<p>Dear {{first_name}}: {{offer}}</p>");

    @Test
    void rendersSpacesInsideBracesAndCaseInsensitiveKeys() {
        Rendered r = new TemplateRenderer(Template.sms("s", "S", "Hi {{ First_Name }}, pay {{amount}}."))
                .render(Map.of("first_name", "Ana", "AMOUNT", "$10"));
        assertThat(r.text()).isEqualTo("Hi Ana, pay $10.");
        assertThat(r.sms().segments()).isEqualTo(1);
        assertThat(r.subject()).isNull();
    }

    @Test
    void anExactKeyWinsOverACaseInsensitiveOne() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", "upper");
        values.put("name", "exact");
        assertThat(new TemplateRenderer(Template.sms("s", "S", "{{name}}")).render(values).text()).isEqualTo("exact");
    }

    @Test
    void aMissingOrEmptyVariableFailsAndNamesEveryOne() {
        TemplateRenderer r = new TemplateRenderer(Template.sms("s", "S", "{{a}} {{b}} {{c}} {{a}}"));
        assertThatThrownBy(() -> r.render(Map.of("b", " ")))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.variables()).containsExactly("a", "b", "c");
                    assertThat(e.problems()).containsExactly(new RenderProblem("a", Reason.MISSING),
                            new RenderProblem("b", Reason.EMPTY), new RenderProblem("c", Reason.MISSING));
                })
                .hasMessageContaining("{{a}}").hasMessageContaining("{{b}} is empty");
    }

    /** Acceptance test 37: values that look like template syntax or markup render literally. */
    @ParameterizedTest(name = "[{0}] renders literally")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{first_name}}
            {{ offer }}
            ${first_name}
            ${7*7}
            <#assign x=1>${x}
            #set($x = 1)$x
            <%= 7*7 %>
            {{7*7}}
            {{{raw}}}
            <script>alert(1)</script>
            `line1\r\nline2`
            `"quoted" & 'single'`
            """)
    void valuesRenderLiterallyAndAreNeverInterpretedAgain(String value) {
        String decoded = value.replace("\\r", "\r").replace("\\n", "\n");
        Rendered r = new TemplateRenderer(EMAIL).render(Map.of("first_name", "Ana", "offer", decoded));
        assertThat(r.text()).isEqualTo("Dear Ana: " + decoded);
        assertThat(r.html()).isEqualTo("<p>Dear Ana: " + TemplateRenderer.escapeHtml(decoded) + "</p>");
        assertThat(r.html()).doesNotContain("<script>");
    }

    @Test
    void aValueNamingAnotherVariableIsNotExpanded() {
        Rendered r = new TemplateRenderer(Template.sms("s", "S", "{{a}}|{{b}}"))
                .render(Map.of("a", "{{b}}", "b", "{{a}}"));
        assertThat(r.text()).isEqualTo("{{b}}|{{a}}");
    }

    @Test
    void aHundredKilobyteValueRendersWhole() {
        String big = "x{{y}}".repeat(100_000 / 6);
        Rendered r = new TemplateRenderer(Template.sms("s", "S", "{{v}}")).render(Map.of("v", big));
        assertThat(r.text()).isEqualTo(big);
        assertThat(r.sms().segments()).isGreaterThan(100);
    }

    @ParameterizedTest(name = "subject value [{0}] is refused")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Sale\r\nBcc: victim@example.com`
            `Sale\nX-Injected: 1`
            `Sale\r`
            `Sale\u2028more`
            `Sale\u0085more`
            """)
    void aLineBreakInTheSubjectIsRefused(String raw) {
        String value = raw.replace("\\r", "\r").replace("\\n", "\n").replace("\\u2028", "\u2028")
                .replace("\\u0085", "\u0085");
        TemplateRenderer r = new TemplateRenderer(Template.email("e", "E", "{{first_name}}: {{offer}}", "{{offer}}",
                null));
        assertThatThrownBy(() -> r.render(Map.of("first_name", "Ana", "offer", value)))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.problems())
                        .containsExactly(new RenderProblem("offer", Reason.LINE_BREAK_IN_HEADER)));
    }

    @Test
    void aLineBreakInTheBodyIsFine() {
        Rendered r = new TemplateRenderer(Template.email("e", "E", "Hi", "{{v}}", null))
                .render(Map.of("v", "a\r\nb"));
        assertThat(r.text()).isEqualTo("a\r\nb");
    }

    @Test
    void aSubjectTemplateWithALineBreakIsRefused() {
        assertThatThrownBy(() -> new TemplateRenderer(Template.email("e", "E", "Hi\nBcc: x", "body", null)))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("subject");
    }

    @ParameterizedTest(name = "[{0}] is a syntax error")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Hi {{first name}}
            Hi {{first_name}
            Hi {{}}
            Hi {{ $x }}
            Hi {{first_name}} {{
            """)
    void malformedPlaceholdersAreSyntaxErrors(String body) {
        assertThatThrownBy(() -> new TemplateRenderer(Template.sms("s", "S", body)))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("malformed placeholder");
    }

    /** Acceptance test 37: a merge value that forces UCS-2 re-checks the segments. */
    @Test
    void aUcs2ValueSwitchesTheEncodingAfterRendering() {
        TemplateRenderer r = new TemplateRenderer(Template.sms("s", "S", "Hi {{name}}, " + "x".repeat(50)));
        assertThat(r.render(Map.of("name", "Ana")).sms().encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        Rendered ucs = r.render(Map.of("name", "François"));
        assertThat(ucs.sms().encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(ucs.sms().segments()).isEqualTo(1);
        Rendered twice = r.render(Map.of("name", "François Émile Ça"));
        assertThat(twice.sms().segments()).isEqualTo(2);
    }

    @Test
    void theRenderedHashCoversTheOutput() {
        TemplateRenderer r = new TemplateRenderer(EMAIL);
        Rendered a = r.render(Map.of("first_name", "Ana", "offer", "10%"));
        Rendered b = r.render(Map.of("first_name", "Ana", "offer", "10%"));
        Rendered c = r.render(Map.of("first_name", "Ana", "offer", "20%"));
        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash()).hasSize(64);
    }

    @Test
    void listsVariablesInOrderOfFirstUse() {
        assertThat(new TemplateRenderer(EMAIL).variables()).containsExactly("first_name", "offer");
        assertThat(new TemplateRenderer(Template.sms("s", "S", "no variables")).variables()).isEmpty();
        assertThat(new TemplateRenderer(EMAIL).problems(Map.of("first_name", "A", "offer", "B"))).isEqualTo(List.of());
    }
}
