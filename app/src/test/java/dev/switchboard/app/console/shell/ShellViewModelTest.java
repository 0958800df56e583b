package dev.switchboard.app.console.shell;

import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.engine.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/switchboard/test-" + UUID.randomUUID());
    private final TestTaskRunner tasks = TestTaskRunner.immediate();

    @AfterEach
    void removePreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void aStoreHeldByAnotherProcessIsExplainedInItsOwnWords() {
        ShellViewModel vm = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> {
            throw new StoreUnavailableException("The store is in use by the Switchboard console (pid 4242).", true,
                    null);
        });
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.OPENING);
        assertThat(vm.engineLineProperty().get()).isEqualTo("Engine waits for the store");

        vm.open();

        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo("The store is in use by the Switchboard console (pid 4242).");
        assertThat(vm.workspaceProperty().get()).isNull();
        // the console's engine never starts on a store another process holds: the status bar says so
        assertThat(vm.storeLineProperty().get()).isEqualTo("Store in use by another process");
        assertThat(vm.engineLineProperty().get()).isEqualTo("Engine not started: another process holds the store");
        assertThat(vm.profilesReadyProperty().get()).isFalse();
    }

    @Test
    void aStoreThatCannotBeOpenedOtherwiseSaysSoAndTheEngineWaitsForAVault() {
        ShellViewModel vm = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> {
            throw new StoreUnavailableException("The store failed its safety check.", false, null);
        });
        vm.open();
        assertThat(vm.storeLineProperty().get()).isEqualTo("Store unavailable");
        assertThat(vm.engineLineProperty().get()).isEqualTo("Engine not started: the store cannot be opened");

        ShellViewModel locked = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> {
            throw new VaultNeededException(VaultNeededException.Need.UNLOCK, "Give the vault's passphrase.");
        });
        locked.open();
        assertThat(locked.engineLineProperty().get()).isEqualTo("Engine waits for the vault's passphrase");
    }

    @Test
    void signInIsOfferedOnlyOnceTheStoreHasProfiles() {
        ShellViewModel vm = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> null);
        vm.open();
        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.OPEN);
        assertThat(vm.profilesReadyProperty().get()).isFalse();
        vm.profilesReady();
        assertThat(vm.profilesReadyProperty().get()).isTrue();
        // once the store is open the line is the engine's own (no engine here: stopped)
        assertThat(vm.engineLineProperty().get()).isEqualTo("Engine stopped");
    }

    @Test
    void anUnexpectedFailureStillReadsAsASentence() {
        ShellViewModel vm = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> {
            throw new IllegalStateException("disk full");
        });

        vm.open();

        assertThat(vm.problemProperty().get()).isEqualTo("The store could not be opened: disk full");
    }

    @Test
    void theThemeChoiceIsRemembered() {
        ShellViewModel vm = new ShellViewModel(Path.of("/data/sb"), new ThemePreference(prefs), tasks, () -> null);
        assertThat(vm.darkThemeProperty().get()).isFalse();

        vm.toggleTheme();

        assertThat(new ThemePreference(prefs).dark()).isTrue();
        assertThat(new ShellViewModel(Path.of("/x"), new ThemePreference(prefs), tasks, () -> null)
                .darkThemeProperty().get()).isTrue();
    }
}
