package dev.switchboard.app.console.templates;

import dev.switchboard.model.template.Finding;
import dev.switchboard.model.template.SmsSegments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the editor marks in a template's text: placeholders (known to the chosen list or not), malformed braces and,
 * in an SMS, the characters that force UCS-2; where a lint finding points; what to complete after {@code {{}.
 * Pure functions over strings, so the view only turns the spans into styles.
 */
final class TemplateText {
    /** The placeholder grammar of the model's renderer: {@code {{name}}}, blanks allowed inside the braces. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[ \\t]*([A-Za-z0-9_.-]+)[ \\t]*}}");
    private static final Pattern VARIABLE_IN_MESSAGE = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final Pattern SYNTAX_AT = Pattern.compile("^(subject|text body|HTML body): .* at character (\\d+)");
    private static final Pattern PARTIAL_NAME = Pattern.compile("[A-Za-z0-9_.-]*");

    /** Which part of a template a position is in. */
    enum Field {
        SUBJECT, TEXT, HTML
    }

    /** What a span of text is. */
    enum Kind {
        /** A placeholder the chosen list (or the campaign values) can fill. */
        KNOWN,
        /** A placeholder no contact of the chosen list can fill. */
        UNKNOWN,
        /** A placeholder, no list chosen to judge it against. */
        VARIABLE,
        /** Braces that do not form a placeholder: a syntax error. */
        MALFORMED,
        /** A character outside GSM-7 in an SMS. */
        UCS2
    }

    /** A marked range {@code [start, end)} of one field's text. */
    record Span(int start, int end, Kind kind) {
    }

    /** Where a finding points: a range of one field. */
    record Location(Field field, int start, int end) {
    }

    private TemplateText() {
    }

    /**
     * The marked spans of a text, in order and not overlapping (a UCS-2 character inside a placeholder cannot occur:
     * names are ASCII).
     *
     * @param known the variables the list and campaign values supply, lower case; {@code null} when no list is chosen
     * @param sms   whether to mark characters outside GSM-7
     */
    static List<Span> spans(String text, Set<String> known, boolean sms) {
        List<Span> spans = new ArrayList<>();
        int pos = 0;
        Matcher m = PLACEHOLDER.matcher(text);
        while (pos < text.length()) {
            int open = text.indexOf("{{", pos);
            int stop = open < 0 ? text.length() : open;
            if (sms) {
                ucs2(text, pos, stop, spans);
            }
            if (open < 0) {
                break;
            }
            if (m.find(open) && m.start() == open) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                Kind kind = known == null ? Kind.VARIABLE : known.contains(name) ? Kind.KNOWN : Kind.UNKNOWN;
                spans.add(new Span(open, m.end(), kind));
                pos = m.end();
            } else {
                spans.add(new Span(open, open + 2, Kind.MALFORMED));
                pos = open + 2;
            }
        }
        return spans;
    }

    private static void ucs2(String text, int from, int to, List<Span> spans) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (!SmsSegments.isGsm7(text.substring(i, i + n))) {
                spans.add(new Span(i, i + n, Kind.UCS2));
            }
            i += n;
        }
    }

    /**
     * The partial variable name being typed at {@code caret} right after an unclosed {@code {{}, or {@code null} when
     * the caret is not in one ("Hi {{fir|" gives "fir", "Hi {{|" gives "").
     */
    static String completionPrefix(String text, int caret) {
        if (caret < 2 || caret > text.length()) {
            return null;
        }
        int open = text.lastIndexOf("{{", caret - 2);
        if (open < 0) {
            return null;
        }
        String partial = text.substring(open + 2, caret).stripLeading();
        if (!PARTIAL_NAME.matcher(partial).matches()) {
            return null;
        }
        return partial;
    }

    /**
     * Where a finding points in the template, when it names a variable, a syntax position or a UCS-2 character;
     * {@code null} for findings about the whole message.
     */
    static Location locate(Finding finding, String subject, String text, String html) {
        switch (finding.code()) {
            case "UNKNOWN_VARIABLE", "PII_PLACEHOLDER" -> {
                Matcher v = VARIABLE_IN_MESSAGE.matcher(finding.message());
                if (!v.find()) {
                    return null;
                }
                String name = v.group(1);
                for (Field field : Field.values()) {
                    Location at = findVariable(field, pick(field, subject, text, html), name);
                    if (at != null) {
                        return at;
                    }
                }
                return null;
            }
            case "SYNTAX" -> {
                Matcher s = SYNTAX_AT.matcher(finding.message());
                if (!s.find()) {
                    return null;
                }
                Field field = switch (s.group(1)) {
                    case "subject" -> Field.SUBJECT;
                    case "HTML body" -> Field.HTML;
                    default -> Field.TEXT;
                };
                int start = Integer.parseInt(s.group(2)) - 1;
                String body = pick(field, subject, text, html);
                return body == null || start >= body.length() ? null
                        : new Location(field, start, Math.min(body.length(), start + 2));
            }
            case "SMS_UCS2" -> {
                return text == null ? null : spans(text, null, true).stream()
                        .filter(sp -> sp.kind() == Kind.UCS2).findFirst()
                        .map(sp -> new Location(Field.TEXT, sp.start(), sp.end())).orElse(null);
            }
            default -> {
                return null;
            }
        }
    }

    private static Location findVariable(Field field, String body, String name) {
        if (body == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return new Location(field, m.start(), m.end());
            }
        }
        return null;
    }

    private static String pick(Field field, String subject, String text, String html) {
        return switch (field) {
            case SUBJECT -> subject;
            case TEXT -> text;
            case HTML -> html;
        };
    }
}
