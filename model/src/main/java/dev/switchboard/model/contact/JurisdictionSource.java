package dev.switchboard.model.contact;

/** Where a contact's jurisdiction came from. */
public enum JurisdictionSource {
    /** The state/province (or postal code) of the contact's address. */
    ADDRESS,
    /** The area code of the contact's first phone number. */
    AREA_CODE
}
