package dev.switchboard.model.throughput;

import java.util.Locale;

/** The kind of an SMS sending number, which decides its carrier limits (compliance-rules.md §4, "Throughput"). */
public enum NumberType {
    /** A 10DLC long code: 1 segment per second per number until raised, carrier limits by the brand's trust tier. */
    LONG_CODE("10DLC long code", 1.0),
    /** A toll-free number: 3 segments per second (AWS, SignalWire; Telnyx allows 20). */
    TOLL_FREE("toll-free", 3.0),
    /** A short code: 100 segments per second (AWS; up to 1,000 at Telnyx). */
    SHORT_CODE("short code", 100.0);

    private final String label;
    private final double defaultSegmentsPerSecond;

    NumberType(String label, double defaultSegmentsPerSecond) {
        this.label = label;
        this.defaultSegmentsPerSecond = defaultSegmentsPerSecond;
    }

    public String label() {
        return label;
    }

    public double defaultSegmentsPerSecond() {
        return defaultSegmentsPerSecond;
    }

    /**
     * The type of a Genesys {@code SmsPhoneNumber.phoneNumberType} ({@code local, mobile, tollfree, shortcode,
     * alphanumeric}): anything but toll-free and short codes is held to the long-code limits, the strictest.
     */
    public static NumberType fromGenesys(String phoneNumberType) {
        String t = phoneNumberType == null ? "" : phoneNumberType.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "tollfree" -> TOLL_FREE;
            case "shortcode" -> SHORT_CODE;
            default -> LONG_CODE;
        };
    }

    /** Parses a command-line or file value: {@code 10dlc|long-code|local}, {@code toll-free}, {@code short-code}. */
    public static NumberType parse(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("_", "-").replace(" ", "-");
        return switch (t) {
            case "10dlc", "long-code", "longcode", "local", "mobile" -> LONG_CODE;
            case "toll-free", "tollfree" -> TOLL_FREE;
            case "short-code", "shortcode" -> SHORT_CODE;
            default -> throw new IllegalArgumentException("\"" + s + "\" is not a number type (10dlc, toll-free,"
                    + " short-code)");
        };
    }
}
