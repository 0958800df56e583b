package dev.switchboard.app.console.timeline;

import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.ops.OperationException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A contact's timeline made up for view-model tests and screenshots: calls, texts, a block, deferrals, a plan. */
final class FakeTimelines implements ContactTimelines {
    static final Instant NOW = Instant.parse("2026-12-08T19:30:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);

    final List<String> evidenceAsked = new ArrayList<>();
    boolean fail;

    static String local(Instant at) {
        return LOCAL.format(ZonedDateTime.ofInstant(at, ZONE));
    }

    static Timelines.Item item(String at, String kind, String step, String channel, String state, String outcome,
                               String rule, String detail) {
        Instant i = Instant.parse(at);
        return new Timelines.Item(i, List.of(local(i)), kind, "Appointment reminders", step, channel, state, outcome,
                rule, null, detail);
    }

    @Override
    public Timelines.Timeline timeline(String list, String key) throws OperationException {
        if (fail) {
            throw new OperationException(OperationException.Kind.INPUT, "No contact " + key + " in list \"" + list
                    + "\".");
        }
        List<Timelines.Item> past = List.of(
                item("2026-12-08T14:00:05Z", "ATTEMPT", "voice", "VOICE", "SENT", "NO_ANSWER", null,
                        "attempt 1 to ********7725; dialer call, wrap-up ININ-OUTBOUND-NO-ANSWER"),
                item("2026-12-08T15:00:09Z", "ATTEMPT", "voice", "VOICE", "SENT", "NO_ANSWER", null,
                        "attempt 2 to ********7725; dialer call, wrap-up ININ-OUTBOUND-NO-ANSWER"),
                item("2026-12-08T16:00:02Z", "DEFERRED", "voice", "VOICE", null, null, "pressure.weekly_cap",
                        "3 touches in 7 days: the next one waits for the oldest to age out"),
                item("2026-12-08T17:00:00Z", "ATTEMPT", "sms", "SMS", "SENT", "DELIVERED", null,
                        "attempt 1 to ********7725; delivered"),
                item("2026-12-08T17:02:00Z", "INBOUND", null, null, null, "REPLY", null,
                        "sms from ********7725: HELP; help reply sent"),
                item("2026-12-08T18:10:00Z", "BLOCKED", "email", "EMAIL", null, null, "consent.email",
                        "no email consent on record (consent_email: no)"),
                item("2026-12-08T18:10:00Z", "DEFERRED", "sms", "SMS", null, null, "window.local",
                        "outside 08:00–21:00 in America/New_York"));
        List<Timelines.Item> planned = List.of(
                item("2026-12-09T13:00:00Z", "PLANNED", "sms", "SMS", "ready", null, "window.local", null),
                item("2026-12-10T13:00:00Z", "PLANNED", "email", "EMAIL", "then", null, null, null),
                item("2026-12-10T13:00:00Z", "PLANNED", "completed", null, "exit", null, null,
                        "every channel tried"));
        return new Timelines.Timeline(42, list, key, "Diego Ramos", List.of("America/New_York"), "postal_code",
                past, planned);
    }

    @Override
    public Timelines.Explanation whyNot(String list, String key, String channel, String campaign, ZoneId viewer) {
        return new Timelines.Explanation(key, "Diego Ramos", channel.toLowerCase(Locale.ROOT), "+14153917725", NOW,
                "us-2026.3", "deferred", Instant.parse("2026-12-09T13:00:00Z"), "window.local", List.of(
                new Timelines.Rule("suppression.address", "pass", "not suppressed", "address=********7725"),
                new Timelines.Rule("consent.sms", "pass", "SMS consent on record", "consent_sms=yes (web form)"),
                new Timelines.Rule("window.local", "defer", "outside 08:00–21:00 local time",
                        "zones=America/New_York; local=14:30 → next 08:00")),
                "Deferred by window.local until 2026-12-09 08:00 EST: outside 08:00–21:00 local time");
    }

    @Override
    public String evidence(String list, String key) {
        evidenceAsked.add(list + "/" + key);
        return "campaign,contact_key,attempt_id\nAppointment reminders," + key + ",1\nAppointment reminders," + key
                + ",2\n";
    }

    @Override
    public java.util.Optional<Ref> ref(long contactId) {
        return contactId == 42 ? java.util.Optional.of(new Ref("Demo contacts", "C-1004")) : java.util.Optional.empty();
    }

    @Override
    public Instant now() {
        return NOW;
    }
}
