package dev.switchboard.app.cli;

import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.rules.RulePackException;
import dev.switchboard.engine.rules.RulePackLoader;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code switchboard explain}: why the compliance gate would allow, defer or block a touch, rule by rule. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains the compliance gate's decision for one contact, channel and instant: every rule of"
                + " the rule pack it evaluated, with its inputs, and when the touch could go if it is deferred.",
                "It reads the suppression ledger and the pressure ledger (the engine's attempts, for caps); while an"
                        + " engine runs it asks the engine."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained (allowed, deferred or blocked)", "2:wrong flag, no such list or contact",
                "3:the rule pack is invalid", "4:the store is held by another Switchboard process"})
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwitchboardCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list.")
    String list;

    @Option(names = "--contact", required = true, paramLabel = "KEY", description = "The contact's external key.")
    String contact;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL", description = "voice, sms or email.")
    String channel;

    @Option(names = "--at", paramLabel = "TIME", description = "When: an instant (2026-11-23T15:00:00Z) or a local"
            + " date-time in --zone (2026-11-23T10:00). Default: now.")
    String at;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", description = "The zone to read --at in and"
            + " to show times in (default UTC).")
    ZoneId zone;

    @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "marketing",
            description = "marketing, service, collections or life_safety (default marketing).")
    String purpose;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant instant;
        try {
            Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            Purpose.valueOf(purpose.toUpperCase(Locale.ROOT));
            instant = at == null ? null : parseInstant(at, zone);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("switchboard explain: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            RulePackLoader.loadDefault();
        } catch (RulePackException e) {
            err.println("switchboard explain: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        return OpsAccess.with(spec, "explain", ops -> {
            Timelines.Explanation x = ops.explain(list, contact, channel, instant, purpose, zone);
            if (json) {
                ObjectNode o = Json.object();
                o.put("contact", x.contactKey());
                o.put("channel", x.channel());
                o.put("address", x.address());
                o.put("at", x.at().toString());
                o.put("pack", x.pack());
                o.put("decision", x.decision());
                if (x.until() != null) {
                    o.put("until", x.until().toString());
                }
                if (x.rule() != null) {
                    o.put("rule", x.rule());
                }
                ArrayNode trace = o.putArray("trace");
                x.trace().forEach(e -> trace.addObject().put("rule", e.rule()).put("verdict", e.verdict())
                        .put("reason", e.reason()).put("inputs", e.inputs()));
                out.println(Json.write(o));
            } else {
                out.printf("%s (%s), %s to %s at %s%n", x.name(), x.contactKey(), x.channel().toUpperCase(Locale.ROOT),
                        x.address(), x.at().atZone(zone));
                out.println(x.text());
            }
            return ExitCodes.OK;
        });
    }

    static Instant parseInstant(String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }
}
