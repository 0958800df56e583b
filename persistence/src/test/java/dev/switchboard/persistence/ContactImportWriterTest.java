package dev.switchboard.persistence;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.Consent;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ImportIssue;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.JurisdictionSource;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.model.contact.RowResult;
import dev.switchboard.model.contact.TimeZoneSource;
import dev.switchboard.model.contact.TimeZones;
import dev.switchboard.model.contact.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import's write path on a fresh in-memory H2 migrated by Flyway: upserts, verdicts, duplicates, the guard. */
class ContactImportWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Store store;
    private ContactImportWriter writer;
    private ImportRepository imports;
    private ContactRepository contacts;
    private ContactList list;

    @BeforeEach
    void setUp() {
        store = Store.inMemory();
        writer = new ContactImportWriter(store);
        imports = new ImportRepository(store);
        contacts = new ContactRepository(store);
        list = new ContactListRepository(store).getOrCreate("Q4", "US", new ColumnMapping(List.of()), NOW);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static ContactDraft draft(String key, String first, String phone) {
        var attrs = new TreeMap<String, String>();
        attrs.put("Segment", "gold");
        return new ContactDraft(key, first, "Doe", key.toLowerCase() + "@example.com", key.toLowerCase()
                + "@example.com", "33101", "FL", "US",
                List.of(new Phone(phone, PhoneType.MOBILE, phone, "Mobile")),
                new TimeZones(List.of(ZoneId.of("America/New_York")), TimeZoneSource.POSTAL_CODE),
                new Jurisdiction("US", "FL", JurisdictionSource.ADDRESS),
                List.of(new Consent(Channel.SMS, true, NOW, "column SMS Consent")), attrs);
    }

    private ImportRecord newImport() {
        return imports.create(list.id(), "q4.csv", "/tmp/q4.csv", 100, "abc", "UTF-8", "comma",
                new ColumnMapping(List.of()), NOW);
    }

    private static ImportRow accepted(long record, ContactDraft d) {
        return new ImportRow(record, record + 1, new RowResult.Accepted(d, List.of()));
    }

    @Test
    void insertsThenLeavesUnchangedThenUpdates() {
        ImportRecord first = newImport();
        BatchOutcome o = writer.write(first.id(), list.id(), 0, 0,
                List.of(accepted(1, draft("L-1", "Ana", "+14155552671")),
                        accepted(2, draft("L-2", "Ben", "+13055550123"))), NOW);
        assertThat(o).isEqualTo(new BatchOutcome(2, 0, 0, 0, 0));

        ImportRecord second = newImport();
        o = writer.write(second.id(), list.id(), 0, 0,
                List.of(accepted(1, draft("L-1", "Ana", "+14155552671")),
                        accepted(2, draft("L-2", "Benjamin", "+13055550124"))), NOW);
        assertThat(o).isEqualTo(new BatchOutcome(0, 1, 1, 0, 0));

        assertThat(contacts.count(list.id(), null)).isEqualTo(2);
        Contact ben = contacts.byKey(list.id(), "L-2").orElseThrow();
        assertThat(ben.data()).isEqualTo(draft("L-2", "Benjamin", "+13055550124"));
        assertThat(ben.data().phones()).extracting(Phone::e164).containsExactly("+13055550124");
        assertThat(ben.data().consents()).hasSize(1);
        assertThat(imports.byId(second.id()).orElseThrow())
                .extracting(ImportRecord::updated, ImportRecord::unchanged, ImportRecord::lastRecord)
                .containsExactly(1L, 1L, 2L);
    }

    @Test
    void aKeyFilterThatWronglyCallsAKeyNewCostsARetryNotADuplicate() {
        ImportRecord first = newImport();
        writer.write(first.id(), list.id(), 0, 0, List.of(accepted(1, draft("L-1", "Ana", "+14155552671"))), NOW);
        ImportRecord second = newImport();
        BatchOutcome o = writer.write(second.id(), list.id(), 0, 0,
                List.of(accepted(1, draft("L-1", "Ana", "+14155552671")),
                        accepted(2, draft("L-2", "Ben", "+14155552672"))), NOW, key -> false);
        assertThat(o).isEqualTo(new BatchOutcome(1, 0, 1, 0, 0));
        assertThat(contacts.count(list.id(), null)).isEqualTo(2);
    }

    @Test
    void duplicateKeysInOneFileAreRejectedWithBothLines() {
        ImportRecord imp = newImport();
        writer.write(imp.id(), list.id(), 0, 0,
                List.of(accepted(1, draft("L-1", "Ana", "+14155552671")),
                        accepted(2, draft("L-1", "Ana B", "+14155552672"))), NOW);
        writer.write(imp.id(), list.id(), 1, 2, List.of(accepted(3, draft("L-1", "Ana C", "+14155552673"))), NOW);

        assertThat(contacts.count(list.id(), null)).isEqualTo(1);
        assertThat(contacts.byKey(list.id(), "L-1").orElseThrow().data().firstName()).isEqualTo("Ana");
        List<ImportIssue> issues = imports.issues(imp.id(), true, 0, 10);
        assertThat(issues).extracting(ImportIssue::lineNo).containsExactly(3L, 4L);
        assertThat(issues).extracting(i -> i.issue().reason()).allMatch(r -> r.contains("line 2 of this file"));
    }

    @Test
    void verdictsRoundTripInFileOrderWithIssues() {
        ImportRecord imp = newImport();
        List<ImportRow> rows = new ArrayList<>();
        rows.add(accepted(1, draft("L-1", "Ana", "+14155552671")));
        rows.add(new ImportRow(2, 3, new RowResult.Rejected("L-2",
                List.of(RowIssue.rejected("Mobile", "555-0123", "fictional number (555-01xx)")))));
        rows.add(new ImportRow(3, 5, new RowResult.Accepted(draft("L-3", "Cy", "+14155552673"),
                List.of(RowIssue.warning("Home", "12", "wrong length: 2 digits")))));
        BatchOutcome o = writer.write(imp.id(), list.id(), 0, 0, rows, NOW);
        assertThat(o).isEqualTo(new BatchOutcome(2, 0, 0, 1, 1));

        List<VerdictRow> verdicts = new ArrayList<>();
        imports.forEachVerdict(imp.id(), verdicts::add);
        assertThat(verdicts).extracting(VerdictRow::lineNo, VerdictRow::verdict, VerdictRow::externalKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, Verdict.INSERTED, "L-1"),
                        org.assertj.core.groups.Tuple.tuple(3L, Verdict.REJECTED, "L-2"),
                        org.assertj.core.groups.Tuple.tuple(5L, Verdict.INSERTED, "L-3"));
        assertThat(verdicts.get(1).issues()).extracting(RowIssue::reason)
                .containsExactly("fictional number (555-01xx)");
        assertThat(verdicts.get(2).issues()).extracting(RowIssue::severity)
                .containsExactly(RowIssue.Severity.WARNING);
        assertThat(imports.countIssues(imp.id(), true)).isEqualTo(1);
        assertThat(imports.countIssues(imp.id(), false)).isEqualTo(2);
    }

    @Test
    void aBatchThatDoesNotFollowTheLastCommittedOneIsRefusedAndWritesNothing() {
        ImportRecord imp = newImport();
        writer.write(imp.id(), list.id(), 0, 0, List.of(accepted(1, draft("L-1", "Ana", "+14155552671"))), NOW);
        assertThatThrownBy(() -> writer.write(imp.id(), list.id(), 1, 0,
                List.of(accepted(2, draft("L-2", "Ben", "+14155552672"))), NOW))
                .isInstanceOf(StoreException.class);
        assertThat(contacts.count(list.id(), null)).isEqualTo(1);
        assertThat(imports.batchCount(imp.id())).isEqualTo(1);
    }

    @Test
    void pagesAndFiltersWithoutLoadingTheList() {
        ImportRecord imp = newImport();
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            rows.add(accepted(i, draft("L-" + i, i % 2 == 0 ? "Even" : "Odd", "+1415555" + (2000 + i))));
        }
        writer.write(imp.id(), list.id(), 0, 0, rows, NOW);
        assertThat(contacts.page(list.id(), null, 200, 100)).hasSize(50)
                .first().extracting(c -> c.data().externalKey()).isEqualTo("L-201");
        assertThat(contacts.count(list.id(), "even")).isEqualTo(125);
        assertThat(contacts.count(list.id(), "L-10")).isEqualTo(11);
        assertThat(contacts.count(list.id(), "555 2007")).isEqualTo(1);
        assertThat(contacts.count(list.id(), "L-1%")).isZero();
    }
}
