package dev.switchboard.engine;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.contacts.ImportService;
import dev.switchboard.engine.contacts.StoreContactDirectory;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.PasswordHasher;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.ContactImportWriter;
import dev.switchboard.persistence.SequenceRepository;
import dev.switchboard.persistence.SuppressionRepository;
import dev.switchboard.persistence.TemplateRepository;
import dev.switchboard.persistence.UserRepository;
import dev.switchboard.persistence.ContactListRepository;
import dev.switchboard.persistence.ContactRepository;
import dev.switchboard.persistence.ImportRepository;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.StoreException;
import dev.switchboard.persistence.StoreLock;
import dev.switchboard.persistence.StoreLockedException;

import java.nio.file.Path;
import java.time.Clock;

/**
 * One opened data folder: the single-process lock, the store and the services over it. The console and each command
 * open exactly one; it is the composition root of everything below the app. Thread-safe.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataDir;
    private final StoreLock lock;
    private final Store store;
    private final ImportService imports;
    private final ContactDirectory contacts;
    private final UserService users;
    private final TemplateService templates;
    private final AuditService audit;
    private final SequenceService sequences;
    private final SuppressionService suppressions;

    private Workspace(Path dataDir, StoreLock lock, Store store, Clock clock) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.store = store;
        ContactListRepository lists = new ContactListRepository(store);
        ImportRepository importRepository = new ImportRepository(store);
        this.imports = new ImportService(lists, importRepository, new ContactImportWriter(store), clock);
        this.contacts = new StoreContactDirectory(lists, new ContactRepository(store), importRepository);
        AuditLogRepository auditLog = new AuditLogRepository(store);
        this.users = new UserService(new UserRepository(store), auditLog, new PasswordHasher(), clock);
        this.templates = new TemplateService(new TemplateRepository(store), auditLog, clock);
        this.audit = new AuditService(auditLog);
        this.sequences = new SequenceService(new SequenceRepository(store), templates, auditLog, clock);
        this.suppressions = new SuppressionService(new SuppressionRepository(store), auditLog, clock);
        DemoTemplates.seedIfNew(users, templates);
    }

    /**
     * Opens the store in {@code dataDir} (created when missing) for this process. Does IO: never on the FX thread.
     *
     * @param holder what this process is, shown to a second process that finds the store taken,
     *               e.g. "the Switchboard console"
     */
    public static Workspace open(Path dataDir, String holder) throws StoreUnavailableException {
        StoreLock lock;
        try {
            lock = StoreLock.acquire(dataDir, holder);
        } catch (StoreLockedException e) {
            throw new StoreUnavailableException(e.getMessage(), true, e);
        } catch (StoreException e) {
            throw new StoreUnavailableException(e.getMessage(), false, e);
        }
        try {
            return new Workspace(dataDir, lock, Store.openFile(dataDir), Clock.systemUTC());
        } catch (RuntimeException e) {
            lock.close();
            throw new StoreUnavailableException(e.getMessage(), false, e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public ImportService imports() {
        return imports;
    }

    public ContactDirectory contacts() {
        return contacts;
    }

    public UserService users() {
        return users;
    }

    public TemplateService templates() {
        return templates;
    }

    public SequenceService sequences() {
        return sequences;
    }

    public SuppressionService suppressions() {
        return suppressions;
    }

    public AuditService audit() {
        return audit;
    }

    /** The store's WRITE_DELAY, for status screens and the guard's tests. */
    public String writeDelay() {
        return store.writeDelay();
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            lock.close();
        }
    }
}
