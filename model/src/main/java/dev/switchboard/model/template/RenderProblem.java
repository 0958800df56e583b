package dev.switchboard.model.template;

import java.util.Objects;

/**
 * Why one variable kept a template from rendering for one contact.
 *
 * @param variable the variable as written in the template
 * @param reason   what was wrong with its value
 */
public record RenderProblem(String variable, Reason reason) {

    /** What was wrong with a value. */
    public enum Reason {
        /** The contact has no such attribute. */
        MISSING,
        /** The attribute exists but is empty or only whitespace. */
        EMPTY,
        /** The value would put a line break (CR, LF, NEL, U+2028/9) into an email header such as the subject. */
        LINE_BREAK_IN_HEADER
    }

    /** Validates the fields. */
    public RenderProblem {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(reason, "reason");
    }

    /** A sentence an operator understands, naming the variable. */
    public String describe() {
        return switch (reason) {
            case MISSING -> "no value for {{" + variable + "}}";
            case EMPTY -> "{{" + variable + "}} is empty";
            case LINE_BREAK_IN_HEADER -> "{{" + variable + "}} contains a line break, which is refused in the subject";
        };
    }
}
