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

        vm.open();

        assertThat(vm.stateProperty().get()).isEqualTo(StoreState.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo("The store is in use by the Switchboard console (pid 4242).");
        assertThat(vm.workspaceProperty().get()).isNull();
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
