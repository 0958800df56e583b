package dev.switchboard.engine.templates;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PasswordHasher;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.TemplateRepository;
import dev.switchboard.persistence.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role rules of template review, on a fresh store, and the audit trail they leave. */
class TemplateReviewTest {
    private ProfileStore profiles;
    private Store store;
    private UserService users;
    private TemplateService templates;
    private AuditService audit;
    private Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        store = profiles.store;
        users = profiles.users;
        admin = profiles.admin;
        templates = new TemplateService(new TemplateRepository(store), profiles.log, Clock.systemUTC());
        audit = new AuditService(profiles.log);
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private Actor profile(String name, Role role) throws Exception {
        return profiles.profile(name, role);
    }

    @Test
    void theFirstProfileMustBeAnAdminAndOnlyAdminsAddProfiles() throws Exception {
        Actor operator = profile("olga", Role.OPERATOR);
        assertThatThrownBy(() -> users.add(operator, "mallory", Role.ADMIN, "whatever-1".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Only an admin");
        assertThatThrownBy(() -> users.authenticate("olga", "wrong-password".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("wrong password");
    }

    @Test
    void anAuthorCannotApproveTheirOwnTemplateAndAnOperatorCannotReview() throws Exception {
        Actor carol = profile("carol", Role.COMPLIANCE);
        Actor dan = profile("dan", Role.COMPLIANCE);
        Actor olga = profile("olga", Role.OPERATOR);
        templates.importFile(carol, TemplateFile.demo("offer-email"));
        templates.submit(carol, "offer-email");

        assertThatThrownBy(() -> templates.approve(carol, "offer-email"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("cannot approve it");
        assertThatThrownBy(() -> templates.approve(olga, "offer-email"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not review");
        assertThatThrownBy(() -> templates.importFile(olga, TemplateFile.demo("outage-sms")))
                .isInstanceOf(PermissionDeniedException.class);

        var approved = templates.approve(dan, "offer-email");
        assertThat(approved.state()).isEqualTo(TemplateState.APPROVED);
        assertThat(approved.isApprovedFor(approved.template().contentHash())).isTrue();
    }

    @Test
    void anEditMakesANewDraftAndVoidsTheApproval() throws Exception {
        Actor carol = profile("carol", Role.COMPLIANCE);
        Actor dan = profile("dan", Role.COMPLIANCE);
        templates.importFile(carol, TemplateFile.demo("outage-sms"));
        templates.submit(carol, "outage-sms");
        templates.approve(dan, "outage-sms");

        var edited = templates.importFile(carol, TemplateFile.demo("outage-sms"));
        assertThat(edited.template().version()).isEqualTo(2);
        assertThat(edited.state()).isEqualTo(TemplateState.DRAFT);
        assertThat(templates.all()).singleElement()
                .satisfies(s -> assertThat(s.version().state()).isEqualTo(TemplateState.DRAFT));
    }

    @Test
    void aNewStoreGetsTheDemoTemplatesApprovedByTwoDemoProfilesOnce() throws Exception {
        Store fresh = Store.inMemory();
        try {
            AuditLogRepository log = new AuditLogRepository(fresh);
            UserService u = new UserService(new UserRepository(fresh), log, new PasswordHasher(1_000),
                    Clock.systemUTC());
            TemplateService t = new TemplateService(new TemplateRepository(fresh), log, Clock.systemUTC());
            assertThat(DemoTemplates.seedIfNew(u, t)).isEqualTo(DemoTemplates.IDS.size());
            assertThat(t.all()).allSatisfy(s -> {
                assertThat(s.version().state()).isEqualTo(TemplateState.APPROVED);
                assertThat(s.version().author()).isEqualTo(DemoTemplates.AUTHOR);
                assertThat(s.version().approver()).isEqualTo(DemoTemplates.REVIEWER);
            });
            assertThat(DemoTemplates.seedIfNew(u, t)).isZero();
            assertThatThrownBy(() -> u.authenticate(DemoTemplates.REVIEWER, "!system-profile".toCharArray()))
                    .isInstanceOf(PermissionDeniedException.class);
            u.add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
            assertThat(new AuditService(log).verify().problem()).isEmpty();
        } finally {
            fresh.close();
        }
    }

    @Test
    void everyStepIsAuditedAndTamperingIsNamed() throws Exception {
        Actor carol = profile("carol", Role.COMPLIANCE);
        templates.importFile(carol, TemplateFile.demo("outage-sms"));
        templates.submit(carol, "outage-sms");
        AuditService.Verification ok = audit.verify();
        assertThat(ok.problem()).isEmpty();
        assertThat(ok.rows()).isEqualTo(4);
        assertThat(audit.recent(1).getFirst().action()).isEqualTo("template.submit");

        store.dsl().execute("update audit_log set details = 'role=ADMIN' where seq = 2");
        assertThat(audit.verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 2:"));
    }
}
