package dev.switchboard.model.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder grammar: {@code {{name}}} with optional spaces inside the braces, names of
 * {@code [A-Za-z0-9_.-]}. Any other <code>{{</code> is a syntax error, so a typo never ships as literal braces.
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[ \\t]*([A-Za-z0-9_.-]+)[ \\t]*}}");

    /** A piece of a parsed body: literal text or a variable reference. */
    sealed interface Part permits Literal, Variable {
    }

    record Literal(String text) implements Part {
    }

    record Variable(String name) implements Part {
    }

    private Placeholders() {
    }

    /**
     * Splits a body into literals and variables.
     *
     * @throws TemplateSyntaxException naming the position of the first malformed placeholder
     */
    static List<Part> parse(String body, String field) {
        List<Part> parts = new ArrayList<>();
        if (body == null) {
            return parts;
        }
        Matcher m = PLACEHOLDER.matcher(body);
        int pos = 0;
        while (pos < body.length()) {
            int open = body.indexOf("{{", pos);
            if (open < 0) {
                parts.add(new Literal(body.substring(pos)));
                break;
            }
            if (!m.find(open) || m.start() != open) {
                int end = Math.min(body.length(), open + 30);
                throw new TemplateSyntaxException(field + ": malformed placeholder at character " + (open + 1)
                        + " (\"" + body.substring(open, end) + "\"); write {{name}} with letters, digits, _ . -");
            }
            if (open > pos) {
                parts.add(new Literal(body.substring(pos, open)));
            }
            parts.add(new Variable(m.group(1)));
            pos = m.end();
        }
        return parts;
    }

    /** The distinct variable names of every field of a template, in order of first use. */
    static Set<String> variables(Template template) {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : allParts(template)) {
            if (part instanceof Variable v) {
                names.add(v.name());
            }
        }
        return names;
    }

    private static List<Part> allParts(Template t) {
        List<Part> all = new ArrayList<>(parse(t.subject(), "subject"));
        all.addAll(parse(t.textBody(), "text body"));
        all.addAll(parse(t.htmlBody(), "HTML body"));
        return all;
    }
}
