package dev.switchboard.model.throughput;

import java.util.Locale;

/**
 * A 10DLC brand's trust tier, from its vetting score, with the carrier limits that follow (compliance-rules.md §4):
 * T-Mobile's daily allowance per brand (AWS: 76–100 → 200,000; 51–75 → 40,000; 1–49 → 10,000; unvetted 2,000) and
 * the AT&T messages-per-minute class of its campaigns (A/B 4,500; C/D 2,400; E/F 240). A registration that knows
 * better sets the numbers itself.
 */
public enum TrustTier {
    UNVETTED("unvetted", 2_000, 240),
    LOW("score 1-49", 10_000, 240),
    MEDIUM("score 51-75", 40_000, 2_400),
    HIGH("score 76-100", 200_000, 4_500);

    private final String label;
    private final int tmobilePerDay;
    private final int attPerMinute;

    TrustTier(String label, int tmobilePerDay, int attPerMinute) {
        this.label = label;
        this.tmobilePerDay = tmobilePerDay;
        this.attPerMinute = attPerMinute;
    }

    public String label() {
        return label;
    }

    public int tmobilePerDay() {
        return tmobilePerDay;
    }

    public int attPerMinute() {
        return attPerMinute;
    }

    public static TrustTier parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a trust tier (unvetted, low, medium, high)");
        }
    }
}
