package dev.switchboard.engine.secrets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Stores, reads back and deletes a secret through the real OS keychain (Secret Service on Linux: CI runs this under
 * dbus-run-session with gnome-keyring unlocked). Outside CI it is skipped when no keychain answers; in CI
 * ({@code CI=true}) an unreachable keychain fails it, so it cannot silently skip there.
 */
class KeychainVaultTest {

    @Test
    void aSecretGoesIntoTheRealKeychainAndComesBackAndIsDeleted(@TempDir Path dir) {
        Optional<String> unreachable = KeychainVault.unreachable(dir);
        if (unreachable.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but the OS keychain is unreachable: " + unreachable.get()
                        + " (.ci/run runs the tests under dbus-run-session with gnome-keyring unlocked)");
            }
            Assumptions.abort("no OS keychain here: " + unreachable.get());
        }
        KeychainVault vault = KeychainVault.open(dir);
        String name = "test-" + UUID.randomUUID();
        String value = "s3cret-" + UUID.randomUUID();
        try {
            assertThat(vault.get(name)).isEmpty();
            vault.put(name, value);
            assertThat(vault.get(name)).contains(value);
            // another data folder does not see it
            assertThat(KeychainVault.open(dir.resolve("other")).get(name)).isEmpty();
            vault.put(name, value + "-2");
            assertThat(vault.get(name)).contains(value + "-2");
        } finally {
            vault.delete(name);
        }
        assertThat(vault.get(name)).isEmpty();
        assertThat(vault.describe()).contains("OS keychain").doesNotContain(value);
    }

    @Test
    void aFolderWithNoChoiceTakesTheKeychainWhenOneAnswers(@TempDir Path dir) {
        Assumptions.assumeTrue(KeychainVault.unreachable(dir).isEmpty() && System.getenv("DBUS_SESSION_BUS_ADDRESS")
                != null, "needs a reachable keychain");
        String saved = System.clearProperty(Vaults.DEFAULT_PROPERTY);
        try {
            SecretVault v = Vaults.open(dir);
            assertThat(v).isInstanceOf(KeychainVault.class);
            assertThat(Vaults.config(dir)).contains(new Vaults.Config(Vaults.Kind.KEYCHAIN, false));
            v.put(SecretVault.STORE_KEY, "abc");
            assertThat(Vaults.open(dir).get(SecretVault.STORE_KEY)).contains("abc");
            v.delete(SecretVault.STORE_KEY);
        } finally {
            if (saved != null) {
                System.setProperty(Vaults.DEFAULT_PROPERTY, saved);
            }
        }
    }
}
