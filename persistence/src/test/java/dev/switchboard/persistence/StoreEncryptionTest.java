package dev.switchboard.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.switchboard.persistence.jooq.Tables.CONTACT_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreEncryptionTest {
    private static final String CANARY = "+13125550123-canary-7f3e9a";
    private static final char[] KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".toCharArray();
    private static final char[] OTHER = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100".toCharArray();

    private static void writeCanary(Store store) {
        store.dsl().execute("create table canary(v varchar(100))");
        store.dsl().execute("insert into canary values (?)", CANARY);
        store.dsl().insertInto(CONTACT_LIST).set(CONTACT_LIST.NAME, CANARY).set(CONTACT_LIST.DEFAULT_REGION, "US")
                .set(CONTACT_LIST.COLUMN_MAPPING, "[]").set(CONTACT_LIST.CREATED_AT, java.time.OffsetDateTime.now())
                .set(CONTACT_LIST.UPDATED_AT, java.time.OffsetDateTime.now()).execute();
    }

    /** Whether any file under {@code dir} contains the canary (UTF-8 or UTF-16). */
    private static boolean canaryIn(Path dir) throws Exception {
        byte[][] needles = {CANARY.getBytes(StandardCharsets.UTF_8), CANARY.getBytes(StandardCharsets.UTF_16BE),
                CANARY.getBytes(StandardCharsets.UTF_16LE), "canary-7f3e9a".getBytes(StandardCharsets.UTF_8)};
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                for (byte[] n : needles) {
                    if (indexOf(b, n) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return m;
    }

    @Test
    void aPlainStoreShowsTheCanarySoTheScanWorks(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir)) {
            writeCanary(store);
        }
        assertThat(canaryIn(dir)).isTrue();
    }

    @Test
    void anEncryptedStoreKeepsNoPlaintextAndReopensWithItsKey(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir, KEY)) {
            writeCanary(store);
            assertThat(store.writeDelay()).isEqualTo("0");
        }
        assertThat(Store.isEncryptedFile(dir)).isTrue();
        assertThat(canaryIn(dir)).as("the canary is nowhere in the data folder").isFalse();
        try (Store store = Store.openFile(dir, KEY)) {
            assertThat(store.dsl().fetchCount(CONTACT_LIST, CONTACT_LIST.NAME.eq(CANARY))).isEqualTo(1);
        }
    }

    @Test
    void aCrashedEncryptedStoreIsRecoveredWithItsKey(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir, KEY)) {
            writeCanary(store);
        }
        Files.delete(dir.resolve(Store.CLEAN_MARKER));
        try (Store store = Store.openFile(dir, KEY)) {
            assertThat(store.dsl().fetchCount(CONTACT_LIST, CONTACT_LIST.NAME.eq(CANARY))).isEqualTo(1);
        }
        assertThat(canaryIn(dir)).isFalse();
    }

    @Test
    void aCopyOpenedElsewhereWithoutTheKeyOrWithAnotherKeyFailsAndChangesNothing(@TempDir Path dir)
            throws Exception {
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        try (Store store = Store.openFile(a, KEY)) {
            writeCanary(store);
        }
        Path b = dir.resolve("b");
        Files.createDirectories(b);
        Files.copy(a.resolve(Store.FILE_NAME + ".mv.db"), b.resolve(Store.FILE_NAME + ".mv.db"));
        Map<String, String> before = snapshot(b);
        assertThatThrownBy(() -> Store.openFile(b)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is encrypted").hasMessageContaining("Nothing was changed");
        assertThatThrownBy(() -> Store.openFile(b, OTHER)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the key given does not open it").hasMessageNotContaining(new String(OTHER));
        assertThat(snapshot(b)).isEqualTo(before);
    }

    @Test
    void aPlainStoreIsMigratedWithItsDataAndNoPlaintextLeft(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir)) {
            writeCanary(store);
        }
        Map<String, Long> counts = Store.encryptPlainFile(dir, KEY);
        assertThat(counts).containsEntry("canary", 1L).containsEntry("contact_list", 1L);
        assertThat(Store.isEncryptedFile(dir)).isTrue();
        assertThat(canaryIn(dir)).as("no plaintext left in the folder").isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("encrypting") || n.contains("script"));
        }
        try (Store store = Store.openFile(dir, KEY)) {
            assertThat(store.dsl().fetchCount(CONTACT_LIST, CONTACT_LIST.NAME.eq(CANARY))).isEqualTo(1);
            assertThat(store.dsl().fetchValue("select v from canary")).isEqualTo(CANARY);
        }
    }

    @Test
    void aPlainStoreIsNotOpenedWithAKey(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir)) {
            writeCanary(store);
        }
        Map<String, String> before = snapshot(dir);
        assertThatThrownBy(() -> Store.openFile(dir, KEY)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not encrypted");
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void leftoversOfAnInterruptedMigrationAreDeletedAndTheMigrationRunsAgain(@TempDir Path dir) throws Exception {
        try (Store store = Store.openFile(dir)) {
            writeCanary(store);
        }
        Files.writeString(dir.resolve(Store.MIGRATION_SCRIPT), "half");
        Files.writeString(dir.resolve(Store.MIGRATION_FILE_NAME + ".mv.db"), "half");
        Store.encryptPlainFile(dir, KEY);
        assertThat(dir.resolve(Store.MIGRATION_SCRIPT)).doesNotExist();
        try (Store store = Store.openFile(dir, KEY)) {
            assertThat(store.dsl().fetchValue("select v from canary")).isEqualTo(CANARY);
        }
    }
}
