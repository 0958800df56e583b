package dev.switchboard.app.console.settings;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.TestTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    private final FakeSettingsBackend backend = new FakeSettingsBackend();
    private final FakeDialogService dialogs = new FakeDialogService();
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new SettingsViewModel(backend, TestTaskRunner.immediate(), dialogs);
        vm.refresh();
    }

    @Test
    void showsTheSandboxTheVaultTheFolderAndTheSpeed() {
        assertThat(vm.orgProperty().get().connected()).isFalse();
        assertThat(vm.orgProperty().get().engineOrg()).isEqualTo("Sandbox org");
        assertThat(vm.regions()).containsExactly("us_east_1", "eu_west_1");
        assertThat(vm.vaultProperty().get().kind()).isEqualTo("Passphrase vault");
        assertThat(vm.dataFolderProperty().get()).isEqualTo(Path.of("/tmp/x").toString());
        assertThat(vm.speedAvailableProperty().get()).isTrue();
        assertThat(vm.speedProperty().get()).isEqualTo(SandboxSpeed.REAL);
        assertThat(backend.calls).doesNotContain("speed 1.0"); // showing the speed does not set it
        assertThat(vm.schedule()).contains("24 hours").contains("7");
    }

    @Test
    void formErrorsNameTheFieldAndWipeTheSecret() {
        char[] secret = "s3cret".toCharArray();
        vm.connect(secret);
        assertThat(vm.form().errorProperty().get()).startsWith("Region:");
        assertThat(secret).containsOnly('\0');

        vm.form().useRegionProperty().set(false);
        vm.form().apiUrlProperty().set("api.example.test");
        vm.testForm("x".toCharArray());
        assertThat(vm.form().errorProperty().get()).startsWith("API URL:").contains("not an http(s) URL");

        vm.form().apiUrlProperty().set("https://api.example.test");
        vm.form().loginUrlProperty().set("https://login.example.test");
        vm.testForm("x".toCharArray());
        assertThat(vm.form().errorProperty().get()).startsWith("Client id:");

        vm.form().clientIdProperty().set("client-1");
        vm.testForm(new char[0]);
        assertThat(vm.form().errorProperty().get()).startsWith("Client secret:");
        assertThat(backend.calls).isEmpty();
        assertThat(dialogs.confirmRequests()).isEmpty();
    }

    @Test
    void testsTheFormWithoutKeepingTheSecret() {
        vm.form().regionProperty().set("eu_west_1");
        vm.form().clientIdProperty().set("client-1");
        vm.testForm("s3cret".toCharArray());
        assertThat(backend.calls).containsExactly("test eu_west_1 secret length 6");
        assertThat(backend.lastSecret).containsOnly('\0');
        assertThat(vm.connectionOkProperty().get()).isTrue();
        assertThat(vm.connectionOutcomeProperty().get()).contains("Token: ok").contains("not reported");
    }

    @Test
    void connectsAfterAnAdminConfirmsThenRestartsTheEngineWhenAsked() {
        vm.form().regionProperty().set("us_east_1");
        vm.form().clientIdProperty().set("client-1");
        dialogs.confirmWith(null, "ada", "admin-pass-1").answerAsk(true);
        vm.connect("s3cret".toCharArray());

        assertThat(dialogs.confirmRequests()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("Connect");
            assertThat(r.message()).contains("us_east_1").contains("client-1").doesNotContain("s3cret");
        });
        assertThat(backend.calls).containsExactly("connect us_east_1 client-1 by ada", "restart");
        assertThat(backend.lastSecret).containsOnly('\0');
        assertThat(backend.lastPassword).containsOnly('\0');
        assertThat(vm.orgProperty().get().connected()).isTrue();
        assertThat(vm.orgProperty().get().engineOrg()).isEqualTo("Genesys Cloud x");
        assertThat(vm.connectionOutcomeProperty().get()).contains("The engine runs on the org at");
        assertThat(dialogs.questions()).singleElement().asString().contains("Restart");
        assertThat(vm.form().clientIdProperty().get()).isEmpty();
        assertThat(vm.speedAvailableProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordIsShownAndNothingIsConnected() {
        vm.form().regionProperty().set("us_east_1");
        vm.form().clientIdProperty().set("client-1");
        dialogs.confirmWith(null, "ada", "wrong");
        vm.connect("s3cret".toCharArray());
        assertThat(vm.connectionOkProperty().get()).isFalse();
        assertThat(vm.connectionOutcomeProperty().get()).startsWith("Not connected: Unknown profile or wrong password");
        assertThat(vm.orgProperty().get().connected()).isFalse();
        assertThat(backend.lastSecret).containsOnly('\0');
        assertThat(dialogs.questions()).isEmpty();
    }

    @Test
    void cancellingTheConfirmationWipesTheSecret() {
        vm.form().regionProperty().set("us_east_1");
        vm.form().clientIdProperty().set("client-1");
        char[] secret = "s3cret".toCharArray();
        vm.connect(secret);
        assertThat(secret).containsOnly('\0');
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void declinedRestartSaysWhenTheEngineSwitches() {
        vm.form().regionProperty().set("us_east_1");
        vm.form().clientIdProperty().set("client-1");
        dialogs.confirmWith(null, "ada", "admin-pass-1").answerAsk(false);
        vm.connect("s3cret".toCharArray());
        assertThat(backend.calls).doesNotContain("restart");
        assertThat(vm.connectionOutcomeProperty().get()).contains("next start");

        dialogs.confirmWith(null, "ada", "admin-pass-1");
        vm.disconnect();
        assertThat(backend.calls).contains("disconnect by ada");
        assertThat(vm.orgProperty().get().connected()).isFalse();
        assertThat(dialogs.confirmRequests().getLast().danger()).isTrue();
        assertThat(dialogs.confirmRequests().getLast().profile()).isEqualTo("ada");
    }

    @Test
    void testsTheConnectedOrgAndShowsAFailure() {
        vm.testConnected();
        assertThat(vm.connectionOutcomeProperty().get()).contains("No org is connected");
        backend.org = new SettingsBackend.OrgInfo(true, "us_east_1", "https://api.mypurecloud.com",
                "https://login.mypurecloud.com", "c", Instant.EPOCH, "ada", true, "Sandbox org", null);
        vm.refresh();
        vm.testConnected();
        assertThat(vm.connectionOutcomeProperty().get()).contains("300 requests/minute");
        backend.failTest = new IllegalStateException("401 Unauthorized");
        vm.testConnected();
        assertThat(vm.connectionOkProperty().get()).isFalse();
        assertThat(vm.connectionOutcomeProperty().get()).contains("401 Unauthorized");
    }

    @Test
    void backsUpSelectsTheNewBackupAndVerifiesIt() {
        assertThat(vm.backups()).isEmpty();
        vm.verifySelected();
        assertThat(vm.backupOutcomeProperty().get()).isEqualTo("Select a backup to verify.");
        vm.backupNow();
        assertThat(vm.backups()).hasSize(1);
        assertThat(vm.selectedBackupProperty().get().name()).isEqualTo("b0.zip");
        assertThat(vm.backupOutcomeProperty().get()).contains("Backed up to b0.zip").contains("12 contacts");
        vm.verifySelected();
        assertThat(vm.backupOkProperty().get()).isTrue();
        assertThat(vm.backupOutcomeProperty().get()).contains("b0.zip is sound").contains("40 rows");

        vm.selectedBackupProperty().set(new SettingsBackend.BackupEntry(Path.of("/tmp/x/backups/bad.zip"),
                "bad.zip", Instant.EPOCH, 1, 1, 1, 1, 1, null));
        vm.verifySelected();
        assertThat(vm.backupOkProperty().get()).isFalse();
        assertThat(vm.backupOutcomeProperty().get()).contains("bad.zip is not sound: the zip's SHA-256 differs");
        assertThat(vm.backupBusyProperty().get()).isFalse();
    }

    @Test
    void choosingASpeedAppliesItAndRemembersIt() {
        vm.speedProperty().set(SandboxSpeed.X600);
        assertThat(backend.calls).contains("speed 600.0");
        assertThat(backend.speed).isEqualTo(600.0);
        assertThat(vm.speedOutcomeProperty().get()).contains("600×");
    }

    @Test
    void theDataFolderThatCannotBeOpenedIsNamed() {
        vm.openDataFolder();
        assertThat(vm.folderMessageProperty().get()).contains(Path.of("/tmp/x").toString());
    }
}
