package dev.switchboard.model.compliance;

import java.time.Duration;
import java.util.Objects;

/**
 * How fresh the outside do-not-contact data must be before a campaign starts, and what a Reassigned Numbers Database
 * "no data" answer means (compliance-rules §3).
 *
 * @param nationalDncMaxAgeDays a marketing launch needs a National DNC scrub no older than this (47 CFR
 *                              §64.1200(c)(2)(i): 31 days)
 * @param rndMaxAgeDays         a marketing launch needs RND results no older than this (default 30 days)
 * @param rndNoData             what an RND "no data" answer does to a number
 * @param genesysDncMaxAge      every launch needs a complete sync of the org's Genesys DNC lists no older than this
 *                              (carrier-intercepted STOPs reach Switchboard only through them; default 24 h)
 * @param citation              where the limits come from
 */
public record ScrubPolicy(int nationalDncMaxAgeDays, int rndMaxAgeDays, RndNoData rndNoData,
                          Duration genesysDncMaxAge, String citation) {

    /** What an RND "no data" answer does: the database cannot confirm the number still belongs to the consenter. */
    public enum RndNoData {
        /** Block marketing to the number; other purposes go ahead (the safe default). */
        BLOCK_MARKETING,
        /** Block every purpose. */
        BLOCK,
        /** Treat it like "no": nothing is blocked. */
        ALLOW
    }

    /** The defaults of a pack without a {@code scrubs} section. */
    public static final ScrubPolicy DEFAULT = new ScrubPolicy(31, 30, RndNoData.BLOCK_MARKETING, Duration.ofHours(24),
            "47 CFR §64.1200(c)(2)(i) (scrub ≤31 days); §64.1200(m) (RND safe harbor); product default 30 days"
                    + " for RND results and 24 h for the Genesys DNC sync");

    public ScrubPolicy {
        if (nationalDncMaxAgeDays < 1) {
            throw new IllegalArgumentException("nationalDncMaxAgeDays must be at least 1");
        }
        if (rndMaxAgeDays < 1) {
            throw new IllegalArgumentException("rndMaxAgeDays must be at least 1");
        }
        Objects.requireNonNull(rndNoData, "rndNoData");
        Objects.requireNonNull(genesysDncMaxAge, "genesysDncMaxAge");
        if (!genesysDncMaxAge.isPositive()) {
            throw new IllegalArgumentException("genesysDncMaxAge must be positive");
        }
        citation = citation == null ? "" : citation;
    }
}
