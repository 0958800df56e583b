package dev.switchboard.model.throughput;

import java.util.Locale;

/**
 * A 10DLC brand's trust tier, from its vetting score, and T-Mobile's daily allowance for the brand that follows
 * (compliance-rules.md §4, AWS: 76–100 → 200,000; 51–75 → 40,000; 1–49 → 10,000; unvetted 2,000 segments a
 * day).
 */
public enum TrustTier {
    UNVETTED("unvetted", 2_000),
    LOW("score 1-49", 10_000),
    MEDIUM("score 51-75", 40_000),
    HIGH("score 76-100", 200_000);

    private final String label;
    private final int tmobilePerDay;

    TrustTier(String label, int tmobilePerDay) {
        this.label = label;
        this.tmobilePerDay = tmobilePerDay;
    }

    public String label() {
        return label;
    }

    public int tmobilePerDay() {
        return tmobilePerDay;
    }

    /** A tier by name ({@code unvetted, low, medium, high}) or by its daily allowance ({@code 40000}). */
    public static TrustTier parse(String s) {
        String v = s.strip().replace(",", "").replace("_", "");
        for (TrustTier t : values()) {
            if (t.name().equalsIgnoreCase(v) || String.valueOf(t.tmobilePerDay).equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("\"" + s + "\" is not a trust tier (unvetted, low, medium, high, or"
                + " 2000, 10000, 40000, 200000)");
    }

    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
