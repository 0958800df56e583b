package dev.switchboard.engine.secrets;

import java.util.Optional;

/**
 * Where a data folder keeps its secrets (the store's file key, the Genesys client secret): the OS keychain, a
 * passphrase-encrypted file, or memory (tests, benchmarks' scratch folders). Names are short identifiers; values never
 * appear in messages, logs or {@link #toString()}.
 */
public interface SecretVault {
    /** The name of the store's file key (256 random bits, hex). */
    String STORE_KEY = "store-key";
    /** The name of the connected Genesys org's OAuth client secret. */
    String GENESYS_CLIENT_SECRET = "genesys-client-secret";

    /** Every name Switchboard stores (a keychain cannot list its entries: switching vaults moves these). */
    java.util.List<String> NAMES = java.util.List.of(STORE_KEY, GENESYS_CLIENT_SECRET);

    Optional<String> get(String name);

    void put(String name, String value);

    /** Removes the secret; nothing when there is none. */
    void delete(String name);

    /** Where the secrets are, for messages: "the OS keychain (Secret Service)", "the passphrase vault DIR/…". */
    String describe();

    /** A fresh, empty vault in memory: for tests and benchmarks' scratch folders. */
    static SecretVault inMemory() {
        return new MemoryVault();
    }
}
