package dev.switchboard.model.template;

import dev.switchboard.model.compliance.Purpose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateLintTest {
    private static final Set<String> COLUMNS = Set.of("First_Name", "amount", "due_date", "ssn", "card_number");

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + ":" + f.code()).toList();
    }

    private static List<String> lintSms(Purpose purpose, String body) {
        return codes(new TemplateLint(COLUMNS, purpose, 3).lint(Template.sms("t", "T", body)));
    }

    @Test
    void aCleanServiceTextHasNoFindings() {
        assertThat(lintSms(Purpose.SERVICE, "Hi {{first_name}}, your payment of {{amount}} is due {{due_date}}."))
                .isEmpty();
    }

    @Test
    void unknownVariablesAreErrorsNamingTheVariable() {
        List<Finding> f = new TemplateLint(COLUMNS, Purpose.SERVICE, 3).lint(Template.sms("t", "T", "{{nickname}}"));
        assertThat(codes(f)).containsExactly("ERROR:UNKNOWN_VARIABLE");
        assertThat(f.getFirst().message()).contains("{{nickname}}");
    }

    @Test
    void withoutAListUnknownVariablesAreNotChecked() {
        assertThat(codes(new TemplateLint(null, Purpose.SERVICE, 3).lint(Template.sms("t", "T", "{{nickname}}"))))
                .isEmpty();
    }

    @ParameterizedTest(name = "[{0}] PII: {1}")
    @CsvSource(textBlock = """
            ssn,               true
            SSN,               true
            customer_ssn,      true
            social_security_no,true
            card_number,       true
            CardNumber,        true
            cc,                true
            cc_last4,          true
            cvv,               true
            dob,               true
            date_of_birth,     true
            DateOfBirth,       true
            birthday,          true
            password,          true
            pin,               true
            account_number,    true
            AcctNo,            true
            routing_number,    true
            first_name,        false
            shipping_city,     false
            accent,            false
            pinot_noir,        false
            amount,            false
            due_date,          false
            """)
    void flagsPiiLookingPlaceholders(String variable, boolean pii) {
        List<String> c = codes(new TemplateLint(null, Purpose.SERVICE, 3)
                .lint(Template.sms("t", "T", "Hi {{" + variable + "}}")));
        assertThat(c.contains("ERROR:PII_PLACEHOLDER")).as(variable).isEqualTo(pii);
    }

    @ParameterizedTest(name = "[{0}] has opt-out wording: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            20% off today! Reply STOP to opt out       | true
            20% off today! Reply STOP to unsubscribe.  | true
            20% off today! Text STOP to end            | true
            20% off. STOP to opt out                   | true
            20% off. Txt STOP to quit                  | true
            20% off. Reply “STOP” to opt out           | true
            20% off. Opt out: reply STOP               | true
            20% off. Msg&data rates may apply. Reply HELP for help, STOP to cancel | true
            20% off today!                             | false
            Don't stop now, 20% off!                   | false
            """)
    void marketingTextsNeedOptOutWording(String body, boolean hasWording) {
        assertThat(lintSms(Purpose.MARKETING, body).contains("ERROR:MISSING_OPT_OUT")).isEqualTo(!hasWording);
        assertThat(lintSms(Purpose.SERVICE, body)).doesNotContain("ERROR:MISSING_OPT_OUT");
    }

    @Test
    void marketingEmailNeedsUnsubscribe() {
        TemplateLint lint = new TemplateLint(null, Purpose.MARKETING, 3);
        Template without = Template.email("e", "E", "Sale", "20% off", "<p>20% off</p>");
        Template inHtml = Template.email("e", "E", "Sale", "20% off",
                "<p>20% off</p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a>");
        Template inText = Template.email("e", "E", "Sale", "20% off. Unsubscribe: {{unsubscribe_url}}", null);
        assertThat(codes(lint.lint(without))).containsExactly("ERROR:MISSING_UNSUBSCRIBE");
        assertThat(codes(lint.lint(inHtml))).isEmpty();
        assertThat(codes(lint.lint(inText))).isEmpty();
        assertThat(codes(new TemplateLint(null, Purpose.SERVICE, 3).lint(without))).isEmpty();
    }

    @Test
    void emptyPartsAreErrors() {
        TemplateLint lint = new TemplateLint(null, Purpose.SERVICE, 3);
        assertThat(codes(lint.lint(Template.sms("t", "T", "  ")))).containsExactly("ERROR:EMPTY_BODY");
        assertThat(codes(lint.lint(Template.email("e", "E", "", "", null))))
                .containsExactly("ERROR:EMPTY_SUBJECT", "ERROR:EMPTY_BODY");
        assertThat(codes(lint.lint(Template.email("e", "E", "S", "", "<p>x</p>"))))
                .containsExactly("WARNING:NO_TEXT_PART");
    }

    @Test
    void syntaxErrorsAreReported() {
        assertThat(lintSms(Purpose.SERVICE, "Hi {{first name}}")).containsExactly("ERROR:SYNTAX");
    }

    @Test
    void smsEncodingAndSizeFindings() {
        assertThat(lintSms(Purpose.SERVICE, "Payment reçu")).containsExactly("WARNING:SMS_UCS2");
        assertThat(lintSms(Purpose.SERVICE, "x".repeat(460))).containsExactly("ERROR:SMS_OVER_BUDGET");
        assertThat(lintSms(Purpose.SERVICE, "x".repeat(459))).isEmpty();
        assertThat(codes(new TemplateLint(null, Purpose.SERVICE, 20).lint(Template.sms("t", "T", "x".repeat(766)))))
                .containsExactly("ERROR:SMS_TOO_LONG");
        assertThat(codes(new TemplateLint(null, Purpose.SERVICE, 20).lint(Template.sms("t", "T", "x".repeat(765)))))
                .isEmpty();
        List<Finding> ucs = new TemplateLint(null, Purpose.SERVICE, 3).lint(Template.sms("t", "T", "“Hi”"));
        assertThat(ucs.getFirst().message()).contains("U+201C").contains("67");
    }

    /** Acceptance test 13 and 37: the rendered text is checked again, since a value may force UCS-2. */
    @Test
    void aRenderedTextIsCheckedAgainstCapAndBudget() {
        TemplateLint lint = new TemplateLint(null, Purpose.SERVICE, 2);
        TemplateRenderer r = new TemplateRenderer(Template.sms("t", "T", "{{note}} " + "x".repeat(120)));
        assertThat(codes(lint.checkRendered(r.render(Map.of("note", "ok"))))).isEmpty();
        assertThat(codes(lint.checkRendered(r.render(Map.of("note", "ç".repeat(20))))))
                .containsExactly("ERROR:SMS_OVER_BUDGET", "WARNING:SMS_UCS2");
        assertThat(codes(lint.checkRendered(r.render(Map.of("note", "x".repeat(700))))))
                .containsExactly("ERROR:SMS_TOO_LONG", "ERROR:SMS_OVER_BUDGET");
    }
}
