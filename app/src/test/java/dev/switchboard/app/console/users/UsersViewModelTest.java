package dev.switchboard.app.console.users;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.model.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsersViewModelTest {
    private final FakeUsersBackend backend = FakeUsersBackend.demo();
    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session(backend.actor("ada"));
    private final UsersViewModel vm = new UsersViewModel(backend, tasks, dialogs, session);

    @Test
    void onlyAnAdminSeesTheProfilesOthersSeeANotice() {
        assertThat(vm.adminProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).isNull();
        assertThat(vm.accounts()).extracting(a -> a.profile().name())
                .containsExactly("ada", "carla", "olga", "sam", "switchboard-demo");

        session.signIn(backend.actor("olga"));
        assertThat(vm.adminProperty().get()).isFalse();
        assertThat(vm.accounts()).isEmpty();
        assertThat(vm.noticeProperty().get()).startsWith("Only an admin manages profiles. You are signed in as olga"
                + " (operator)");
        int calls = tasks.started();
        vm.refresh();
        assertThat(tasks.started()).isEqualTo(calls);
    }

    @Test
    void createNamesEachBadFieldAndWipesThePasswords() {
        ProfileForm form = vm.newForm();
        form.nameProperty().set("carla");
        form.roleProperty().set(null);
        char[] password = "short".toCharArray();
        char[] repeat = "short".toCharArray();
        vm.create(form, password, repeat, () -> { });
        assertThat(form.nameErrorProperty().get()).isEqualTo("Name: a profile named 'carla' exists already");
        assertThat(form.roleErrorProperty().get()).isEqualTo("Role: choose what the profile may do");
        assertThat(form.passwordErrorProperty().get()).isEqualTo("Password: at least 8 characters");
        assertThat(password).containsOnly('\0');
        assertThat(repeat).containsOnly('\0');

        form.nameProperty().set("new user");
        form.roleProperty().set(Role.COMPLIANCE);
        vm.create(form, "long-enough-1".toCharArray(), "long-enough-2".toCharArray(), () -> { });
        assertThat(form.nameErrorProperty().get()).startsWith("Name: 2 to 100 letters");
        assertThat(form.passwordErrorProperty().get()).isNull();
        assertThat(form.repeatErrorProperty().get()).isEqualTo("Repeat password: does not match the password");
        assertThat(backend.calls).isEmpty();

        boolean[] done = {false};
        form.nameProperty().set("nina");
        vm.create(form, "long-enough-1".toCharArray(), "long-enough-1".toCharArray(), () -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(backend.calls).containsExactly("create nina COMPLIANCE by ada");
        assertThat(backend.handed.getLast()).containsOnly('\0');
        assertThat(vm.outcomeProperty().get()).startsWith("Profile nina created (compliance).");
        assertThat(vm.accounts()).extracting(a -> a.profile().name()).contains("nina");
    }

    @Test
    void changingOnesOwnRoleChangesTheSessionAndTheLastAdminStays() {
        vm.changeRole(backend.accounts.get("ada"), Role.OPERATOR);
        assertThat(dialogs.errors()).singleElement().asString().isEqualTo("Role not changed: 'ada' is the last"
                + " admin");
        vm.changeRole(backend.accounts.get("carla"), Role.ADMIN);
        assertThat(vm.outcomeProperty().get()).isEqualTo("carla is now an admin.");
        vm.changeRole(backend.accounts.get("ada"), Role.COMPLIANCE);
        assertThat(session.role()).contains(Role.COMPLIANCE);
        assertThat(vm.adminProperty().get()).isFalse();
    }

    @Test
    void resetPasswordChecksTheRepetitionFirst() {
        ProfileForm form = vm.newForm();
        var olga = backend.accounts.get("olga");
        assertThat(vm.resetPassword(olga, form, "fresh-pass-1".toCharArray(), "fresh-pass-2".toCharArray(),
                () -> { })).isFalse();
        assertThat(form.repeatErrorProperty().get()).isEqualTo("Repeat password: does not match the password");
        assertThat(backend.calls).isEmpty();
        boolean[] done = {false};
        assertThat(vm.resetPassword(olga, form, "fresh-pass-1".toCharArray(), "fresh-pass-1".toCharArray(),
                () -> done[0] = true)).isTrue();
        assertThat(done[0]).isTrue();
        assertThat(backend.passwords.get("olga")).isEqualTo("fresh-pass-1");
        assertThat(vm.outcomeProperty().get()).isEqualTo("New password set for olga. Their old password no longer"
                + " works.");
    }
}
