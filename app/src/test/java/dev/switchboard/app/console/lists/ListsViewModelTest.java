package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.FakeDialogService;
import dev.switchboard.app.console.common.LazyRow;
import dev.switchboard.app.console.common.PagedList;
import dev.switchboard.app.console.common.TestTaskRunner;
import dev.switchboard.app.console.imports.ImportWizardViewModel.Outcome;
import dev.switchboard.app.console.testing.FakeDirectory;
import dev.switchboard.app.console.testing.Samples;
import dev.switchboard.model.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ListsViewModelTest {
    private final FakeDirectory directory = new FakeDirectory()
            .add(Samples.summary(1, "Spring leads", 1200, 2),
                    Samples.rejected(10, 4, "phone", "555-0123", "fictional number (555-01xx)"),
                    Samples.warning(10, 6, "email", "ada@", "not an email address; dropped"),
                    Samples.rejected(10, 9, "phone", "911", "emergency number"))
            .add(Samples.summary(2, "Renewals", 30, 0));
    private final TestTaskRunner tasks = TestTaskRunner.immediate();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ListsViewModel vm = new ListsViewModel(directory, tasks, dialogs);
    private final ListDetailViewModel detail = vm.detail();

    @Test
    void refreshReadsTheListsAndSelectsTheFirst() {
        vm.refresh();

        assertThat(vm.lists()).extracting(s -> s.list().name()).containsExactly("Spring leads", "Renewals");
        assertThat(vm.selectedProperty().get().list().name()).isEqualTo("Spring leads");
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(detail.headerProperty().get().name()).isEqualTo("Spring leads");
        assertThat(detail.headerProperty().get().details()).isEqualTo("Region US · 1,200 contacts");
        assertThat(detail.headerProperty().get().rejected()).isEqualTo("2");
    }

    @Test
    void noListsIsTheEmptyState() {
        ListsViewModel none = new ListsViewModel(new FakeDirectory(), tasks, dialogs);
        assertThat(none.emptyProperty().get()).isFalse();

        none.refresh();

        assertThat(none.emptyProperty().get()).isTrue();
        assertThat(none.selectedProperty().get()).isNull();
    }

    @Test
    void theSelectedListShowsItsContactsAndIssuesAsPagedLists() {
        vm.refresh();

        PagedList<Contact> contacts = detail.contactsProperty().get();
        assertThat(contacts).hasSize(1200);
        assertThat(detail.contactsTextProperty().get()).isEqualTo("1,200 contacts");
        assertThat(detail.rejectedProperty().get()).hasSize(2);
        assertThat(detail.issuesProperty().get()).hasSize(3);
        LazyRow<Contact> row = contacts.get(250);
        assertThat(row.getValue().data().externalKey()).isEqualTo("C-000250");
        assertThat(directory.calls()).contains("contacts(1, null, 200, 200)")
                .noneMatch(c -> c.startsWith("contacts(1, null, 0,"));
    }

    @Test
    void searchWaitsForTheTypingToPauseThenCountsOnce() {
        vm.refresh();
        PagedList<Contact> before = detail.contactsProperty().get();
        directory.calls().clear();

        detail.filterTextProperty().set("c");
        detail.filterTextProperty().set("c-");
        detail.filterTextProperty().set("c-0001");
        assertThat(directory.calls()).isEmpty();

        assertThat(tasks.fireTimers()).isEqualTo(1);

        assertThat(directory.calls()).containsExactly("countContacts(1, c-0001)");
        assertThat(detail.contactsProperty().get()).hasSize(100).isNotSameAs(before);
        assertThat(before.isDisposed()).isTrue();
        assertThat(detail.contactsTextProperty().get()).isEqualTo("100 of 1,200 contacts match");
    }

    @Test
    void aCountThatArrivesAfterANewerSearchIsDropped() {
        TestTaskRunner queued = TestTaskRunner.queued();
        ListsViewModel lists = new ListsViewModel(directory, queued, dialogs);
        lists.refresh();
        queued.runAll();
        ListDetailViewModel d = lists.detail();

        d.filterTextProperty().set("C-0001");
        queued.fireTimers();
        d.filterTextProperty().set("C-00001");
        queued.fireTimers();
        queued.runNext();
        assertThat(d.contactsProperty().get()).hasSize(1200);
        queued.runAll();

        assertThat(d.contactsProperty().get()).hasSize(10);
        assertThat(d.matchingProperty().get()).isEqualTo(10);
    }

    @Test
    void anotherListStartsUnfilteredOnItsContactsButARefreshKeepsBoth() {
        vm.refresh();
        detail.filterTextProperty().set("C-0001");
        tasks.fireTimers();
        detail.selectTab(ListDetailViewModel.Tab.ISSUES);

        vm.refresh();
        assertThat(detail.filterTextProperty().get()).isEqualTo("C-0001");
        assertThat(detail.contactsProperty().get()).hasSize(100);
        assertThat(detail.tabProperty().get()).isEqualTo(ListDetailViewModel.Tab.ISSUES);

        vm.selectedProperty().set(vm.lists().get(1));
        assertThat(detail.filterTextProperty().get()).isEmpty();
        assertThat(detail.contactsProperty().get()).hasSize(30);
        assertThat(detail.tabProperty().get()).isEqualTo(ListDetailViewModel.Tab.CONTACTS);
        assertThat(tasks.fireTimers()).isZero();
    }

    @Test
    void afterAnImportTheListIsSelectedOnTheTabAskedFor() {
        vm.refresh();

        vm.afterImport(new Outcome("Renewals", true, true));

        assertThat(vm.selectedProperty().get().list().name()).isEqualTo("Renewals");
        assertThat(detail.tabProperty().get()).isEqualTo(ListDetailViewModel.Tab.REJECTED);
    }

    @Test
    void aWizardClosedWithoutImportingChangesNothing() {
        vm.refresh();
        directory.calls().clear();

        vm.afterImport(new Outcome("Renewals", false, false));

        assertThat(directory.calls()).isEmpty();
        assertThat(vm.selectedProperty().get().list().name()).isEqualTo("Spring leads");
    }

    @Test
    void exportVerdictsWritesWhereTheUserChose(@TempDir Path dir) throws Exception {
        vm.refresh();
        Path target = dir.resolve("verdicts.csv");
        dialogs.answer(target);

        detail.exportVerdicts();

        assertThat(dialogs.asked()).containsExactly("Export verdicts: Spring leads-verdicts.csv");
        assertThat(Files.readAllLines(target)).hasSize(3).first().asString().startsWith("line,record");
        assertThat(detail.messageProperty().get()).isEqualTo("Verdicts written to " + target);
    }

    @Test
    void aFailedExportIsShownAsAnError(@TempDir Path dir) {
        vm.refresh();
        dialogs.answer(dir.resolve("missing-folder").resolve("verdicts.csv"));

        detail.exportVerdicts();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not export the verdicts: Writing");
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() {
        vm.refresh();
        int before = tasks.started();

        detail.exportVerdicts();

        assertThat(tasks.started()).isEqualTo(before);
    }
}
