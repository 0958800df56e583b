package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code switchboard suppress add|list}: the suppression ledger. */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "The suppression ledger: addresses that must not be contacted (every list, every contact"
                + " sharing the address).",
        subcommands = {SuppressCommand.Add.class, SuppressCommand.ListSuppressions.class})
final class SuppressCommand {

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
            Suppression.Kind k;
            Channel ch;
            try {
                k = Suppression.Kind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --kind '" + kind + "': use dnc, opt_out, hard_bounce,"
                        + " legal_hold or review", e);
            }
            try {
                ch = channel == null ? null : Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --channel '" + channel + "': use voice, sms or email", e);
            }
            Instant until;
            try {
                until = expires == null ? null : LocalDate.parse(expires).plusDays(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--expires: " + e.getMessage(), e);
            }
            long id = workspace.suppressions().add(actor, k, ch, address, until, reason, "command line");
            return "Suppression " + id + " recorded.";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest suppressions.")
    static final class ListSuppressions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N")
        int limit;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "suppress list", spec.commandLine().getErr(),
                    workspace -> {
                        workspace.suppressions().recent(limit).forEach(e -> spec.commandLine().getOut().printf(
                                "%5d %-28s %-11s %-6s %s by %s%s: %s%n", e.id(), e.suppression().key(),
                                e.suppression().kind(), e.suppression().channel() == null ? "all"
                                        : e.suppression().channel(), e.createdAt(), e.createdBy(),
                                e.suppression().expiresAt() == null ? "" : ", until " + e.suppression().expiresAt(),
                                e.suppression().reason()));
                        return ExitCodes.OK;
                    });
        }
    }
}
