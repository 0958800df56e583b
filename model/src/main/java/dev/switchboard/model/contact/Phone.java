package dev.switchboard.model.contact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A normalized phone number of a contact.
 *
 * @param e164         the number in E.164 form, e.g. {@code +14155552671}
 * @param type         the line type the list gives it
 * @param raw          the value exactly as the list had it
 * @param sourceColumn the list column it came from
 */
public record Phone(String e164, PhoneType type, String raw, String sourceColumn) {
    // compiled once: imports build a million of these
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Phone {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(sourceColumn, "sourceColumn");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }
}
