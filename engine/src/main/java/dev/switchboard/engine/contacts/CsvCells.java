package dev.switchboard.engine.contacts;

/**
 * Makes a cell safe to open in a spreadsheet: a value starting with {@code = + - @}, tab, CR or NUL would be read as
 * a formula (CSV injection, OWASP ASVS 1.2.10), so it gets a leading apostrophe. Quoting is the CSV writer's job.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0'
                ? "'" + value : value;
    }
}
