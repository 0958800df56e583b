package dev.switchboard.model.contact;

import java.util.ArrayList;
import java.util.List;

/** A {@link ColumnMapping} flattened to column indexes, so that each row needs no lookups; -1 where unmapped. */
final class Columns {
    final int key;
    final int firstName;
    final int lastName;
    final int fullName;
    final int email;
    final int state;
    final int postal;
    final int country;
    final int timeZone;
    final int consentDate;
    final int consentSource;
    final int[] phones;
    final int[] consents;
    /** ATTRIBUTE columns, and ADDRESS and CITY, which are kept as attributes too. */
    final int[] attributes;

    private final ColumnBinding[] bindings;
    private final String[] labels;

    Columns(ColumnMapping mapping) {
        bindings = mapping.columns().toArray(ColumnBinding[]::new);
        labels = new String[bindings.length];
        for (int i = 0; i < bindings.length; i++) {
            String header = Text.trim(bindings[i].header());
            labels[i] = header.isEmpty() ? "column " + (i + 1) : header;
        }
        key = first(mapping, ContactField.EXTERNAL_KEY);
        firstName = first(mapping, ContactField.FIRST_NAME);
        lastName = first(mapping, ContactField.LAST_NAME);
        fullName = first(mapping, ContactField.FULL_NAME);
        email = first(mapping, ContactField.EMAIL);
        state = first(mapping, ContactField.STATE);
        postal = first(mapping, ContactField.POSTAL_CODE);
        country = first(mapping, ContactField.COUNTRY);
        timeZone = first(mapping, ContactField.TIME_ZONE);
        consentDate = first(mapping, ContactField.CONSENT_DATE);
        consentSource = first(mapping, ContactField.CONSENT_SOURCE);
        phones = all(ContactField.PHONE);
        consents = all(ContactField.CONSENT_VOICE, ContactField.CONSENT_SMS, ContactField.CONSENT_EMAIL);
        attributes = all(ContactField.ATTRIBUTE, ContactField.ADDRESS, ContactField.CITY);
    }

    private static int first(ColumnMapping mapping, ContactField field) {
        return mapping.first(field).map(ColumnBinding::index).orElse(-1);
    }

    private int[] all(ContactField... fields) {
        List<Integer> found = new ArrayList<>();
        for (ColumnBinding b : bindings) {
            for (ContactField f : fields) {
                if (b.field() == f) {
                    found.add(b.index());
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    int width() {
        return bindings.length;
    }

    /** The header as messages and attribute keys use it: trimmed, or "column N" when blank. */
    String label(int index) {
        return labels[index];
    }

    PhoneType phoneType(int index) {
        return bindings[index].phoneType();
    }

    Channel channel(int index) {
        return switch (bindings[index].field()) {
            case CONSENT_VOICE -> Channel.VOICE;
            case CONSENT_SMS -> Channel.SMS;
            case CONSENT_EMAIL -> Channel.EMAIL;
            default -> throw new IllegalArgumentException("column " + index + " is not a consent column");
        };
    }
}
