package dev.switchboard.model.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the outside do-not-contact data is fresh enough to start a campaign (compliance-rules §3, acceptance
 * test 10): a complete Genesys DNC sync within the pack's limit (every purpose), a National DNC scrub no older than
 * 31 days and RND results no older than the pack's limit (marketing; other purposes are told, not refused). Pure.
 *
 * <p>Ages are whole days between the recorded date and today's UTC date: a scrub of 2026-03-01 is 31 days old on
 * 2026-04-01 (still allowed) and 32 days old on 2026-04-02 (refused).
 */
public final class ScrubFreshness {
    private ScrubFreshness() {
    }

    /** One line of the launch checklist. */
    public record Line(String name, boolean passed, String detail) {
    }

    /**
     * What is known about the data.
     *
     * @param lastGenesysSync the end of the last complete sync of the org's Genesys DNC lists, or null for never
     * @param syncProblem     why a sync just attempted failed, or null (none attempted, or it worked)
     * @param scrubbedOn      the date of the National DNC copy of the last scrub imported, or null for never
     * @param rndResultsDate  the date of the RND results last imported, or null for never
     */
    public record State(Instant lastGenesysSync, String syncProblem, LocalDate scrubbedOn, LocalDate rndResultsDate) {
    }

    public static List<Line> evaluate(Purpose purpose, State state, ScrubPolicy policy, Instant now) {
        List<Line> out = new ArrayList<>();
        out.add(genesys(state, policy, now));
        out.add(national(purpose, state.scrubbedOn(), policy, now));
        out.add(rnd(purpose, state.rndResultsDate(), policy, now));
        return out;
    }

    static Line genesys(State state, ScrubPolicy policy, Instant now) {
        String name = "Genesys DNC sync";
        String failure = state.syncProblem() == null ? "" : "; a sync now failed: " + state.syncProblem();
        if (state.lastGenesysSync() == null) {
            return new Line(name, false, "the org's DNC lists were never synced" + failure
                    + "; run switchboard dnc sync");
        }
        Duration age = Duration.between(state.lastGenesysSync(), now);
        boolean fresh = age.compareTo(policy.genesysDncMaxAge()) <= 0;
        String when = "last complete sync " + state.lastGenesysSync().truncatedTo(ChronoUnit.SECONDS) + " ("
                + describe(age) + " ago, limit " + describe(policy.genesysDncMaxAge()) + ")";
        return new Line(name, fresh, fresh ? when : when + failure + "; run switchboard dnc sync");
    }

    static Line national(Purpose purpose, LocalDate scrubbedOn, ScrubPolicy policy, Instant now) {
        String name = "National DNC scrub";
        int limit = policy.nationalDncMaxAgeDays();
        boolean marketing = purpose == Purpose.MARKETING;
        String fix = "import a scrub: switchboard dnc import-scrub FILE --scrubbed-on DATE --as NAME";
        if (scrubbedOn == null) {
            return marketing ? new Line(name, false, "no scrub was ever imported; a marketing campaign needs one no"
                    + " older than " + limit + " days; " + fix)
                    : new Line(name, true, "no scrub was ever imported (a " + label(purpose)
                    + " campaign is not refused for it)");
        }
        long days = ageDays(scrubbedOn, now);
        String when = "scrubbed on " + scrubbedOn + " (" + days + (days == 1 ? " day" : " days") + " old, limit "
                + limit + ")";
        if (days < 0) {
            return new Line(name, false, "the scrub date " + scrubbedOn + " is in the future");
        }
        if (days <= limit) {
            return new Line(name, true, when);
        }
        return marketing ? new Line(name, false, when + "; a marketing campaign needs a fresh one; " + fix)
                : new Line(name, true, when + "; stale, but a " + label(purpose) + " campaign is not refused for it");
    }

    static Line rnd(Purpose purpose, LocalDate resultsDate, ScrubPolicy policy, Instant now) {
        String name = "Reassigned Numbers Database";
        int limit = policy.rndMaxAgeDays();
        boolean marketing = purpose == Purpose.MARKETING;
        String fix = "import fresh results: switchboard rnd import FILE --as NAME";
        if (resultsDate == null) {
            return marketing ? new Line(name, false, "no results were ever imported; a marketing campaign needs"
                    + " results no older than " + limit + " days; " + fix)
                    : new Line(name, true, "no results were ever imported (a " + label(purpose)
                    + " campaign is not refused for it)");
        }
        long days = ageDays(resultsDate, now);
        String when = "results of " + resultsDate + " (" + days + (days == 1 ? " day" : " days") + " old, limit "
                + limit + "; \"no data\": " + policy.rndNoData() + ")";
        if (days < 0) {
            return new Line(name, false, "the results date " + resultsDate + " is in the future");
        }
        if (days <= limit) {
            return new Line(name, true, when);
        }
        return marketing ? new Line(name, false, when + "; a marketing campaign needs fresh results; " + fix)
                : new Line(name, true, when + "; stale, but a " + label(purpose) + " campaign is not refused for it");
    }

    /** Whole days from {@code date} to today's UTC date. */
    public static long ageDays(LocalDate date, Instant now) {
        return ChronoUnit.DAYS.between(date, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static String label(Purpose p) {
        return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String describe(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = d.toHours();
        return hours < 72 ? hours + " h" : d.toDays() + " days";
    }
}
