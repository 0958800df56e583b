package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.PagedList;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.contacts.ContactFilter;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The right side of the Lists screen: one list's header, its contacts (filtered by the search text, debounced) and
 * the issues of its last import, each as a {@link PagedList} that reads only the pages a table shows.
 */
public final class ListDetailViewModel {
    static final Duration SEARCH_DELAY = Duration.ofMillis(250);

    /** The tabs under the header. */
    public enum Tab { CONTACTS, REJECTED, ISSUES }

    private final ContactDirectory directory;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<ListSummary> list = new ReadOnlyObjectWrapper<>(this, "list");
    private final ReadOnlyObjectWrapper<ListHeader> header = new ReadOnlyObjectWrapper<>(this, "header",
            ListHeader.NONE);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyObjectWrapper<PagedList<Contact>> contacts;
    private final ReadOnlyObjectWrapper<PagedList<ImportIssue>> rejected;
    private final ReadOnlyObjectWrapper<PagedList<ImportIssue>> issues;
    private final ReadOnlyLongWrapper matching = new ReadOnlyLongWrapper(this, "matching");
    private final ReadOnlyStringWrapper contactsText = new ReadOnlyStringWrapper(this, "contactsText", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.CONTACTS);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Cancellable pendingSearch = Cancellable.NONE;
    private java.util.function.BiConsumer<String, String> timelineOpener;
    private int contactsTicket;
    private int issuesTicket;

    public ListDetailViewModel(ContactDirectory directory, TaskRunner tasks, DialogService dialogs) {
        this.directory = directory;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.contacts = new ReadOnlyObjectWrapper<>(this, "contacts", PagedList.empty(tasks));
        this.rejected = new ReadOnlyObjectWrapper<>(this, "rejected", PagedList.empty(tasks));
        this.issues = new ReadOnlyObjectWrapper<>(this, "issues", PagedList.empty(tasks));
        filterText.addListener((obs, was, now) -> {
            pendingSearch.cancel();
            pendingSearch = tasks.later(SEARCH_DELAY, this::loadContacts);
        });
    }

    /** What opens a contact's timeline (list name, external key); without one, timelines are not offered. */
    public void setTimelineOpener(java.util.function.BiConsumer<String, String> opener) {
        this.timelineOpener = opener;
    }

    /** Whether a contact's timeline can be opened from here. */
    public boolean canOpenTimeline() {
        return timelineOpener != null;
    }

    /** Opens the timeline of {@code contact} of the shown list (nothing when no list is shown or none is given). */
    public void openTimeline(Contact contact) {
        ListSummary shown = list.get();
        if (timelineOpener != null && shown != null && contact != null) {
            timelineOpener.accept(shown.list().name(), contact.data().externalKey());
        }
    }

    /** Shows {@code summary} (null shows nothing): its header now, its rows as they are counted. */
    void show(ListSummary summary) {
        ListSummary before = list.get();
        if (summary == null || before == null || before.list().id() != summary.list().id()) {
            // another list: start unfiltered, on its contacts (a refresh of the same list keeps both)
            filterText.set("");
            tab.set(Tab.CONTACTS);
        }
        list.set(summary);
        header.set(ListHeader.of(summary));
        message.set("");
        pendingSearch.cancel();
        loadContacts();
        loadIssues();
    }

    /** Selects a tab, e.g. the rejected rows after an import. */
    public void selectTab(Tab which) {
        tab.set(which);
    }

    private void loadContacts() {
        int mine = ++contactsTicket;
        ListSummary summary = list.get();
        if (summary == null) {
            replace(contacts, PagedList.empty(tasks));
            matching.set(0);
            contactsText.set("");
            return;
        }
        long listId = summary.list().id();
        String text = filterText.get() == null ? "" : filterText.get().strip();
        ContactFilter filter = text.isEmpty() ? ContactFilter.ALL : new ContactFilter(text);
        searching.set(true);
        tasks.task(() -> directory.countContacts(listId, filter))
                .onSuccess(count -> {
                    if (mine == contactsTicket) {
                        replace(contacts, PagedList.of(count,
                                (offset, limit) -> directory.contacts(listId, filter, offset, limit), tasks));
                        matching.set(count);
                        contactsText.set(filter.isAll() ? Formats.count(count, "contact", "contacts")
                                : Formats.count(count) + " of " + Formats.count(summary.contacts(), "contact",
                                "contacts") + " match");
                    }
                })
                .onFailure(e -> {
                    if (mine == contactsTicket) {
                        contactsText.set("Could not read the contacts: " + e.getMessage());
                    }
                })
                .andFinally(() -> {
                    if (mine == contactsTicket) {
                        searching.set(false);
                    }
                })
                .start();
    }

    private void loadIssues() {
        int mine = ++issuesTicket;
        ImportRecord last = list.get() == null ? null : list.get().lastImport();
        if (last == null) {
            replace(rejected, PagedList.empty(tasks));
            replace(issues, PagedList.empty(tasks));
            return;
        }
        long importId = last.id();
        tasks.task(() -> new long[] {directory.countIssues(importId, true), directory.countIssues(importId, false)})
                .onSuccess(counts -> {
                    if (mine == issuesTicket) {
                        replace(rejected, PagedList.of(counts[0],
                                (offset, limit) -> directory.issues(importId, true, offset, limit), tasks));
                        replace(issues, PagedList.of(counts[1],
                                (offset, limit) -> directory.issues(importId, false, offset, limit), tasks));
                    }
                })
                .start();
    }

    private static <T> void replace(ReadOnlyObjectWrapper<PagedList<T>> holder, PagedList<T> next) {
        PagedList<T> before = holder.get();
        holder.set(next);
        before.dispose();
    }

    /** Asks where to write the last import's verdicts, then writes them in the background. */
    public void exportVerdicts() {
        ListSummary summary = list.get();
        if (summary == null || summary.lastImport() == null) {
            return;
        }
        long importId = summary.lastImport().id();
        dialogs.chooseFileToSave("Export verdicts", summary.list().name() + "-verdicts.csv").ifPresent(path ->
                tasks.task(() -> write(importId, path))
                        .onSuccess(p -> message.set("Verdicts written to " + p))
                        .onFailure(e -> dialogs.showError("Could not export the verdicts",
                                "Writing " + path + " failed: " + e.getMessage()))
                        .start());
    }

    private Path write(long importId, Path path) throws Exception {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            directory.exportVerdicts(importId, out);
        }
        return path;
    }

    public ReadOnlyObjectProperty<ListSummary> listProperty() {
        return list.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ListHeader> headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** The search text; the contacts are counted and read again {@link #SEARCH_DELAY} after the last change. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<PagedList<Contact>> contactsProperty() {
        return contacts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PagedList<ImportIssue>> rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    /** Every issue of the last import: rejected rows and the values dropped from accepted rows. */
    public ReadOnlyObjectProperty<PagedList<ImportIssue>> issuesProperty() {
        return issues.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** {@code 1,204 contacts} or {@code 3 of 1,204 contacts match}. */
    public ReadOnlyStringProperty contactsTextProperty() {
        return contactsText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /** The outcome of the last action (e.g. an export), for the screen's footer. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
