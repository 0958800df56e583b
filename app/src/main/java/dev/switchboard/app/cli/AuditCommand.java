package dev.switchboard.app.cli;

import dev.switchboard.engine.AuditService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code switchboard audit verify|list}: the hash-chained audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log: every approval, publish,"
        + " launch, pause and suppression change, hash-chained.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the chain; names the first row that was changed, removed or added.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the chain holds", "6:the chain is broken (the first bad row is named)"})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "audit verify", spec.commandLine().getErr(),
                    workspace -> {
                        AuditService.Verification v = workspace.audit().verify();
                        if (v.problem().isPresent()) {
                            out.println("Audit log BROKEN after checking " + v.rows() + " rows: " + v.problem().get());
                            return ExitCodes.CHECK_FAILED;
                        }
                        out.println("Audit log intact: " + v.rows() + " rows.");
                        return ExitCodes.OK;
                    });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Shows the newest rows.")
    static final class ListEntries implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "Rows (default 50).")
        int limit;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "audit list", spec.commandLine().getErr(),
                    workspace -> {
                        workspace.audit().recent(limit).forEach(e -> out.printf("%6d %s %-14s (%s) %-18s %s: %s%n",
                                e.seq(), e.at(), e.actor(), e.osLogin(), e.action(), e.subject(), e.details()));
                        return ExitCodes.OK;
                    });
        }
    }
}
