package dev.switchboard.model.breaker;

import java.time.Duration;
import java.util.Optional;

/**
 * When a campaign's circuit breaker trips: a storm of 429s from Genesys, an error rate on its calls, or a spike of
 * opt-outs among its recipients (a wrong list, a wrong message, a wrong hour). A tripped campaign pauses with the
 * reason, and only a person's acknowledgement resumes it.
 *
 * @param rateLimitedMax  429 answers within {@code rateLimitedWindow} that trip it
 * @param errorMinCalls   calls within {@code errorWindow} before the error rate counts
 * @param errorRate       the share of those calls that failed (5xx, timeouts, resets, unknown outcomes) that trips it
 * @param optOutMinSends  sends within {@code optOutWindow} before the opt-out rate counts
 * @param optOutRate      the share of those sends answered by an opt-out that trips it
 * @param optOutMin       and at least this many opt-outs
 */
public record BreakerPolicy(int rateLimitedMax, Duration rateLimitedWindow, int errorMinCalls, double errorRate,
                            Duration errorWindow, int optOutMinSends, double optOutRate, int optOutMin,
                            Duration optOutWindow) {

    /** 30 × 429 in a minute; 25 % errors over at least 20 calls in 5 minutes; 5 % opt-outs (at least 10) over 100 sends in a day. */
    public static BreakerPolicy defaults() {
        return new BreakerPolicy(30, Duration.ofMinutes(1), 20, 0.25, Duration.ofMinutes(5), 100, 0.05, 10,
                Duration.ofDays(1));
    }

    /** What happened within each window. */
    public record Counts(int rateLimited, int calls, int errors, int sends, int optOuts) {
    }

    /** The reason the breaker trips on these counts, if it does. */
    public Optional<String> trip(Counts c) {
        if (c.rateLimited() >= rateLimitedMax) {
            return Optional.of("a 429 storm: Genesys answered 429 " + c.rateLimited() + " times within "
                    + describe(rateLimitedWindow));
        }
        if (c.calls() >= errorMinCalls && c.errors() >= Math.ceil(errorRate * c.calls())) {
            return Optional.of("an error rate of " + percent(c.errors(), c.calls()) + " (" + c.errors() + " of "
                    + c.calls() + " calls within " + describe(errorWindow) + " failed or ended unknown)");
        }
        if (c.sends() >= optOutMinSends && c.optOuts() >= optOutMin
                && c.optOuts() >= Math.ceil(optOutRate * c.sends())) {
            return Optional.of("an opt-out spike: " + c.optOuts() + " opt-outs for " + c.sends() + " sends ("
                    + percent(c.optOuts(), c.sends()) + ") within " + describe(optOutWindow));
        }
        return Optional.empty();
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + " %";
    }

    private static String describe(Duration d) {
        return d.toDays() >= 1 && d.toHours() % 24 == 0 ? d.toDays() + " d"
                : d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
