package dev.switchboard.engine.contacts;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.persistence.ContactListRepository;
import dev.switchboard.persistence.ContactRepository;
import dev.switchboard.persistence.ImportRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ContactDirectory} over the local store. */
public final class StoreContactDirectory implements ContactDirectory {
    private final ContactListRepository lists;
    private final ContactRepository contacts;
    private final ImportRepository imports;

    public StoreContactDirectory(ContactListRepository lists, ContactRepository contacts, ImportRepository imports) {
        this.lists = lists;
        this.contacts = contacts;
        this.imports = imports;
    }

    @Override
    public List<ListSummary> lists() {
        return lists.all().stream().map(this::summary).toList();
    }

    @Override
    public Optional<ListSummary> list(String name) {
        return lists.byName(name).map(this::summary);
    }

    private ListSummary summary(ContactList l) {
        return new ListSummary(l, lists.contactCount(l.id()), imports.latest(l.id()).orElse(null));
    }

    @Override
    public long countContacts(long listId, ContactFilter filter) {
        return contacts.count(listId, filter.text());
    }

    @Override
    public List<Contact> contacts(long listId, ContactFilter filter, long offset, int limit) {
        return contacts.page(listId, filter.text(), offset, limit);
    }

    @Override
    public Optional<Contact> contact(long id) {
        return contacts.byId(id);
    }

    @Override
    public List<Contact> contactsAfter(long listId, long afterId, int limit) {
        return contacts.pageAfter(listId, afterId, limit);
    }

    @Override
    public List<ImportRecord> imports(long listId) {
        return imports.forList(listId);
    }

    @Override
    public long countIssues(long importId, boolean rejectedOnly) {
        return imports.countIssues(importId, rejectedOnly);
    }

    @Override
    public List<ImportIssue> issues(long importId, boolean rejectedOnly, long offset, int limit) {
        return imports.issues(importId, rejectedOnly, offset, limit);
    }

    @Override
    public void exportVerdicts(long importId, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord("line", "record", "external_key", "verdict", "column", "reason");
        try {
            imports.forEachVerdict(importId, v -> csv.writeRecord(
                    Long.toString(v.lineNo()),
                    Long.toString(v.recordNo()),
                    CsvCells.safe(v.externalKey()),
                    v.verdict().name().toLowerCase(java.util.Locale.ROOT),
                    CsvCells.safe(v.issues().stream().map(i -> i.column() == null ? "" : i.column())
                            .collect(Collectors.joining("; "))),
                    CsvCells.safe(v.issues().stream().map(StoreContactDirectory::describe)
                            .collect(Collectors.joining("; ")))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static String describe(RowIssue i) {
        return (i.severity() == RowIssue.Severity.WARNING ? "warning: " : "") + i.reason();
    }
}
