package dev.switchboard.model.contact;

import java.util.List;

/** What normalization made of one list row. */
public sealed interface RowResult {

    /** The key the row gives, or null when it has none. */
    String externalKey();

    List<RowIssue> issues();

    /** A usable contact, with warnings for values that were dropped (e.g. one bad phone of two). */
    record Accepted(ContactDraft contact, List<RowIssue> issues) implements RowResult {
        public Accepted {
            issues = List.copyOf(issues);
            if (issues.stream().anyMatch(i -> i.severity() != RowIssue.Severity.WARNING)) {
                throw new IllegalArgumentException("an accepted row carries warnings only");
            }
        }

        @Override
        public String externalKey() {
            return contact.externalKey();
        }
    }

    /** A row that cannot become a contact; at least one issue says why. */
    record Rejected(String externalKey, List<RowIssue> issues) implements RowResult {
        public Rejected {
            issues = List.copyOf(issues);
            if (issues.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }
}
