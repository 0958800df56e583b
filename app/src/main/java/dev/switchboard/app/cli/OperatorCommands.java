package dev.switchboard.app.cli;

import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.ops.Operations;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The operator's commands beside {@code campaign}: the kill switch, timelines, the queue and evidence. */
final class OperatorCommands {
    private OperatorCommands() {
    }

    @Command(name = "kill-switch", mixinStandardHelpOptions = true,
            description = {"The global kill switch: 'on' halts every campaign within one poll interval (calls in"
                    + " flight finish); 'off' lets them go on. Without on/off, shows its state."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:wrong flag", "4:the store is unavailable", "7:not allowed"})
    static final class KillSwitch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "on|off", description = "Turn it on or off.")
        String state;

        @Option(names = "--as", paramLabel = "NAME", description = "The acting profile (needed to change it).")
        String as;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (audited; needed to change it).")
        String reason;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (state != null && !state.equals("on") && !state.equals("off")) {
                spec.commandLine().getErr().println("switchboard kill-switch: say on or off");
                return ExitCodes.USAGE;
            }
            if (state != null && as == null) {
                spec.commandLine().getErr().println("switchboard kill-switch: changing it needs --as NAME and"
                        + " --reason");
                return ExitCodes.USAGE;
            }
            return OpsAccess.with(spec, "kill-switch", ops -> {
                if (state != null) {
                    ops.killSwitch(OpsAccess.credentials(as), state.equals("on"), reason);
                }
                boolean on = ops.killSwitchOn();
                out.println(json ? Json.write(Json.object().put("on", on)) : "Kill switch " + (on
                        ? "ON: no campaign sends until it is turned off." : "off."));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "contact", mixinStandardHelpOptions = true,
            description = {"One contact's channel timeline: past attempts with outcomes, compliance blocks and"
                    + " deferrals with their rules, and the planned next steps in the contact's local time."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:no such list or contact", "4:the store is unavailable"})
    static final class Contact implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "The contact's external key.")
        String key;

        @Option(names = "--list", required = true, paramLabel = "LIST", description = "The contact's list.")
        String list;

        @Option(names = "--timeline", description = "Show the timeline (the default).")
        boolean timeline;

        @Option(names = "--evidence", paramLabel = "FILE", description = "Write the contact's evidence CSV here"
                + " (- for standard output).")
        String evidence;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return OpsAccess.with(spec, "contact", ops -> {
                if (evidence != null) {
                    return EvidenceCommand.write(ops.evidence(list, key), evidence, out);
                }
                Timelines.Timeline t = ops.timeline(list, key);
                if (json) {
                    out.println(Json.write(Json.MAPPER.valueToTree(t)));
                    return ExitCodes.OK;
                }
                out.printf("%s (%s) in %s · time zones %s (from %s)%n", t.name(), t.externalKey(), t.list(),
                        t.zones().isEmpty() ? "unknown" : String.join(", ", t.zones()), t.zoneSource());
                out.println("Past:");
                if (t.past().isEmpty()) {
                    out.println("  nothing yet");
                }
                for (Timelines.Item i : t.past()) {
                    out.println("  " + line(i));
                }
                out.println("Planned:");
                if (t.planned().isEmpty()) {
                    out.println("  nothing (no active enrollment)");
                }
                for (Timelines.Item i : t.planned()) {
                    out.println("  " + line(i));
                }
                return ExitCodes.OK;
            });
        }

        private static String line(Timelines.Item i) {
            StringBuilder sb = new StringBuilder();
            sb.append(i.local().isEmpty() ? i.at() + " UTC" : i.local().getFirst()).append("  ");
            sb.append(String.format("%-8s", i.kind()));
            if (i.campaign() != null) {
                sb.append(' ').append(i.campaign()).append(" · ").append(i.step() == null ? "-" : i.step());
            }
            if (i.channel() != null) {
                sb.append(" (").append(i.channel().toLowerCase(java.util.Locale.ROOT)).append(')');
            }
            if (i.state() != null) {
                sb.append(" ").append(i.state().toLowerCase(java.util.Locale.ROOT));
            }
            if (i.outcome() != null) {
                sb.append(" → ").append(i.outcome().toLowerCase(java.util.Locale.ROOT));
            }
            if (i.rule() != null) {
                sb.append(" [rule ").append(i.rule()).append(']');
            }
            if (i.until() != null) {
                sb.append(" until ").append(i.until());
            }
            if (i.detail() != null) {
                sb.append(" — ").append(i.detail());
            }
            return sb.toString();
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = {"The operator queue: attempts whose outcome is UNKNOWN after a crash or a timeout, which"
                    + " the reconciler could not settle from Genesys. Nothing in it is ever resent by itself.",
                    "  switchboard queue                     list it",
                    "  switchboard queue settle ID --sent|--not-sent --reason TEXT --as NAME"},
            subcommands = {Queue.Settle.class},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:wrong flag or no such attempt", "4:the store is unavailable",
                    "7:not allowed"})
    static final class Queue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return OpsAccess.with(spec, "queue", ops -> {
                List<Operations.QueueItem> items = ops.queue();
                if (json) {
                    out.println(Json.write(Json.MAPPER.valueToTree(items)));
                } else if (items.isEmpty()) {
                    out.println("The operator queue is empty: every attempt's outcome is known.");
                } else {
                    for (Operations.QueueItem i : items) {
                        out.printf("attempt %d · %s · contact %s · %s (%s) to %s at %s (epoch %d)%n  %s%n  %s%n",
                                i.attemptId(), i.campaign(), i.contactKey(), i.step(), i.channel().toLowerCase(
                                        java.util.Locale.ROOT), i.address(), i.createdAt(), i.epoch(),
                                i.reason() == null ? "" : i.reason(), i.evidence() == null ? "" : i.evidence());
                    }
                }
                return ExitCodes.OK;
            });
        }

        @Command(name = "settle", mixinStandardHelpOptions = true,
                description = "Settles an UNKNOWN attempt: --sent counts it as a touch; --not-sent puts the step"
                        + " through the compliance gate again.")
        static final class Settle implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Parameters(paramLabel = "ATTEMPT", description = "The attempt id (from switchboard queue).")
            long attempt;

            @CommandLine.ArgGroup(multiplicity = "1")
            Verdict verdict;

            static final class Verdict {
                @Option(names = "--sent", required = true, description = "It reached Genesys.")
                boolean sent;

                @Option(names = "--not-sent", required = true, description = "It never left.")
                boolean notSent;
            }

            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "How you know (audited).")
            String reason;

            @Option(names = "--as", required = true, paramLabel = "NAME", description = "The acting profile.")
            String as;

            @Override
            public Integer call() throws Exception {
                return OpsAccess.with(spec, "queue settle", ops -> {
                    ops.settle(OpsAccess.credentials(as), attempt, verdict.sent, reason);
                    spec.commandLine().getOut().println("Attempt " + attempt + " settled as "
                            + (verdict.sent ? "sent." : "not sent; the step goes through the gate again."));
                    return ExitCodes.OK;
                });
            }
        }
    }

    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = {"Exports the evidence of a campaign (--campaign) or of one contact (--list and"
                    + " --contact) as CSV: every attempt in UTC and local time, time zones and their source, rule"
                    + " pack version, template, content hash and approval, Genesys ids, how it was settled.",
                    "A campaign's evidence masks addresses (phone numbers to their last 4 digits, emails to their"
                            + " domain); --unmasked --as NAME (a compliance or admin profile; audited) shows them in"
                            + " full. One contact's evidence is that person's and shows them in full."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:wrong flag, no such campaign or contact", "4:the store is unavailable",
                    "7:--unmasked by a profile that may not"})
    static final class EvidenceCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--campaign", paramLabel = "NAME", description = "A campaign.")
        String campaign;

        @Option(names = "--list", paramLabel = "LIST", description = "The contact's list.")
        String list;

        @Option(names = "--contact", paramLabel = "KEY", description = "The contact's external key.")
        String contact;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
                description = "Where to write the CSV (default: standard output).")
        String output;

        @Option(names = "--unmasked", description = "A campaign's evidence with full addresses (compliance or admin;"
                + " audited).")
        boolean unmasked;

        @Option(names = "--as", paramLabel = "NAME", description = "The acting profile for --unmasked (its password"
                + " from $SWITCHBOARD_PASSWORD or standard input).")
        String as;

        @Override
        public Integer call() throws Exception {
            if ((campaign == null) == (contact == null) || (contact != null && list == null)) {
                spec.commandLine().getErr().println("switchboard evidence: give either --campaign NAME or --list"
                        + " LIST --contact KEY");
                return ExitCodes.USAGE;
            }
            if (unmasked && (campaign == null || as == null)) {
                spec.commandLine().getErr().println("switchboard evidence: --unmasked is for --campaign, and needs"
                        + " --as a compliance or admin profile");
                return ExitCodes.USAGE;
            }
            return OpsAccess.with(spec, "evidence", ops -> write(campaign != null ? ops.evidence(null, campaign,
                    unmasked ? OpsAccess.credentials(as) : null) : ops.evidence(list, contact), output,
                    spec.commandLine().getOut()));
        }

        static int write(String csv, String output, PrintWriter out) throws java.io.IOException {
            if (output.equals("-")) {
                out.print(csv);
                out.flush();
            } else {
                Files.writeString(Path.of(output), csv, StandardCharsets.UTF_8);
                out.println("Wrote " + (csv.lines().count() - 1) + " attempts to " + output);
            }
            return ExitCodes.OK;
        }
    }
}
