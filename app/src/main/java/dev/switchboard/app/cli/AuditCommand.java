package dev.switchboard.app.cli;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.redact.LogMask;
import dev.switchboard.model.user.Role;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"Shows the newest rows, phone numbers"
            + " and email addresses masked (last 4 digits, domain).", "--unmasked shows them in full: it takes --as"
            + " a compliance or admin profile and is itself audited."})
    static final class ListEntries implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "Rows (default 50).")
        int limit;

        @Option(names = "--unmasked", description = "Full addresses (compliance or admin; audited).")
        boolean unmasked;

        @Option(names = "--as", paramLabel = "NAME", description = "The acting profile for --unmasked (its password"
                + " from $" + Passwords.ACTOR_ENV + " or standard input).")
        String as;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (unmasked && as == null) {
                err.println("switchboard audit list: --unmasked needs --as a compliance or admin profile");
                return ExitCodes.USAGE;
            }
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "audit list", err, workspace -> {
                if (unmasked) {
                    try {
                        Actor actor = workspace.users().authenticate(as, Passwords.actor());
                        Role role = actor.profile().role();
                        if (role != Role.ADMIN && role != Role.COMPLIANCE) {
                            err.println("switchboard audit list: " + as + " (" + role + ") may not see the audit log"
                                    + " unmasked: that takes a compliance or admin profile.");
                            return ExitCodes.DENIED;
                        }
                        workspace.audit().append(actor.name(), actor.osLogin(), "audit.list-unmasked", "audit log",
                                "newest " + limit + " rows shown with full addresses", java.time.Instant.now());
                    } catch (PermissionDeniedException e) {
                        err.println("switchboard audit list: " + e.getMessage());
                        return ExitCodes.DENIED;
                    }
                }
                java.util.function.UnaryOperator<String> show = unmasked ? LogMask::oneLine : LogMask::line;
                workspace.audit().recent(limit).forEach(e -> out.printf("%6d %s %-14s (%s) %-18s %s: %s%n",
                        e.seq(), e.at(), show.apply(e.actor()), show.apply(e.osLogin()), e.action(),
                        show.apply(e.subject()), show.apply(e.details())));
                return ExitCodes.OK;
            });
        }
    }
}
