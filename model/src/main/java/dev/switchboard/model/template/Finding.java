package dev.switchboard.model.template;

import java.util.Objects;

/**
 * One lint finding.
 *
 * @param severity ERROR blocks submission for review; WARNING is shown to author and reviewer
 * @param code     a stable machine code such as {@code UNKNOWN_VARIABLE}
 * @param message  a sentence a compliance reviewer understands
 */
public record Finding(Severity severity, String code, String message) {

    /** How serious a finding is. */
    public enum Severity {
        /** The template must not be approved or sent as is. */
        ERROR,
        /** Worth a reviewer's attention; does not block. */
        WARNING
    }

    /** Validates the fields. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Finding error(String code, String message) {
        return new Finding(Severity.ERROR, code, message);
    }

    static Finding warning(String code, String message) {
        return new Finding(Severity.WARNING, code, message);
    }
}
