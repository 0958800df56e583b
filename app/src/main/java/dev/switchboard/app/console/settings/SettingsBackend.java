package dev.switchboard.app.console.settings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the Settings screen needs of the store, the vault, the org and the engine. Every method blocks (store, files,
 * network): call them on a worker. Secrets go in as char arrays, which the caller wipes; none comes back out.
 */
public interface SettingsBackend {

    /** The acting profile, as typed into a confirmation (the array is wiped by the backend). */
    record Credentials(String profile, char[] password) {
    }

    /**
     * The org the data folder is connected to (null fields when none), and the org the running engine drives.
     *
     * @param region     the region name, or null for explicit URLs or no org
     * @param engineOrg  "Sandbox org", "Genesys Cloud mypurecloud.ie" …, or null when no engine runs
     * @param secretInVault false when the settings are there but the client secret is not (connect again)
     */
    record OrgInfo(boolean connected, String region, String apiUrl, String loginUrl, String clientId,
                   Instant connectedAt, String connectedBy, boolean secretInVault, String engineOrg,
                   String boundOrg) {
    }

    /** A connection to try or to make: a region, or both URLs; and the client id. */
    record Candidate(String region, String apiUrl, String loginUrl, String clientId) {
        /** "us_east_1", or the API URL. */
        public String where() {
            return region != null ? region : apiUrl;
        }
    }

    /** What an org answered: a token was granted by {@code apiBase}; its API rate limit, when reported. */
    record TestResult(String apiBase, OptionalLong rateLimitPerMinute) {
    }

    /** The vault in use and the store's encryption: "encrypted", "plain" or "none". */
    record VaultInfo(String kind, String where, String storeState) {
    }

    /** A backup in the data folder; the counts are the manifest's (-1 when it cannot be read). */
    record BackupEntry(Path zip, String name, Instant createdAt, long size, long contacts, long suppressions,
                       long auditEntries, long auditVerifiedRows, String problem) {
    }

    /** The outcome of verifying a backup: empty problems means sound. */
    record VerifyResult(String name, List<String> problems, long contacts, long suppressions, long auditRows) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    OrgInfo org();

    /** The region names a connection may use. */
    List<String> regions();

    /** Gets a token from the connected org and reads its rate limit. */
    TestResult testConnected();

    /** Gets a token from {@code candidate} with {@code secret} (not stored) and reads its rate limit. */
    TestResult test(Candidate candidate, char[] secret);

    /** Connects the data folder to {@code candidate} (an admin; audited); the secret goes into the vault only. */
    void connect(Credentials by, Candidate candidate, char[] secret) throws Exception;

    /** Forgets the connected org and its secret (an admin; audited); false when none was connected. */
    boolean disconnect(Credentials by) throws Exception;

    /** Stops the console's engine and starts it on the org connected now; returns where it runs. */
    String restartEngine();

    VaultInfo vault();

    Path dataDir();

    /** Opens the data folder in the OS file manager; false when this desktop cannot. */
    boolean openDataFolder() throws Exception;

    /** The backups in the data folder's backups folder, newest first. */
    List<BackupEntry> backups() throws Exception;

    /** Takes a backup now (kept with the newest {@code keep}); returns it. */
    BackupEntry backupNow(int keep) throws Exception;

    VerifyResult verify(Path zip) throws Exception;

    /** The running sandbox clock's speed; empty when the engine runs on a real org or not at all. */
    OptionalDouble sandboxSpeed();

    /** Sets the running sandbox clock's speed (when there is one) and remembers it for the next start. */
    void setSandboxSpeed(double speed);
}
