package dev.switchboard.persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The database: an H2 file in the data folder (or any JDBC database the migrations run on, PostgreSQL for teams).
 * Opening migrates it with Flyway. Thread-safe; repositories share it.
 */
public final class Store implements AutoCloseable {
    /** The store file's base name inside the data folder: H2 adds {@code .mv.db}. */
    public static final String FILE_NAME = "switchboard";

    /*
     * WRITE_DELAY=0: H2's default (500 ms) loses acknowledged commits on kill -9 (compliance-rules.md §6).
     * DATABASE_TO_LOWER + unquoted rendering: H2 and PostgreSQL then fold every name the same way.
     * No AUTO_SERVER: exactly one process opens the file.
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=32768";

    static {
        // jOOQ prints a banner and tips at first use: noise on a command line's standard error
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private final AutoCloseable closer;
    private final String description;

    private Store(DataSource dataSource, SQLDialect dialect, AutoCloseable closer, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.closer = closer;
        this.description = description;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false)
                .withRenderSchema(false);
        this.dsl = DSL.using(dataSource, dialect, settings);
    }

    /** Written when the store closes cleanly, removed when it opens: absent at open means the last run crashed. */
    public static final String CLEAN_MARKER = "store.closed-cleanly";

    /** The store file's header when H2 encrypted it ({@code CIPHER=AES}); a plain MVStore file starts "H:2,". */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The encrypted copy a migration builds before it replaces the plain file. */
    static final String MIGRATION_FILE_NAME = FILE_NAME + "-encrypting";
    /** The migration's dump, itself encrypted (H2 SCRIPT ... CIPHER AES). */
    static final String MIGRATION_SCRIPT = FILE_NAME + "-migration.script";
    /** The copy a crash recovery rebuilds from the store's rows before it replaces the file. */
    static final String RECOVERY_FILE_NAME = FILE_NAME + "-recovering";
    /** The crash recovery's dump (encrypted like the store). */
    static final String RECOVERY_SCRIPT = FILE_NAME + "-recovery.script";

    /** An unencrypted file store: for scratch folders of tests and benchmarks. See {@link #openFile(Path, char[])}. */
    public static Store openFile(Path dataDir) {
        return openFile(dataDir, null);
    }

    /**
     * Opens (creating if needed) the H2 file store of a data folder, checks its durability setting, migrates it.
     * With a {@code fileKey} (256 random bits in hex, never a human password: H2 stretches file passwords with only
     * 10 PBKDF2 iterations) the file is AES-encrypted ({@code CIPHER=AES}); a key that does not open it fails with a
     * clear message and changes nothing.
     *
     * <p>After a crash (no clean-close marker) the file is first rebuilt from its rows ({@link #recoverAfterCrash}):
     * H2 2.5 can keep a row lock of a transaction that a kill -9 interrupted mid-commit, so that the next update of
     * that row spins forever, and can leave a secondary index naming a row its table does not hold ("Row not found in
     * primary index", h2database#4388), so that every later update through that index fails; both found by the
     * engine's crash test. Committed data is kept.
     */
    public static Store openFile(Path dataDir, char[] fileKey) {
        Path base = dataDir.toAbsolutePath().resolve(FILE_NAME);
        String url = "jdbc:h2:file:" + base + H2_SETTINGS + (fileKey == null ? "" : ";CIPHER=AES");
        String password = fileKey == null ? "" : new String(fileKey) + " ";
        String description = "the store in " + dataDir;
        Path file = Path.of(base + ".mv.db");
        if (java.nio.file.Files.exists(file)) {
            boolean encrypted = isEncryptedFile(dataDir);
            if (encrypted && fileKey == null) {
                throw new StoreException("The store in " + dataDir + " is encrypted, and no key was given to open"
                        + " it. Nothing was changed.");
            }
            if (!encrypted && fileKey != null) {
                throw new StoreException("The store in " + dataDir + " is not encrypted: refusing to open it with a"
                        + " key (migrate it first). Nothing was changed.");
            }
        }
        if (fileKey != null && java.nio.file.Files.exists(file)) {
            checkKey(url, password, dataDir);
        }
        Path marker = dataDir.toAbsolutePath().resolve(CLEAN_MARKER);
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.exists(marker)) {
            recoverAfterCrash(dataDir.toAbsolutePath(), url, password, description);
        }
        try {
            java.nio.file.Files.deleteIfExists(marker);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot open the store in " + dataDir + ": " + e.getMessage(), e);
        }
        Store store = openH2(url, password, description, true);
        return new Store(store.dataSource, store.dialect, () -> {
            store.closer.close();
            java.nio.file.Files.writeString(marker, java.time.Instant.now() + "\n");
        }, store.description);
    }

    /** Whether the data folder has a store file. */
    public static boolean fileExists(Path dataDir) {
        return java.nio.file.Files.exists(dataDir.toAbsolutePath().resolve(FILE_NAME + ".mv.db"));
    }

    /** Whether the data folder's store file is encrypted (false when there is none). */
    public static boolean isEncryptedFile(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME + ".mv.db");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot read the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Opens and closes the encrypted file read-only: a wrong key fails here, before anything is written. */
    private static void checkKey(String url, String password, Path dataDir) {
        try (Connection c = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0", "sa",
                password)) {
            c.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
                    || e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1) {
                throw new StoreException("The store in " + dataDir + " is encrypted and the key given does not open"
                        + " it (a wrong key, or the file was changed). Nothing was changed.", e);
            }
            throw new StoreException("Cannot open the store in " + dataDir + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Encrypts the plain store of {@code dataDir} under {@code fileKey}, crash-safely: the plain store is dumped to
     * an encrypted script, loaded into a new encrypted file, every table's row count is compared, and only then
     * does the encrypted file replace the plain one (an atomic rename). The script, the plain file's trace file and
     * any leftovers of an interrupted run are deleted. Returns the tables' row counts.
     */
    public static java.util.Map<String, Long> encryptPlainFile(Path dataDir, char[] fileKey) {
        Path dir = dataDir.toAbsolutePath();
        if (!fileExists(dir) || isEncryptedFile(dir)) {
            throw new StoreException("The store in " + dataDir + " is not a plain store to encrypt.");
        }
        deleteMigrationLeftovers(dir);
        String plainUrl = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + H2_SETTINGS + ";TRACE_LEVEL_FILE=0";
        if (!java.nio.file.Files.exists(dir.resolve(CLEAN_MARKER))) {
            recoverAfterCrash(dir, plainUrl, "", "the store in " + dataDir);
        }
        Path script = dir.resolve(MIGRATION_SCRIPT);
        String key = new String(fileKey);
        java.util.Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(plainUrl, "sa", "")) {
            before = dump(c, script, key);
            try (Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        } catch (SQLException e) {
            deleteMigrationLeftovers(dir);
            throw new StoreException("Cannot encrypt the store in " + dataDir + " (dumping it failed: "
                    + firstLine(e.getMessage()) + "). Nothing was changed.", e);
        }
        Path encrypted = dir.resolve(MIGRATION_FILE_NAME + ".mv.db");
        String encUrl = "jdbc:h2:file:" + dir.resolve(MIGRATION_FILE_NAME) + H2_SETTINGS
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0";
        try {
            load(encUrl, key + " ", script, key, before, "the encrypted copy");
        } catch (SQLException e) {
            deleteMigrationLeftovers(dir);
            throw new StoreException("Cannot encrypt the store in " + dataDir + " (" + firstLine(e.getMessage())
                    + "). Nothing was changed.", e);
        }
        try {
            if (!startsEncrypted(encrypted)) {
                throw new StoreException("The encrypted copy of the store in " + dataDir + " is not encrypted.");
            }
            java.nio.file.Files.move(encrypted, dir.resolve(FILE_NAME + ".mv.db"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            java.nio.file.Files.deleteIfExists(dir.resolve(FILE_NAME + ".trace.db"));
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot replace the store in " + dataDir + " by its encrypted copy: "
                    + e.getMessage(), e);
        } finally {
            deleteMigrationLeftovers(dir);
        }
        return before;
    }

    private static boolean startsEncrypted(Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
        }
    }

    /** Deletes what an interrupted encryption left (its encrypted copy and its script); the store is untouched. */
    public static void deleteMigrationLeftovers(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        try {
            for (String name : new String[] {MIGRATION_FILE_NAME + ".mv.db", MIGRATION_FILE_NAME + ".trace.db",
                    MIGRATION_FILE_NAME + ".lock.db", MIGRATION_SCRIPT}) {
                java.nio.file.Files.deleteIfExists(dir.resolve(name));
            }
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot delete the leftovers of an interrupted encryption in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Row counts of every base table of the public schema. */
    static java.util.Map<String, Long> rowCounts(Connection c) throws SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_name from"
                + " information_schema.tables where lower(table_schema) = 'public' and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from \"" + t.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(t, rs.getLong(1));
            }
        }
        return counts;
    }

    /**
     * Rebuilds the store file of {@code dir} from its own rows after a crash: every table is dumped ({@code SCRIPT},
     * which reads each table's rows, not its secondary indexes), loaded into a new file (encrypted like the store,
     * under the same key), the row counts of every table compared, and only then does the new file replace the old
     * one (an atomic rename). Its indexes and locks are thus new: nothing a killed transaction left in them survives.
     * An interrupted recovery leaves the old file in place, and the next open recovers again.
     */
    private static void recoverAfterCrash(Path dir, String url, String password, String description) {
        deleteRecoveryLeftovers(dir);
        boolean encrypted = !password.isEmpty();
        // the password of an encrypted file is "<file key> <user password>", the user's being empty
        String key = encrypted ? password.substring(0, password.length() - 1) : null;
        Path script = dir.resolve(RECOVERY_SCRIPT);
        java.util.Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url + ";TRACE_LEVEL_FILE=0", "sa", password)) {
            before = dump(c, script, key);
        } catch (SQLException e) {
            deleteRecoveryLeftovers(dir);
            throw new StoreException("Cannot recover " + description + " after a crash (reading it failed: "
                    + firstLine(e.getMessage()) + "). Nothing was changed.", e);
        }
        Path rebuilt = dir.resolve(RECOVERY_FILE_NAME + ".mv.db");
        String rebuiltUrl = "jdbc:h2:file:" + dir.resolve(RECOVERY_FILE_NAME) + H2_SETTINGS + ";TRACE_LEVEL_FILE=0"
                + (encrypted ? ";CIPHER=AES" : "");
        try {
            load(rebuiltUrl, password, script, key, before, "the rebuilt copy");
            java.nio.file.Files.move(rebuilt, dir.resolve(FILE_NAME + ".mv.db"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("Cannot recover " + description + " after a crash (rebuilding it failed: "
                    + firstLine(e.getMessage()) + "). Nothing was changed.", e);
        } finally {
            deleteRecoveryLeftovers(dir);
        }
    }

    /**
     * Dumps every table of the open store {@code c} to {@code script} ({@code SCRIPT}, which reads the tables' rows,
     * not their secondary indexes), encrypted under {@code key} unless it is null; returns the tables' row counts.
     */
    private static java.util.Map<String, Long> dump(Connection c, Path script, String key) throws SQLException {
        java.util.Map<String, Long> counts = rowCounts(c);
        try (java.sql.PreparedStatement ps = c.prepareStatement("script to ? compression deflate"
                + (key == null ? "" : " cipher aes password ?"))) {
            ps.setString(1, script.toString());
            if (key != null) {
                ps.setString(2, key);
            }
            ps.execute();
        }
        return counts;
    }

    /**
     * Loads a {@link #dump} into a new file at {@code url}, checks that every table has the row count it had
     * ({@code before}), and compacts the file; {@code copy} names it in the error.
     */
    private static void load(String url, String password, Path script, String key, java.util.Map<String, Long> before,
                             String copy) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("runscript from ? compression deflate"
                    + (key == null ? "" : " cipher aes password ?"))) {
                ps.setString(1, script.toString());
                if (key != null) {
                    ps.setString(2, key);
                }
                ps.execute();
            }
            java.util.Map<String, Long> after = rowCounts(c);
            if (!after.equals(before)) {
                throw new SQLException(copy + "'s row counts " + after + " differ from the store's " + before);
            }
            try (Statement s = c.createStatement()) {
                s.execute("shutdown compact");
            }
        }
    }

    private static void deleteRecoveryLeftovers(Path dir) {
        try {
            for (String name : new String[] {RECOVERY_FILE_NAME + ".mv.db", RECOVERY_FILE_NAME + ".trace.db",
                    RECOVERY_FILE_NAME + ".lock.db", RECOVERY_SCRIPT}) {
                java.nio.file.Files.deleteIfExists(dir.resolve(name));
            }
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot delete the leftovers of an interrupted crash recovery in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens the H2 file store of a folder read-only: no migration, no crash recovery, no clean-close marker, nothing
     * written. For checking a copy (a backup being verified); the live store is opened with {@link #openFile}.
     */
    public static Store openFileReadOnly(Path dir) {
        return openFileReadOnly(dir, null);
    }

    /** As {@link #openFileReadOnly(Path)}, for an encrypted file with its key ({@code null}: a plain file). */
    public static Store openFileReadOnly(Path dir, char[] fileKey) {
        Path base = dir.toAbsolutePath().resolve(FILE_NAME);
        if (!java.nio.file.Files.isRegularFile(Path.of(base + ".mv.db"))) {
            throw new StoreException("No store file " + base + ".mv.db");
        }
        if (fileKey == null && isEncryptedFile(dir)) {
            throw new StoreException("The store in " + dir + " is encrypted, and no key was given to open it.");
        }
        String url = "jdbc:h2:file:" + base + H2_SETTINGS + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE"
                + (fileKey == null ? "" : ";CIPHER=AES");
        try {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", fileKey == null ? ""
                    : new String(fileKey) + " ");
            pool.setMaxConnections(4);
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                pool.dispose();
                throw e;
            }
            return new Store(pool, SQLDialect.H2, pool::dispose, "the store copy in " + dir);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the store copy in " + dir + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** A private in-memory H2 store, migrated: for tests and benchmarks' scratch work. */
    public static Store inMemory() {
        return openH2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS, "",
                "an in-memory store", false);
    }

    private static Store openH2(String url, String password, String description, boolean durable) {
        JdbcConnectionPool pool;
        try {
            pool = JdbcConnectionPool.create(url, "sa", password);
            pool.setMaxConnections(16);
            try (Connection c = pool.getConnection()) {
                if (durable) {
                    checkWriteDelay(c, description);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot open " + description + ": " + firstLine(e.getMessage()), e);
        }
        // Closing the last connection closes the database cleanly (DB_CLOSE_DELAY 0).
        Store store = new Store(pool, SQLDialect.H2, pool::dispose, description);
        store.migrate();
        return store;
    }

    /** Any JDBC database (PostgreSQL for teams that share one), migrated. No pooling: one connection per use. */
    public static Store openJdbc(String url, String user, String password, SQLDialect dialect) {
        DataSource ds = new DriverManagerDataSource(url, user, password);
        Store store = new Store(ds, dialect, () -> { }, url.replaceAll("password=[^&;]*", "password=***"));
        store.migrate();
        return store;
    }

    /**
     * Refuses a store whose WRITE_DELAY is not 0: with H2's default of 500 ms a kill -9 loses commits the engine was
     * told were durable, and then a send could leave without its intent on record.
     */
    static void checkWriteDelay(Connection c, String description) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            String value = rs.next() ? rs.getString(1) : null;
            if (!"0".equals(value)) {
                throw new StoreException("Refusing to use " + description + ": its WRITE_DELAY is " + value
                        + ", not 0, so acknowledged commits could be lost on a crash.");
            }
        }
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            close();
            throw new StoreException("Cannot migrate " + description + ": " + firstLine(e.getMessage()), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * Reclaims file space. With WRITE_DELAY=0 H2 runs no background writer, and so never compacts: every commit
     * writes new chunks, old chunks that keep a few live pages are never freed, and a large import would grow the
     * file to many times its data. Callers that write a lot (the import, the engine's housekeeper) call this every
     * so often; it rewrites sparse chunks for at most {@code maxMillis}. A no-op on other databases.
     */
    public void compact(int maxMillis) {
        if (dialect != SQLDialect.H2) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            org.h2.engine.Session session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            if (session instanceof org.h2.engine.SessionLocal local && local.getDatabase().getStore() != null) {
                local.getDatabase().getStore().compactFile(maxMillis);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot compact " + description + ": " + e.getMessage(), e);
        }
    }

    /** The size of the store's file in bytes, or -1 when it has none. */
    public long fileSize() {
        if (dialect != SQLDialect.H2) {
            return -1;
        }
        try (Connection c = dataSource.getConnection()) {
            org.h2.engine.Session session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            if (session instanceof org.h2.engine.SessionLocal local && local.getDatabase().getStore() != null) {
                return local.getDatabase().getStore().getMvStore().getFileStore().size();
            }
            return -1;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the size of " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * An online backup of the H2 file store into {@code zip} (H2's {@code BACKUP TO}): runs while the store is open
     * and in use, and copies the store file as it is on disk (an encrypted store stays encrypted; nothing is dumped
     * as SQL). The zip holds {@code switchboard.mv.db}. The caller writes to a temporary name and moves it into place.
     */
    public void backupTo(Path zip) {
        if (dialect != SQLDialect.H2) {
            throw new StoreException("Backups are of the H2 file store; " + description
                    + " is backed up with its own database's tools.");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("backup to '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException("Cannot back up " + description + " to " + zip + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** The version of the last migration applied to the store (Flyway's history), or "none". */
    public String schemaVersion() {
        try {
            return dsl.select(DSL.field(DSL.name("version"), String.class))
                    .from(DSL.table(DSL.name("flyway_schema_history")))
                    .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
                    .and(DSL.field(DSL.name("version"), String.class).isNotNull())
                    .orderBy(DSL.field(DSL.name("installed_rank")).desc()).limit(1)
                    .fetchOptional(0, String.class).orElse("none");
        } catch (org.jooq.exception.DataAccessException e) {
            return "none";
        }
    }

    /** The store's current WRITE_DELAY as H2 reports it (null on other databases). */
    public String writeDelay() {
        if (dialect != SQLDialect.H2) {
            return null;
        }
        return dsl.fetchValue(DSL.field(
                "(select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY')",
                String.class));
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new StoreException("Cannot close " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The smallest DataSource over DriverManager; enough for a database reached over the network. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
