package dev.switchboard.app.console.testing;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.contacts.ContactFilter;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Passes every call on, and counts the contact rows read and the page reads that returned them. */
public final class CountingDirectory implements ContactDirectory {
    private final ContactDirectory delegate;
    private final AtomicLong rowsFetched = new AtomicLong();
    private final AtomicLong pageReads = new AtomicLong();

    public CountingDirectory(ContactDirectory delegate) {
        this.delegate = delegate;
    }

    public long rowsFetched() {
        return rowsFetched.get();
    }

    public long pageReads() {
        return pageReads.get();
    }

    @Override
    public List<ListSummary> lists() {
        return delegate.lists();
    }

    @Override
    public Optional<ListSummary> list(String name) {
        return delegate.list(name);
    }

    @Override
    public long countContacts(long listId, ContactFilter filter) {
        return delegate.countContacts(listId, filter);
    }

    @Override
    public java.util.Optional<Contact> contact(long id) {
        return delegate.contact(id);
    }

    @Override
    public List<Contact> contactsAfter(long listId, long afterId, int limit) {
        List<Contact> page = delegate.contactsAfter(listId, afterId, limit);
        pageReads.incrementAndGet();
        rowsFetched.addAndGet(page.size());
        return page;
    }

    @Override
    public List<Contact> contacts(long listId, ContactFilter filter, long offset, int limit) {
        List<Contact> page = delegate.contacts(listId, filter, offset, limit);
        pageReads.incrementAndGet();
        rowsFetched.addAndGet(page.size());
        return page;
    }

    @Override
    public List<ImportRecord> imports(long listId) {
        return delegate.imports(listId);
    }

    @Override
    public long countIssues(long importId, boolean rejectedOnly) {
        return delegate.countIssues(importId, rejectedOnly);
    }

    @Override
    public List<ImportIssue> issues(long importId, boolean rejectedOnly, long offset, int limit) {
        return delegate.issues(importId, rejectedOnly, offset, limit);
    }

    @Override
    public void exportVerdicts(long importId, Writer out) throws IOException {
        delegate.exportVerdicts(importId, out);
    }
}
