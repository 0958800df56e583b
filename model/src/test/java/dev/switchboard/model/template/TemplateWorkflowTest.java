package dev.switchboard.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateWorkflowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Template SMS = Template.sms("appt", "Appointment", "Hi {{first_name}}, see you {{when}}.");

    private static TemplateVersion inReview() {
        return TemplateWorkflow.submit(TemplateWorkflow.draft(SMS, "alice", T0), "alice", T0.plusSeconds(60));
    }

    private static TemplateVersion approved() {
        return TemplateWorkflow.approve(inReview(), "bob", SMS.contentHash(), T0.plusSeconds(120));
    }

    @Test
    void draftSubmitApproveBindsToTheContentHash() {
        TemplateVersion v = approved();
        assertThat(v.state()).isEqualTo(TemplateState.APPROVED);
        assertThat(v.approver()).isEqualTo("bob");
        assertThat(v.approvedContentHash()).isEqualTo(SMS.contentHash());
        assertThat(v.submittedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(v.decidedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(v.isApprovedFor(SMS.contentHash())).isTrue();
        assertThat(v.isApprovedFor(SMS.withContent(null, "other", null).contentHash())).isFalse();
    }

    @ParameterizedTest(name = "[{0}] cannot approve alice''s template")
    @CsvSource(textBlock = """
            alice
            ALICE
            ' alice '
            """)
    void theAuthorCannotApprove(String approver) {
        assertThatThrownBy(() -> TemplateWorkflow.approve(inReview(), approver, SMS.contentHash(), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another person");
        assertThatThrownBy(() -> TemplateWorkflow.reject(inReview(), approver, "no", T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void approvalOfAStaleHashIsRefused() {
        assertThatThrownBy(() -> TemplateWorkflow.approve(inReview(), "bob", "0".repeat(64), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed since it was reviewed");
    }

    @Test
    void onlyTheAuthorSubmits() {
        TemplateVersion d = TemplateWorkflow.draft(SMS, "alice", T0);
        assertThatThrownBy(() -> TemplateWorkflow.submit(d, "bob", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only the author");
    }

    @Test
    void editingAnApprovedTemplateMakesANewDraftWithoutTheApproval() {
        Template changed = SMS.withContent(null, "Hi {{first_name}}, see you {{when}}!", null);
        TemplateVersion v2 = TemplateWorkflow.edit(approved(), changed, "bob", T0.plusSeconds(300));
        assertThat(v2.state()).isEqualTo(TemplateState.DRAFT);
        assertThat(v2.template().version()).isEqualTo(2);
        assertThat(v2.author()).isEqualTo("bob");
        assertThat(v2.approver()).isNull();
        assertThat(v2.approvedContentHash()).isNull();
        assertThat(v2.isApprovedFor(changed.contentHash())).isFalse();
        // bob edited it, so bob cannot approve it: alice (or a third person) must
        TemplateVersion review = TemplateWorkflow.submit(v2, "bob", T0);
        assertThatThrownBy(() -> TemplateWorkflow.approve(review, "bob", changed.contentHash(), T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(TemplateWorkflow.approve(review, "alice", changed.contentHash(), T0).isApprovedFor(
                changed.contentHash())).isTrue();
    }

    @Test
    void editingARejectedTemplateMakesANewDraftVersion() {
        TemplateVersion rejected = TemplateWorkflow.reject(inReview(), "bob", "say which clinic", T0);
        assertThat(rejected.note()).isEqualTo("say which clinic");
        TemplateVersion v2 = TemplateWorkflow.edit(rejected, SMS.withContent(null, "At {{clinic}}", null), "alice",
                T0);
        assertThat(v2.state()).isEqualTo(TemplateState.DRAFT);
        assertThat(v2.template().version()).isEqualTo(2);
        assertThatThrownBy(() -> TemplateWorkflow.edit(rejected, SMS, "bob", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only the author");
    }

    @Test
    void aDraftIsEditedInPlaceByItsAuthor() {
        TemplateVersion d = TemplateWorkflow.draft(SMS, "alice", T0);
        TemplateVersion e = TemplateWorkflow.edit(d, SMS.withContent(null, "New", null), "alice", T0.plusSeconds(5));
        assertThat(e.template().textBody()).isEqualTo("New");
        assertThat(e.template().version()).isEqualTo(1);
        assertThat(e.createdAt()).isEqualTo(T0);
        assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void illegalTransitionsSayWhy() {
        assertThatThrownBy(() -> TemplateWorkflow.edit(inReview(), SMS, "alice", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in review");
        assertThatThrownBy(() -> TemplateWorkflow.submit(approved(), "alice", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("it is approved");
        assertThatThrownBy(() -> TemplateWorkflow.approve(TemplateWorkflow.draft(SMS, "alice", T0), "bob",
                SMS.contentHash(), T0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("draft");
        assertThatThrownBy(() -> TemplateWorkflow.retire(inReview(), "bob", T0))
                .isInstanceOf(IllegalStateException.class);
        TemplateVersion retired = TemplateWorkflow.retire(approved(), "carol", T0);
        assertThat(retired.state()).isEqualTo(TemplateState.RETIRED);
        assertThat(retired.isApprovedFor(SMS.contentHash())).isFalse();
        assertThatThrownBy(() -> TemplateWorkflow.edit(retired, SMS, "carol", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retired");
        assertThatThrownBy(() -> TemplateWorkflow.edit(approved(), Template.sms("other", "O", "x"), "carol", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("id or channel");
    }

    @Test
    void aVersionCannotClaimAnApprovalByItsAuthor() {
        assertThatThrownBy(() -> new TemplateVersion(SMS, TemplateState.APPROVED, "alice", "alice",
                SMS.contentHash(), null, T0, T0, T0, T0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
