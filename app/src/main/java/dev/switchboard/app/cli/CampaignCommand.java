package dev.switchboard.app.cli;

import dev.switchboard.engine.campaigns.CampaignFile;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.ops.Operations;
import dev.switchboard.model.compliance.Purpose;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard campaign}: create, launch, pause, resume, stop, list and inspect campaigns. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Campaigns: a list, a published sequence, its approved templates, senders and a purpose.",
                "When an engine runs (switchboard engine), these commands go through its loopback API; otherwise"
                        + " they open the store themselves."},
        subcommands = {CampaignCommand.Create.class, CampaignCommand.Launch.class, CampaignCommand.Approve.class,
                CampaignCommand.Pause.class,
                CampaignCommand.Resume.class, CampaignCommand.Stop.class, CampaignCommand.ListCampaigns.class,
                CampaignCommand.Status.class, ForecastCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:wrong flag, no such campaign, list or sequence, or a bad campaign file",
                "4:the store is held by another process and no engine answers",
                "6:refused: a launch check failed, or the campaign is not in a state that allows it",
                "7:the profile may not do this, or its password is wrong"})
final class CampaignCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** Shared: --json and printing. */
    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        void printCampaign(CampaignService.View v) {
            if (json) {
                out().println(Json.write(Json.MAPPER.valueToTree(v)));
            } else {
                out().printf("%s: %s%s%n  list %s · sequence %s v%d · purpose %s%s%s%n", v.name(), v.state(),
                        v.stateReason() == null ? "" : " (" + v.stateReason() + ")", v.list(), v.sequence(),
                        v.sequenceVersion(), v.purpose(), v.smsFrom() == null ? "" : " · SMS from " + v.smsFrom(),
                        v.emailFrom() == null ? "" : " · email from " + v.emailFrom());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a draft campaign from a campaign file (--file or a shipped --demo) or from flags.")
    static final class Create extends Base {
        @Option(names = "--as", required = true, paramLabel = "NAME", description = "The acting profile (password from"
                + " $" + Passwords.ACTOR_ENV + " or standard input).")
        String as;

        @Option(names = "--file", paramLabel = "FILE", description = "A campaign file (JSON: name, list, sequence,"
                + " purpose, smsFrom, emailFrom, variables).")
        Path file;

        @Option(names = "--demo", paramLabel = "ID", description = "A shipped demo campaign: outage-broadcast,"
                + " appointment-reminders or overdue-payments.")
        String demo;

        @Option(names = "--name", paramLabel = "NAME", description = "The campaign's name (overrides the file's).")
        String name;

        @Option(names = "--list", paramLabel = "LIST", description = "The contact list.")
        String list;

        @Option(names = "--sequence", paramLabel = "KEY", description = "The sequence (its newest published version).")
        String sequence;

        @Option(names = "--purpose", paramLabel = "PURPOSE", description = "marketing, service, collections or"
                + " life_safety.")
        String purpose;

        @Option(names = "--sms-from", paramLabel = "E164", description = "The SMS sending number.")
        String smsFrom;

        @Option(names = "--email-from", paramLabel = "ADDRESS", description = "The email from address.")
        String emailFrom;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A campaign-wide template variable.")
        Map<String, String> variables;

        @Override
        public Integer call() throws Exception {
            CampaignService.Spec spec;
            try {
                spec = file != null ? CampaignFile.read(file) : demo != null ? CampaignFile.demo(demo)
                        : new CampaignService.Spec(null, null, null, null, null, null, null, Map.of());
            } catch (CampaignFile.FormatException | IOException e) {
                err().println("switchboard campaign create: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Purpose p = spec.purpose();
            if (purpose != null) {
                try {
                    p = Purpose.valueOf(purpose.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    err().println("switchboard campaign create: --purpose must be marketing, service, collections"
                            + " or life_safety");
                    return ExitCodes.USAGE;
                }
            }
            java.util.Map<String, String> vars = new java.util.TreeMap<>(spec.variables());
            if (variables != null) {
                vars.putAll(variables);
            }
            CampaignService.Spec merged = new CampaignService.Spec(or(name, spec.name()), or(list, spec.list()),
                    or(sequence, spec.sequence()), spec.sequenceVersion(), p, or(smsFrom, spec.smsFrom()),
                    or(emailFrom, spec.emailFrom()), vars);
            return OpsAccess.with(this.spec, "campaign create", ops -> {
                CampaignService.View v = ops.create(OpsAccess.credentials(as), merged);
                printCampaign(v);
                if (!json) {
                    out().println("Created as a draft. Launch it with: switchboard campaign launch \"" + v.name()
                            + "\" --as " + as);
                }
                return ExitCodes.OK;
            });
        }

        private static String or(String a, String b) {
            return a != null ? a : b;
        }
    }

    @Command(name = "launch", mixinStandardHelpOptions = true,
            description = "Runs the launch checks and, when all pass, enrolls the list and starts the campaign.")
    static final class Launch extends Base {
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's name.")
        String campaign;

        @Option(names = "--as", required = true, paramLabel = "NAME", description = "The acting profile.")
        String as;

        @Override
        public Integer call() throws Exception {
            return OpsAccess.with(spec, "campaign launch", ops -> {
                CampaignService.LaunchReport r = ops.launch(OpsAccess.credentials(as), campaign);
                if (json) {
                    out().println(Json.write(Json.MAPPER.valueToTree(r)));
                } else {
                    out().println("Launch checks for " + campaign + ":");
                    for (CampaignService.Check c : r.checks()) {
                        out().printf("  %s %-22s %s%n", c.passed() ? "[ok]  " : "[FAIL]", c.name(), c.detail());
                    }
                    out().println(r.launched() ? "Launched: " + r.enrolled() + " contacts enrolled." + ("store"
                            .equals(ops.via()) ? " Start the engine to send: switchboard engine" : "")
                            : "Not launched.");
                }
                return r.launched() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
            });
        }
    }

    /** Pause, resume and stop: a campaign, a reason, a profile. */
    abstract static class Control extends Base {
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's name.")
        String campaign;

        @Option(names = "--as", required = true, paramLabel = "NAME", description = "The acting profile.")
        String as;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (audited).")
        String reason;

        abstract String verb();

        abstract CampaignService.View apply(Operations ops, Operations.Credentials c) throws Exception;

        @Override
        public Integer call() throws Exception {
            return OpsAccess.with(spec, "campaign " + verb(), ops -> {
                printCampaign(apply(ops, OpsAccess.credentials(as)));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "A second person's approval of a life-safety campaign (a compliance or admin profile other"
                    + " than its creator), needed before its launch.")
    static final class Approve extends Control {
        @Override
        String verb() {
            return "approve";
        }

        @Override
        CampaignService.View apply(Operations ops, Operations.Credentials c) throws Exception {
            return ops.approveLifeSafety(c, campaign, reason);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Holds a running campaign: nothing new is claimed; calls in flight finish.")
    static final class Pause extends Control {
        @Override
        String verb() {
            return "pause";
        }

        @Override
        CampaignService.View apply(Operations ops, Operations.Credentials c) throws Exception {
            return ops.pause(c, campaign, reason);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a paused campaign; every step goes through the compliance gate again. A campaign"
                    + " a circuit breaker paused (a 429 storm, an error rate, an opt-out spike) needs --acknowledge.")
    static final class Resume extends Control {
        @Option(names = "--acknowledge", description = "Acknowledge the circuit breaker that paused it (audited).")
        boolean acknowledge;

        @Override
        String verb() {
            return "resume";
        }

        @Override
        CampaignService.View apply(Operations ops, Operations.Credentials c) throws Exception {
            return ops.resume(c, campaign, reason, acknowledge);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops a campaign for good; results of calls in flight are still recorded.")
    static final class Stop extends Control {
        @Override
        String verb() {
            return "stop";
        }

        @Override
        CampaignService.View apply(Operations ops, Operations.Credentials c) throws Exception {
            return ops.stop(c, campaign, reason);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the campaigns.")
    static final class ListCampaigns extends Base {
        @Override
        public Integer call() throws Exception {
            return OpsAccess.with(spec, "campaign list", ops -> {
                List<CampaignService.View> all = ops.campaigns();
                if (json) {
                    out().println(Json.write(Json.MAPPER.valueToTree(all)));
                } else if (all.isEmpty()) {
                    out().println("No campaigns. Create one: switchboard campaign create --demo outage-broadcast"
                            + " --as NAME");
                } else {
                    all.forEach(v -> out().printf("%-28s %-10s %-26s %-14s %s%n", v.name(), v.state(),
                            v.sequence() + " v" + v.sequenceVersion(), v.purpose(), v.list()));
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "A campaign's figures: enrollments by status and the per-step funnel.")
    static final class Status extends Base {
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's name.")
        String campaign;

        @Override
        public Integer call() throws Exception {
            return OpsAccess.with(spec, "campaign status", ops -> {
                CampaignService.Stats s = ops.stats(campaign);
                if (json) {
                    out().println(Json.write(Json.MAPPER.valueToTree(s)));
                    return ExitCodes.OK;
                }
                printCampaign(s.campaign());
                out().println("  enrollments: " + s.enrollments());
                out().printf("  %-16s %-6s %5s %5s %5s %5s %6s %5s %5s %7s %8s %5s%n", "step", "chan", "due",
                        "wait", "sent", "deliv", "failed", "unkn", "block", "defer", "skipped", "exit");
                for (CampaignService.StepStats t : s.steps()) {
                    out().printf("  %-16s %-6s %5d %5d %5d %5d %6d %5d %5d %7d %8d %5d%n", t.step(),
                            t.channel() == null ? "" : t.channel(), t.due(), t.ready() - t.due() + t.awaiting(),
                            t.sent(), t.delivered(), t.failed(), t.unknown(), t.blocked(), t.deferred(), t.skipped(),
                            t.exited());
                }
                ops.engineStatus().ifPresentOrElse(e -> out().printf("  engine: epoch %d, %d sends, %.0f/min, API"
                                + " budget %d/min, %d requests granted, kill switch %s%n", e.epoch(), e.sends(),
                        e.sendsPerMinute(), e.budgetPerMinute(), e.requestsGranted(), e.killSwitch() ? "ON" : "off"),
                        () -> out().println("  engine: not running"));
                return ExitCodes.OK;
            });
        }
    }
}
