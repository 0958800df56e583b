package dev.switchboard.app.cli;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code switchboard user add|list}: local profiles. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Local profiles and their roles.",
        subcommands = {UserCommand.Add.class, UserCommand.ListProfiles.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a profile (operator, supervisor, compliance or admin). The first profile must be an"
                    + " admin; after that an admin adds profiles (--as).",
                    "The new password comes from $" + Passwords.NEW_ENV + " or standard input; the acting admin's"
                            + " from $" + Passwords.ACTOR_ENV + " or standard input (first line)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:added", "2:bad name, role or password", "4:the store is held by another process",
                    "7:not allowed (not an admin, wrong password)"})
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "operator, supervisor, compliance or admin.")
        String role;

        @Option(names = "--as", paramLabel = "ADMIN", description = "The admin adding the profile.")
        String as;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("switchboard user add: unknown role '" + role + "': use operator, supervisor, compliance"
                        + " or admin.");
                return ExitCodes.USAGE;
            }
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "user add", err, workspace -> {
                try {
                    Actor by = as == null ? null : workspace.users().authenticate(as, Passwords.actor());
                    UserProfile p = workspace.users().add(by, name, r, Passwords.newProfile());
                    spec.commandLine().getOut().println("Added profile " + p.name() + " ("
                            + p.role().name().toLowerCase(Locale.ROOT) + ").");
                    return ExitCodes.OK;
                } catch (PermissionDeniedException e) {
                    err.println("switchboard user add: " + e.getMessage());
                    return ExitCodes.DENIED;
                } catch (IllegalArgumentException e) {
                    err.println("switchboard user add: " + e.getMessage());
                    return ExitCodes.USAGE;
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "user list", spec.commandLine().getErr(),
                    workspace -> {
                        workspace.users().all().forEach(p -> spec.commandLine().getOut().printf("%-24s %s%n",
                                p.name(), p.role().name().toLowerCase(Locale.ROOT)));
                        return ExitCodes.OK;
                    });
        }
    }
}
