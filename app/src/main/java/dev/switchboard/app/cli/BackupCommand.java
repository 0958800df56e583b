package dev.switchboard.app.cli;

import dev.switchboard.engine.backup.BackupService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code switchboard backup [--to DIR]}, {@code backup list}, {@code backup verify [FILE]}: online backups of the
 * store. Taking one needs the store, so while an engine holds it the command runs inside the engine (online, H2's
 * BACKUP TO); listing and verifying read only the backup files.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Takes an online backup of the store (it may be in use by the engine or the console):"
                + " <data folder>/backups/switchboard-<UTC time>.zip with a manifest (SHA-256, counts, audit chain"
                + " head). The data folder keeps the newest --keep backups; --to DIR writes elsewhere and prunes"
                + " nothing.",
                "A running engine takes one every 24 hours (engine --backup-every)."},
        subcommands = {BackupCommand.ListBackups.class, BackupCommand.Verify.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written (and checked)", "1:it could not be written (the message names the file)",
                "2:wrong flag", "4:the store is held by a process that cannot take it (the console without API)"})
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", paramLabel = "DIR", description = "Write the backup into DIR instead of the data"
            + " folder's backups folder (never pruned).")
    Path to;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "" + BackupService.DEFAULT_KEEP,
            description = "Backups the data folder keeps (default ${DEFAULT-VALUE}); older ones are deleted.")
    int keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = StoreAccess.out(spec);
        PrintWriter err = StoreAccess.err(spec);
        if (keep < 1) {
            err.println("switchboard backup: --keep must be at least 1");
            return ExitCodes.USAGE;
        }
        if (to != null && Files.exists(to) && !Files.isDirectory(to)) {
            err.println("switchboard backup: --to " + to + " is a file, not a folder");
            return ExitCodes.USAGE;
        }
        return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "backup", err, workspace -> {
            try {
                BackupService.Backup b = workspace.backups().backup(to, keep);
                BackupService.Manifest m = b.manifest().orElseThrow();
                out.println("Backup written: " + b.zip());
                out.printf("  %d bytes, sha-256 %s%n", b.size(), m.sha256());
                out.printf("  %d contacts, %d suppressions, %d audit entries (chain head %s), schema %s%n",
                        m.census().contacts(), m.census().suppressions(), m.census().auditEntries(),
                        shortHash(m.census().auditHead()), m.census().schemaVersion());
                if (m.auditProblem() != null) {
                    out.println("  WARNING: the store's audit log does not verify: " + m.auditProblem());
                }
                return ExitCodes.OK;
            } catch (BackupService.BackupException e) {
                err.println("switchboard backup: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
        });
    }

    static String shortHash(String h) {
        return h == null || h.length() < 12 ? String.valueOf(h) : h.substring(0, 12) + "…";
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The backups in the data folder (or --in DIR), newest first, with their manifests.")
    static final class ListBackups implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--in", paramLabel = "DIR", description = "List DIR instead of the data folder's backups.")
        Path in;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = StoreAccess.out(spec);
            Path dir = in != null ? in : BackupService.folder(SwitchboardCommand.dataDirOf(spec));
            List<BackupService.Backup> all = BackupService.list(dir);
            if (all.isEmpty()) {
                out.println("No backups in " + dir + ".");
                return ExitCodes.OK;
            }
            out.println("Backups in " + dir + " (newest first):");
            for (BackupService.Backup b : all) {
                if (b.manifest().isPresent()) {
                    BackupService.Manifest m = b.manifest().get();
                    out.printf("  %-40s %s %10d bytes  %d contacts, %d suppressions, %d audit entries%n",
                            b.zip().getFileName(), m.createdAt(), b.size(), m.census().contacts(),
                            m.census().suppressions(), m.census().auditEntries());
                } else {
                    out.printf("  %-40s %10d bytes  UNUSABLE: %s%n", b.zip().getFileName(), b.size(),
                            b.manifestProblem());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks a backup (default: the newest in the data folder): the zip's SHA-256 against"
                    + " its manifest, then the store inside it, opened read-only in a scratch folder inside the data"
                    + " folder (deleted afterwards): the audit chain verifies and the counts match the manifest."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the backup is sound", "3:no such file, or no backup to verify",
                    "6:the backup is damaged or changed (every problem is named)"})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The backup zip.")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = StoreAccess.out(spec);
            PrintWriter err = StoreAccess.err(spec);
            Path dataDir = SwitchboardCommand.dataDirOf(spec);
            Path zip = file;
            if (zip == null) {
                List<BackupService.Backup> all = BackupService.list(BackupService.folder(dataDir));
                if (all.isEmpty()) {
                    err.println("switchboard backup verify: no backups in " + BackupService.folder(dataDir)
                            + "; name one: backup verify FILE");
                    return ExitCodes.INPUT;
                }
                zip = all.getFirst().zip();
            }
            return verify(zip, dataDir, out, err, "backup verify");
        }
    }

    /** Verifies and prints; shared with restore. */
    static int verify(Path zip, Path dataDir, PrintWriter out, PrintWriter err, String command) {
        BackupService.Verification v;
        try {
            v = BackupService.verify(zip, dataDir);
        } catch (NoSuchFileException e) {
            err.println("switchboard " + command + ": no such backup file: " + zip);
            return ExitCodes.INPUT;
        } catch (IOException e) {
            err.println("switchboard " + command + ": " + zip + " cannot be used: " + e.getMessage());
            return ExitCodes.CHECK_FAILED;
        }
        if (!v.ok()) {
            err.println("switchboard " + command + ": " + BackupService.describe(v));
            return ExitCodes.CHECK_FAILED;
        }
        out.printf("Backup sound: %s (taken %s; sha-256 matches; audit chain of %d rows verifies; %d contacts,"
                        + " %d suppressions, %d audit entries as recorded)%n", zip, v.manifest().createdAt(),
                v.auditRows(), v.found().contacts(), v.found().suppressions(), v.found().auditEntries());
        return ExitCodes.OK;
    }
}
