package dev.switchboard.app.console.sequences;

import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Step;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Copies of steps with one thing changed, and how a step reads on its card. */
final class Steps {
    private Steps() {
    }

    static Step withEdges(Step s, List<Edge> edges) {
        return switch (s) {
            case Step.Touch t -> new Step.Touch(t.id(), t.channel(), t.templateId(), t.maxAttempts(),
                    t.retrySpacing(), t.window(), edges);
            case Step.Wait w -> new Step.Wait(w.id(), w.duration(), w.untilLocalTime(), edges);
            case Step.Branch b -> new Step.Branch(b.id(), b.on(), b.condition(), edges);
            case Step.Exit x -> x;
        };
    }

    static Step withId(Step s, String id) {
        return switch (s) {
            case Step.Touch t -> new Step.Touch(id, t.channel(), t.templateId(), t.maxAttempts(), t.retrySpacing(),
                    t.window(), t.edges());
            case Step.Wait w -> new Step.Wait(id, w.duration(), w.untilLocalTime(), w.edges());
            case Step.Branch b -> new Step.Branch(id, b.on(), b.condition(), b.edges());
            case Step.Exit x -> new Step.Exit(id, x.reason());
        };
    }

    /** "Voice call", "SMS", "Email", "Wait", "Branch", "Exit". */
    static String title(Step s) {
        return Palette.of(s).label();
    }

    /** One line under the title: "SMS · template overdue-1 · 2 retries", "Wait 24 hours", "If event CONVERTED". */
    static String summary(Step s) {
        return switch (s) {
            case Step.Touch t -> {
                int retries = Math.max(0, t.maxAttempts() - 1);
                String template = t.templateId().isBlank() ? "no template" : t.templateId();
                yield template + " · " + (retries == 0 ? "no retries" : retries + (retries == 1 ? " retry" : " retries"))
                        + t.window().map(w -> " · " + w.start() + "–" + w.end()).orElse("");
            }
            case Step.Wait w -> w.duration().map(d -> "for " + human(d))
                    .or(() -> w.untilLocalTime().map(t -> "until " + t + " local time"))
                    .orElse("no duration");
            case Step.Branch b -> switch (b.on()) {
                case OUTCOME -> "on the last touch's outcome";
                case EVENT -> "if event " + b.condition() + " happened";
                case ATTRIBUTE -> "if " + b.condition();
                case COUNTER -> "the first " + b.condition() + " times";
            };
            case Step.Exit x -> x.reason().isBlank() ? "no reason" : x.reason();
        };
    }

    /** "2 hours", "1 day", "90 minutes". */
    static String human(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return d.toMinutes() + " minutes";
        }
        long m = d.toMinutes();
        if (m % (60 * 24) == 0) {
            return plural(m / (60 * 24), "day");
        }
        if (m % 60 == 0) {
            return plural(m / 60, "hour");
        }
        return plural(m, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A step id made of a name: lower case letters, digits and dashes. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
