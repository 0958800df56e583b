package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's vault needs the user: the shell offers a passphrase vault (or asks for its passphrase). */
class VaultChoiceTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private final List<String> opened = new ArrayList<>();
    private char[] handedOver;

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    private ShellViewModel shell(VaultNeededException.Need need) {
        ShellViewModel vm = new ShellViewModel(Path.of("/tmp/data"), new ThemePreference(prefs),
                TestTaskRunner.immediate(), () -> {
                    throw new VaultNeededException(need, "No OS keychain answers here.");
                });
        vm.setPassphraseOpener((p, choose) -> {
            handedOver = p;
            opened.add((choose ? "choose " : "unlock ") + new String(p));
            if (new String(p).equals("wrong-passphrase")) {
                throw new VaultNeededException(need, "The passphrase does not open secrets.vault.");
            }
            return null;
        });
        vm.open();
        return vm;
    }

    @Test
    void noKeychainOffersAPassphraseVaultInsteadOfADeadEnd() {
        ShellViewModel vm = shell(VaultNeededException.Need.CHOOSE);
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.VAULT);
        assertThat(vm.vaultNeedProperty().get()).isEqualTo(VaultNeededException.Need.CHOOSE);
        assertThat(vm.problemProperty().get()).contains("No OS keychain");
        assertThat(vm.vaultErrorProperty().get()).isNull();

        char[] shortOne = "short".toCharArray();
        vm.submitPassphrase(shortOne, "short".toCharArray());
        assertThat(vm.vaultErrorProperty().get()).startsWith("Passphrase: at least");
        assertThat(shortOne).containsOnly('\0');
        vm.submitPassphrase("a-long-passphrase".toCharArray(), "a-long-passphrase!".toCharArray());
        assertThat(vm.vaultErrorProperty().get()).startsWith("Repeat:");
        assertThat(opened).isEmpty();

        vm.submitPassphrase("a-long-passphrase".toCharArray(), "a-long-passphrase".toCharArray());
        assertThat(opened).containsExactly("choose a-long-passphrase");
        assertThat(handedOver).containsOnly('\0');
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.OPEN);
        assertThat(vm.vaultNeedProperty().get()).isNull();
    }

    @Test
    void aPassphraseVaultAsksForItsPassphraseAndSaysWhenItIsWrong() {
        ShellViewModel vm = shell(VaultNeededException.Need.UNLOCK);
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.VAULT);
        vm.submitPassphrase("wrong-passphrase".toCharArray(), new char[0]);
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.VAULT);
        assertThat(vm.vaultErrorProperty().get()).contains("does not open");
        vm.submitPassphrase("right".toCharArray(), new char[0]);
        assertThat(opened).containsExactly("unlock wrong-passphrase", "unlock right");
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.OPEN);
    }
}
