package dev.switchboard.app.cli;

import dev.switchboard.engine.genesys.OrgSettings;
import dev.switchboard.engine.secrets.KeychainVault;
import dev.switchboard.engine.secrets.PassphraseVault;
import dev.switchboard.engine.secrets.VaultException;
import dev.switchboard.engine.secrets.Vaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchboard vault status|use-passphrase|use-keychain}: where the data folder keeps its secrets. */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = {"Where this data folder keeps its secrets: the store's encryption key and the Genesys client"
                + " secret. By default the OS keychain (Secret Service on Linux, Keychain on macOS, Credential"
                + " Manager on Windows); where there is none, a passphrase vault you choose explicitly."},
        subcommands = {VaultCommand.Status.class, VaultCommand.UsePassphrase.class, VaultCommand.UseKeychain.class})
final class VaultCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static final String PASSPHRASE_MEANING = "A passphrase vault keeps this data folder's secrets in %s, encrypted"
            + " (AES-256-GCM) under a key stretched from your passphrase (PBKDF2-HMAC-SHA256, 600,000 iterations)."
            + " Anyone with that file and the passphrase can read them; if you forget the passphrase, they are lost,"
            + " and with them the encrypted store: there is no recovery. Every command that opens the store needs"
            + " the passphrase: $" + Vaults.PASSPHRASE_ENV + ", or typed.";

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The folder's vault (no secrets).")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = StoreAccess.out(spec);
            Path dir = SwitchboardCommand.dataDirOf(spec);
            Optional<Vaults.Config> c;
            try {
                c = Vaults.config(dir);
            } catch (VaultException e) {
                StoreAccess.err(spec).println("switchboard vault status: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            Optional<String> keychain = KeychainVault.unreachable(dir);
            out.printf("Data folder %s%n", dir);
            out.printf("Vault       %s%n", c.map(v -> switch (v.kind()) {
                case KEYCHAIN -> "the OS keychain";
                case PASSPHRASE -> "a passphrase vault (" + dir.resolve(PassphraseVault.FILE_NAME) + ")";
                case MEMORY -> "an in-memory vault of a test (its secrets are gone)";
            }).orElse("not chosen yet (the OS keychain when one answers)"));
            out.printf("Keychain    %s%n", keychain.map(r -> "not reachable: " + r).orElse("reachable"));
            out.printf("Store       %s%n", switch (Vaults.storeState(dir)) {
                case "none" -> "none yet (created encrypted)";
                case "encrypted" -> "encrypted (AES)";
                default -> "not encrypted yet (encrypted at next open)";
            });
            out.printf("Org         %s%n", OrgSettings.load(dir).map(OrgSettings::where).orElse("none connected"));
            if (c.isEmpty() && keychain.isPresent()) {
                out.println("Choose a passphrase vault with 'switchboard vault use-passphrase' to use this folder.");
            }
            return ExitCodes.OK;
        }
    }

    /** Runs {@code work} holding the folder's lock (no engine or console may have it open meanwhile). */
    static int locked(CommandLine.Model.CommandSpec spec, String command, LockedWork work) {
        Path dir = SwitchboardCommand.dataDirOf(spec);
        PrintWriter err = StoreAccess.err(spec);
        try {
            return Vaults.withFolderLock(dir, "the command 'switchboard " + command + "'",
                    () -> work.run(dir, StoreAccess.out(spec)));
        } catch (VaultException | IllegalArgumentException e) {
            err.println("switchboard " + command + ": " + e.getMessage());
            return ExitCodes.INPUT;
        }
    }

    interface LockedWork {
        int run(Path dir, PrintWriter out);
    }

    @Command(name = "use-passphrase", mixinStandardHelpOptions = true,
            description = {"Keeps this data folder's secrets in a passphrase vault (for machines without an OS"
                    + " keychain). Moves them out of the keychain when the folder used it.",
                    "The passphrase: $" + Vaults.PASSPHRASE_ENV + ", else typed twice, else the first line of"
                            + " standard input; never a flag."})
    static final class UsePassphrase implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return locked(spec, "vault use-passphrase", (dir, out) -> {
                out.println(String.format(PASSPHRASE_MEANING, dir.resolve(PassphraseVault.FILE_NAME)));
                out.flush();
                char[] p = Passwords.newVaultPassphrase();
                if (p == null || p.length == 0) {
                    throw new IllegalArgumentException("No passphrase: set $" + Vaults.PASSPHRASE_ENV
                            + " or type it.");
                }
                try {
                    Vaults.usePassphrase(dir, p);
                } finally {
                    Arrays.fill(p, '\0');
                }
                out.println("This data folder now keeps its secrets in " + dir.resolve(PassphraseVault.FILE_NAME)
                        + ".");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "use-keychain", mixinStandardHelpOptions = true,
            description = "Keeps this data folder's secrets in the OS keychain; moves them out of its passphrase"
                    + " vault (needs the passphrase) and deletes that vault's file.")
    static final class UseKeychain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return locked(spec, "vault use-keychain", (dir, out) -> {
                Vaults.useKeychain(dir);
                out.println("This data folder now keeps its secrets in the OS keychain.");
                return ExitCodes.OK;
            });
        }
    }
}
