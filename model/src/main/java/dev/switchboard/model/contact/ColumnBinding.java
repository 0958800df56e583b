package dev.switchboard.model.contact;

import java.util.Objects;

/**
 * One column of a list file and what it means.
 *
 * @param index     zero-based position in the file
 * @param header    the header as the file has it
 * @param field     what the column holds
 * @param phoneType the line type, for {@link ContactField#PHONE} columns only
 */
public record ColumnBinding(int index, String header, ContactField field, PhoneType phoneType) {
    public ColumnBinding {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(field, "field");
        if ((field == ContactField.PHONE) != (phoneType != null)) {
            throw new IllegalArgumentException("column '" + header + "': a phone type goes with phone columns only");
        }
    }

    public static ColumnBinding of(int index, String header, ContactField field) {
        return new ColumnBinding(index, header, field, null);
    }

    public static ColumnBinding phone(int index, String header, PhoneType type) {
        return new ColumnBinding(index, header, ContactField.PHONE, type);
    }

    public ColumnBinding withField(ContactField newField, PhoneType newType) {
        return new ColumnBinding(index, header, newField, newField == ContactField.PHONE
                ? (newType == null ? PhoneType.OTHER : newType) : null);
    }

    /** A short human form, e.g. {@code Phone (mobile)}. */
    public String describe() {
        return field == ContactField.PHONE
                ? "Phone (" + phoneType.name().toLowerCase(java.util.Locale.ROOT) + ")" : field.label();
    }
}
