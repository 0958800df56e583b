package dev.switchboard.engine.secrets;

import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.genesys.OrgSettings;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's key in the vault, through {@link Workspace#open}: new, migrated, refused; and org connect. */
class StoreKeysTest {
    private static final String CANARY = "canary-list-5f2c81";
    private static final String SECRET = "genesys-secret-9b7d2e44";

    private static boolean anyFileContains(Path dir, String s) throws Exception {
        byte[] n = s.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (content.contains(new String(n, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return m;
    }

    @Test
    void aNewFolderGetsAnEncryptedStoreWithItsKeyInTheVault(@TempDir Path dir) throws Exception {
        SecretVault vault = SecretVault.inMemory();
        try (Workspace ws = Workspace.open(dir, "the test", vault)) {
            ws.users().add(null, CANARY, Role.ADMIN, "pass-word-1".toCharArray());
        }
        assertThat(Store.isEncryptedFile(dir)).isTrue();
        assertThat(vault.get(SecretVault.STORE_KEY)).hasValueSatisfying(k -> assertThat(k).hasSize(64));
        assertThat(anyFileContains(dir, CANARY)).isFalse();
        assertThat(Vaults.config(dir)).hasValueSatisfying(c -> assertThat(c.storeEncrypted()).isTrue());
        try (Workspace ws = Workspace.open(dir, "the test", vault)) {
            assertThat(ws.users().all()).anyMatch(p -> p.name().equals(CANARY));
        }
    }

    @Test
    void aFolderWhoseKeyIsNotInTheVaultFailsClearlyAndChangesNothing(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir, "the test", SecretVault.inMemory())) {
            ws.users().add(null, "ada", Role.ADMIN, "pass-word-1".toCharArray());
        }
        Files.deleteIfExists(dir.resolve("store.lock"));
        Map<String, String> before = snapshot(dir);
        assertThatThrownBy(() -> Workspace.open(dir, "the test", SecretVault.inMemory()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("is encrypted and its key is not in an in-memory vault");
        Map<String, String> after = snapshot(dir);
        after.keySet().removeIf(k -> k.contains("lock"));
        before.keySet().removeIf(k -> k.contains("lock"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aPlainStoreIsMigratedOnceAndAPlainStoreIsRefusedAfterwards(@TempDir Path dir) throws Exception {
        Path plainCopy = dir.resolve("plain-copy.mv.db");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Store plain = Store.openFile(data)) {
            plain.dsl().execute("insert into contact_list(name, default_region, column_mapping, created_at,"
                    + " updated_at) values (?, 'US', '[]', current_timestamp, current_timestamp)", CANARY);
        }
        Files.copy(data.resolve(Store.FILE_NAME + ".mv.db"), plainCopy);
        SecretVault vault = SecretVault.inMemory();
        try (Workspace ws = Workspace.open(data, "the test", vault)) {
            assertThat(ws.contacts().lists()).anyMatch(l -> l.list().name().equals(CANARY));
        }
        assertThat(Store.isEncryptedFile(data)).isTrue();
        assertThat(anyFileContains(data, CANARY)).as("no plaintext left in the data folder").isFalse();
        // an old plain copy put back in its place is refused, and left as it is
        Files.copy(plainCopy, data.resolve(Store.FILE_NAME + ".mv.db"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> before = snapshot(data);
        assertThatThrownBy(() -> Workspace.open(data, "the test", vault))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("is not encrypted, but this data folder's store was encrypted");
        Map<String, String> after = snapshot(data);
        after.keySet().removeIf(k -> k.contains("lock"));
        before.keySet().removeIf(k -> k.contains("lock"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void withThePassphraseVaultOfTheTestRunTheFolderReopens(@TempDir Path dir) throws Exception {
        // the test run's default (-Dswitchboard.vault.default=passphrase, $SWITCHBOARD_VAULT_PASSPHRASE)
        try (Workspace ws = Workspace.open(dir, "the test")) {
            ws.users().add(null, "ada", Role.ADMIN, "pass-word-1".toCharArray());
        }
        assertThat(Vaults.config(dir)).contains(new Vaults.Config(Vaults.Kind.PASSPHRASE, true));
        assertThat(dir.resolve(PassphraseVault.FILE_NAME)).exists();
        try (Workspace ws = Workspace.open(dir, "the test")) {
            assertThat(ws.users().all()).isNotEmpty();
        }
    }

    @Test
    void orgConnectKeepsTheSecretInTheVaultOnlyAndIsAudited(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir, "the test")) {
            ws.users().add(null, "ada", Role.ADMIN, "pass-word-1".toCharArray());
            Actor ada = ws.users().authenticate("ada", "pass-word-1".toCharArray());
            ws.users().add(ada, "otto", Role.OPERATOR, "pass-word-2".toCharArray());
            Actor otto = ws.users().authenticate("otto", "pass-word-2".toCharArray());
            OrgSettings s = new OrgSettings(null, URI.create("http://127.0.0.1:9/api"),
                    URI.create("http://127.0.0.1:9/login"), "client-1", null, null);
            assertThatThrownBy(() -> ws.connectOrg(otto, s, SECRET.toCharArray(), Instant.now()))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("admin");
            ws.connectOrg(ada, s, SECRET.toCharArray(), Instant.now());
            assertThat(ws.storedOrg()).hasValueSatisfying(o -> assertThat(o.apiBase().toString())
                    .isEqualTo("http://127.0.0.1:9/api"));
            assertThat(ws.audit().verify().problem()).isEmpty();
        }
        assertThat(anyFileContains(dir, SECRET)).as("the secret is nowhere in the data folder").isFalse();
        assertThat(Files.readString(dir.resolve(OrgSettings.FILE_NAME))).contains("client-1");
        try (Workspace ws = Workspace.open(dir, "the test")) {
            assertThat(ws.vault().get(SecretVault.GENESYS_CLIENT_SECRET)).contains(SECRET);
            Actor ada = ws.users().authenticate("ada", "pass-word-1".toCharArray());
            assertThat(ws.disconnectOrg(ada, Instant.now())).isTrue();
            assertThat(ws.storedOrg()).isEmpty();
            assertThat(ws.vault().get(SecretVault.GENESYS_CLIENT_SECRET)).isEmpty();
        }
        assertThat(dir.resolve(OrgSettings.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFolderWithNoChoiceAndNoKeychainSaysHowToChoose(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(KeychainVault.unreachable(dir).isPresent(),
                "a keychain answers here");
        String saved = System.clearProperty(Vaults.DEFAULT_PROPERTY);
        try {
            assertThatThrownBy(() -> Workspace.open(dir, "the test"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("switchboard vault use-passphrase")
                    .hasMessageContaining("Nothing was changed");
            assertThat(dir.resolve(Vaults.CONFIG_FILE)).doesNotExist();
            assertThat(Store.fileExists(dir)).isFalse();
        } finally {
            if (saved != null) {
                System.setProperty(Vaults.DEFAULT_PROPERTY, saved);
            }
        }
    }
}
