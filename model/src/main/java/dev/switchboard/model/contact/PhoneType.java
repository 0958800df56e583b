package dev.switchboard.model.contact;

/** What kind of line a phone column holds, as the list says (not what the carrier says). */
public enum PhoneType {
    MOBILE, HOME, WORK, OTHER
}
