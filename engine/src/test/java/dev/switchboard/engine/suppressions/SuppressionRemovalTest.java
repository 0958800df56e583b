package dev.switchboard.engine.suppressions;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.SuppressionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lifting a suppression takes two people: one asks with a reason, a different compliance or admin approves. */
class SuppressionRemovalTest {
    private ProfileStore profiles;
    private SuppressionService suppressions;
    private Actor admin;
    private Actor olga;
    private Actor carla;
    private Actor sam;
    private long id;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        suppressions = new SuppressionService(new SuppressionRepository(profiles.store), profiles.log,
                Clock.systemUTC());
        admin = profiles.admin;
        olga = profiles.profile("olga", Role.OPERATOR);
        carla = profiles.profile("carla", Role.COMPLIANCE);
        sam = profiles.profile("sam", Role.SUPERVISOR);
        id = suppressions.add(olga, Suppression.Kind.OPT_OUT, Channel.SMS, "+12127365000", null, "replied STOP",
                "test");
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private boolean suppressed() {
        return !suppressions.view().forAddress("+12127365000").isEmpty();
    }

    @Test
    void theRequesterCanNeverApproveAndNothingIsLiftedUntilAnotherProfileDoes() throws Exception {
        long request = suppressions.requestRemoval(carla, id, "entered against the wrong number");
        assertThatThrownBy(() -> suppressions.approveRemoval(carla, request))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("asked for this removal");
        assertThat(suppressed()).isTrue();
        assertThat(suppressions.pendingRemovals()).singleElement().satisfies(r -> {
            assertThat(r.suppression().id()).isEqualTo(id);
            assertThat(r.requestedBy()).isEqualTo("carla");
            assertThat(r.reason()).isEqualTo("entered against the wrong number");
        });

        suppressions.approveRemoval(admin, request);
        assertThat(suppressed()).isFalse();
        assertThat(suppressions.pendingRemovals()).isEmpty();
        assertThat(suppressions.search(SuppressionService.Search.ALL, 0, 10).total()).isZero();
        assertThat(profiles.log.recent(2)).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("suppression.lift by ada", "suppression.removal-request by carla");
        assertThat(profiles.log.recent(1).getFirst().details()).contains("of carla").contains("wrong number");
        assertThatThrownBy(() -> suppressions.approveRemoval(carla, request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approved already");
    }

    @Test
    void operatorsAndSupervisorsCannotApprove() throws Exception {
        Actor otto = profiles.profile("otto", Role.OPERATOR);
        long request = suppressions.requestRemoval(olga, id, "customer asked again by letter");
        assertThatThrownBy(() -> suppressions.approveRemoval(otto, request))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("compliance or admin");
        assertThatThrownBy(() -> suppressions.approveRemoval(sam, request))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(suppressed()).isTrue();
        suppressions.approveRemoval(carla, request);
        assertThat(suppressed()).isFalse();
    }

    @Test
    void aRejectionKeepsTheSuppressionAndRequestsNeedAReasonAndOneAtATime() throws Exception {
        assertThatThrownBy(() -> suppressions.requestRemoval(olga, id, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> suppressions.requestRemoval(sam, id, "why not"))
                .isInstanceOf(PermissionDeniedException.class);
        long request = suppressions.requestRemoval(olga, id, "typo");
        assertThatThrownBy(() -> suppressions.requestRemoval(carla, id, "typo too"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending already");
        Actor otto = profiles.profile("otto", Role.OPERATOR);
        assertThatThrownBy(() -> suppressions.rejectRemoval(otto, request, "no"))
                .isInstanceOf(PermissionDeniedException.class);

        suppressions.rejectRemoval(carla, request, "the STOP reply is genuine");
        assertThat(suppressed()).isTrue();
        assertThat(suppressions.pendingRemovals()).isEmpty();
        assertThat(profiles.log.recent(1).getFirst().details()).startsWith("rejected request")
                .endsWith("the STOP reply is genuine");
        // a new request after a rejection, withdrawn by the one who asked
        long again = suppressions.requestRemoval(olga, id, "typo, with the ticket this time");
        suppressions.rejectRemoval(olga, again, null);
        assertThat(profiles.log.recent(1).getFirst().details()).startsWith("withdrawn");
        assertThatThrownBy(() -> suppressions.requestRemoval(olga, 999, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No suppression 999");
    }
}
