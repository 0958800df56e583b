package dev.switchboard.app.console.users;

import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.model.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    private final FakeUsersBackend backend = FakeUsersBackend.demo();
    private final TestTaskRunner tasks = TestTaskRunner.queued();
    private final Session session = new Session();

    @Test
    void listsTheProfilesOneCanSignInAsAndSignsInWithTheRightPassword() {
        SignInViewModel vm = new SignInViewModel(backend, tasks, session, false);
        vm.load();
        tasks.runAll();
        assertThat(vm.names()).containsExactly("ada", "carla", "olga", "sam");

        char[] wrong = "nope".toCharArray();
        vm.nameProperty().set("carla");
        vm.signIn(wrong);
        assertThat(wrong).containsOnly('\0');
        assertThat(vm.busyProperty().get()).isTrue();
        vm.signIn("again".toCharArray());
        tasks.runAll();
        assertThat(backend.calls).containsExactly("authenticate carla");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("Wrong password for 'carla', or no such profile: try"
                + " again (names and passwords are case-sensitive).");
        assertThat(session.actor()).isEmpty();
        assertThat(vm.signedInProperty().get()).isNull();

        vm.signIn("carla-pass-1".toCharArray());
        tasks.runAll();
        assertThat(session.require().name()).isEqualTo("carla");
        assertThat(session.role()).contains(Role.COMPLIANCE);
        assertThat(vm.signedInProperty().get().name()).isEqualTo("carla");
        assertThat(backend.handed).allSatisfy(p -> assertThat(p).containsOnly('\0'));
    }

    @Test
    void namesTheMissingFieldsAndAsksNothing() {
        SignInViewModel vm = new SignInViewModel(backend, tasks, session, false);
        vm.signIn(new char[0]);
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Profile: choose your profile or type its name");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("Password: enter your profile's password");
        assertThat(tasks.queuedWork()).isZero();
        vm.nameProperty().set("ada");
        assertThat(vm.nameErrorProperty().get()).isNull();
    }

    @Test
    void switchingUserKeepsWhoIsSignedInUntilAnotherProfileSignsIn() {
        session.signIn(backend.actor("ada"));
        SignInViewModel vm = new SignInViewModel(backend, tasks, session, true);
        vm.load();
        tasks.runAll();
        assertThat(vm.nameProperty().get()).isEmpty();
        vm.nameProperty().set("olga");
        vm.signIn("bad-password".toCharArray());
        tasks.runAll();
        assertThat(session.require().name()).isEqualTo("ada");
        vm.signIn("olga-pass-1".toCharArray());
        tasks.runAll();
        assertThat(session.require().name()).isEqualTo("olga");
    }

    @Test
    void aStoreWithOneProfileSuggestsIt() {
        FakeUsersBackend one = new FakeUsersBackend();
        one.put("ada", Role.ADMIN, "admin-pass-1", false);
        one.put("switchboard-demo", Role.COMPLIANCE, null, true);
        SignInViewModel vm = new SignInViewModel(one, tasks, session, false);
        vm.load();
        tasks.runAll();
        assertThat(vm.nameProperty().get()).isEqualTo("ada");
    }
}
