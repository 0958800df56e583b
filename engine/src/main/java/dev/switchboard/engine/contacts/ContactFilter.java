package dev.switchboard.engine.contacts;

/**
 * Which contacts of a list to show.
 *
 * @param text matches the start of the key, first or last name, email, or the digits of a phone number
 *             (case-insensitive); null or blank for all
 */
public record ContactFilter(String text) {
    public static final ContactFilter ALL = new ContactFilter(null);

    public boolean isAll() {
        return text == null || text.isBlank();
    }
}
