package dev.switchboard.model.template;

import java.util.List;
import java.util.stream.Collectors;

/** A template could not be rendered for a contact; names every variable at fault. */
public final class TemplateRenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RenderProblem> problems;

    /** Creates the exception; the message lists every problem. */
    public TemplateRenderException(List<RenderProblem> problems) {
        super(problems.stream().map(RenderProblem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in template order, never empty. */
    public List<RenderProblem> problems() {
        return problems;
    }

    /** The distinct variable names at fault. */
    public List<String> variables() {
        return problems.stream().map(RenderProblem::variable).distinct().toList();
    }
}
