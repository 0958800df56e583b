package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.redact.LogMask;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code switchboard suppress add|list|remove|pending|approve|reject|import|export}: the suppression ledger, its
 * two-person removal and its CSV files, as the Compliance screen offers them.
 */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "The suppression ledger: addresses that must not be contacted (every list, every contact"
                + " sharing the address).",
        subcommands = {SuppressCommand.Add.class, SuppressCommand.ListSuppressions.class,
                SuppressCommand.Remove.class, SuppressCommand.Pending.class, SuppressCommand.Approve.class,
                SuppressCommand.Reject.class, SuppressCommand.Import.class, SuppressCommand.Export.class})
final class SuppressCommand {
    /** What the command line's suppressions say they came from. */
    static final String SOURCE = "command line";
    /** An import names at most this many bad rows (then how many more there are). */
    static final int PROBLEMS_SHOWN = 50;

    private SuppressCommand() {
    }

    static Suppression.Kind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return Suppression.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --kind '" + kind + "': use dnc, opt_out, hard_bounce,"
                    + " legal_hold or review", e);
        }
    }

    static Channel channel(String channel) {
        try {
            return channel == null ? null : Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --channel '" + channel + "': use voice, sms or email", e);
        }
    }

    static String describe(SuppressionService.Entry e) {
        Suppression s = e.suppression();
        return String.format(Locale.ROOT, "%5d %-28s %-11s %-6s %s by %s%s: %s", e.id(), s.key(), s.kind(),
                s.channel() == null ? "all" : s.channel(), e.createdAt(), e.createdBy(),
                s.expiresAt() == null ? "" : ", until " + s.expiresAt(), LogMask.oneLine(s.reason()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Suppresses an address (phone or email).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:suppressed", "2:bad address, kind, channel or date",
                    "4:the store is held by another process", "7:not allowed"})
    static final class Add extends ActingCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "dnc, opt_out, hard_bounce, legal_hold or review.")
        String kind;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "voice, sms or email (default: all).")
        String channel;

        @Option(names = "--expires", paramLabel = "DATE", description = "Last day it applies (UTC), e.g."
                + " 2027-11-23; default: never.")
        String expires;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        String what() {
            return "suppress add";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            Suppression.Kind k = kind(kind);
            Channel ch = channel(channel);
            Instant until;
            try {
                until = expires == null ? null : LocalDate.parse(expires).plusDays(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--expires: " + e.getMessage(), e);
            }
            long id = workspace.suppressions().add(actor, k, ch, address, until, reason, SOURCE);
            return "Suppression " + id + " recorded.";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The newest suppressions in force (lifted ones are not listed), or those a search finds.")
    static final class ListSuppressions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N")
        int limit;

        @Option(names = "--search", paramLabel = "TEXT", description = "Part of an address: '555 01' finds"
                + " +12125550100, '@example' every address at example.com.")
        String search;

        @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind.")
        String kind;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only those that stop this channel"
                + " (its own and those of every channel).")
        String channel;

        @Override
        public Integer call() throws Exception {
            java.io.PrintWriter err = spec.commandLine().getErr();
            SuppressionService.Search filter;
            try {
                filter = new SuppressionService.Search(search, kind(kind), channel(channel));
            } catch (IllegalArgumentException e) {
                err.println("switchboard suppress list: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "suppress list", err, workspace -> {
                List<SuppressionService.Entry> entries;
                if (filter.equals(SuppressionService.Search.ALL)) {
                    entries = workspace.suppressions().recent(limit);
                } else {
                    SuppressionService.Page page = workspace.suppressions().search(filter, 0, limit);
                    entries = page.entries();
                    if (page.total() > entries.size()) {
                        spec.commandLine().getOut().printf("%d of %d matching suppressions (--limit):%n",
                                entries.size(), page.total());
                    }
                }
                entries.forEach(e -> spec.commandLine().getOut().println(describe(e)));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Asks for a suppression to be lifted (its id from 'suppress list'). Nothing is lifted"
                    + " until a different compliance or admin profile approves: 'suppress approve REQUEST'."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:requested", "2:no reason, no such suppression, lifted already or a request pending",
                    "4:the store is held by another process", "7:not allowed (a supervisor), or a wrong password"})
    static final class Remove extends ActingCommand {
        @Parameters(index = "0", paramLabel = "SUPPRESSION", description = "The suppression's id.")
        long suppression;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why it should be lifted (audited; the approver reads it).")
        String reason;

        @Override
        String what() {
            return "suppress remove";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            long request = workspace.suppressions().requestRemoval(actor, suppression, reason);
            return "Removal request " + request + " for suppression " + suppression + " recorded; the suppression"
                    + " stays until a compliance or admin profile other than " + actor.name() + " approves it:"
                    + " switchboard suppress approve " + request + " --as NAME";
        }
    }

    @Command(name = "pending", mixinStandardHelpOptions = true,
            description = "The removal requests waiting for a second profile, oldest first.")
    static final class Pending implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "suppress pending",
                    spec.commandLine().getErr(), workspace -> {
                        List<SuppressionService.RemovalRequest> pending = workspace.suppressions().pendingRemovals();
                        java.io.PrintWriter out = spec.commandLine().getOut();
                        if (pending.isEmpty()) {
                            out.println("No removal requests are pending.");
                        }
                        for (SuppressionService.RemovalRequest r : pending) {
                            out.printf(Locale.ROOT, "request %d by %s at %s: %s%n      suppression %s%n", r.id(),
                                    r.requestedBy(), r.requestedAt(), LogMask.oneLine(r.reason()),
                                    describe(r.suppression()).strip());
                        }
                        return ExitCodes.OK;
                    });
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves a removal request: the suppression is lifted. A compliance or admin profile"
                    + " other than the one that asked.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:lifted", "2:no such request, or decided already",
                    "4:the store is held by another process",
                    "7:not a compliance or admin profile, the one who asked, or a wrong password"})
    static final class Approve extends ActingCommand {
        @Parameters(index = "0", paramLabel = "REQUEST", description = "The request's id ('suppress pending').")
        long request;

        @Override
        String what() {
            return "suppress approve";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            workspace.suppressions().approveRemoval(actor, request);
            return "Approved removal request " + request + ": the suppression is lifted.";
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Rejects a removal request (a compliance or admin profile, or the one who asked,"
                    + " withdrawing it); the suppression stays.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:rejected", "2:no such request, or decided already",
                    "4:the store is held by another process", "7:not allowed, or a wrong password"})
    static final class Reject extends ActingCommand {
        @Parameters(index = "0", paramLabel = "REQUEST", description = "The request's id ('suppress pending').")
        long request;

        @Option(names = "--reason", paramLabel = "TEXT", description = "A note for the audit log.")
        String reason;

        @Override
        String what() {
            return "suppress reject";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            workspace.suppressions().rejectRemoval(actor, request, reason);
            return "Rejected removal request " + request + ": the suppression stays.";
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports suppressions from a CSV file (UTF-8) with the columns address,kind,channel,"
                    + "reason,expires (an export imports again; its extra columns are ignored): kind dnc, opt_out,"
                    + " hard_bounce, legal_hold or review; channel voice, sms, email or empty for every channel;"
                    + " expires the last day it applies (2027-11-23) or empty.",
                    "All rows or none: when any row is bad, each bad row is named by line and column and nothing"
                            + " is written. Rows already in the ledger are skipped. Compliance or admin only."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:imported", "3:the file cannot be used (every bad row is named; nothing was written)",
                    "4:the store is held by another process",
                    "7:not a compliance or admin profile, or a wrong password"})
    static final class Import extends ActingCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Override
        String what() {
            return "suppress import";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            try {
                SuppressionService.ImportReport r = workspace.suppressions().importCsv(actor, file, (d, t) -> { });
                return "Imported " + r.file() + ": " + r.rows() + (r.rows() == 1 ? " row, " : " rows, ") + r.added()
                        + " suppressions added, " + r.alreadyThere() + " in the ledger already.";
            } catch (SuppressionService.ImportRefusedException e) {
                throw new Refused(ExitCodes.INPUT, refusal(e));
            }
        }

        /** The refusal's message and each bad row by line and column, each on a line of its own. */
        static String refusal(SuppressionService.ImportRefusedException e) {
            List<SuppressionService.RowProblem> problems = e.problems();
            boolean wholeFile = problems.size() == 1 && problems.get(0).field().equals("file");
            if (wholeFile) {
                return LogMask.oneLine(e.getMessage()) + "; nothing was imported";
            }
            StringBuilder out = new StringBuilder(LogMask.oneLine(e.getMessage()));
            problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.append(System.lineSeparator())
                    .append("  line ").append(p.line()).append(", column '").append(p.field()).append("': ")
                    .append(LogMask.oneLine(p.message())));
            if (problems.size() > PROBLEMS_SHOWN) {
                out.append(System.lineSeparator()).append("  … and ").append(problems.size() - PROBLEMS_SHOWN)
                        .append(" more");
            }
            return out.toString();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the suppressions in force (or those a search finds) to a CSV file: address,kind,"
                    + "channel,reason,expires,id,source,created_at,created_by. Cells a spreadsheet would run as"
                    + " formulas are escaped; the file is replaced only once complete. Audited (it holds"
                    + " addresses)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:exported", "2:bad --kind or --channel", "3:the file cannot be written",
                    "4:the store is held by another process", "7:not allowed (a supervisor), or a wrong password"})
    static final class Export extends ActingCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file.")
        Path output;

        @Option(names = "--search", paramLabel = "TEXT", description = "Part of an address.")
        String search;

        @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind.")
        String kind;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only those that stop this channel.")
        String channel;

        @Override
        String what() {
            return "suppress export";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            SuppressionService.Search filter = new SuppressionService.Search(search, kind(kind), channel(channel));
            int n;
            try {
                n = workspace.suppressions().exportCsv(actor, filter, output);
            } catch (IOException e) {
                throw new Refused(ExitCodes.INPUT, output + " cannot be written: " + LogMask.oneLine(
                        e.getClass().getSimpleName() + " " + e.getMessage()));
            }
            return "Exported " + n + (n == 1 ? " suppression" : " suppressions") + " to " + output + ".";
        }
    }
}
