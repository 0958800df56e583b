package dev.switchboard.engine.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphraseVaultTest {
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @Test
    void secretsRoundTripThroughTheFile(@TempDir Path dir) {
        PassphraseVault v = PassphraseVault.create(dir, PASSPHRASE);
        v.put("store-key", "0123abcd");
        v.put("genesys-client-secret", "client-secret-value-42");
        v.delete("store-key");
        PassphraseVault again = PassphraseVault.open(dir, PASSPHRASE);
        assertThat(again.get("store-key")).isEmpty();
        assertThat(again.get("genesys-client-secret")).contains("client-secret-value-42");
        assertThat(again.describe()).contains(PassphraseVault.FILE_NAME).doesNotContain("client-secret-value-42");
    }

    @Test
    void theFileHoldsNoPlaintextAndNotThePassphrase(@TempDir Path dir) throws Exception {
        PassphraseVault.create(dir, PASSPHRASE).put("genesys-client-secret", "client-secret-value-42");
        String file = Files.readString(dir.resolve(PassphraseVault.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("client-secret-value-42").doesNotContain("genesys-client-secret")
                .doesNotContain(new String(PASSPHRASE)).contains("PBKDF2WithHmacSHA256").contains("AES-256-GCM");
    }

    @Test
    void aWrongPassphraseFailsClearlyWithoutSecrets(@TempDir Path dir) {
        PassphraseVault.create(dir, PASSPHRASE).put("genesys-client-secret", "client-secret-value-42");
        assertThatThrownBy(() -> PassphraseVault.open(dir, "wrong horse battery".toCharArray()))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("Wrong passphrase")
                .hasMessageContaining(Vaults.PASSPHRASE_ENV)
                .hasMessageNotContaining("client-secret-value-42");
    }

    @Test
    void aChangedHeaderFailsLikeAWrongPassphrase(@TempDir Path dir) throws Exception {
        PassphraseVault.create(dir, PASSPHRASE).put("a", "b");
        Path f = dir.resolve(PassphraseVault.FILE_NAME);
        String text = Files.readString(f);
        int it = Integer.getInteger("switchboard.vault.test-iterations", PassphraseVault.ITERATIONS);
        Files.writeString(f, text.replace("\"iterations\" : " + it, "\"iterations\" : " + (it + 1)));
        assertThatThrownBy(() -> PassphraseVault.open(dir, PASSPHRASE)).isInstanceOf(VaultException.class)
                .hasMessageContaining("Wrong passphrase");
    }

    @Test
    void aShortPassphraseIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> PassphraseVault.create(dir, "short".toCharArray()))
                .isInstanceOf(VaultException.class).hasMessageContaining("at least 8 characters");
        assertThat(dir.resolve(PassphraseVault.FILE_NAME)).doesNotExist();
    }

    @Test
    void productionStretchesWith600000Iterations() {
        assertThat(PassphraseVault.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }
}
