package dev.switchboard.model.contact;

import java.util.Objects;

/**
 * Why a row was rejected, or why a value of an accepted row was dropped.
 *
 * @param column the header of the offending column, or null for the row as a whole
 * @param value  the offending value (cut to 200 characters), or null
 * @param reason a sentence a user understands, e.g. "premium-rate number (900)"
 */
public record RowIssue(Severity severity, String column, String value, String reason) {
    public enum Severity { REJECTED, WARNING }

    public RowIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        if (value != null && value.length() > 200) {
            value = value.substring(0, 200) + "…";
        }
    }

    public static RowIssue rejected(String column, String value, String reason) {
        return new RowIssue(Severity.REJECTED, column, value, reason);
    }

    public static RowIssue warning(String column, String value, String reason) {
        return new RowIssue(Severity.WARNING, column, value, reason);
    }
}
