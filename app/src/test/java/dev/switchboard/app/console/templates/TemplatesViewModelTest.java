package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.user.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.app.console.templates.FakeTemplatesBackend.actor;
import static org.assertj.core.api.Assertions.assertThat;

class TemplatesViewModelTest {
    private static final String REMINDER = "Hi {{first_name}}, see you at {{clinic}} on {{appointment_time}}."
            + " Reply STOP to opt out.";

    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeReview review = new FakeReview();
    private final Session session = new Session(actor("carol", Role.COMPLIANCE));
    private FakeTemplatesBackend backend = new FakeTemplatesBackend();

    /** Answers the review dialogs from queues and records what they were asked. */
    static final class FakeReview implements ReviewDialogs {
        final Deque<String> comments = new ArrayDeque<>();
        final Deque<NewTemplate> created = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> comment(String title, String message, String action, boolean required) {
            asked.add(title + ": " + message);
            return Optional.ofNullable(comments.poll());
        }

        @Override
        public Optional<NewTemplate> newTemplate() {
            asked.add("new template");
            return Optional.ofNullable(created.poll());
        }
    }

    private TemplatesViewModel open() {
        TemplatesViewModel vm = new TemplatesViewModel(backend, tasks, dialogs, review, session);
        vm.refresh();
        tasks.fireTimers();
        return vm;
    }

    private static List<String> codes(TemplatesViewModel vm) {
        return vm.findings().stream().map(f -> f.finding().code()).toList();
    }

    @Test
    void opensTheFirstTemplateAndPreviewsItForEachContactOfTheList() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "carol", "dan");
        TemplatesViewModel vm = open();

        assertThat(vm.templateIdProperty().get()).isEqualTo("reminder-sms");
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.APPROVED);
        assertThat(vm.listProperty().get()).isEqualTo(FakeTemplatesBackend.PATIENTS);
        assertThat(vm.contactPositionProperty().get()).isEqualTo("1 of 3");
        assertThat(vm.previewTextProperty().get()).isEqualTo("Hi Ann, see you at Midtown on Tue 10:30. Reply STOP"
                + " to opt out.");
        assertThat(vm.smsInfoProperty().get()).isEqualTo("GSM-7 · 1 segment · 63 chars for P-1");
        assertThat(vm.findings()).isEmpty();

        vm.nextContact();
        tasks.fireTimers();
        assertThat(vm.contactPositionProperty().get()).isEqualTo("2 of 3");
        assertThat(vm.previewTextProperty().get()).startsWith("Hi Bo, see you at Loop");
        vm.nextContact();
        vm.nextContact();
        tasks.fireTimers();
        assertThat(vm.contactPositionProperty().get()).isEqualTo("3 of 3");
        assertThat(vm.previewTextProperty().get()).isNull();
        assertThat(vm.previewProblemProperty().get()).isEqualTo("Does not render for P-3: {{clinic}} is empty");
        vm.previousContact();
        tasks.fireTimers();
        assertThat(vm.previewTextProperty().get()).startsWith("Hi Bo");
        assertThat(vm.coverage().coverageProperty().get().failing()).isEqualTo(1);
        assertThat(vm.coverage().statusProperty().get()).isEqualTo("2 of 3 contacts of Patients render; 1 would fail.");
    }

    @Test
    void aVariableTheListLacksIsCaughtThenFixedSubmittedAndApprovedByAnotherProfile() {
        TemplatesViewModel vm = open();
        review.created.add(new ReviewDialogs.NewTemplate("visit-sms", "Visit", Channel.SMS, Purpose.SERVICE));
        vm.newTemplate();
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.editableProperty().get()).isTrue();

        vm.textBodyProperty().set("Hi {{first_name}}, your visit at {{clinic_name}}. Reply STOP to opt out.");
        assertThat(vm.analysingProperty().get()).isTrue();
        tasks.fireTimers();
        assertThat(codes(vm)).containsExactly("UNKNOWN_VARIABLE");
        assertThat(vm.findings().getFirst().location()).isEqualTo(new TemplateText.Location(TemplateText.Field.TEXT,
                33, 48));
        assertThat(vm.coverage().coverageProperty().get().byVariable()).containsOnlyKeys("clinic_name");
        assertThat(vm.coverage().coverageProperty().get().failing()).isEqualTo(3);

        vm.save();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.DRAFT);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved version 1 as a draft.");
        tasks.fireTimers();
        assertThat(vm.submitBlockedProperty().get()).isEqualTo("Fix the lint error first.");

        vm.textBodyProperty().set("Hi {{first_name}}, your visit at {{clinic}}. Reply STOP to opt out.");
        tasks.fireTimers();
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.submitBlockedProperty().get()).isEqualTo("Save your changes first.");
        vm.save();
        tasks.fireTimers();
        assertThat(vm.loadedProperty().get().template().version()).isEqualTo(1);
        vm.submit();
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.IN_REVIEW);
        assertThat(vm.approveBlockedProperty().get()).isEqualTo("You wrote version 1; another person must approve"
                + " it.");
        assertThat(vm.editableProperty().get()).isFalse();

        session.signIn(actor("dan", Role.COMPLIANCE));
        assertThat(vm.approveBlockedProperty().get()).isNull();
        assertThat(vm.rejectBlockedProperty().get()).isNull();
        review.comments.add("clinic wording ok");
        vm.approve();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(review.asked.getLast()).contains("Approve \"Visit\"").contains("version 1 by carol");
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.APPROVED);
        assertThat(vm.loadedProperty().get().approver()).isEqualTo("dan");
        assertThat(vm.loadedProperty().get().note()).isEqualTo("clinic wording ok");
        assertThat(vm.history().trail()).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("template.draft by carol", "template.draft by carol", "template.submit by carol",
                        "template.approve by dan");
        assertThat(vm.templates()).extracting(e -> e.version().state()).containsExactly(TemplateState.APPROVED);
    }

    @Test
    void theAuthorIsNotOfferedApprovalAndIsToldWhy() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "carol", null);
        backend.submit(actor("carol", Role.COMPLIANCE), "reminder-sms");
        TemplatesViewModel vm = open();

        assertThat(vm.approveBlockedProperty().get()).contains("You wrote version 1");
        assertThat(vm.rejectBlockedProperty().get()).contains("another person must reject it");
        vm.approve();
        assertThat(review.asked).isEmpty();
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.IN_REVIEW);

        session.signIn(actor("olga", Role.OPERATOR));
        assertThat(vm.approveBlockedProperty().get()).isEqualTo("Reviewing takes a compliance or admin profile; olga"
                + " is operator.");
        assertThat(vm.saveBlockedProperty().get()).isEqualTo("Your profile (operator) may not write templates.");
        assertThat(vm.editableProperty().get()).isFalse();
    }

    @Test
    void editingAnApprovedTemplateSavesANewDraftVersionAndTheDiffShowsTheChange() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "dan", "erin");
        TemplatesViewModel vm = open();
        assertThat(vm.submitBlockedProperty().get()).isEqualTo("Only a draft can be submitted; version 1 is"
                + " approved.");

        vm.textBodyProperty().set(REMINDER + "\nSee you soon.");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.saveBlockedProperty().get()).isNull();
        vm.save();
        tasks.fireTimers();

        assertThat(vm.loadedProperty().get().template().version()).isEqualTo(2);
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.DRAFT);
        assertThat(vm.loadedProperty().get().author()).isEqualTo("carol");
        assertThat(vm.loadedProperty().get().approvedContentHash()).isNull();
        assertThat(vm.history().versions()).hasSize(2);
        assertThat(vm.history().diff()).filteredOn(l -> l.kind() != LineDiff.Kind.SAME)
                .containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "See you soon."));
        assertThat(vm.history().diffSummaryProperty().get()).isEqualTo("Version 1 → 2: 1 added, 0 removed lines");
    }

    @Test
    void aRejectionNeedsAReasonAndCancellingChangesNothing() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "dan", null);
        backend.submit(actor("dan", Role.COMPLIANCE), "reminder-sms");
        TemplatesViewModel vm = open();

        vm.reject();
        assertThat(review.asked).hasSize(1);
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.IN_REVIEW);

        review.comments.add("name the clinic's address");
        vm.reject();
        assertThat(vm.loadedProperty().get().state()).isEqualTo(TemplateState.REJECTED);
        assertThat(vm.loadedProperty().get().note()).isEqualTo("name the clinic's address");
        assertThat(vm.messageProperty().get()).isEqualTo("Rejected version 1; dan can edit it.");
        assertThat(vm.editableProperty().get()).as("only dan edits a rejected version of his").isFalse();
    }

    @Test
    void charactersOutsideGsm7MakeTheSmsUcs2AndLintWarns() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "carol", null);
        TemplatesViewModel vm = open();
        vm.textBodyProperty().set("Hi {{first_name}} \u201Csee you\u201D. Reply STOP to opt out.");
        assertThat(vm.smsInfoProperty().get()).startsWith("GSM-7");
        tasks.fireTimers();
        assertThat(vm.ucs2Property().get()).isTrue();
        assertThat(vm.smsInfoProperty().get()).isEqualTo("UCS-2 · 1 segment · 40 chars for P-1");
        assertThat(codes(vm)).containsExactly("SMS_UCS2");
        assertThat(vm.findings().getFirst().location().start()).isEqualTo(18);
        assertThat(vm.submitBlockedProperty().get()).isEqualTo("Save your changes first.");
    }

    @Test
    void analysisWaitsForAPauseInTyping() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "carol", null);
        TemplatesViewModel vm = open();
        int before = backend.coverageRuns;
        vm.textBodyProperty().set("Hi {{first_name}}, {{x");
        vm.textBodyProperty().set("Hi {{first_name}}, {{xy}}");
        vm.textBodyProperty().set("Hi {{first_name}}, {{xyz}}");
        assertThat(vm.findings()).isEmpty();
        assertThat(tasks.fireTimers()).isEqualTo(1);
        assertThat(codes(vm)).contains("UNKNOWN_VARIABLE");
        assertThat(backend.coverageRuns).isEqualTo(before + 1);
    }

    @Test
    void campaignValuesOfACampaignOnTheListFillCampaignVariables() throws Exception {
        backend.with(Template.sms("brand-sms", "Brand", "{{company_name}}: hi {{first_name}}. Reply STOP to opt"
                + " out."), "carol", null);
        TemplatesViewModel vm = open();
        assertThat(vm.valuesProperty().get()).isEqualTo(FakeTemplatesBackend.REMINDERS);
        assertThat(vm.previewTextProperty().get()).isEqualTo("Acme Health: hi Ann. Reply STOP to opt out.");
        assertThat(vm.knownProperty().get()).contains("company_name", "clinic");
        assertThat(vm.completions()).contains("clinic", "company_name");

        vm.valuesProperty().set(TemplatesBackend.CampaignValues.NONE);
        tasks.fireTimers();
        assertThat(codes(vm)).containsExactly("UNKNOWN_VARIABLE");
        assertThat(vm.previewProblemProperty().get()).isEqualTo("Does not render for P-1: no value for"
                + " {{company_name}}");
    }

    @Test
    void aNewTemplateNeedsAFreeUsableId() throws Exception {
        backend.with(Template.sms("reminder-sms", "Reminder", REMINDER), "carol", null);
        TemplatesViewModel vm = open();
        review.created.add(new ReviewDialogs.NewTemplate("Reminder-SMS", "Again", Channel.SMS, Purpose.SERVICE));
        vm.newTemplate();
        assertThat(dialogs.errors()).containsExactly("New template: Template id: \"Reminder-SMS\" is taken; open that"
                + " template or choose another id.");
        review.created.add(new ReviewDialogs.NewTemplate("has space", "Again", Channel.SMS, Purpose.SERVICE));
        vm.newTemplate();
        assertThat(dialogs.errors().getLast()).startsWith("New template: Template id: \"has space\" is not usable");
        assertThat(vm.templateIdProperty().get()).isEqualTo("reminder-sms");
    }

    @Test
    void unsavedChangesAreKeptUnlessTheUserDiscardsThem() throws Exception {
        backend.with(Template.sms("a-sms", "A", REMINDER), "carol", null);
        backend.with(Template.sms("b-sms", "B", REMINDER), "carol", null);
        TemplatesViewModel vm = open();
        assertThat(vm.templateIdProperty().get()).isEqualTo("a-sms");
        vm.textBodyProperty().set("changed");

        vm.selectedProperty().set(vm.templates().get(1));
        assertThat(dialogs.questions()).hasSize(1);
        assertThat(vm.templateIdProperty().get()).isEqualTo("a-sms");
        assertThat(vm.selectedProperty().get().version().template().id()).isEqualTo("a-sms");
        assertThat(vm.textBodyProperty().get()).isEqualTo("changed");

        dialogs.answerAsk(true);
        vm.selectedProperty().set(vm.templates().get(1));
        assertThat(vm.templateIdProperty().get()).isEqualTo("b-sms");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void anEmailHasASubjectAndTheLintPointsIntoIt() throws Exception {
        backend.with(Template.email("offer-email", "Offer", "Hi {{first_name}} from {{brand}}", "Hello {{first_name}}",
                null), "carol", null);
        TemplatesViewModel vm = open();
        assertThat(vm.smsInfoProperty().get()).isNull();
        assertThat(vm.previewSubjectProperty().get()).isNull();
        assertThat(codes(vm)).containsExactly("UNKNOWN_VARIABLE");
        assertThat(vm.findings().getFirst().location()).isEqualTo(new TemplateText.Location(
                TemplateText.Field.SUBJECT, 23, 32));
        vm.subjectProperty().set("Hi {{first_name}}");
        tasks.fireTimers();
        assertThat(vm.previewSubjectProperty().get()).isEqualTo("Hi Ann");
        assertThat(vm.previewTextProperty().get()).isEqualTo("Hello Ann");
    }
}
