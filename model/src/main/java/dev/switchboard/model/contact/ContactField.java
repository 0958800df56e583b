package dev.switchboard.model.contact;

/** What a column of a contact list file means. */
public enum ContactField {
    EXTERNAL_KEY("External key"),
    FIRST_NAME("First name"),
    LAST_NAME("Last name"),
    FULL_NAME("Full name"),
    EMAIL("Email"),
    PHONE("Phone"),
    ADDRESS("Street address"),
    CITY("City"),
    STATE("State / province"),
    POSTAL_CODE("Postal code"),
    COUNTRY("Country"),
    TIME_ZONE("Time zone"),
    CONSENT_VOICE("Voice consent"),
    CONSENT_SMS("SMS consent"),
    CONSENT_EMAIL("Email consent"),
    CONSENT_DATE("Consent date"),
    CONSENT_SOURCE("Consent source"),
    /** Kept as a free attribute under the column's header name (usable as a template variable). */
    ATTRIBUTE("Attribute"),
    IGNORE("Ignore");

    private final String label;

    ContactField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Fields that may be bound to at most one column. */
    public boolean single() {
        return this != PHONE && this != ATTRIBUTE && this != IGNORE;
    }
}
