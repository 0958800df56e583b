package dev.switchboard.app.console.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, instants and durations. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** {@code 1 contact}, {@code 2,000 contacts}. */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** Local date and time to the minute, or an empty string for null. */
    public static String instant(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** {@code 850 ms}, {@code 12.4 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.US, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.US, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.US, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 912 bytes}, {@code 14.2 KB}, {@code 1.3 GB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.US, "%.1f %s", value, units[unit]);
    }

    /** {@code 8,200 rows/s}. */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond)) + " rows/s";
    }
}
