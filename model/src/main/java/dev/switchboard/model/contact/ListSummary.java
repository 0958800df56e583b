package dev.switchboard.model.contact;

/** A list with what the Lists screen shows beside its name. */
public record ListSummary(ContactList list, long contacts, ImportRecord lastImport) {
}
