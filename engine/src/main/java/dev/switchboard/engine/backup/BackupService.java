package dev.switchboard.engine.backup;

import dev.switchboard.engine.AuditService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PasswordHasher;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.StoreCensus;
import dev.switchboard.persistence.StoreException;
import dev.switchboard.persistence.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups of the store: the policy (where, what name, how many are kept, when the engine takes one, what a manifest
 * holds, how a backup is verified and restored). The mechanics are H2's online {@code BACKUP TO}
 * ({@link Store#backupTo}), which copies the store file as it is (an encrypted store stays encrypted).
 *
 * <p>A backup is {@code switchboard-<UTC time>.zip} plus {@code switchboard-<UTC time>.manifest.json} (SHA-256 of the
 * zip, time, schema version, counts of contacts, suppressions and audit rows, the audit chain's head hash). Both are
 * written under temporary names ({@code .…tmp}) and moved into place, the manifest first: a zip under its final name
 * is always complete and described. The figures come from the backup itself (opened read-only in a private scratch
 * folder right after it is taken), so they match it even while the engine writes.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The backups' folder inside the data folder. */
    public static final String FOLDER = "backups";
    /** How many backups the data folder keeps by default (older ones are deleted after each new one). */
    public static final int DEFAULT_KEEP = 7;
    /** How often a running engine takes one by default. */
    public static final Duration DEFAULT_EVERY = Duration.ofHours(24);

    static final String PREFIX = "switchboard-";
    static final String ZIP = ".zip";
    static final String MANIFEST = ".manifest.json";
    private static final String STORE_FILE = Store.FILE_NAME + ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Store store;
    private final char[] key;
    private final Clock clock;

    /** Backups of {@code store}; its key, when it is encrypted, is in {@code vault} (backups copy the encrypted file). */
    public BackupService(Path dataDir, Store store, dev.switchboard.engine.secrets.SecretVault vault, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath();
        this.store = store;
        this.key = keyIn(vault);
        this.clock = clock;
    }

    /** The store key a vault holds, or null (a plain store). */
    static char[] keyIn(dev.switchboard.engine.secrets.SecretVault vault) {
        return vault == null ? null : vault.get(dev.switchboard.engine.secrets.SecretVault.STORE_KEY)
                .map(String::toCharArray).orElse(null);
    }

    /** The store key of a data folder's vault, or null when it has none or the vault cannot be opened. */
    static char[] keyOf(Path dataDir) {
        try {
            return keyIn(dev.switchboard.engine.secrets.Vaults.open(dataDir));
        } catch (RuntimeException e) {
            return null; // opening the copy then says it is encrypted and no key was given
        }
    }

    /** What a backup's manifest says. */
    public record Manifest(String file, String sha256, Instant createdAt, Counts census, long auditVerifiedRows,
                           String auditProblem) {
        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("format", 1);
            o.put("file", file);
            o.put("sha256", sha256);
            o.put("createdAt", createdAt.toString());
            o.put("schemaVersion", census.schemaVersion());
            o.put("contacts", census.contacts());
            o.put("suppressions", census.suppressions());
            o.put("auditEntries", census.auditEntries());
            o.put("auditHead", census.auditHead());
            o.put("auditVerifiedRows", auditVerifiedRows);
            if (auditProblem != null) {
                o.put("auditProblem", auditProblem);
            }
            return o;
        }

        static Manifest fromJson(JsonNode o) {
            for (String f : List.of("file", "sha256", "createdAt", "schemaVersion", "contacts", "suppressions",
                    "auditEntries", "auditHead")) {
                if (o.path(f).isMissingNode()) {
                    throw new IllegalArgumentException("it has no \"" + f + "\"");
                }
            }
            return new Manifest(o.path("file").asString(), o.path("sha256").asString(),
                    Instant.parse(o.path("createdAt").asString()),
                    new Counts(o.path("schemaVersion").asString(), o.path("contacts").asLong(),
                            o.path("suppressions").asLong(), o.path("auditEntries").asLong(),
                            o.path("auditHead").asString()),
                    o.path("auditVerifiedRows").asLong(), o.path("auditProblem").isMissingNode() ? null
                            : o.path("auditProblem").asString());
        }
    }

    /** What a store holds: schema version, contacts, suppressions, audit rows and the audit chain's head hash. */
    public record Counts(String schemaVersion, long contacts, long suppressions, long auditEntries,
                         String auditHead) {
        static Counts of(StoreCensus c) {
            return new Counts(c.schemaVersion(), c.contacts(), c.suppressions(), c.auditEntries(), c.auditHead());
        }
    }

    /** A backup could not be taken or restored (the message names the file and the step), or the store is held. */
    public static final class BackupException extends RuntimeException {
        private final boolean storeInUse;

        BackupException(String message, boolean storeInUse, Throwable cause) {
            super(message, cause);
            this.storeInUse = storeInUse;
        }

        /** Another process holds the store (a restore needs it free). */
        public boolean storeInUse() {
            return storeInUse;
        }
    }

    /** A backup on disk: its zip, and its manifest when it can be read (else why not). */
    public record Backup(Path zip, long size, Optional<Manifest> manifest, String manifestProblem) {
    }

    /** The outcome of verifying a backup: empty problems means it is sound. */
    public record Verification(Path zip, Manifest manifest, Counts found, long auditRows, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A backup failed verification; the message names the file and every problem. */
    public static final class BackupInvalidException extends Exception {
        private final Verification verification;

        BackupInvalidException(String message, Verification verification) {
            super(message);
            this.verification = verification;
        }

        public Verification verification() {
            return verification;
        }
    }

    /** The default folder of a data folder's backups. */
    public static Path folder(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FOLDER);
    }

    // ---- backup -----------------------------------------------------------------------------------------------

    /**
     * Takes a backup now, online. Into {@code toDir}, or the data folder's backups folder when null; there, only the
     * newest {@code keep} backups stay ({@code toDir} is never pruned).
     */
    public synchronized Backup backup(Path toDir, int keep) {
        try {
            return backupOnce(toDir, keep);
        } catch (StoreException e) {
            throw new BackupException(e.getMessage(), false, e);
        }
    }

    private Backup backupOnce(Path toDir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1, not " + keep);
        }
        Path dir = toDir == null ? folder(dataDir) : toDir.toAbsolutePath();
        try {
            createPrivateDirectories(dir);
            removeLeftovers(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot write backups to " + dir + ": " + e, e);
        }
        Instant at = clock.instant();
        String base;
        try {
            base = uniqueBase(dir, at);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + dir + ": " + e, e);
        }
        Path zip = dir.resolve(base + ZIP);
        Path tmpZip = dir.resolve("." + base + ZIP + ".tmp");
        Path tmpManifest = dir.resolve("." + base + MANIFEST + ".tmp");
        try {
            store.backupTo(tmpZip);
            force(tmpZip);
            String sha = sha256(tmpZip);
            Inspection copy = inspect(tmpZip, scratchParent(dataDir), key);
            Manifest m = new Manifest(zip.getFileName().toString(), sha, at, copy.census(), copy.auditRows(),
                    copy.auditProblem());
            Files.writeString(tmpManifest, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m.toJson())
                    + "\n");
            force(tmpManifest);
            move(tmpManifest, manifestOf(zip));
            move(tmpZip, zip);
            forceDirectory(dir);
            if (m.auditProblem() != null) {
                LOG.warn("backup {} holds an audit log that does not verify: {}", zip, m.auditProblem());
            }
            if (toDir == null) {
                rotate(dir, keep);
            }
            return new Backup(zip, Files.size(zip), Optional.of(m), null);
        } catch (IOException e) {
            throw new StoreException("Cannot write the backup " + zip + ": " + e, e);
        } finally {
            deleteQuietly(tmpZip);
            deleteQuietly(tmpManifest);
        }
    }

    /** A name later than every backup of the same second in {@code dir} (…Z, …Z-2, …Z-3), so it sorts newest. */
    private static String uniqueBase(Path dir, Instant at) throws IOException {
        String base = PREFIX + STAMP.format(at);
        int last = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, base + "*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                String rest = n.substring(base.length());
                if (rest.equals(ZIP) || rest.equals(MANIFEST)) {
                    last = Math.max(last, 1);
                } else if (rest.startsWith("-")) {
                    String digits = rest.substring(1).replaceFirst("\\..*$", "");
                    if (digits.matches("\\d{1,6}")) {
                        last = Math.max(last, Integer.parseInt(digits));
                    }
                }
            }
        }
        return last == 0 ? base : base + "-" + (last + 1);
    }

    /** Deletes the oldest backups of {@code dir} beyond the newest {@code keep} (and manifests without a zip). */
    static void rotate(Path dir, int keep) throws IOException {
        List<Path> zips = zipsIn(dir);
        for (int i = keep; i < zips.size(); i++) {
            Path z = zips.get(i);
            Files.deleteIfExists(manifestOf(z));
            Files.deleteIfExists(z);
            LOG.info("rotated out backup {}", z);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + MANIFEST)) {
            for (Path m : s) {
                String name = m.getFileName().toString();
                Path z = dir.resolve(name.substring(0, name.length() - MANIFEST.length()) + ZIP);
                if (!Files.exists(z)) {
                    Files.deleteIfExists(m);
                }
            }
        }
    }

    /** Temporary files a crashed backup left behind. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + PREFIX + "*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- list -------------------------------------------------------------------------------------------------

    /** The backups in {@code dir}, newest first (none when it does not exist). */
    public static List<Backup> list(Path dir) throws IOException {
        List<Backup> out = new ArrayList<>();
        for (Path z : zipsIn(dir)) {
            Optional<Manifest> m = Optional.empty();
            String problem = null;
            try {
                m = Optional.of(readManifest(z));
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage();
            }
            out.add(new Backup(z, Files.size(z), m, problem));
        }
        return out;
    }

    private static List<Path> zipsIn(Path dir) throws IOException {
        List<Path> zips = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return zips;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + ZIP)) {
            s.forEach(zips::add);
        }
        // names carry the UTC time (and -2, -3 … for more in the same second), so the name order is the time order
        zips.sort(Comparator.comparing(BackupService::stampOf).thenComparing(BackupService::sequenceOf).reversed());
        return zips;
    }

    private static String stampOf(Path zip) {
        String base = zip.getFileName().toString();
        base = base.substring(0, base.length() - ZIP.length());
        int dash = base.indexOf('-', PREFIX.length());
        return dash < 0 ? base : base.substring(0, dash);
    }

    private static int sequenceOf(Path zip) {
        String base = zip.getFileName().toString();
        base = base.substring(0, base.length() - ZIP.length());
        int dash = base.indexOf('-', PREFIX.length());
        try {
            return dash < 0 ? 1 : Integer.parseInt(base.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The manifest that belongs to a backup zip. */
    public static Path manifestOf(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.endsWith(ZIP) ? name.substring(0, name.length() - ZIP.length()) : name;
        return zip.resolveSibling(base + MANIFEST);
    }

    static Manifest readManifest(Path zip) throws IOException {
        Path m = manifestOf(zip);
        if (!Files.exists(m)) {
            throw new IOException("its manifest " + m + " is missing");
        }
        try {
            return Manifest.fromJson(JSON.readTree(Files.readString(m)));
        } catch (RuntimeException e) {
            throw new IOException("its manifest " + m + " cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- verify -----------------------------------------------------------------------------------------------

    /**
     * Verifies a backup: the zip's SHA-256 against its manifest, then the store inside it, opened read-only in a
     * private scratch folder under {@code dataDir} (deleted afterwards): the audit chain verifies, and the counts and
     * chain head match the manifest.
     */
    public static Verification verify(Path zip, Path dataDir) throws IOException {
        return verify(zip, dataDir, keyOf(dataDir));
    }

    /** As {@link #verify(Path, Path)}, with the store key of the backed-up store ({@code null}: a plain store). */
    static Verification verify(Path zip, Path dataDir, char[] key) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new java.nio.file.NoSuchFileException(zip.toString(), null, "no such backup file");
        }
        Manifest m = readManifest(zip);
        List<String> problems = new ArrayList<>();
        String sha = sha256(zip);
        if (!sha.equals(m.sha256())) {
            problems.add("the zip's SHA-256 is " + sha + " but its manifest says " + m.sha256()
                    + ": the file was changed or damaged after it was written");
            return new Verification(zip, m, null, 0, problems);
        }
        Inspection copy;
        try {
            copy = inspect(zip, scratchParent(dataDir), key);
        } catch (StoreException | IOException e) {
            problems.add("the store inside cannot be opened: " + e.getMessage());
            return new Verification(zip, m, null, 0, problems);
        }
        compare(m, copy, problems);
        return new Verification(zip, m, copy.census(), copy.auditRows(), problems);
    }

    private static void compare(Manifest m, Inspection copy, List<String> problems) {
        Counts want = m.census();
        Counts got = copy.census();
        if (copy.auditProblem() != null) {
            problems.add("its audit log does not verify: " + copy.auditProblem());
        }
        if (want.contacts() != got.contacts()) {
            problems.add("it holds " + got.contacts() + " contacts, its manifest says " + want.contacts());
        }
        if (want.suppressions() != got.suppressions()) {
            problems.add("it holds " + got.suppressions() + " suppressions, its manifest says "
                    + want.suppressions());
        }
        if (want.auditEntries() != got.auditEntries()) {
            problems.add("it holds " + got.auditEntries() + " audit entries, its manifest says "
                    + want.auditEntries());
        }
        if (!want.auditHead().equals(got.auditHead())) {
            problems.add("its audit chain ends in " + got.auditHead() + ", its manifest says " + want.auditHead());
        }
        if (!want.schemaVersion().equals(got.schemaVersion())) {
            problems.add("its schema version is " + got.schemaVersion() + ", its manifest says "
                    + want.schemaVersion());
        }
    }

    /** What a backup's store holds, read from a scratch copy. */
    record Inspection(Counts census, long auditRows, String auditProblem) {
    }

    private static Inspection inspect(Path zip, Path scratchParent, char[] key) throws IOException {
        Path scratch = createScratch(scratchParent, ".verify-");
        try {
            extract(zip, scratch);
            return inspectExtracted(scratch, key);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Inspection inspectExtracted(Path dir, char[] key) {
        try (Store copy = openCopy(dir, key)) {
            AuditService.Verification v = new AuditService(new AuditLogRepository(copy)).verify();
            return new Inspection(Counts.of(StoreCensus.of(copy)), v.rows(), v.problem().orElse(null));
        }
    }

    /** The one place a backup's store is opened (read-only), with the store key when it is encrypted. */
    private static Store openCopy(Path dir, char[] key) {
        return Store.openFileReadOnly(dir, key);
    }

    /** Extracts the store file of a backup zip into {@code dir}; refuses anything else inside it. */
    static void extract(Path zip, Path dir) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                if (!e.getName().equals(STORE_FILE)) {
                    throw new IOException(zip + " holds " + e.getName() + ", not only " + STORE_FILE
                            + ": not a Switchboard backup");
                }
                if (found) {
                    throw new IOException(zip + " holds " + STORE_FILE + " twice: not a Switchboard backup");
                }
                try (OutputStream out = Files.newOutputStream(dir.resolve(STORE_FILE),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    in.transferTo(out);
                }
                found = true;
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + " is not a readable zip: " + e.getMessage(), e);
        }
        if (!found) {
            throw new IOException(zip + " holds no " + STORE_FILE + ": not a Switchboard backup");
        }
        force(dir.resolve(STORE_FILE));
    }

    // ---- restore ----------------------------------------------------------------------------------------------

    /** What a restore did. */
    public record Restored(Manifest manifest, Path previousStore, long auditRows) {
    }

    /**
     * Restores a backup into {@code dataDir}, which no process may hold: takes the store lock (refused with a
     * {@link StoreException} naming the holder), verifies the backup in a scratch folder inside the data folder,
     * checks that {@code admin} is an admin of the backed-up store, keeps the current store as
     * {@code switchboard.mv.db.before-restore-<UTC time>}, puts the verified copy in its place (an atomic rename: at
     * every instant the store file is either the old or the restored one), then opens it through {@code opener} to
     * prove it works and appends the restore to its audit chain.
     *
     * @param opener opens the data folder with the lock already held (the workspace), runs {@code afterOpen}, closes
     */
    public static Restored restore(Path dataFolder, Path zip, String admin, char[] password,
                                   dev.switchboard.engine.secrets.SecretVault vault, Clock clock, Opener opener)
            throws IOException, BackupInvalidException, PermissionDeniedException {
        Path dataDir = dataFolder.toAbsolutePath();
        Files.createDirectories(dataDir);
        dev.switchboard.persistence.StoreLock lock;
        try {
            lock = dev.switchboard.persistence.StoreLock.acquire(dataDir, "the command 'switchboard restore'");
        } catch (dev.switchboard.persistence.StoreLockedException e) {
            throw new BackupException(e.getMessage(), true, e);
        } catch (StoreException e) {
            throw new BackupException(e.getMessage(), false, e);
        }
        boolean lockHandedOver = false;
        Path scratch = null;
        try {
            Verification v = verify(zip, dataDir, keyIn(vault));
            if (!v.ok()) {
                throw new BackupInvalidException(describe(v), v);
            }
            scratch = createScratch(scratchParent(dataDir), ".restore-");
            extract(zip, scratch);
            Actor actor = authenticateAdmin(scratch, admin, password, keyIn(vault), clock);
            Path live = dataDir.resolve(STORE_FILE);
            Instant now = clock.instant();
            Path aside = null;
            if (Files.exists(live)) {
                aside = dataDir.resolve(STORE_FILE + ".before-restore-" + STAMP.format(now));
                for (int n = 2; Files.exists(aside); n++) {
                    aside = dataDir.resolve(STORE_FILE + ".before-restore-" + STAMP.format(now) + "-" + n);
                }
                keepAside(live, aside);
            }
            // the restored file comes from an online backup: let the next open recover it like after a crash
            Files.deleteIfExists(dataDir.resolve(Store.CLEAN_MARKER));
            Files.deleteIfExists(dataDir.resolve(Store.FILE_NAME + ".trace.db"));
            move(scratch.resolve(STORE_FILE), live);
            forceDirectory(dataDir);
            Path previous = aside;
            lockHandedOver = true;
            long rows = opener.open(dataDir, lock, audit -> {
                AuditService.Verification check = audit.verify();
                if (check.problem().isPresent()) {
                    throw new StoreException("The restored store's audit log does not verify: "
                            + check.problem().get());
                }
                audit.append(actor.name(), actor.osLogin(), "store.restore", "store " + dataDir,
                        "from backup " + zip.getFileName() + " (sha-256 " + v.manifest().sha256() + ", taken "
                                + v.manifest().createdAt() + ")" + (previous == null ? ""
                                : "; the store before it kept as " + previous.getFileName()), clock.instant());
                return check.rows() + 1;
            });
            return new Restored(v.manifest(), previous, rows);
        } catch (StoreException e) {
            throw new BackupException(e.getMessage(), false, e);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
            if (!lockHandedOver) {
                lock.close();
            }
        }
    }

    /** Opens a data folder whose lock the caller already holds, gives its audit log to {@code work}, closes it. */
    @FunctionalInterface
    public interface Opener {
        long open(Path dataDir, dev.switchboard.persistence.StoreLock heldLock, AuditWork work);
    }

    /** Work on the freshly restored store's audit log. */
    @FunctionalInterface
    public interface AuditWork {
        long run(AuditService audit);
    }

    private static Actor authenticateAdmin(Path copyDir, String admin, char[] password, char[] key, Clock clock)
            throws PermissionDeniedException {
        try (Store copy = openCopy(copyDir, key)) {
            UserService users = new UserService(new UserRepository(copy), new AuditLogRepository(copy),
                    new PasswordHasher(), clock);
            Actor actor = users.authenticate(admin, password);
            if (actor.profile().role() != Role.ADMIN) {
                throw new PermissionDeniedException(admin + " (" + actor.profile().role()
                        + ") may not restore the store: that takes an admin profile of the backed-up store.");
            }
            return actor;
        }
    }

    /** Keeps the current store file under {@code aside}: a second name for the same file, else a copy. */
    private static void keepAside(Path live, Path aside) throws IOException {
        try {
            Files.createLink(aside, live);
            return;
        } catch (UnsupportedOperationException | IOException linkFailed) {
            LOG.debug("no hard link for {} ({}): copying it instead", aside, linkFailed.toString());
        }
        Path tmp = aside.resolveSibling("." + aside.getFileName() + ".tmp");
        Files.copy(live, tmp, StandardCopyOption.REPLACE_EXISTING);
        force(tmp);
        move(tmp, aside);
    }

    /** One line naming the backup and every problem found. */
    public static String describe(Verification v) {
        return "The backup " + v.zip() + " is not sound: " + String.join("; ", v.problems()) + ".";
    }

    // ---- schedule ---------------------------------------------------------------------------------------------

    /**
     * Takes a backup every {@code every} while the returned handle is open: the first when the newest backup in the
     * data folder is {@code every} old (at once, after {@code firstDelay}, when there is none or it is older).
     * Failures are reported and retried at the next turn.
     */
    public AutoCloseable schedule(Duration every, int keep, Duration firstDelay, Consumer<String> report) {
        if (every.isZero() || every.isNegative()) {
            return () -> { };
        }
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = Thread.ofPlatform().daemon().name("backup-scheduler").start(() -> {
            try {
                Duration wait = firstDelay;
                try {
                    List<Backup> existing = list(folder(dataDir));
                    if (!existing.isEmpty() && existing.getFirst().manifest().isPresent()) {
                        Duration age = Duration.between(existing.getFirst().manifest().get().createdAt(),
                                clock.instant());
                        Duration left = every.minus(age);
                        if (left.compareTo(wait) > 0) {
                            wait = left;
                        }
                    }
                } catch (IOException e) {
                    report.accept("backups: cannot read " + folder(dataDir) + ": " + e.getMessage());
                }
                while (true) {
                    Thread.sleep(wait.toMillis());
                    try {
                        Backup b = backup(null, keep);
                        report.accept("backup written: " + b.zip() + " (" + b.size() + " bytes)");
                    } catch (RuntimeException e) {
                        if (stopping.get()) {
                            // the engine stopped and its store closed under a backup that outlasted the wait below:
                            // no backup was written (it is written to a temporary file first), nothing failed
                            LOG.info("scheduled backup abandoned: the store closed while it ran");
                            return;
                        }
                        LOG.error("scheduled backup failed: {}", e.getMessage());
                        report.accept("backup FAILED: " + e.getMessage());
                    }
                    wait = every;
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        return () -> {
            stopping.set(true);
            t.interrupt();
            t.join(30_000);
        };
    }

    // ---- files ------------------------------------------------------------------------------------------------

    /** Scratch folders live inside the data folder (beside the store), never in a shared temporary folder. */
    private static Path scratchParent(Path dataDir) {
        return dataDir.toAbsolutePath();
    }

    private static Path createScratch(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return posix(parent) ? Files.createTempDirectory(parent, prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(parent, prefix);
    }

    /** Whether the folder's file store has POSIX permissions (elsewhere the data folder's own permissions apply). */
    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + from + " to " + to + " atomically: " + e.getMessage(), e);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " already exists", e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform lets a directory be synced; the renames are atomic regardless
            LOG.debug("{} not synced: {}", dir, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("cannot delete the scratch folder {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }
}
