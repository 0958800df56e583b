package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.templates.TemplatesBackend.ContactSample;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.Finding;
import dev.switchboard.model.template.RenderProblem;
import dev.switchboard.model.template.Rendered;
import dev.switchboard.model.template.SmsSegments;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateLint;
import dev.switchboard.model.template.TemplateRenderer;
import dev.switchboard.model.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One look at the template being written: the lint findings (with where each points), the SMS encoding and size,
 * and the message rendered for the chosen contact. A pure function of its input; run off the FX thread.
 */
final class TemplateAnalysis {
    /** The SMS segment budget lint checks against (the command line's default). */
    static final int SMS_SEGMENT_BUDGET = 3;

    /** A finding and where it points, when it points somewhere. */
    record LintItem(Finding finding, TemplateText.Location location) {
        boolean error() {
            return finding.severity() == Finding.Severity.ERROR;
        }
    }

    /**
     * What is analysed.
     *
     * @param template       the content; {@code null} when the editor's fields do not make a template
     * @param invalid        why they do not, when {@code template} is null
     * @param columns        the variables the chosen list supplies; {@code null} when no list is chosen
     * @param campaignValues the chosen campaign's values
     * @param contact        the contact to preview for; {@code null} for none
     */
    record Input(Template template, String invalid, Purpose purpose, Set<String> columns,
                 Map<String, String> campaignValues, ContactSample contact) {
    }

    /**
     * The outcome.
     *
     * @param sms           "GSM-7 · 2 segments · 187 chars" and what it counts; {@code null} for other channels
     * @param ucs2          whether the SMS is UCS-2
     * @param previewProblem why the preview is empty (no contact, a missing value …); {@code null} when rendered
     */
    record Result(List<LintItem> findings, String sms, boolean ucs2, String previewSubject, String previewText,
                  String previewProblem) {
        long errors() {
            return findings.stream().filter(LintItem::error).count();
        }
    }

    private TemplateAnalysis() {
    }

    /** The variables known to a list with campaign values, lower case; {@code null} without a list. */
    static Set<String> known(Set<String> columns, Map<String, String> campaignValues) {
        if (columns == null) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        columns.forEach(c -> all.add(c.toLowerCase(Locale.ROOT)));
        campaignValues.keySet().forEach(c -> all.add(c.toLowerCase(Locale.ROOT)));
        return all;
    }

    static Result analyse(Input in) {
        if (in.template() == null) {
            Finding f = new Finding(Finding.Severity.ERROR, "INVALID", in.invalid());
            return new Result(List.of(new LintItem(f, null)), null, false, null, null, in.invalid());
        }
        Template t = in.template();
        Set<String> columns = in.columns() == null ? null : known(in.columns(), in.campaignValues());
        TemplateLint lint = new TemplateLint(columns, in.purpose(), SMS_SEGMENT_BUDGET);
        List<Finding> findings = new ArrayList<>(lint.lint(t));

        Rendered rendered = null;
        String problem;
        if (in.contact() == null) {
            problem = in.columns() == null ? "Choose a list to preview the message for one of its contacts."
                    : "The list has no contacts to preview with.";
        } else {
            Map<String, String> values = new LinkedHashMap<>(in.contact().fields());
            values.putAll(in.campaignValues());
            try {
                TemplateRenderer renderer = new TemplateRenderer(t);
                List<RenderProblem> problems = renderer.problems(values);
                if (problems.isEmpty()) {
                    rendered = renderer.render(values);
                    problem = null;
                    Set<String> codes = findings.stream().map(Finding::code).collect(Collectors.toSet());
                    for (Finding f : lint.checkRendered(rendered)) {
                        if (!codes.contains(f.code())) {
                            findings.add(new Finding(f.severity(), f.code(), "For " + in.contact().key() + ": "
                                    + f.message()));
                        }
                    }
                } else {
                    problem = "Does not render for " + in.contact().key() + ": " + problems.stream()
                            .map(RenderProblem::describe).collect(Collectors.joining("; "));
                }
            } catch (TemplateSyntaxException e) {
                problem = e.getMessage();
            }
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        List<LintItem> items = findings.stream()
                .map(f -> new LintItem(f, TemplateText.locate(f, t.subject(), t.textBody(), t.htmlBody()))).toList();

        String sms = null;
        boolean ucs2 = false;
        if (t.channel() == Channel.SMS) {
            if (rendered != null) {
                sms = describe(rendered.sms(), "") + " for " + in.contact().key();
                ucs2 = rendered.sms().encoding() == SmsSegments.Encoding.UCS_2;
            } else {
                String fixed = TemplateText.PLACEHOLDER.matcher(t.textBody()).replaceAll("");
                SmsSegments s = SmsSegments.of(fixed);
                boolean variables = !fixed.equals(t.textBody());
                sms = describe(s, variables ? "at least " : "") + (variables ? " + values" : "");
                ucs2 = s.encoding() == SmsSegments.Encoding.UCS_2;
            }
        }
        return new Result(items, sms, ucs2, rendered == null ? null : rendered.subject(),
                rendered == null ? null : rendered.text(), problem);
    }

    /** "GSM-7 · 2 segments · 187 chars". */
    static String describe(SmsSegments s, String qualifier) {
        String encoding = s.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2";
        return encoding + " · " + qualifier + Formats.count(s.segments(), "segment", "segments") + " · "
                + Formats.count(s.units(), "char", "chars");
    }
}
