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
}
