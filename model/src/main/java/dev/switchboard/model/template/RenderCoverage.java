package dev.switchboard.model.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How much of a list a template can render for: how many contacts would fail, and on which variable.
 *
 * <p>Streaming: the rows are read once and not kept; memory is bounded by the template's variables times
 * {@code maxExamples}.
 *
 * @param contacts      rows examined
 * @param failing       rows that would not render (each counted once, however many variables fail)
 * @param byVariable    per variable at fault, in template order of first failure
 */
public record RenderCoverage(long contacts, long failing, Map<String, VariableFailures> byVariable) {

    /** Default number of example keys kept per variable. */
    public static final int DEFAULT_EXAMPLES = 5;

    /**
     * Failures of one variable across the list.
     *
     * @param variable the variable as written in the template
     * @param failing  rows on which this variable failed
     * @param reasons  rows per reason
     * @param examples keys of the first failing rows, at most the requested number
     */
    public record VariableFailures(String variable, long failing, Map<RenderProblem.Reason, Long> reasons,
            List<String> examples) {

        /** Copies the collections. */
        public VariableFailures {
            reasons = Collections.unmodifiableMap(new EnumMap<>(reasons));
            examples = List.copyOf(examples);
        }
    }

    /** Copies the map. */
    public RenderCoverage {
        byVariable = Collections.unmodifiableMap(new LinkedHashMap<>(byVariable));
    }

    /** Rows that would render: {@code contacts - failing}. */
    public long rendering() {
        return contacts - failing;
    }

    /**
     * Measures a list, naming example rows by their 1-based position ("row 12").
     *
     * @param template the template
     * @param rows     one variable map per contact, read once in order
     * @return the coverage
     *
     * @throws TemplateSyntaxException if the template does not parse
     */
    public static RenderCoverage measure(Template template, Iterable<? extends Map<String, String>> rows) {
        long[] index = {0};
        return measure(template, rows, row -> "row " + (++index[0]), DEFAULT_EXAMPLES);
    }

    /**
     * Measures a list.
     *
     * @param template    the template
     * @param rows        one variable map per contact, read once in order
     * @param keyOf       names a row in the examples (e.g. its external key); called once per row, in order
     * @param maxExamples example keys kept per variable
     * @return the coverage
     * @throws TemplateSyntaxException if the template does not parse
     */
    public static RenderCoverage measure(Template template, Iterable<? extends Map<String, String>> rows,
            Function<? super Map<String, String>, String> keyOf, int maxExamples) {
        Objects.requireNonNull(keyOf, "keyOf");
        TemplateRenderer renderer = new TemplateRenderer(template);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        long contacts = 0;
        long failing = 0;
        for (Map<String, String> row : rows) {
            contacts++;
            String key = keyOf.apply(row);
            List<RenderProblem> problems = renderer.problems(row);
            if (problems.isEmpty()) {
                continue;
            }
            failing++;
            List<String> seen = new ArrayList<>(2);
            for (RenderProblem p : problems) {
                Tally t = tallies.computeIfAbsent(p.variable(), v -> new Tally());
                t.reasons.merge(p.reason(), 1L, Long::sum);
                if (!seen.contains(p.variable())) {
                    seen.add(p.variable());
                    t.failing++;
                    if (t.examples.size() < maxExamples) {
                        t.examples.add(key);
                    }
                }
            }
        }
        Map<String, VariableFailures> byVariable = new LinkedHashMap<>();
        tallies.forEach((v, t) -> byVariable.put(v, new VariableFailures(v, t.failing, t.reasons, t.examples)));
        return new RenderCoverage(contacts, failing, byVariable);
    }

    private static final class Tally {
        long failing;
        final Map<RenderProblem.Reason, Long> reasons = new EnumMap<>(RenderProblem.Reason.class);
        final List<String> examples = new ArrayList<>();
    }
}
