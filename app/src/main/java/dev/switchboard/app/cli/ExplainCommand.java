package dev.switchboard.app.cli;

import dev.switchboard.engine.contacts.ContactFilter;
import dev.switchboard.engine.rules.ExplainFormatter;
import dev.switchboard.engine.rules.RulePackException;
import dev.switchboard.engine.rules.RulePackLoader;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.ListSummary;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchboard explain}: why the compliance gate would allow, defer or block a touch, rule by rule. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains the compliance gate's decision for one contact, channel and instant: every rule of"
                + " the rule pack it evaluated, with its inputs, and when the touch could go if it is deferred.",
                "It reads the store's suppression ledger; the pressure ledger (attempts, for caps) starts with the"
                        + " engine in a later release, so caps see no attempts yet."},
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
        Channel ch;
        Purpose p;
        Instant instant;
        try {
            ch = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            p = Purpose.valueOf(purpose.toUpperCase(Locale.ROOT));
            instant = at == null ? Instant.now() : parseInstant(at, zone);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("switchboard explain: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RulePack pack;
        try {
            pack = RulePackLoader.loadDefault();
        } catch (RulePackException e) {
            err.println("switchboard explain: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        return StoreAccess.with(root.dataDir(), "explain", err, workspace -> {
            Optional<ListSummary> l = workspace.contacts().list(list);
            if (l.isEmpty()) {
                err.println("switchboard explain: no list named \"" + list + "\".");
                return ExitCodes.USAGE;
            }
            List<Contact> found = workspace.contacts().contacts(l.get().list().id(), new ContactFilter(contact), 0, 50)
                    .stream().filter(c -> c.data().externalKey().equals(contact)).toList();
            if (found.isEmpty()) {
                err.println("switchboard explain: list \"" + list + "\" has no contact with key " + contact + ".");
                return ExitCodes.USAGE;
            }
            Contact c = found.getFirst();
            String address = ch == Channel.EMAIL ? c.data().email()
                    : c.data().phones().isEmpty() ? null : c.data().phones().getFirst().e164();
            if (address == null) {
                err.println("switchboard explain: " + contact + " has no " + (ch == Channel.EMAIL ? "email address"
                        : "phone number") + ".");
                return ExitCodes.USAGE;
            }
            Candidates cand = Candidates.of(c.data(), new JurisdictionResolver());
            // the person is every address the contact has: a suppression of any of them covers it
            List<String> personKeys = new java.util.ArrayList<>();
            c.data().phones().forEach(ph -> personKeys.add(ph.e164()));
            if (c.data().email() != null) {
                personKeys.add(c.data().email().toLowerCase(Locale.ROOT));
            }
            String key = ch == Channel.EMAIL ? address.toLowerCase(Locale.ROOT) : address;
            GateRequest req = new GateRequest(c.id(), cand.zones(), cand.states(), c.data().consents(), ch, key,
                    instant, p, null, null, null, null, null, personKeys, false);
            Decision d = ComplianceGate.decide(req, workspace.suppressions().view(), PressureView.NONE, pack);
            if (json) {
                ObjectNode o = Json.object();
                o.put("contact", contact);
                o.put("channel", ch.name().toLowerCase(Locale.ROOT));
                o.put("address", address);
                o.put("at", instant.toString());
                o.put("pack", d.packVersion());
                o.put("decision", d.getClass().getSimpleName().toLowerCase(Locale.ROOT));
                if (d instanceof Decision.Deferred def) {
                    o.put("until", def.until().toString());
                    o.put("rule", def.rule());
                } else if (d instanceof Decision.Blocked b) {
                    o.put("rule", b.rule());
                }
                ArrayNode trace = o.putArray("trace");
                d.trace().evaluations().forEach(e -> trace.addObject().put("rule", e.ruleId())
                        .put("verdict", e.verdict().name().toLowerCase(Locale.ROOT)).put("reason", e.reason())
                        .put("inputs", e.inputs()));
                out.println(Json.write(o));
            } else {
                out.printf("%s (%s), %s to %s at %s%n", c.data().displayName(), contact, ch, address,
                        instant.atZone(zone));
                out.println(ExplainFormatter.format(d, zone));
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
