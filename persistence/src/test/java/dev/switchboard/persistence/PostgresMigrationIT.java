package dev.switchboard.persistence;

import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.RowIssue;
import dev.switchboard.model.contact.RowResult;
import dev.switchboard.model.contact.Verdict;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same migrations and the same jOOQ and JDBC code on a real PostgreSQL server. Under CI a missing server fails
 * the test; on a developer machine without PostgreSQL it is skipped with a message saying so.
 */
class PostgresMigrationIT {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void migratesWritesAndReadsOnPostgres() throws Exception {
        Path bin = PostgresServer.findBin();
        if (bin == null) {
            if (System.getenv("CI") != null) {
                fail("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): .ci/run installs it");
            }
            assumeTrue(false, "PostgreSQL is not installed here: apt-get install postgresql to run this test");
        }
        try (PostgresServer server = PostgresServer.start(bin);
             Store store = Store.openJdbc(server.jdbcUrl(), "switchboard", "", SQLDialect.POSTGRES)) {
            int migrations = store.dsl().fetchSingle("select count(*) from flyway_schema_history where success")
                    .get(0, Integer.class);
            assertThat(migrations).isGreaterThanOrEqualTo(1);

            ContactList list = new ContactListRepository(store).getOrCreate("Q4", "US", new ColumnMapping(List.of()),
                    NOW);
            ImportRepository imports = new ImportRepository(store);
            ImportRecord imp = imports.create(list.id(), "q4.csv", "/tmp/q4.csv", 10, "f", "UTF-8", "comma",
                    new ColumnMapping(List.of()), NOW);
            List<ImportRow> rows = new ArrayList<>();
            rows.add(new ImportRow(1, 2, new RowResult.Accepted(
                    ContactImportWriterTest.draft("L-1", "Zoë", "+14155552671"), List.of())));
            rows.add(new ImportRow(2, 3, new RowResult.Rejected("L-2",
                    List.of(RowIssue.rejected("Mobile", "911", "N11 service code, not a phone number")))));
            new ContactImportWriter(store).write(imp.id(), list.id(), 0, 0, rows, NOW);

            ContactRepository contacts = new ContactRepository(store);
            Contact zoe = contacts.byKey(list.id(), "L-1").orElseThrow();
            assertThat(zoe.data()).isEqualTo(ContactImportWriterTest.draft("L-1", "Zoë", "+14155552671"));
            assertThat(contacts.count(list.id(), "zo")).isEqualTo(1);
            assertThat(imports.issues(imp.id(), true, 0, 10)).singleElement()
                    .satisfies(i -> assertThat(i.issue().reason()).contains("N11"));
            List<VerdictRow> verdicts = new ArrayList<>();
            imports.forEachVerdict(imp.id(), verdicts::add);
            assertThat(verdicts).extracting(VerdictRow::verdict).containsExactly(Verdict.INSERTED, Verdict.REJECTED);
        }
    }
}
