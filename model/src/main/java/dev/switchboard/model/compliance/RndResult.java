package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One answer of the Reassigned Numbers Database (47 CFR §64.1200(m)): was {@code number} permanently disconnected
 * after {@code consentDate}? "yes" means it may now belong to someone else, so the consent no longer covers it.
 *
 * @param number      the number in E.164
 * @param consentDate the consent date that was queried
 * @param answer      yes, no or no data
 * @param dataDate    the date of the database data the answer came from
 */
public record RndResult(String number, LocalDate consentDate, Answer answer, LocalDate dataDate) {

    /** The three answers of the database. */
    public enum Answer {
        YES, NO, NO_DATA;

        /**
         * Parses "yes", "no", "no data" (also "y", "n", "no_data", "no-data", "nodata"), case-insensitively.
         *
         * @throws IllegalArgumentException naming the value
         */
        public static Answer parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
            return switch (t) {
                case "yes", "y" -> YES;
                case "no", "n" -> NO;
                case "no data", "nodata" -> NO_DATA;
                default -> throw new IllegalArgumentException("'" + text + "' is not yes, no or no data");
            };
        }
    }

    public RndResult {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(consentDate, "consentDate");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(dataDate, "dataDate");
    }

    /**
     * What the answer stops, as suppressions of the number on voice and SMS: "yes" every purpose, "no" nothing,
     * "no data" what the pack's policy says. Email is never affected: the database knows phone numbers only.
     */
    public List<Suppression> suppressions(ScrubPolicy.RndNoData noData) {
        Set<Purpose> purposes;
        String reason;
        switch (answer) {
            case YES -> {
                purposes = Set.of();
                reason = "Reassigned Numbers Database: disconnected after the consent date " + consentDate
                        + " (data of " + dataDate + "), the consent no longer covers it";
            }
            case NO_DATA -> {
                if (noData == ScrubPolicy.RndNoData.ALLOW) {
                    return List.of();
                }
                purposes = noData == ScrubPolicy.RndNoData.BLOCK ? Set.of() : Set.of(Purpose.MARKETING);
                reason = "Reassigned Numbers Database: no data for the consent date " + consentDate + " (data of "
                        + dataDate + "); the rule pack blocks " + (purposes.isEmpty() ? "every purpose"
                        : "marketing");
            }
            default -> {
                return List.of();
            }
        }
        return List.of(new Suppression(Suppression.Kind.DNC, Channel.VOICE, number, null, reason, purposes),
                new Suppression(Suppression.Kind.DNC, Channel.SMS, number, null, reason, purposes));
    }
}
