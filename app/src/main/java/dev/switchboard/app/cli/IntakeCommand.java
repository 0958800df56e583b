package dev.switchboard.app.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.switchboard.engine.ops.Operations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard intake}: events from outside the engine (a payment, a CRM's "enroll now", an email
 * provider's bounce or unsubscribe), one at a time or from a CSV file. The same events arrive over the engine's
 * loopback API ({@code POST /intake/events}).
 */
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = {"Report conversions, opt-outs, email bounces and unsubscribes, and enroll requests to the"
                + " engine. A conversion ends the contact's sequence and withdraws it from every Genesys list; an"
                + " event with an --id already received is ignored, so a retried delivery is safe."},
        subcommands = {IntakeCommand.Conversion.class, IntakeCommand.Enroll.class, IntakeCommand.OptOut.class,
                IntakeCommand.Bounce.class, IntakeCommand.Unsubscribe.class, IntakeCommand.ImportFile.class})
final class IntakeCommand {

    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--id", paramLabel = "ID", description = "The event's id at its source (de-duplication).")
        String id;

        @Option(names = "--at", paramLabel = "INSTANT", description = "When it happened (ISO instant; default"
                + " now).")
        String at;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the event (e.g. the"
                + " amount paid).")
        String note;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        abstract Operations.IntakeEvent event(Instant occurredAt);

        @Override
        public Integer call() throws Exception {
            Instant when;
            try {
                when = at == null ? null : Instant.parse(at);
            } catch (DateTimeParseException e) {
                spec.commandLine().getErr().println("switchboard intake: --at is not an ISO instant such as"
                        + " 2026-12-05T10:00:00Z");
                return ExitCodes.USAGE;
            }
            return submit(spec, List.of(event(when)), "command line", json);
        }
    }

    static int submit(CommandLine.Model.CommandSpec spec, List<Operations.IntakeEvent> events, String source,
                      boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return OpsAccess.with(spec, "intake", ops -> {
            List<Operations.IntakeResult> results = ops.intake(events, source);
            boolean rejected = false;
            if (json) {
                out.println(Json.write(results));
            }
            for (int i = 0; i < results.size(); i++) {
                Operations.IntakeResult r = results.get(i);
                rejected |= r.status().equals("rejected");
                if (!json) {
                    out.println((events.size() > 1 ? "event " + (i + 1) + ": " : "") + r.type().toLowerCase(
                            Locale.ROOT) + " " + r.status() + " — " + r.detail());
                }
            }
            return rejected ? ExitCodes.USAGE : ExitCodes.OK;
        });
    }

    @Command(name = "conversion", aliases = "payment", mixinStandardHelpOptions = true,
            description = "The contact converted (paid, booked …): its sequence ends (in --campaign, or in every"
                    + " campaign) and it is withdrawn from every Genesys list.")
    static final class Conversion extends Base {
        @Parameters(paramLabel = "KEY", description = "The contact's external key.")
        String key;

        @Option(names = "--campaign", paramLabel = "NAME", description = "Only this campaign.")
        String campaign;

        @Option(names = "--list", paramLabel = "LIST", description = "The contact's list (when the key is in"
                + " several).")
        String list;

        @Override
        Operations.IntakeEvent event(Instant occurredAt) {
            return new Operations.IntakeEvent(id, "CONVERSION", key, list, campaign, null, occurredAt, note);
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Enroll a contact of the campaign's list now (a CRM's \"invoice 30 days overdue\"); a"
                    + " completed campaign runs again for it.")
    static final class Enroll extends Base {
        @Parameters(paramLabel = "KEY", description = "The contact's external key.")
        String key;

        @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "The campaign.")
        String campaign;

        @Override
        Operations.IntakeEvent event(Instant occurredAt) {
            return new Operations.IntakeEvent(id, "ENROLL", key, null, campaign, null, occurredAt, note);
        }
    }

    @Command(name = "opt-out", mixinStandardHelpOptions = true,
            description = "The person opted out by another way (a call, a letter): suppressed on every channel and"
                    + " withdrawn everywhere.")
    static final class OptOut extends Base {
        @Parameters(paramLabel = "KEY", description = "The contact's external key.")
        String key;

        @Option(names = "--list", paramLabel = "LIST", description = "The contact's list.")
        String list;

        @Override
        Operations.IntakeEvent event(Instant occurredAt) {
            return new Operations.IntakeEvent(id, "OPT_OUT", key, list, null, null, occurredAt, note);
        }
    }

    @Command(name = "bounce", mixinStandardHelpOptions = true,
            description = "An email address hard-bounced: no email goes to it again.")
    static final class Bounce extends Base {
        @Parameters(paramLabel = "EMAIL", description = "The address.")
        String email;

        @Override
        Operations.IntakeEvent event(Instant occurredAt) {
            return new Operations.IntakeEvent(id, "BOUNCE", null, null, null, email, occurredAt, note);
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true,
            description = "The person unsubscribed by email: no email goes to the address again.")
    static final class Unsubscribe extends Base {
        @Parameters(paramLabel = "EMAIL", description = "The address.")
        String email;

        @Override
        Operations.IntakeEvent event(Instant occurredAt) {
            return new Operations.IntakeEvent(id, "UNSUBSCRIBE", null, null, null, email, occurredAt, note);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Intake events from a CSV file with a header: type (conversion, payment, enroll,"
                    + " opt_out, bounce, unsubscribe), and as the type needs: contact, list, campaign, email, id,"
                    + " occurred_at, note. Every row is checked first; a bad row stops the import before anything"
                    + " is recorded."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every event accepted or a duplicate", "2:a bad row or a rejected event",
                    "4:the store is unavailable"})
    static final class ImportFile implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            List<Operations.IntakeEvent> events = new ArrayList<>();
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
                for (NamedCsvRecord r : csv) {
                    Map<String, String> f = new java.util.HashMap<>();
                    r.getFieldsAsMap().forEach((k, v) -> f.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
                    long line = r.getStartingLineNumber();
                    String type = f.getOrDefault("type", "");
                    if (type.isEmpty()) {
                        err.println("switchboard intake import: " + file.getFileName() + " line " + line
                                + ": the type column is empty or missing");
                        return ExitCodes.USAGE;
                    }
                    Instant at = null;
                    String when = f.getOrDefault("occurred_at", "");
                    if (!when.isEmpty()) {
                        try {
                            at = Instant.parse(when);
                        } catch (DateTimeParseException e) {
                            err.println("switchboard intake import: " + file.getFileName() + " line " + line
                                    + ": occurred_at \"" + when + "\" is not an ISO instant");
                            return ExitCodes.USAGE;
                        }
                    }
                    String id = f.getOrDefault("id", "");
                    events.add(new Operations.IntakeEvent(id.isEmpty() ? "csv:" + Integer.toHexString(
                            (file.getFileName() + "|" + String.join("|", r.getFields())).hashCode()) + ":" + line
                            : id, type, blank(f.get("contact")), blank(f.get("list")), blank(f.get("campaign")),
                            blank(f.get("email")), at, blank(f.get("note"))));
                }
            } catch (IOException | RuntimeException e) {
                err.println("switchboard intake import: cannot read " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (events.isEmpty()) {
                err.println("switchboard intake import: " + file.getFileName() + " has no rows");
                return ExitCodes.USAGE;
            }
            return submit(spec, events, "csv " + file.getFileName(), json);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
