package dev.switchboard.engine.secrets;

import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a data folder's store encrypted, its file key (256 random bits, made once) kept in the folder's vault: a new
 * store is created encrypted, a plain one from before is migrated once, and afterwards a plain store is refused.
 */
public final class StoreKeys {
    private static final Logger LOG = LoggerFactory.getLogger(StoreKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreKeys() {
    }

    /** The store of {@code dataDir}, whose lock the caller holds. Throws {@link StoreException} with what to do. */
    public static Store open(Path dataDir, SecretVault vault) {
        Store.deleteMigrationLeftovers(dataDir);
        boolean marked = Vaults.config(dataDir).map(Vaults.Config::storeEncrypted).orElse(false);
        Optional<String> key = vault.get(SecretVault.STORE_KEY);
        if (!Store.fileExists(dataDir)) {
            String k = key.orElseGet(() -> newKey(vault));
            Store store = Store.openFile(dataDir, k.toCharArray());
            Vaults.markStoreEncrypted(dataDir, vault);
            return store;
        }
        if (Store.isEncryptedFile(dataDir)) {
            if (key.isEmpty()) {
                throw new StoreException("The store in " + dataDir + " is encrypted and its key is not in "
                        + vault.describe() + ". Was the folder copied from another machine or user, or the keychain"
                        + " entry deleted? Restore the key (or the vault) to open it. Nothing was changed.");
            }
            Store store = Store.openFile(dataDir, key.get().toCharArray());
            Vaults.markStoreEncrypted(dataDir, vault);
            return store;
        }
        if (marked) {
            throw new StoreException("The store in " + dataDir + " is not encrypted, but this data folder's store was"
                    + " encrypted (" + Vaults.CONFIG_FILE + "): refusing to open it, it may be an older copy put in"
                    + " its place. Nothing was changed.");
        }
        String k = key.orElseGet(() -> newKey(vault));
        Map<String, Long> tables = Store.encryptPlainFile(dataDir, k.toCharArray());
        Vaults.markStoreEncrypted(dataDir, vault);
        LOG.info("Encrypted the store in {} ({} tables, {} rows); its key is in {}", dataDir, tables.size(),
                tables.values().stream().mapToLong(Long::longValue).sum(), vault.describe());
        return Store.openFile(dataDir, k.toCharArray());
    }

    private static String newKey(SecretVault vault) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String k = HexFormat.of().formatHex(b);
        vault.put(SecretVault.STORE_KEY, k);
        return k;
    }
}
