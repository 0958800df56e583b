package dev.switchboard.app.cli;

import dev.switchboard.app.forecast.ForecastText;
import dev.switchboard.app.forecast.SandboxOutcomes;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.forecast.Forecast;
import dev.switchboard.engine.forecast.ForecastReport;
import dev.switchboard.engine.forecast.ForecastService;
import dev.switchboard.genesys.Pacer;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.throughput.NumberType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code switchboard campaign forecast}: a campaign's run on virtual time, before launch. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecasts a campaign: its sequence over a copy of its list on virtual time, against the"
                + " sandbox's seeded world, with the rule pack, the suppression ledger, the SMS sender's"
                + " throughput (in segments) and the API budget. Prints the finish, sends per day and peak hour per"
                + " channel, blocks and deferrals per rule, the peak API use and the limit that bound the SMS."
                + " Writes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:forecast printed", "2:no such campaign, an empty list or a bad flag",
                "4:the store is held by another process"})
final class ForecastCommand extends CampaignCommand.Base {
    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's name (a draft or a running one).")
    String campaign;

    @Option(names = "--contacts", paramLabel = "N", description = "Forecast N contacts: the list repeated with"
            + " distinct synthetic numbers and addresses in the same area codes (default: the list as it is).")
    Integer contacts;

    @Option(names = "--sender-type", paramLabel = "TYPE", description = "Forecast the SMS on a number of this type"
            + " (long-code, toll-free, short-code): the sender's registered limits when it is registered as that"
            + " type, else the type's published, strictest limits. Default: the sender's registered limits"
            + " (switchboard sender set), else those of an unvetted long code.")
    String senderType;

    @Option(names = "--start-at", paramLabel = "TIME", description = "When the campaign would launch, e.g."
            + " 2026-12-08T10:00-05:00 (default: now).")
    String startAt;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The sandbox world's seed"
            + " (default: ${DEFAULT-VALUE}, the sandbox's).")
    long seed;

    @Option(names = "--api-limit", paramLabel = "N", description = "The org's API requests per minute per"
            + " credential (default: " + Pacer.DEFAULT_ORG_LIMIT + "; the pacer keeps 3 % headroom).")
    Integer apiLimit;

    @Option(names = "--dialer-lines", defaultValue = "5", paramLabel = "N", description = "Calls the Genesys"
            + " dialer places at once (default: ${DEFAULT-VALUE}).")
    int dialerLines;

    @Option(names = "--days", defaultValue = "60", paramLabel = "N", description = "The most virtual days to run"
            + " (default: ${DEFAULT-VALUE}, at most " + ForecastService.MAX_DAYS + ").")
    int days;

    @Override
    public Integer call() throws Exception {
        ForecastService.Options options;
        try {
            Instant start = startAt == null ? Instant.now() : parseStart(startAt);
            NumberType type = null;
            if (senderType != null) {
                try {
                    type = NumberType.parse(senderType);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--sender-type: " + e.getMessage(), e);
                }
            }
            options = new ForecastService.Options(contacts, type, start, seed,
                    apiLimit == null ? Pacer.DEFAULT_ORG_LIMIT : apiLimit, dialerLines, days);
        } catch (IllegalArgumentException e) {
            err().println("switchboard campaign forecast: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "campaign forecast", err(), workspace -> {
            ForecastReport r;
            long[] shown = {System.nanoTime()};
            Forecast.Listener progress = json ? Forecast.Listener.NONE : (ended, total, now) -> {
                if (System.nanoTime() - shown[0] > 2_000_000_000L) {
                    shown[0] = System.nanoTime();
                    err().printf("  … %,d of %,d contacts done, virtual time %s%n", ended, total, now);
                    err().flush();
                }
            };
            try {
                r = ForecastService.forecast(workspace, campaign, options, new SandboxOutcomes(seed), progress,
                        () -> Thread.currentThread().isInterrupted());
            } catch (CampaignService.CampaignException e) {
                err().println("switchboard campaign forecast: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (json) {
                out().println(Json.write(toJson(r)));
            } else {
                ForecastText.print(r, out());
            }
            return ExitCodes.OK;
        });
    }

    static Instant parseStart(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--start-at: '" + s + "' is not a time with an offset, e.g."
                        + " 2026-12-08T10:00-05:00 or 2026-12-08T15:00:00Z", e2);
            }
        }
    }

    static ObjectNode toJson(ForecastReport r) {
        ObjectNode o = Json.object();
        o.put("campaign", r.campaign());
        o.put("contacts", r.contacts());
        o.put("start", r.start().toString());
        o.put("finish", r.finish() == null ? null : r.finish().toString());
        o.put("lastSend", r.lastSend() == null ? null : r.lastSend().toString());
        o.put("unfinished", r.unfinished());
        o.put("cancelled", r.cancelled());
        ObjectNode sends = o.putObject("sends");
        for (Channel c : Channel.values()) {
            sends.put(c.name().toLowerCase(java.util.Locale.ROOT), r.sendsPerChannel().getOrDefault(c, 0));
        }
        o.put("smsSegments", r.smsSegments());
        ObjectNode sender = o.putObject("smsSender");
        sender.put("number", r.smsSender().number());
        sender.put("type", r.smsSender().type().name());
        sender.put("segmentsPerSecond", r.smsSender().segmentsPerSecond());
        sender.put("attPerMinute", r.smsSender().attPerMinute());
        sender.put("tmobilePerDay", r.smsSender().tmobilePerDay());
        sender.put("describe", r.smsSender().describe());
        o.put("smsBoundBy", r.smsBoundBy());
        o.put("smsSendingTimeSeconds", r.smsSendingTime().toSeconds());
        o.put("peakApiPerMinute", r.peakApiPerMinute());
        o.put("peakApiMinute", r.peakApiMinute() == null ? null : r.peakApiMinute().toString());
        o.put("apiBudgetPerMinute", r.apiBudgetPerMinute());
        o.put("apiRequests", r.apiRequests());
        o.put("dialerLines", r.dialerLines());
        o.put("seed", r.seed());
        o.put("wallTimeSeconds", r.wallTime().toMillis() / 1000.0);
        counts(o.putObject("blocksPerRule"), r.blocksPerRule());
        counts(o.putObject("deferralsPerRule"), r.deferralsPerRule());
        counts(o.putObject("exits"), r.exits());
        var hours = o.putArray("sendsPerHour");
        r.sendsPerHour().forEach((hour, m) -> {
            ObjectNode h = hours.addObject();
            h.put("hour", hour.toString());
            for (Channel c : Channel.values()) {
                h.put(c.name().toLowerCase(java.util.Locale.ROOT), m.getOrDefault(c, 0));
            }
        });
        var warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    private static void counts(ObjectNode o, Map<String, Integer> m) {
        new java.util.TreeMap<>(m).forEach(o::put);
    }
}
