package dev.switchboard.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static dev.switchboard.persistence.jooq.Tables.CONTACT_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    @Test
    void fileStoreIsOpenedWithWriteDelayZeroAndMigrated(@TempDir Path dir) {
        try (Store store = Store.openFile(dir)) {
            assertThat(store.writeDelay()).isEqualTo("0");
            assertThat(store.dsl().fetchCount(CONTACT_LIST)).isZero();
        }
        assertThat(dir.resolve(Store.FILE_NAME + ".mv.db")).exists();
    }

    @Test
    void storeWithDefaultWriteDelayIsRefused(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain") + ";DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThatThrownBy(() -> Store.checkWriteDelay(c, "the test store"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("WRITE_DELAY is 500")
                    .hasMessageContaining("acknowledged commits could be lost");
        }
    }

    @Test
    void reopeningKeepsCommittedData(@TempDir Path dir) {
        try (Store store = Store.openFile(dir)) {
            new ContactListRepository(store).getOrCreate("Q4", "US",
                    new dev.switchboard.model.contact.ColumnMapping(java.util.List.of()), java.time.Instant.now());
        }
        try (Store store = Store.openFile(dir)) {
            assertThat(new ContactListRepository(store).byName("Q4")).isPresent();
        }
    }

    @Test
    void aCleanCloseLeavesItsMarkerAndAnOpenAfterACrashRecoversWithTheDataKept(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir)) {
            store.dsl().insertInto(CONTACT_LIST).set(CONTACT_LIST.NAME, "Kept").set(CONTACT_LIST.DEFAULT_REGION, "US")
                    .set(CONTACT_LIST.COLUMN_MAPPING, "[]").set(CONTACT_LIST.CREATED_AT, java.time.OffsetDateTime.now())
                    .set(CONTACT_LIST.UPDATED_AT, java.time.OffsetDateTime.now()).execute();
            assertThat(dir.resolve(Store.CLEAN_MARKER)).as("open: no marker while the store is in use")
                    .doesNotExist();
        }
        assertThat(dir.resolve(Store.CLEAN_MARKER)).exists();
        // a crash leaves no marker: the next open compacts the file offline first and keeps every commit
        java.nio.file.Files.delete(dir.resolve(Store.CLEAN_MARKER));
        try (Store store = Store.openFile(dir)) {
            assertThat(store.dsl().fetchCount(CONTACT_LIST, CONTACT_LIST.NAME.eq("Kept"))).isEqualTo(1);
            // the rebuilt file goes on: its identities continue after the kept rows, its indexes answer
            store.dsl().insertInto(CONTACT_LIST).set(CONTACT_LIST.NAME, "After").set(CONTACT_LIST.DEFAULT_REGION, "US")
                    .set(CONTACT_LIST.COLUMN_MAPPING, "[]").set(CONTACT_LIST.CREATED_AT, java.time.OffsetDateTime.now())
                    .set(CONTACT_LIST.UPDATED_AT, java.time.OffsetDateTime.now()).execute();
            assertThat(store.dsl().fetchCount(CONTACT_LIST)).isEqualTo(2);
            assertThat(new ContactListRepository(store).byName("After")).isPresent();
        }
        assertThat(dir.resolve(Store.CLEAN_MARKER)).exists();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no recovery leftovers")
                    .noneMatch(n -> n.contains("recover"));
        }
    }
}
