package dev.switchboard.app.forecast;

import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.model.contact.Channel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A forecast as a person reads it: the finish first, then what is sent when, what is held back and why. */
public final class ForecastText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private ForecastText() {
    }

    public static void print(ForecastReport r, PrintWriter out) {
        out.printf("Forecast of \"%s\": %,d contacts from %s (sandbox world seed %d; computed in %.1f s)%n",
                r.campaign(), r.contacts(), WHEN.format(r.start()), r.seed(), r.wallTime().toMillis() / 1000.0);
        if (r.cancelled()) {
            out.println("  CANCELLED: the figures below cover only what was simulated");
        }
        if (r.finish() != null) {
            out.printf("  finish        %s, %s after the start%n", WHEN.format(r.finish()),
                    span(Duration.between(r.start(), r.finish())));
        } else {
            out.printf("  finish        not within the forecast's horizon: %,d contacts still running%n",
                    r.unfinished());
        }
        if (r.lastSend() != null) {
            out.printf("  last touch    %s%n", WHEN.format(r.lastSend()));
        }
        int sms = r.sendsPerChannel().getOrDefault(Channel.SMS, 0);
        out.printf("  sends         voice %,d · SMS %,d (%,d segments) · email %,d%n",
                r.sendsPerChannel().getOrDefault(Channel.VOICE, 0), sms, r.smsSegments(),
                r.sendsPerChannel().getOrDefault(Channel.EMAIL, 0));
        if (sms > 0) {
            out.printf("  SMS sender    %s%n", r.smsSender().describe());
            out.printf("  SMS bound by  %s; the number needs %s to send %,d segments at its own rate%n",
                    boundBy(r.smsBoundBy()), span(r.smsSendingTime()), r.smsSegments());
        }
        for (Channel c : Channel.values()) {
            Map.Entry<Instant, Integer> peak = r.peakHour(c);
            if (peak != null) {
                out.printf("  peak hour     %s %,d in the hour from %s%n", label(c), peak.getValue(),
                        WHEN.format(peak.getKey()));
            }
        }
        out.printf("  API use       peak %,d requests in a minute (%s) of a budget of %,d/min; %,d requests in"
                        + " all%n", r.peakApiPerMinute(), r.peakApiMinute() == null ? "none"
                        : WHEN.format(r.peakApiMinute()), r.apiBudgetPerMinute(), r.apiRequests());
        out.println("  per day (UTC)      voice        SMS      email");
        Map<LocalDate, Map<Channel, Integer>> days = new TreeMap<>();
        r.sendsPerHour().forEach((hour, counts) -> counts.forEach((c, n) -> days.computeIfAbsent(
                hour.atZone(ZoneOffset.UTC).toLocalDate(), d -> new EnumMap<>(Channel.class)).merge(c, n,
                Integer::sum)));
        days.forEach((d, counts) -> out.printf("    %s %10s %10s %10s%n", d, num(counts, Channel.VOICE),
                num(counts, Channel.SMS), num(counts, Channel.EMAIL)));
        out.println("  blocked       " + counts(r.blocksPerRule()));
        out.println("  deferred      " + counts(r.deferralsPerRule()));
        out.println("  exits         " + counts(r.exits()));
        r.warnings().forEach(w -> out.println("  warning       " + w));
        out.flush();
    }

    private static String boundBy(String rule) {
        return switch (rule) {
            case "throughput.number" -> "the number's own rate (throughput.number)";
            case "throughput.att" -> "AT&T's limit of the 10DLC campaign (throughput.att)";
            case "throughput.tmobile-daily" -> "T-Mobile's daily allowance of the brand (throughput.tmobile-daily)";
            case "throughput.window" -> "slots that would end after the recipients' windows (throughput.window)";
            case "api.budget" -> "the API budget (api.budget)";
            default -> "nothing: no SMS waited for capacity";
        };
    }

    private static String num(Map<Channel, Integer> counts, Channel c) {
        return String.format(Locale.ROOT, "%,d", counts.getOrDefault(c, 0));
    }

    private static String label(Channel c) {
        return switch (c) {
            case VOICE -> "voice";
            case SMS -> "SMS";
            case EMAIL -> "email";
        };
    }

    private static String counts(Map<String, Integer> m) {
        if (m.isEmpty()) {
            return "none";
        }
        return m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** "3 d 4 h 05 min", "27 h 46 min", "9 min 59 s". */
    static String span(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%d d %d h %02d min", s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
