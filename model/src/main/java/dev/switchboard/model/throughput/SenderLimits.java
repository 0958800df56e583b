package dev.switchboard.model.throughput;

import java.util.Objects;

/**
 * The throughput limits of one SMS sending number, counted in segments (compliance-rules.md §4, "Throughput").
 *
 * @param number            the sending number, E.164
 * @param type              its kind
 * @param tier              the brand's trust tier (long codes), else null
 * @param segmentsPerSecond what the number itself may send
 * @param attPerMinute      AT&T's limit for the number's 10DLC campaign, segments per minute; 0 for none
 * @param tmobilePerDay     T-Mobile's daily allowance of the brand, segments per day (resets at 00:00
 *                          America/Los_Angeles); 0 for none
 * @param brand             the brand (Tax ID) sharing the T-Mobile allowance; null means this number alone
 * @param attCampaign       the 10DLC campaign sharing the AT&T limit; null means this number alone
 * @param source            where the limits come from, for reports ("configured", "defaults for ...")
 */
public record SenderLimits(String number, NumberType type, TrustTier tier, double segmentsPerSecond,
                           int attPerMinute, int tmobilePerDay, String brand, String attCampaign, String source) {
    public SenderLimits {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
        if (!(segmentsPerSecond > 0) || Double.isInfinite(segmentsPerSecond)) {
            throw new IllegalArgumentException("segments per second must be a positive number");
        }
        if (attPerMinute < 0 || tmobilePerDay < 0) {
            throw new IllegalArgumentException("carrier limits cannot be negative");
        }
    }

    /**
     * The limits a number of this type has when nothing better is known: a long code of an unvetted brand
     * (1 segment/s, AT&T 240 per minute, T-Mobile 2,000 per day), a toll-free number (3/s), a short code (100/s).
     */
    public static SenderLimits defaults(String number, NumberType type) {
        return of(number, type, type == NumberType.LONG_CODE ? TrustTier.UNVETTED : null, "defaults for a "
                + type.label());
    }

    /** The limits of a type and (for long codes) trust tier, each at its published value. */
    public static SenderLimits of(String number, NumberType type, TrustTier tier, String source) {
        TrustTier t = type == NumberType.LONG_CODE ? (tier == null ? TrustTier.UNVETTED : tier) : null;
        return new SenderLimits(number, type, t, type.defaultSegmentsPerSecond(), t == null ? 0 : t.attPerMinute(),
                t == null ? 0 : t.tmobilePerDay(), null, null, source);
    }

    public String tmobileKey() {
        return brand != null ? "brand " + brand : "number " + number;
    }

    public String attKey() {
        return attCampaign != null ? "10DLC campaign " + attCampaign : "number " + number;
    }

    /** One line for reports: "+13177340100: 10DLC long code (unvetted), 1 segment/s, AT&T 240/min, ...". */
    public String describe() {
        StringBuilder b = new StringBuilder(number).append(": ").append(type.label());
        if (tier != null) {
            b.append(" (").append(tier.label()).append(')');
        }
        b.append(", ").append(rate(segmentsPerSecond)).append(" segment").append(segmentsPerSecond == 1 ? "" : "s")
                .append("/s");
        if (attPerMinute > 0) {
            b.append(", AT&T ").append(attPerMinute).append("/min");
        }
        if (tmobilePerDay > 0) {
            b.append(", T-Mobile ").append(tmobilePerDay).append("/day");
        }
        return b.append(" [").append(source).append(']').toString();
    }

    private static String rate(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
