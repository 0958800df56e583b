package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.backup.BackupService;
import dev.switchboard.engine.users.PermissionDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code switchboard restore FILE --as ADMIN --yes}: replaces the store with a verified backup. Never inside an
 * engine: the store must be free (no engine, no console).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replaces the store with a backup. Refused while the engine or the console holds the store."
                + " The backup is verified first (hash, audit chain, counts); the acting profile must be an admin of"
                + " the backed-up store. The current store is kept as switchboard.mv.db.before-restore-<UTC time>;"
                + " the restored store is opened to prove it works, and the restore is recorded in its audit log.",
                "Asks for confirmation on a terminal; scripts pass --yes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:the restore failed (the message says at which step; the store before it"
                + " is kept)", "2:wrong flag, or no --yes without a terminal", "3:no such backup file",
                "4:the store is in use by another Switchboard process", "6:the backup failed verification",
                "7:not an admin of the backed-up store, or a wrong password"})
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup zip (its manifest beside it).")
    Path file;

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "An admin profile of the backed-up"
            + " store (its password from $" + Passwords.ACTOR_ENV + " or standard input).")
    String as;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = StoreAccess.out(spec);
        PrintWriter err = StoreAccess.err(spec);
        Path dataDir = SwitchboardCommand.dataDirOf(spec);
        if (!yes) {
            Console console = System.console();
            if (console == null) {
                err.println("switchboard restore: restoring replaces the store in " + dataDir
                        + "; add --yes to confirm (there is no terminal to ask on)");
                return ExitCodes.USAGE;
            }
            String answer = console.readLine("Replace the store in %s with %s? The current store is kept aside."
                    + " Type 'restore' to go on: ", dataDir, file);
            if (answer == null || !answer.strip().equals("restore")) {
                err.println("switchboard restore: not confirmed; nothing changed");
                return ExitCodes.USAGE;
            }
        }
        try {
            BackupService.Restored r = Workspace.restore(dataDir, file, as, Passwords.actor());
            out.println("Restored " + dataDir + " from " + file + " (taken " + r.manifest().createdAt() + ").");
            if (r.previousStore() != null) {
                out.println("  The store before it is kept as " + r.previousStore() + ".");
            }
            out.println("  The restored store opens; its audit log verifies (" + r.auditRows()
                    + " rows, the restore included).");
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            err.println("switchboard restore: no such backup file: " + file);
            return ExitCodes.INPUT;
        } catch (BackupService.BackupInvalidException e) {
            err.println("switchboard restore: " + e.getMessage() + " Nothing changed.");
            return ExitCodes.CHECK_FAILED;
        } catch (PermissionDeniedException e) {
            err.println("switchboard restore: " + e.getMessage() + " Nothing changed.");
            return ExitCodes.DENIED;
        } catch (IOException e) {
            err.println("switchboard restore: " + file + " cannot be used: " + e.getMessage());
            return ExitCodes.CHECK_FAILED;
        } catch (BackupService.BackupException e) {
            err.println("switchboard restore: " + e.getMessage());
            return e.storeInUse() ? ExitCodes.STORE : ExitCodes.INTERNAL;
        }
    }
}
