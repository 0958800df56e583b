package dev.switchboard.engine.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Secrets in the OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) through
 * java-keyring: service {@value #SERVICE}, account {@code NAME@FOLDER} where FOLDER is a hash of the data folder's
 * absolute path, so that two data folders never share a secret.
 */
public final class KeychainVault implements SecretVault {
    public static final String SERVICE = "Switchboard";

    private final Keyring keyring;
    private final String folder;

    private KeychainVault(Keyring keyring, String folder) {
        this.keyring = keyring;
        this.folder = folder;
    }

    /** The keychain for {@code dataDir}; throws {@link VaultException} when no keychain is reachable. */
    public static KeychainVault open(Path dataDir) {
        Keyring k;
        try {
            k = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new VaultException("No OS keychain is reachable (" + reason(e) + ").", e);
        }
        KeychainVault vault = new KeychainVault(k, folderId(dataDir));
        // Secret Service answers create() before it is asked anything: a read proves the daemon is there
        vault.get("probe");
        return vault;
    }

    /** Empty when a keychain answers, else why not. */
    public static Optional<String> unreachable(Path dataDir) {
        try {
            open(dataDir);
            return Optional.empty();
        } catch (VaultException e) {
            return Optional.of(e.getMessage());
        }
    }

    static String folderId(Path dataDir) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String account(String name) {
        return name + "@" + folder;
    }

    @Override
    public Optional<String> get(String name) {
        try {
            String v = keyring.getPassword(SERVICE, account(name));
            return Optional.ofNullable(v);
        } catch (PasswordAccessException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new VaultException("Cannot read '" + name + "' from the OS keychain (" + reason(e) + ").", e);
        } catch (RuntimeException e) {
            throw new VaultException("Cannot read '" + name + "' from the OS keychain (" + reason(e) + ").", e);
        }
    }

    @Override
    public void put(String name, String value) {
        try {
            keyring.setPassword(SERVICE, account(name), value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new VaultException("Cannot write '" + name + "' to the OS keychain (" + reason(e) + ").", e);
        }
        // a keychain that accepts writes but does not keep them (a locked or session-less collection) is no vault
        if (!get(name).map(value::equals).orElse(false)) {
            throw new VaultException("The OS keychain did not keep '" + name + "': it may be locked.");
        }
    }

    @Override
    public void delete(String name) {
        try {
            if (get(name).isPresent()) {
                keyring.deletePassword(SERVICE, account(name));
            }
        } catch (PasswordAccessException | RuntimeException e) {
            throw new VaultException("Cannot delete '" + name + "' from the OS keychain (" + reason(e) + ").", e);
        }
    }

    @Override
    public String describe() {
        return "the OS keychain (" + keyring.getKeyringStorageType() + ", service " + SERVICE + ")";
    }

    private static boolean isMissing(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // java-keyring reports a missing entry as an exception, worded by each backend
        return m.contains("not found") || m.contains("no password") || m.contains("no stored credentials")
                || m.contains("not exist") || m.contains("no such") || m.contains("could not find")
                || m.contains("could not be found");
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        String m = t.getMessage();
        while ((m == null || m.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            m = t.getMessage();
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Vaults.firstLine(m);
    }

    @Override
    public String toString() {
        return "KeychainVault[" + folder + "]";
    }
}
