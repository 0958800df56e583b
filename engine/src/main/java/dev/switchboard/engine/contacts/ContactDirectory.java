package dev.switchboard.engine.contacts;

import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Read access to lists, contacts and import verdicts. Every method does IO: call it off the FX thread.
 * Pages are read from the store as asked; nothing loads a whole list.
 */
public interface ContactDirectory {

    List<ListSummary> lists();

    Optional<ListSummary> list(String name);

    long countContacts(long listId, ContactFilter filter);

    /** Contacts in store order (oldest first), {@code limit} at most from {@code offset}. */
    List<Contact> contacts(long listId, ContactFilter filter, long offset, int limit);

    /** Up to {@code limit} contacts with ids above {@code afterId}, in id order: for walking a whole list. */
    List<Contact> contactsAfter(long listId, long afterId, int limit);

    /** One contact by its store id. */
    Optional<Contact> contact(long id);

    List<ImportRecord> imports(long listId);

    /** Issues of one import; {@code rejectedOnly} leaves out warnings about dropped values. */
    long countIssues(long importId, boolean rejectedOnly);

    List<ImportIssue> issues(long importId, boolean rejectedOnly, long offset, int limit);

    /**
     * Writes one CSV row per data row of the import ({@code line,record,external_key,verdict,column,reason}), in
     * file order. Cells that a spreadsheet would execute are escaped.
     */
    void exportVerdicts(long importId, Writer out) throws IOException;
}
