package dev.switchboard.model.template;

import dev.switchboard.model.template.Placeholders.Literal;
import dev.switchboard.model.template.Placeholders.Part;
import dev.switchboard.model.template.Placeholders.Variable;
import dev.switchboard.model.template.RenderProblem.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strict, single-pass rendering of one template.
 *
 * <p>Variables resolve against a {@code Map<String, String>} the caller builds from a contact (its
 * attribute columns by header, plus fields such as {@code first_name}). A variable matches a key exactly, else
 * case-insensitively ({@code {{First_Name}}} finds {@code first_name}); if several keys differ only in case,
 * the exact one wins, else the first in the map's iteration order. A variable with no key, or whose value is
 * empty or whitespace only, fails the render, and the failure names every such variable.
 *
 * <p>Values are inserted literally and the output is never scanned again, so a value holding
 * {@code {{x}}}, {@code ${x}}, {@code <#x>} or {@code #set} stays as typed. In the HTML body values are
 * HTML-escaped ({@code & < > " '}); in the subject and text body they are inserted raw. A rendered subject
 * containing a line break is refused (header injection).
 *
 * <p>Construction parses the template once; an instance is immutable and thread-safe.
 */
public final class TemplateRenderer {
    private final Template template;
    private final List<Part> subject;
    private final List<Part> text;
    private final List<Part> html;

    /**
     * Parses the template.
     *
     * @throws TemplateSyntaxException if a body has a malformed placeholder
     */
    public TemplateRenderer(Template template) {
        this.template = Objects.requireNonNull(template, "template");
        this.subject = Placeholders.parse(template.subject(), "subject");
        this.text = Placeholders.parse(template.textBody(), "text body");
        this.html = Placeholders.parse(template.htmlBody(), "HTML body");
        if (template.subject() != null && hasLineBreak(template.subject())) {
            throw new TemplateSyntaxException("subject: the template itself contains a line break");
        }
    }

    /** The template this renderer renders. */
    public Template template() {
        return template;
    }

    /** The distinct variables the template uses, in order of first use. */
    public Set<String> variables() {
        return Placeholders.variables(template);
    }

    /**
     * Renders for one contact.
     *
     * @param values the contact's values by variable name (see the class comment for matching)
     * @return the rendered message with its content hash and, for SMS, its segments
     * @throws TemplateRenderException naming every missing or empty variable and every header line break
     */
    public Rendered render(Map<String, String> values) {
        List<RenderProblem> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new TemplateRenderException(problems);
        }
        Lookup lookup = new Lookup(values);
        String s = template.subject() == null ? null : build(subject, lookup, false);
        String t = build(text, lookup, false);
        String h = template.htmlBody() == null ? null : build(html, lookup, true);
        return Rendered.of(template.channel(), s, t, h);
    }

    /**
     * Every reason the template would not render for these values, without building the output; empty when it
     * renders. Each (variable, reason) pair is listed once.
     */
    public List<RenderProblem> problems(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Lookup lookup = new Lookup(values);
        List<RenderProblem> problems = new ArrayList<>();
        for (List<Part> parts : List.of(subject, text, html)) {
            for (Part part : parts) {
                if (part instanceof Variable v) {
                    String value = lookup.get(v.name());
                    Reason reason = value == null ? Reason.MISSING : value.isBlank() ? Reason.EMPTY : null;
                    addOnce(problems, v.name(), reason);
                }
            }
        }
        for (Part part : subject) {
            if (part instanceof Variable v) {
                String value = lookup.get(v.name());
                if (value != null && hasLineBreak(value)) {
                    addOnce(problems, v.name(), Reason.LINE_BREAK_IN_HEADER);
                }
            }
        }
        return problems;
    }

    private static void addOnce(List<RenderProblem> problems, String name, Reason reason) {
        if (reason == null) {
            return;
        }
        RenderProblem p = new RenderProblem(name, reason);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    private static String build(List<Part> parts, Lookup lookup, boolean escapeHtml) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l -> out.append(l.text());
                case Variable v -> {
                    String value = lookup.get(v.name());
                    out.append(escapeHtml ? escapeHtml(value) : value);
                }
            }
        }
        return out.toString();
    }

    /** Escapes the five HTML-significant characters; safe in element content and quoted attributes. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Exact key first, then case-insensitive; the folded index is built only when needed. */
    private static final class Lookup {
        private final Map<String, String> values;
        private Map<String, String> folded;

        Lookup(Map<String, String> values) {
            this.values = values;
        }

        String get(String name) {
            String exact = values.get(name);
            if (exact != null) {
                return exact;
            }
            if (folded == null) {
                folded = new HashMap<>();
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getKey() != null && e.getValue() != null) {
                        folded.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                    }
                }
            }
            return folded.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
