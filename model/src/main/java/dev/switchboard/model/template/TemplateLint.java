package dev.switchboard.model.template;

import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a template before review: syntax, variables unknown to the list, PII-looking placeholders, SMS
 * encoding and size, opt-out wording on marketing SMS, unsubscribe wording on marketing email, empty parts.
 *
 * <p>SMS size is checked twice. On the template, the fixed text (placeholders removed) is a lower bound: if it
 * alone is over the cap or the budget the template can never be sent. On a rendered message
 * ({@link #checkRendered}), the real text is checked, since a merge value can switch the message to UCS-2.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateLint {
    private static final Pattern SMS_OPT_OUT = Pattern.compile(
            "\\b(reply|text|txt|send|respond)(\\s+with)?\\s+[\"'“”‘’]?(stop|end|quit|cancel|unsubscribe)\\b"
                    + "|\\b(stop|end|quit|cancel)[\"'“”‘’]?\\s+to\\s+"
                    + "(opt[\\s-]?out|unsubscribe|end|cancel|quit|stop)\\b"
                    + "|\\bopt[\\s-]?out\\s*:?\\s*(reply\\s+)?stop\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "unsubscribe|opt[\\s_-]?out|email[\\s_-]?preferences|manage[\\s_-]?preferences",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> columns;
    private final Purpose purpose;
    private final int smsSegmentBudget;

    /**
     * Creates a lint for one campaign context.
     *
     * @param columns          the list's column headers (matched case-insensitively); {@code null} when no list
     *                         is chosen, which skips the unknown-variable check
     * @param purpose          the purpose of the campaign that will send it
     * @param smsSegmentBudget the most segments one SMS may take (the campaign's budget), at least 1
     */
    public TemplateLint(Set<String> columns, Purpose purpose, int smsSegmentBudget) {
        this.columns = columns == null ? null
                : columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        if (smsSegmentBudget < 1) {
            throw new IllegalArgumentException("the SMS segment budget must be at least 1");
        }
        this.smsSegmentBudget = smsSegmentBudget;
    }

    /** Every finding for the template, errors first in check order; empty when clean. */
    public List<Finding> lint(Template template) {
        List<Finding> findings = new ArrayList<>();
        Set<String> variables;
        try {
            variables = new TemplateRenderer(template).variables();
        } catch (TemplateSyntaxException e) {
            findings.add(Finding.error("SYNTAX", e.getMessage()));
            return findings;
        }
        checkEmpty(template, findings);
        for (String variable : variables) {
            if (columns != null && !columns.contains(variable.toLowerCase(Locale.ROOT))) {
                findings.add(Finding.error("UNKNOWN_VARIABLE", "{{" + variable + "}} is not a column of the list,"
                        + " so no contact could receive this message"));
            }
            PiiNames.classify(variable).ifPresent(what -> findings.add(Finding.error("PII_PLACEHOLDER",
                    "{{" + variable + "}} looks like " + what + "; sensitive personal data must not be sent in a"
                            + " message")));
        }
        if (template.channel() == Channel.SMS) {
            String fixed = fixedText(template.textBody());
            findings.addAll(checkSms(fixed, SmsSegments.of(fixed), !variables.isEmpty()));
            if (purpose == Purpose.MARKETING && !SMS_OPT_OUT.matcher(template.textBody()).find()) {
                findings.add(Finding.error("MISSING_OPT_OUT", "A marketing text must tell people how to opt"
                        + " out, e.g. \"Reply STOP to opt out\""));
            }
        }
        if (template.channel() == Channel.EMAIL && purpose == Purpose.MARKETING
                && !UNSUBSCRIBE.matcher(template.textBody()).find()
                && (template.htmlBody() == null || !UNSUBSCRIBE.matcher(template.htmlBody()).find())) {
            findings.add(Finding.error("MISSING_UNSUBSCRIBE", "A marketing email must contain an unsubscribe"
                    + " link or wording (CAN-SPAM), in addition to the List-Unsubscribe header"));
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /**
     * Checks one rendered SMS against the 765-unit cap and the segment budget, and warns on UCS-2; empty for
     * other channels or when it fits.
     */
    public List<Finding> checkRendered(Rendered rendered) {
        if (rendered.channel() != Channel.SMS) {
            return List.of();
        }
        return checkSms(rendered.text(), rendered.sms(), false);
    }

    private List<Finding> checkSms(String text, SmsSegments sms, boolean lowerBound) {
        List<Finding> findings = new ArrayList<>();
        String atLeast = lowerBound ? "at least " : "";
        String before = lowerBound ? " before merge values are added" : "";
        if (text.length() > SmsSegments.GENESYS_MAX_UTF16_UNITS) {
            findings.add(Finding.error("SMS_TOO_LONG", "The text is " + atLeast + text.length() + " characters"
                    + before + "; an SMS may have at most " + SmsSegments.GENESYS_MAX_UTF16_UNITS));
        }
        if (sms.segments() > smsSegmentBudget) {
            findings.add(Finding.error("SMS_OVER_BUDGET", "The text takes " + atLeast + sms.segments()
                    + " segments" + before + "; the campaign allows " + smsSegmentBudget));
        }
        if (sms.encoding() == SmsSegments.Encoding.UCS_2) {
            findings.add(Finding.warning("SMS_UCS2", "These characters are not in the GSM alphabet and make"
                    + " every segment hold 67 instead of 153 characters: " + describe(sms.offending())));
        }
        return findings;
    }

    private static void checkEmpty(Template t, List<Finding> findings) {
        boolean noText = t.textBody().isBlank();
        boolean noHtml = t.htmlBody() == null || t.htmlBody().isBlank();
        if (t.channel() == Channel.EMAIL) {
            if (t.subject() == null || t.subject().isBlank()) {
                findings.add(Finding.error("EMPTY_SUBJECT", "The email has no subject"));
            }
            if (noText && noHtml) {
                findings.add(Finding.error("EMPTY_BODY", "The email has no body"));
            } else if (noText) {
                findings.add(Finding.warning("NO_TEXT_PART", "The email has no plain-text part"));
            }
        } else if (noText) {
            findings.add(Finding.error("EMPTY_BODY", "The message has no text"));
        }
    }

    private static String fixedText(String body) {
        StringBuilder out = new StringBuilder();
        for (Placeholders.Part part : Placeholders.parse(body, "text body")) {
            if (part instanceof Placeholders.Literal l) {
                out.append(l.text());
            }
        }
        return out.toString();
    }

    private static String describe(List<String> chars) {
        return chars.stream().limit(10).map(c -> {
            int cp = c.codePointAt(0);
            return "\"" + c + "\" (U+" + String.format("%04X", cp) + ")";
        }).collect(Collectors.joining(", ")) + (chars.size() > 10 ? " …" : "");
    }
}
