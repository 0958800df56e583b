package dev.switchboard.model.contact;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/** Reads consent cells ({@code yes}, {@code opted out}, a date) and consent dates. */
final class ConsentValues {
    /** What a consent cell says: granted or not, and when, if it gives a date. */
    record Reading(boolean granted, Instant at) {
    }

    private static final Reading GRANTED = new Reading(true, null);
    private static final Reading REFUSED = new Reading(false, null);
    private static final Map<String, Reading> WORDS = Map.ofEntries(
            Map.entry("yes", GRANTED), Map.entry("y", GRANTED), Map.entry("true", GRANTED), Map.entry("1", GRANTED),
            Map.entry("optedin", GRANTED), Map.entry("optin", GRANTED), Map.entry("granted", GRANTED),
            Map.entry("no", REFUSED), Map.entry("n", REFUSED), Map.entry("false", REFUSED), Map.entry("0", REFUSED),
            Map.entry("optedout", REFUSED), Map.entry("optout", REFUSED), Map.entry("revoked", REFUSED));

    // ISO date-times with 'T' or a space, optional seconds and fraction, and Z, +05:00, +0500 or +05 or no offset
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private ConsentValues() {
    }

    /** What a trimmed, non-empty consent cell says, or null when it is neither a yes/no word nor a date. */
    static Reading read(String value) {
        Reading word = WORDS.get(Text.compactKey(value));
        if (word != null) {
            return word;
        }
        Instant at = parseInstant(value);
        return at == null ? null : new Reading(true, at);
    }

    /**
     * An instant from {@code yyyy-MM-dd}, {@code M/d/yyyy} (both taken as UTC midnight), or an ISO date-time
     * ({@code yyyy-MM-ddTHH:mm[:ss[.fff]]}, a space allowed for the T, with an offset or else taken as UTC); null
     * for anything else, including impossible dates such as 2/30/2024.
     */
    static Instant parseInstant(String value) {
        int n = value.length();
        try {
            if (n == 10 && value.charAt(4) == '-' && value.charAt(7) == '-' && Text.isAsciiDigits(value, 0, 4)
                    && Text.isAsciiDigits(value, 5, 7) && Text.isAsciiDigits(value, 8, 10)) {
                return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                        Integer.parseInt(value, 8, 10, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (n > 10 && value.charAt(4) == '-' && Text.isAsciiDigits(value, 0, 4)) {
                TemporalAccessor t = DATE_TIME.parse(value);
                return t.isSupported(OFFSET_SECONDS) ? OffsetDateTime.from(t).toInstant()
                        : LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
            }
            return usDate(value);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant usDate(String value) {
        int first = value.indexOf('/');
        int second = value.indexOf('/', first + 1);
        if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || value.length() - second != 5
                || !Text.isAsciiDigits(value, 0, first) || !Text.isAsciiDigits(value, first + 1, second)
                || !Text.isAsciiDigits(value, second + 1, value.length())) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(value, second + 1, value.length(), 10),
                Integer.parseInt(value, 0, first, 10), Integer.parseInt(value, first + 1, second, 10))
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
