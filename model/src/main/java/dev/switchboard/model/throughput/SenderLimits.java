package dev.switchboard.model.throughput;

import java.util.Objects;

/**
 * The throughput limits of one SMS sending number, counted in segments (compliance-rules.md §4, "Throughput").
 *
 * @param number            the sending number, E.164
 * @param type              its kind
 * @param tier              the brand's trust tier (long codes), else null
 * @param attClass          AT&T's class of the number's 10DLC campaign (long codes), else null
 * @param segmentsPerSecond what the number itself may send
 * @param attPerMinute      AT&T's limit for the number's 10DLC campaign, segments per minute; 0 for none
 * @param tmobilePerDay     T-Mobile's daily allowance of the brand, segments per day (resets at 00:00
 *                          America/Los_Angeles); 0 for none
 * @param brand             the brand (Tax ID) sharing the T-Mobile allowance; null means this number alone
 * @param attCampaign       the 10DLC campaign sharing the AT&T limit; null means this number alone
 * @param source            where the limits come from, for reports
 */
public record SenderLimits(String number, NumberType type, TrustTier tier, AttClass attClass,
                           double segmentsPerSecond, int attPerMinute, int tmobilePerDay, String brand,
                           String attCampaign, String source) {
    /** What Genesys reportedly queues per number before messages sit "Queued" silently (compliance-rules.md §4). */
    public static final int GENESYS_QUEUE_PER_NUMBER = 500;

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
     * The limits a number of this type has when nothing better is known, the strictest of its kind: a long code of
     * an unvetted brand in AT&T class T (1 segment/s, AT&T 75 a minute, T-Mobile 2,000 a day), a toll-free number
     * (3/s), a short code (100/s).
     */
    public static SenderLimits defaults(String number, NumberType type, String source) {
        return of(number, type, null, null, null, source);
    }

    /**
     * The published limits of a type, trust tier and AT&T class (a missing tier or class is the strictest);
     * {@code segmentsPerSecond} null for the type's default.
     */
    public static SenderLimits of(String number, NumberType type, TrustTier tier, AttClass attClass,
                                  Double segmentsPerSecond, String source) {
        boolean longCode = type == NumberType.LONG_CODE;
        TrustTier t = longCode ? (tier == null ? TrustTier.UNVETTED : tier) : null;
        AttClass a = longCode ? (attClass == null ? AttClass.T : attClass) : null;
        return new SenderLimits(number, type, t, a, segmentsPerSecond == null ? type.defaultSegmentsPerSecond()
                : segmentsPerSecond, a == null ? 0 : a.perMinute(), t == null ? 0 : t.tmobilePerDay(), null, null,
                source);
    }

    /** The same limits with the brand and 10DLC campaign that share the carriers' allowances. */
    public SenderLimits sharing(String brandId, String attCampaignId) {
        return new SenderLimits(number, type, tier, attClass, segmentsPerSecond, attPerMinute, tmobilePerDay, brandId,
                attCampaignId, source);
    }

    /** The same limits for another number (a forecast's synthetic senders). */
    public SenderLimits forNumber(String other, String why) {
        return new SenderLimits(other, type, tier, attClass, segmentsPerSecond, attPerMinute, tmobilePerDay, brand,
                attCampaign, why);
    }

    /**
     * A sender whose throughput never binds: a short code at a million segments a second without carrier limits.
     * For benchmarks and tests about something else; no real number is like this.
     */
    public static SenderLimits unthrottled(String number, String why) {
        return new SenderLimits(number, NumberType.SHORT_CODE, null, null, 1_000_000, 0, 0, null, null, why
                + ": no throughput limit");
    }

    public String tmobileKey() {
        return brand != null ? "brand " + brand : "number " + number;
    }

    public String attKey() {
        return attCampaign != null ? "10DLC campaign " + attCampaign : "number " + number;
    }

    /** One line for reports: "+13177340100: 10DLC long code (unvetted, AT&T class T), 1 segment/s, ...". */
    public String describe() {
        StringBuilder b = new StringBuilder(number).append(": ").append(type.label());
        if (tier != null || attClass != null) {
            b.append(" (");
            if (tier != null) {
                b.append(tier.label());
            }
            if (attClass != null) {
                b.append(tier != null ? ", " : "").append("AT&T class ").append(attClass);
            }
            b.append(')');
        }
        b.append(", ").append(rate(segmentsPerSecond)).append(" segment").append(segmentsPerSecond == 1 ? "" : "s")
                .append("/s");
        if (attPerMinute > 0) {
            b.append(", AT&T ").append(attPerMinute).append("/min");
        }
        if (tmobilePerDay > 0) {
            b.append(", T-Mobile ").append(tmobilePerDay).append("/day");
        }
        if (brand != null) {
            b.append(", brand ").append(brand);
        }
        if (attCampaign != null) {
            b.append(", 10DLC campaign ").append(attCampaign);
        }
        return b.append(" [").append(source).append(']').toString();
    }

    static String rate(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
