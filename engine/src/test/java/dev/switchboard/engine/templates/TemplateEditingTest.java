package dev.switchboard.engine.templates;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.TemplateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates written in the console: drafts saved as versions, review with comments, four eyes, the approval bound to
 * the content hash the reviewer read, and the template's own audit trail.
 */
class TemplateEditingTest {
    private ProfileStore profiles;
    private TemplateService templates;
    private Actor carol;
    private Actor dan;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        templates = new TemplateService(new TemplateRepository(profiles.store), profiles.log, Clock.systemUTC());
        carol = profiles.profile("carol", Role.COMPLIANCE);
        dan = profiles.profile("dan", Role.COMPLIANCE);
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private static Template reminder(String body) {
        return Template.sms("reminder-sms", "Reminder", body);
    }

    @Test
    void anAuthorCannotApproveTheirOwnTemplateEvenWithTheRightHash() throws Exception {
        TemplateVersion draft = templates.saveDraft(carol, reminder("Hi {{first_name}}. Reply STOP to opt out."),
                Purpose.SERVICE);
        templates.submit(carol, "reminder-sms");

        assertThatThrownBy(() -> templates.approve(carol, "reminder-sms", draft.template().contentHash(), "fine"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("carol wrote this template");
        assertThat(templates.current("reminder-sms").orElseThrow().version().state())
                .isEqualTo(TemplateState.IN_REVIEW);
        assertThat(templates.trail("reminder-sms")).extracting(AuditEntry::action)
                .containsExactly("template.draft", "template.submit");
    }

    @Test
    void anApprovalBindsToTheHashReadAndKeepsTheComment() throws Exception {
        TemplateVersion draft = templates.saveDraft(carol, reminder("Hi {{first_name}}. Reply STOP to opt out."),
                Purpose.SERVICE);
        templates.submit(carol, "reminder-sms");
        assertThatThrownBy(() -> templates.approve(dan, "reminder-sms", "0".repeat(64), "ok"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("changed since it was reviewed");

        TemplateVersion approved = templates.approve(dan, "reminder-sms", draft.template().contentHash(),
                "  wording checked  ");
        assertThat(approved.state()).isEqualTo(TemplateState.APPROVED);
        assertThat(approved.approver()).isEqualTo("dan");
        assertThat(approved.note()).isEqualTo("wording checked");
        assertThat(approved.isApprovedFor(draft.template().contentHash())).isTrue();
        assertThat(templates.trail("reminder-sms")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("template.approve");
            assertThat(e.actor()).isEqualTo("dan");
            assertThat(e.details()).contains(draft.template().contentHash()).contains("comment: wording checked");
        });
    }

    @Test
    void editingAnApprovedTemplateMakesANewUnapprovedVersion() throws Exception {
        TemplateVersion v1 = templates.saveDraft(carol, reminder("Hi {{first_name}}. Reply STOP to opt out."),
                Purpose.SERVICE);
        templates.submit(carol, "reminder-sms");
        templates.approve(dan, "reminder-sms", v1.template().contentHash(), null);

        TemplateVersion v2 = templates.saveDraft(dan, reminder("Hello {{first_name}}. Reply STOP to opt out."),
                Purpose.SERVICE);

        assertThat(v2.template().version()).isEqualTo(2);
        assertThat(v2.state()).isEqualTo(TemplateState.DRAFT);
        assertThat(v2.author()).isEqualTo("dan");
        assertThat(v2.approvedContentHash()).isNull();
        assertThat(v2.isApprovedFor(v2.template().contentHash())).isFalse();
        assertThat(templates.versions("reminder-sms")).extracting(e -> e.version().template().version() + " "
                + e.version().state()).containsExactly("1 APPROVED", "2 DRAFT");
        // now carol may approve: the new version is dan's
        templates.submit(dan, "reminder-sms");
        assertThatThrownBy(() -> templates.approve(dan, "reminder-sms", v2.template().contentHash(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(templates.approve(carol, "reminder-sms", v2.template().contentHash(), null).state())
                .isEqualTo(TemplateState.APPROVED);
    }

    @Test
    void aDraftIsChangedInPlaceByItsAuthorOnlyAndAnUnchangedSaveRecordsNothing() throws Exception {
        templates.saveDraft(carol, reminder("Hi {{first_name}}."), Purpose.SERVICE);
        TemplateVersion again = templates.saveDraft(carol, reminder("Hi {{first_name}}!"), Purpose.SERVICE);
        assertThat(again.template().version()).isEqualTo(1);
        assertThat(templates.saveDraft(carol, reminder("Hi {{first_name}}!"), Purpose.SERVICE).template())
                .isEqualTo(again.template());
        assertThat(templates.trail("reminder-sms")).hasSize(2);

        assertThatThrownBy(() -> templates.saveDraft(dan, reminder("Hey"), Purpose.SERVICE))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Only the author (carol)");
        Actor olga = profiles.profile("olga", Role.OPERATOR);
        assertThatThrownBy(() -> templates.saveDraft(olga, reminder("Hey"), Purpose.SERVICE))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not write templates");
        assertThatThrownBy(() -> templates.saveDraft(carol, Template.sms("no spaces please", "X", "Hi"),
                Purpose.SERVICE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Template id");
    }

    @Test
    void aRejectionKeepsTheReasonAndTheTrailIsThisTemplatesOnly() throws Exception {
        templates.saveDraft(carol, reminder("Hi {{first_name}}."), Purpose.SERVICE);
        templates.saveDraft(carol, Template.sms("reminder-sms-2", "Other", "Hi"), Purpose.SERVICE);
        templates.submit(carol, "reminder-sms");
        assertThatThrownBy(() -> templates.reject(dan, "reminder-sms", "x".repeat(TemplateService.MAX_COMMENT + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Comment");
        TemplateVersion rejected = templates.reject(dan, "reminder-sms", "say which clinic");
        assertThat(rejected.note()).isEqualTo("say which clinic");

        assertThat(templates.trail("reminder-sms")).extracting(e -> e.action() + " " + e.subject())
                .containsExactly("template.draft template reminder-sms v1", "template.submit template reminder-sms v1",
                        "template.reject template reminder-sms v1");
        TemplateVersion v2 = templates.saveDraft(carol, reminder("Hi {{first_name}}, see you at {{location}}."),
                Purpose.SERVICE);
        assertThat(v2.template().version()).isEqualTo(2);
        assertThat(templates.trail("reminder-sms")).hasSize(4);
    }
}
