package dev.switchboard.model.contact;

/** Where a contact's time-zone candidates came from, in order of precedence. */
public enum TimeZoneSource {
    /** A time-zone column of the list. */
    EXPLICIT,
    /** The postal code of the contact's address. */
    POSTAL_CODE,
    /** The state or province of the contact's address. */
    STATE,
    /** The area code of the contact's phone numbers (libphonenumber's time-zone mapper). */
    AREA_CODE,
    /** Nothing could be derived. */
    NONE
}
