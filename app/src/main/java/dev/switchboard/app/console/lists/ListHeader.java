package dev.switchboard.app.console.lists;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;

import java.util.Locale;

/**
 * The header of a list on the Lists screen, as text.
 *
 * @param details    region and size, e.g. {@code Region US · 1,204 contacts}
 * @param lastImport what the last import was, e.g. {@code Last import: leads.csv · 2025-03-01 14:05 · completed}
 * @param inserted   the last import's count, or an empty string when there was none (likewise the others)
 */
public record ListHeader(String name, String details, String lastImport, String inserted, String updated,
                         String unchanged, String rejected) {

    public static final ListHeader NONE = new ListHeader("", "", "", "", "", "", "");

    public static ListHeader of(ListSummary summary) {
        if (summary == null) {
            return NONE;
        }
        String details = "Region " + summary.list().defaultRegion() + " · "
                + Formats.count(summary.contacts(), "contact", "contacts");
        ImportRecord last = summary.lastImport();
        if (last == null) {
            return new ListHeader(summary.list().name(), details, "Never imported", "", "", "", "");
        }
        String when = Formats.instant(last.finishedAt() != null ? last.finishedAt() : last.startedAt());
        String lastImport = "Last import: " + last.fileName() + " · " + when + " · "
                + last.state().name().toLowerCase(Locale.ROOT);
        return new ListHeader(summary.list().name(), details, lastImport, Formats.count(last.inserted()),
                Formats.count(last.updated()), Formats.count(last.unchanged()), Formats.count(last.rejected()));
    }

    public boolean hasImport() {
        return !inserted.isEmpty();
    }
}
