package dev.switchboard.engine.secrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which vault a data folder uses, recorded in {@value #CONFIG_FILE} (no secrets: the kind, and whether its store was
 * encrypted). A folder with no choice uses the OS keychain when one answers; when none does, opening it fails and
 * says how to choose a passphrase vault. It never falls back silently.
 */
public final class Vaults {
    public static final String CONFIG_FILE = "vault.json";
    public static final String PASSPHRASE_ENV = "SWITCHBOARD_VAULT_PASSPHRASE";
    /**
     * For test runs only: the kind a folder without a choice takes ({@code passphrase}, with the passphrase in
     * {@value #PASSPHRASE_ENV}) instead of probing the keychain.
     */
    public static final String DEFAULT_PROPERTY = "switchboard.vault.default";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile Supplier<char[]> prompt = () -> null;

    public enum Kind {
        KEYCHAIN, PASSPHRASE,
        /** A vault that lived in a test's or benchmark's memory: the folder's secrets went with that process. */
        MEMORY;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A data folder's choice; {@code storeEncrypted} once its store file was created or migrated encrypted. */
    public record Config(Kind kind, boolean storeEncrypted) {
        public Config withStoreEncrypted() {
            return new Config(kind, true);
        }
    }

    private Vaults() {
    }

    /** How a command asks for the passphrase when {@value #PASSPHRASE_ENV} is not set (a terminal, stdin). */
    public static void setPassphrasePrompt(Supplier<char[]> ask) {
        prompt = ask == null ? () -> null : ask;
    }

    /** The folder's recorded choice, if any. */
    public static Optional<Config> config(Path dataDir) {
        Path f = dataDir.resolve(CONFIG_FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(f));
            String kind = n.path("kind").asString("");
            Kind k = switch (kind) {
                case "keychain" -> Kind.KEYCHAIN;
                case "passphrase" -> Kind.PASSPHRASE;
                case "memory" -> Kind.MEMORY;
                default -> throw new VaultException(f + " names an unknown vault kind '" + kind
                        + "' (keychain or passphrase).");
            };
            return Optional.of(new Config(k, "encrypted".equals(n.path("store").asString(""))));
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new VaultException("Cannot read " + f + ": " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    public static void writeConfig(Path dataDir, Config c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", c.kind().json());
        n.put("store", c.storeEncrypted() ? "encrypted" : "plain");
        n.put("about", c.kind() == Kind.KEYCHAIN
                ? "This data folder's secrets (the store's key, the Genesys client secret) are in the OS keychain."
                : c.kind() == Kind.MEMORY ? "This data folder's secrets were kept in a test's memory only."
                : "This data folder's secrets are in " + PassphraseVault.FILE_NAME + ", encrypted under a passphrase."
                        + " Anyone with that file and the passphrase can read them; forgetting the passphrase loses"
                        + " them and so the store.");
        writeAtomically(dataDir.resolve(CONFIG_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    /**
     * The vault of {@code dataDir}: the recorded choice, else the OS keychain if it answers (recorded then), else a
     * {@link VaultException} saying how to choose.
     */
    public static SecretVault open(Path dataDir) {
        Optional<Config> config = config(dataDir);
        if (config.isPresent()) {
            return switch (config.get().kind()) {
                case KEYCHAIN -> keychain(dataDir);
                case PASSPHRASE -> passphraseVault(dataDir);
                case MEMORY -> throw new VaultException("The data folder " + dataDir + " was made by a test or"
                        + " benchmark with an in-memory vault: its store key is gone with that process.");
            };
        }
        if ("passphrase".equals(System.getProperty(DEFAULT_PROPERTY))) {
            char[] p = passphrase();
            if (p == null) {
                throw new VaultException("-D" + DEFAULT_PROPERTY + "=passphrase needs $" + PASSPHRASE_ENV + ".");
            }
            return usePassphrase(dataDir, p);
        }
        KeychainVault k;
        try {
            k = KeychainVault.open(dataDir);
        } catch (VaultException e) {
            throw new VaultException(noChoice(dataDir, e.getMessage()), e);
        }
        writeConfig(dataDir, new Config(Kind.KEYCHAIN, false));
        return k;
    }

    static String noChoice(Path dataDir, String why) {
        return why + " The data folder " + dataDir + " keeps its secrets (the store's key) in a vault, and none was"
                + " chosen. Either make the OS keychain reachable (on Linux a Secret Service such as gnome-keyring in"
                + " a D-Bus session), or choose a passphrase vault: 'switchboard vault use-passphrase' (the passphrase"
                + " from $" + PASSPHRASE_ENV + " or typed). Nothing was changed.";
    }

    private static SecretVault keychain(Path dataDir) {
        try {
            return KeychainVault.open(dataDir);
        } catch (VaultException e) {
            throw new VaultException(e.getMessage() + " The data folder " + dataDir + " keeps its secrets in the OS"
                    + " keychain (" + CONFIG_FILE + "): make it reachable and unlocked, then try again.", e);
        }
    }

    private static SecretVault passphraseVault(Path dataDir) {
        if (!PassphraseVault.exists(dataDir)) {
            throw new VaultException("The data folder " + dataDir + " uses a passphrase vault (" + CONFIG_FILE
                    + ") but its file " + PassphraseVault.FILE_NAME + " is missing: its secrets are lost unless you"
                    + " restore that file.");
        }
        char[] p = passphrase();
        if (p == null || p.length == 0) {
            throw new VaultException("The data folder " + dataDir + " keeps its secrets in a passphrase vault: set $"
                    + PASSPHRASE_ENV + " or run the command in a terminal to type the passphrase.");
        }
        try {
            return PassphraseVault.open(dataDir, p);
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /** The passphrase from {@value #PASSPHRASE_ENV}, else the installed prompt; null when neither gives one. */
    public static char[] passphrase() {
        String env = System.getenv(PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        return prompt.get();
    }

    /**
     * Chooses a passphrase vault for {@code dataDir}: creates it, moves the secrets of the keychain it used (if
     * any) into it, records the choice, then deletes them from the keychain. The caller holds the folder's lock.
     */
    public static SecretVault usePassphrase(Path dataDir, char[] passphrase) {
        Optional<Config> config = config(dataDir);
        if (config.isPresent() && config.get().kind() == Kind.PASSPHRASE) {
            throw new VaultException("The data folder " + dataDir + " already uses a passphrase vault.");
        }
        if (config.isPresent() && config.get().kind() == Kind.MEMORY) {
            throw new VaultException("The data folder " + dataDir + " was made with an in-memory vault.");
        }
        PassphraseVault vault = PassphraseVault.exists(dataDir)
                // left by an interrupted switch: it must open with this passphrase
                ? PassphraseVault.open(dataDir, passphrase) : PassphraseVault.create(dataDir, passphrase);
        SecretVault old = config.isPresent() ? keychain(dataDir) : null;
        if (old != null) {
            for (String name : SecretVault.NAMES) {
                old.get(name).ifPresent(v -> vault.put(name, v));
            }
        }
        writeConfig(dataDir, new Config(Kind.PASSPHRASE, config.map(Config::storeEncrypted).orElse(false)));
        if (old != null) {
            SecretVault.NAMES.forEach(old::delete);
        }
        return vault;
    }

    /**
     * Chooses the OS keychain for {@code dataDir}: moves the passphrase vault's secrets (if it had one) into it,
     * records the choice, then deletes the passphrase vault's file. The caller holds the folder's lock.
     */
    public static SecretVault useKeychain(Path dataDir) {
        Optional<Config> config = config(dataDir);
        if (config.isPresent() && config.get().kind() == Kind.KEYCHAIN) {
            throw new VaultException("The data folder " + dataDir + " already uses the OS keychain.");
        }
        if (config.isPresent() && config.get().kind() == Kind.MEMORY) {
            throw new VaultException("The data folder " + dataDir + " was made with an in-memory vault.");
        }
        KeychainVault k = KeychainVault.open(dataDir);
        if (config.isPresent()) {
            SecretVault old = passphraseVault(dataDir);
            for (String name : SecretVault.NAMES) {
                old.get(name).ifPresent(v -> k.put(name, v));
            }
        }
        writeConfig(dataDir, new Config(Kind.KEYCHAIN, config.map(Config::storeEncrypted).orElse(false)));
        try {
            Files.deleteIfExists(dataDir.resolve(PassphraseVault.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return k;
    }

    /** Records that the folder's store is encrypted (from now on a plain store there is refused). */
    public static void markStoreEncrypted(Path dataDir, SecretVault vault) {
        Optional<Config> c = config(dataDir);
        if (c.isPresent()) {
            if (!c.get().storeEncrypted()) {
                writeConfig(dataDir, c.get().withStoreEncrypted());
            }
        } else {
            // an explicitly given vault (tests, benchmarks)
            writeConfig(dataDir, new Config(vault instanceof KeychainVault ? Kind.KEYCHAIN
                    : vault instanceof PassphraseVault ? Kind.PASSPHRASE : Kind.MEMORY, true));
        }
    }

    /** The store file's state, for status screens: "none", "encrypted" or "plain". */
    public static String storeState(Path dataDir) {
        return !dev.switchboard.persistence.Store.fileExists(dataDir) ? "none"
                : dev.switchboard.persistence.Store.isEncryptedFile(dataDir) ? "encrypted" : "plain";
    }

    /**
     * Runs {@code work} holding the folder's single-process lock (a vault is not switched under a running engine or
     * console); a held lock fails as a {@link VaultException} naming the holder.
     */
    public static <T> T withFolderLock(Path dataDir, String holder, Supplier<T> work) {
        dev.switchboard.persistence.StoreLock lock;
        try {
            lock = dev.switchboard.persistence.StoreLock.acquire(dataDir, holder);
        } catch (dev.switchboard.persistence.StoreException e) {
            throw new VaultException(e.getMessage(), e);
        }
        try (lock) {
            return work.get();
        }
    }

    static void writeAtomically(Path file, String content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VaultException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
