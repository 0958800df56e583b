package dev.switchboard.app.console.imports;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.app.console.imports.ImportWizardViewModel.Outcome;
import dev.switchboard.app.console.imports.ImportWizardViewModel.Step;
import dev.switchboard.app.console.testing.Samples;
import dev.switchboard.engine.contacts.ImportInputException;
import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.contact.PhoneType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWizardViewModelTest {
    private final FakeImporter importer = new FakeImporter();
    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ListSummary existing = new ListSummary(new ContactList(1, "Canada leads", "CA",
            Samples.mapping("id"), Samples.T0, Samples.T0), 10, null);
    private final ImportWizardViewModel vm = new ImportWizardViewModel(importer, tasks, dialogs, List.of(existing),
            () -> false);

    @Test
    void theListNameFollowsTheFileUntilTheUserTypesOne() {
        vm.filePathProperty().set("/data/spring-leads.csv");
        assertThat(vm.listNameProperty().get()).isEqualTo("spring-leads");

        vm.filePathProperty().set("/data/summer.csv");
        assertThat(vm.listNameProperty().get()).isEqualTo("summer");

        vm.listNameProperty().set("Summer 2025");
        vm.filePathProperty().set("/data/autumn.csv");
        assertThat(vm.listNameProperty().get()).isEqualTo("Summer 2025");
    }

    @Test
    void pickingAnExistingListTakesItsRegion() {
        assertThat(vm.regionProperty().get()).isEqualTo("US");
        assertThat(vm.listNames()).containsExactly("Canada leads");

        vm.listNameProperty().set("Canada leads");

        assertThat(vm.regionProperty().get()).isEqualTo("CA");
    }

    @Test
    void browseFillsTheFileField() {
        dialogs.answer(Path.of("/data/picked.csv"));

        vm.browse();

        assertThat(vm.filePathProperty().get()).isEqualTo(Path.of("/data/picked.csv").toString());
        assertThat(vm.listNameProperty().get()).isEqualTo("picked");
    }

    @Test
    void nextNeedsAFileAListNameAndATwoLetterRegion() {
        assertThat(vm.canGoNextProperty().get()).isFalse();
        vm.filePathProperty().set("/data/leads.csv");
        assertThat(vm.canGoNextProperty().get()).isTrue();
        vm.regionProperty().set("USA");
        assertThat(vm.canGoNextProperty().get()).isFalse();
        vm.regionProperty().set("gb");
        assertThat(vm.canGoNextProperty().get()).isTrue();
        vm.listNameProperty().set(" ");
        assertThat(vm.canGoNextProperty().get()).isFalse();
    }

    @Test
    void nextReadsThePreviewAndShowsTheDetectedMapping() {
        vm.filePathProperty().set("/data/leads.csv");

        vm.next();

        assertThat(vm.getStep()).isEqualTo(Step.PREVIEW);
        assertThat(importer.inspections).containsExactly(Path.of("/data/leads.csv") + " null null");
        assertThat(vm.mapping().rows()).extracting(MappingRow::header, MappingRow::getField)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("id", ContactField.EXTERNAL_KEY),
                        org.assertj.core.groups.Tuple.tuple("first_name", ContactField.FIRST_NAME),
                        org.assertj.core.groups.Tuple.tuple("phone", ContactField.PHONE),
                        org.assertj.core.groups.Tuple.tuple("email", ContactField.EMAIL));
        assertThat(vm.mapping().rows().get(2).sample()).isEqualTo("415 555 2671");
        assertThat(vm.mapping().problems()).isEmpty();
        assertThat(vm.canGoNextProperty().get()).isTrue();
    }

    @Test
    void anUnreadableFileIsShownOnTheFilePage() {
        importer.inspectFailure = new ImportInputException("The file /data/nope.csv does not exist.");
        vm.filePathProperty().set("/data/nope.csv");

        vm.next();

        assertThat(vm.getStep()).isEqualTo(Step.FILE);
        assertThat(vm.errorProperty().get()).isEqualTo("The file /data/nope.csv does not exist.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aBadMappingKeepsTheWizardFromGoingOnUntilItIsFixed() {
        toPreview();

        vm.mapping().rows().get(2).fieldProperty().set(ContactField.IGNORE);
        vm.mapping().rows().get(3).fieldProperty().set(ContactField.IGNORE);

        assertThat(vm.mapping().problems()).singleElement().asString().contains("no phone or email column");
        assertThat(vm.canGoNextProperty().get()).isFalse();

        vm.mapping().rows().get(2).fieldProperty().set(ContactField.PHONE);
        assertThat(vm.mapping().rows().get(2).getPhoneType()).isEqualTo(PhoneType.OTHER);
        assertThat(vm.mapping().problems()).isEmpty();
        assertThat(vm.canGoNextProperty().get()).isTrue();
    }

    @Test
    void mappingTwoColumnsToOneSingleFieldIsAProblem() {
        toPreview();

        vm.mapping().rows().get(1).fieldProperty().set(ContactField.EXTERNAL_KEY);

        assertThat(vm.mapping().problems()).singleElement().asString().contains("'id' and 'first_name'");
        assertThat(vm.mapping().rows().get(1).getPhoneType()).isNull();
    }

    @Test
    void changingTheDelimiterOrEncodingReadsTheFileAgain() {
        toPreview();

        vm.delimiterProperty().set(DelimiterChoice.SEMICOLON);
        vm.encodingProperty().set(EncodingChoice.WINDOWS_1252);

        assertThat(importer.inspections).containsExactly(
                Path.of("/data/leads.csv") + " null null",
                Path.of("/data/leads.csv") + " null ';'",
                Path.of("/data/leads.csv") + " windows-1252 ';'");
        assertThat(vm.previewProperty().get().delimiter()).isEqualTo(';');
        assertThat(vm.getStep()).isEqualTo(Step.PREVIEW);
    }

    @Test
    void theImportRunsWithTheMappingShownAndEndsOnTheSummary() {
        toPreview();
        vm.mapping().rows().get(2).phoneTypeProperty().set(PhoneType.HOME);

        vm.next();

        assertThat(importer.runs).singleElement().satisfies(r -> {
            assertThat(r.listName()).isEqualTo("leads");
            assertThat(r.defaultRegion()).isEqualTo("US");
            assertThat(r.delimiter()).isEqualTo(',');
            assertThat(r.mapping().columns().get(2).phoneType()).isEqualTo(PhoneType.HOME);
            assertThat(r.restart()).isFalse();
        });
        assertThat(vm.getStep()).isEqualTo(Step.SUMMARY);
        assertThat(vm.run().progressProperty().get().rowsDone()).isEqualTo(15);
        assertThat(vm.run().summaryProperty().get().inserted()).isEqualTo(10);
        assertThat(vm.run().runningProperty().get()).isFalse();

        vm.showRejected();
        assertThat(vm.outcomeProperty().get()).isEqualTo(new Outcome("leads", true, true));
    }

    @Test
    void aCancelledImportSaysHowToResume() {
        toPreview();
        importer.cancelAfterFirstReport = true;

        vm.next();

        assertThat(vm.getStep()).isEqualTo(Step.IMPORT);
        assertThat(vm.run().statusProperty().get()).isEqualTo("Cancelled — run the import again to resume");
        assertThat(vm.canGoBackProperty().get()).isTrue();
        assertThat(vm.close()).isTrue();
        assertThat(vm.outcomeProperty().get()).isEqualTo(new Outcome("leads", true, false));
    }

    @Test
    void cancelAsksTheRunningImportToStopAndTheWindowStaysOpen() {
        TestTaskRunner queued = TestTaskRunner.queued();
        ImportWizardViewModel wizard = new ImportWizardViewModel(importer, queued, dialogs, List.of(), () -> false);
        wizard.filePathProperty().set("/data/leads.csv");
        wizard.next();
        queued.runAll();
        wizard.next();
        assertThat(wizard.run().runningProperty().get()).isTrue();

        assertThat(wizard.close()).isFalse();
        assertThat(wizard.run().statusProperty().get()).isEqualTo("Cancelling…");
        queued.runAll();

        assertThat(importer.lastCancelled.getAsBoolean()).isTrue();
        assertThat(wizard.run().statusProperty().get()).isEqualTo(ImportRunModel.CANCELLED_TEXT);
        assertThat(wizard.run().runningProperty().get()).isFalse();
    }

    @Test
    void aFatalInputErrorIsShownInlineAndBackLeadsToThePreview() {
        toPreview();
        importer.runFailure = new ImportInputException("No column holds a phone number or an email address.");

        vm.next();

        assertThat(vm.getStep()).isEqualTo(Step.IMPORT);
        assertThat(vm.errorProperty().get()).isEqualTo("No column holds a phone number or an email address.");
        vm.back();
        assertThat(vm.getStep()).isEqualTo(Step.PREVIEW);
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void closingBeforeImportingChangesNothing() {
        vm.filePathProperty().set("/data/leads.csv");

        assertThat(vm.close()).isTrue();

        assertThat(vm.outcomeProperty().get().imported()).isFalse();
    }

    private void toPreview() {
        vm.filePathProperty().set("/data/leads.csv");
        vm.next();
        assertThat(vm.getStep()).isEqualTo(Step.PREVIEW);
    }
}
