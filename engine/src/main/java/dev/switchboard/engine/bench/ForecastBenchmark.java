package dev.switchboard.engine.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.contacts.ImportListener;
import dev.switchboard.engine.contacts.ImportRequest;
import dev.switchboard.engine.forecast.Forecast;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.engine.forecast.ForecastService;
import dev.switchboard.engine.forecast.OutcomeModel;
import dev.switchboard.engine.sequences.SequenceJson;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.throughput.AttClass;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.TrustTier;
import dev.switchboard.model.user.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The forecast benchmark (issue 6, item 12): a list of N contacts (the demo list's twelve people across US zones,
 * repeated with distinct numbers and addresses) in a fresh store, forecast over a 7-day voice/SMS/email sequence,
 * timed from the request to the report (reading the list from the store included; target 60 s for 100,000). Then
 * the same list's outage broadcast on one 10DLC long code, whose finish is the headline figure.
 */
public final class ForecastBenchmark {
    static final String SEQUENCE = """
            {"id": "week-of-reminders", "name": "A week of reminders", "version": 1, "published": false,
             "description": "SMS, then email two days later, a call two days after that, a last SMS after two more.",
             "steps": [
              {"id": "sms-1", "type": "touch", "channel": "SMS", "template": "appointment-sms", "maxAttempts": 2,
               "retrySpacing": "PT4H", "edges": [{"on": "ELSE", "to": "wait-1"}]},
              {"id": "wait-1", "type": "wait", "duration": "P2D", "edges": [{"on": "ELSE", "to": "email"}]},
              {"id": "email", "type": "touch", "channel": "EMAIL", "template": "offer-email", "maxAttempts": 1,
               "retrySpacing": "PT0S", "edges": [{"on": "ELSE", "to": "wait-2"}]},
              {"id": "wait-2", "type": "wait", "duration": "P2D", "edges": [{"on": "ELSE", "to": "voice"}]},
              {"id": "voice", "type": "touch", "channel": "VOICE", "template": "voice-default", "maxAttempts": 3,
               "retrySpacing": "PT2H", "window": {"start": "09:00", "end": "21:00"},
               "edges": [{"on": "ANSWERED", "to": "answered"}, {"on": "CONVERTED", "to": "answered"},
                         {"on": "ELSE", "to": "wait-3"}]},
              {"id": "wait-3", "type": "wait", "duration": "P2D", "edges": [{"on": "ELSE", "to": "sms-2"}]},
              {"id": "sms-2", "type": "touch", "channel": "SMS", "template": "appointment-sms", "maxAttempts": 1,
               "retrySpacing": "PT0S", "edges": [{"on": "ELSE", "to": "done"}]},
              {"id": "answered", "type": "exit", "reason": "answered"},
              {"id": "done", "type": "exit", "reason": "every touch made"}
             ]}
            """;
    static final String LIST = "Forecast bench";

    private ForecastBenchmark() {
    }

    /** What the benchmark measured. */
    public record Result(int contacts, Duration importTime, ForecastReport week, Duration weekWall,
                         ForecastReport broadcast, Duration broadcastWall) {
    }

    /**
     * Runs both forecasts in a fresh store under {@code dir}, printing progress to {@code out}.
     *
     * @param outcomes the people (the sandbox's seeded world, from the caller)
     */
    public static Result run(Path dir, int contacts, OutcomeModel outcomes, long seed, PrintStream out)
            throws Exception {
        Path csv = dir.resolve("forecast-list.csv");
        writeList(csv, contacts);
        try (Workspace ws = Workspace.open(dir.resolve("data"), "the forecast benchmark",
                dev.switchboard.engine.secrets.SecretVault.inMemory())) {
            ws.users().add(null, "bench", Role.ADMIN, "bench-pass-1".toCharArray());
            Actor admin = ws.users().authenticate("bench", "bench-pass-1".toCharArray());
            long t0 = System.nanoTime();
            ws.imports().run(ImportRequest.of(csv, LIST), ImportListener.NONE, () -> false);
            Duration importTime = Duration.ofNanos(System.nanoTime() - t0);
            out.printf("imported %,d contacts in %.1f s (not part of the forecast's time)%n", contacts,
                    importTime.toMillis() / 1000.0);
            ws.sequences().importDraft(admin, SequenceJson.read(SEQUENCE));
            ws.sequences().publish(admin, "week-of-reminders");
            CampaignService.Spec demo = CampaignFile.demo("appointment-reminders");
            ws.campaigns().create(admin, new CampaignService.Spec("Week of reminders", LIST, "week-of-reminders",
                    null, Purpose.MARKETING, demo.smsFrom(), demo.emailFrom(), demo.variables()));
            CampaignService.Spec outage = CampaignFile.demo("outage-broadcast");
            ws.campaigns().create(admin, new CampaignService.Spec("Outage broadcast", LIST, outage.sequence(), null,
                    outage.purpose(), outage.smsFrom(), null, outage.variables()));
            // a vetted brand's long code: 1 segment a second, AT&T class B, T-Mobile 200,000 a day
            ws.senders().register(admin, SenderLimits.of(demo.smsFrom(), NumberType.LONG_CODE, TrustTier.HIGH,
                    AttClass.B, null, "benchmark"));
            Instant start = ZonedDateTime.of(2026, 12, 8, 9, 0, 0, 0, ZoneId.of("America/New_York")).toInstant();
            ForecastService.Options options = new ForecastService.Options(null, null, start, seed, 300, 20, 60);

            long t1 = System.nanoTime();
            ForecastReport week = ForecastService.forecast(ws, "Week of reminders", options, outcomes,
                    progress(out), () -> false);
            Duration weekWall = Duration.ofNanos(System.nanoTime() - t1);
            long t2 = System.nanoTime();
            ForecastReport broadcast = ForecastService.forecast(ws, "Outage broadcast", options, outcomes,
                    progress(out), () -> false);
            Duration broadcastWall = Duration.ofNanos(System.nanoTime() - t2);
            return new Result(contacts, importTime, week, weekWall, broadcast, broadcastWall);
        }
    }

    private static Forecast.Listener progress(PrintStream out) {
        long[] shown = {System.nanoTime()};
        return (ended, total, now) -> {
            if (System.nanoTime() - shown[0] > 5_000_000_000L) {
                shown[0] = System.nanoTime();
                out.printf("  … %,d of %,d contacts done, virtual time %s%n", ended, total, now);
            }
        };
    }

    /** The demo list's twelve people, repeated to {@code n} rows with distinct keys, numbers and addresses. */
    static void writeList(Path csv, int n) throws IOException {
        List<String> header;
        List<List<String>> people = new ArrayList<>();
        try (InputStream in = ForecastBenchmark.class.getResourceAsStream("/demo/lists/demo-contacts.csv");
             CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(new InputStreamReader(in,
                     StandardCharsets.UTF_8))) {
            var it = r.iterator();
            header = it.next().getFields();
            it.forEachRemaining(rec -> people.add(rec.getFields()));
        }
        int key = header.indexOf("external_id");
        int phone = header.indexOf("mobile_phone");
        int email = header.indexOf("email");
        try (CsvWriter w = CsvWriter.builder().build(csv, StandardCharsets.UTF_8)) {
            w.writeRecord(header);
            for (int i = 0; i < n; i++) {
                List<String> row = new ArrayList<>(people.get(i % people.size()));
                row.set(key, "F-" + i);
                String digits = row.get(phone).replaceAll("[^0-9]", "");
                row.set(phone, Forecast.synthetic("+1" + digits.substring(digits.length() - 10), i + 1));
                if (!row.get(email).isBlank()) {
                    row.set(email, row.get(email).replaceFirst("@", "+b" + i + "@"));
                }
                w.writeRecord(row);
            }
        }
    }
}
