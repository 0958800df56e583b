package dev.switchboard.engine.users;

import dev.switchboard.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An admin changes roles and resets passwords; nobody else may, and the last admin is never demoted. */
class ProfileAdminTest {
    private ProfileStore profiles;
    private UserService users;
    private Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        users = profiles.users;
        admin = profiles.admin;
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    @Test
    void anAdminAssignsRolesButNeverDemotesTheLastAdmin() throws Exception {
        Actor olga = profiles.profile("olga", Role.OPERATOR);
        assertThatThrownBy(() -> users.assignRole(olga, "olga", Role.ADMIN))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("takes an admin");
        assertThatThrownBy(() -> users.assignRole(admin, "ada", Role.OPERATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last admin");

        assertThat(users.assignRole(admin, "olga", Role.ADMIN).role()).isEqualTo(Role.ADMIN);
        assertThat(profiles.log.recent(1).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("profile.role");
            assertThat(e.details()).isEqualTo("role OPERATOR -> ADMIN");
        });
        // two admins now: ada may step down; her old sign-in no longer counts as an admin's
        users.assignRole(admin, "ada", Role.COMPLIANCE);
        assertThatThrownBy(() -> users.assignRole(admin, "olga", Role.OPERATOR))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("COMPLIANCE");
        Actor olgaAdmin = users.authenticate("olga", "olga-password".toCharArray());
        assertThatThrownBy(() -> users.assignRole(olgaAdmin, "olga", Role.OPERATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last admin");
        assertThatThrownBy(() -> users.assignRole(olgaAdmin, "nobody", Role.OPERATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No profile named 'nobody'");
    }

    @Test
    void systemProfilesKeepTheirRoleAndHaveNoPassword() throws Exception {
        users.systemProfile("switchboard-demo", Role.COMPLIANCE);
        assertThat(users.accounts()).extracting(a -> a.profile().name() + ":" + a.system())
                .containsExactly("ada:false", "switchboard-demo:true");
        assertThat(users.signInNames()).containsExactly("ada");
        assertThatThrownBy(() -> users.assignRole(admin, "switchboard-demo", Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system profile");
        assertThatThrownBy(() -> users.resetPassword(admin, "switchboard-demo", "new-password-1".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system profile");
    }

    @Test
    void anAdminResetsAPasswordTheOldOneStopsWorkingAndNothingIsLogged() throws Exception {
        profiles.profile("olga", Role.OPERATOR);
        Actor olga = users.authenticate("olga", "olga-password".toCharArray());
        char[] fresh = "fresh-password-2".toCharArray();
        assertThatThrownBy(() -> users.resetPassword(olga, "ada", "taken-over-1".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(admin, "olga", "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 characters");

        users.resetPassword(admin, "olga", fresh);
        assertThat(fresh).containsOnly('\0');
        assertThatThrownBy(() -> users.authenticate("olga", "olga-password".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(users.authenticate("olga", "fresh-password-2".toCharArray()).name()).isEqualTo("olga");
        assertThat(profiles.log.recent(1).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("profile.password-reset");
            assertThat(e.subject()).isEqualTo("profile olga");
            assertThat(e.details()).doesNotContain("fresh-password-2");
        });
    }
}
