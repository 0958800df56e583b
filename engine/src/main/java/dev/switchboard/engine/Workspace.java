package dev.switchboard.engine;

import dev.switchboard.engine.backup.BackupService;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.Settlement;
import dev.switchboard.engine.campaigns.Timelines;
import dev.switchboard.engine.ops.Operations;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.redact.LogMask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.genesys.OrgSettings;
import dev.switchboard.engine.secrets.SecretVault;
import dev.switchboard.engine.secrets.StoreKeys;
import dev.switchboard.engine.secrets.Vaults;
import dev.switchboard.engine.rules.RulePackException;
import dev.switchboard.engine.rules.RulePackLoader;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.persistence.EngineRepository;
import java.util.function.Supplier;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.engine.throughput.SenderService;
import dev.switchboard.engine.throughput.SenderThrottle;
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
import dev.switchboard.persistence.SenderRepository;
import dev.switchboard.persistence.SequenceRepository;
import dev.switchboard.persistence.SuppressionRepository;
import dev.switchboard.persistence.TemplateRepository;
import dev.switchboard.persistence.UserRepository;
import dev.switchboard.persistence.ContactListRepository;
import dev.switchboard.persistence.ContactRepository;
import dev.switchboard.persistence.DialerRepository;
import dev.switchboard.persistence.InboundRepository;
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
    /** Loads the shipped rule pack once; a broken pack fails each use with its message. */
    private static final class RulePackSupplier implements Supplier<RulePack> {
        private volatile RulePack pack;

        @Override
        public RulePack get() {
            RulePack p = pack;
            if (p == null) {
                try {
                    p = RulePackLoader.loadDefault();
                } catch (RulePackException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                pack = p;
            }
            return p;
        }
    }

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
    private final EngineRepository engineRepository;
    private final AuditLogRepository auditLog;
    private final CampaignService campaigns;
    private final SenderService senders;
    private final SenderThrottle senderThrottle;
    private final Supplier<RulePack> rulePack;
    private final dev.switchboard.engine.dnc.DncService dnc;
    private final SecretVault vault;
    private final BackupService backups;

    private Workspace(Path dataDir, StoreLock lock, Store store, SecretVault vault, Clock clock) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.store = store;
        this.vault = vault;
        this.backups = new BackupService(dataDir, store, vault, Clock.systemUTC());
        ContactListRepository lists = new ContactListRepository(store);
        ImportRepository importRepository = new ImportRepository(store);
        this.imports = new ImportService(lists, importRepository, new ContactImportWriter(store), clock);
        this.contacts = new StoreContactDirectory(lists, new ContactRepository(store), importRepository);
        AuditLogRepository auditLog = new AuditLogRepository(store);
        this.auditLog = auditLog;
        this.users = new UserService(new UserRepository(store), auditLog, new PasswordHasher(), clock);
        this.templates = new TemplateService(new TemplateRepository(store), auditLog, clock);
        this.audit = new AuditService(auditLog);
        this.sequences = new SequenceService(new SequenceRepository(store), templates, auditLog, clock);
        this.engineRepository = new EngineRepository(store);
        this.suppressions = new SuppressionService(new SuppressionRepository(store), auditLog, clock,
                engineRepository::checkpointSync);
        this.rulePack = new RulePackSupplier();
        this.dnc = new dev.switchboard.engine.dnc.DncService(new dev.switchboard.persistence.DncRepository(store),
                auditLog, rulePack, clock);
        suppressions.derive(dnc::rndSuppressions);
        this.campaigns = new CampaignService(engineRepository, contacts, sequences, templates, auditLog, rulePack,
                clock, dnc.freshness());
        SenderRepository senderRepository = new SenderRepository(store);
        this.senders = new SenderService(senderRepository, auditLog, clock);
        this.senderThrottle = new SenderThrottle(senderRepository, senders);
        senders.onChange(senderThrottle::reload);
        if (DemoTemplates.seedIfNew(users, templates) > 0) {
            sequences.seedDemoIfNew();
        }
    }

    /**
     * Opens the store in {@code dataDir} (created when missing) for this process. Does IO: never on the FX thread.
     *
     * @param holder what this process is, shown to a second process that finds the store taken,
     *               e.g. "the Switchboard console"
     */
    public static Workspace open(Path dataDir, String holder) throws StoreUnavailableException {
        return open(dataDir, holder, null);
    }

    /**
     * As {@link #open(Path, String)}, with the folder's secrets (the store's key) in {@code vault} rather than the
     * vault the folder chose ({@link Vaults}): for tests and benchmarks' scratch folders. The store is encrypted
     * either way.
     */
    public static Workspace open(Path dataDir, String holder, SecretVault vault) throws StoreUnavailableException {
        StoreLock lock;
        try {
            lock = StoreLock.acquire(dataDir, holder);
        } catch (StoreLockedException e) {
            throw new StoreUnavailableException(e.getMessage(), true, e);
        } catch (StoreException e) {
            throw new StoreUnavailableException(e.getMessage(), false, e);
        }
        return open(dataDir, lock, vault);
    }

    /**
     * Opens the store in {@code dataDir} whose lock this process already holds (a restore holds it throughout), with
     * its key from {@code vault} (null: the vault the folder chose); the workspace owns the lock from here on and
     * releases it on close (or when opening fails).
     */
    public static Workspace open(Path dataDir, StoreLock lock, SecretVault vault) throws StoreUnavailableException {
        try {
            SecretVault v = vault != null ? vault : Vaults.open(dataDir);
            return new Workspace(dataDir, lock, StoreKeys.open(dataDir, v), v, Clock.systemUTC());
        } catch (RuntimeException e) {
            lock.close();
            throw new StoreUnavailableException(e.getMessage(), false, e);
        }
    }

    /**
     * Opens the store of a data folder that no workspace has open, with its key from {@code vault} (benchmarks read
     * what they wrote after the workspace closed). The caller closes it.
     */
    public static Store openStore(Path dataDir, SecretVault vault) {
        return StoreKeys.open(dataDir, vault);
    }

    /**
     * Restores a backup into {@code dataDir} (no process may hold it), as {@code admin} of the backed-up store:
     * see {@link BackupService#restore}. The backup is opened with the folder's key (a backup is the encrypted file
     * as it was), and the restored store is opened here, the same way as every store.
     */
    public static BackupService.Restored restore(Path dataDir, Path zip, String admin, char[] password)
            throws java.io.IOException, BackupService.BackupInvalidException, PermissionDeniedException {
        SecretVault v = Vaults.open(dataDir);
        return BackupService.restore(dataDir, zip, admin, password, v, Clock.systemUTC(), (dir, held, work) -> {
            try (Workspace w = open(dir, held, v)) {
                return work.run(w.audit());
            } catch (StoreUnavailableException e) {
                throw new StoreException("The restored store in " + dir + " cannot be opened: " + e.getMessage(),
                        e);
            }
        });
    }

    /** Online backups of this store (H2's BACKUP TO), their rotation and schedule. */
    public BackupService backups() {
        return backups;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The folder's secrets: the store's key, the connected org's client secret. */
    public SecretVault vault() {
        return vault;
    }

    /** The connected Genesys org's settings (no secret), when one was connected with {@link #connectOrg}. */
    public java.util.Optional<OrgSettings> orgSettings() {
        return OrgSettings.load(dataDir);
    }

    /**
     * The connected org with its secret from the vault; empty when none is connected. The caller destroys it.
     * Throws IllegalStateException when the settings are there but the secret is not.
     */
    public java.util.Optional<OrgConnection> storedOrg() {
        java.util.Optional<OrgSettings> s = orgSettings();
        if (s.isEmpty()) {
            return java.util.Optional.empty();
        }
        String secret = vault.get(SecretVault.GENESYS_CLIENT_SECRET).orElseThrow(() -> new IllegalStateException(
                "The org " + s.get().where() + " is connected but its client secret is not in " + vault.describe()
                        + ": run 'switchboard org connect' again."));
        return java.util.Optional.of(s.get().connection(secret.toCharArray()));
    }

    /**
     * Connects the data folder to a Genesys org (an admin's act, audited): the secret goes into the vault, the rest
     * into {@value OrgSettings#FILE_NAME}. Replaces a previous connection.
     */
    public void connectOrg(Actor by, OrgSettings settings, char[] secret, Instant now)
            throws PermissionDeniedException {
        requireAdmin(by, "connect an org");
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("No client secret: set $GENESYS_CLIENT_SECRET or pipe it on standard"
                    + " input.");
        }
        boolean replacing = orgSettings().isPresent();
        OrgSettings stamped = new OrgSettings(settings.region(), settings.apiUrl(), settings.loginUrl(),
                settings.clientId(), now, by.name());
        vault.put(SecretVault.GENESYS_CLIENT_SECRET, new String(secret));
        try {
            stamped.save(dataDir);
        } catch (RuntimeException e) {
            if (!replacing) {
                vault.delete(SecretVault.GENESYS_CLIENT_SECRET);
            }
            throw e;
        }
        auditLog.append(by.name(), by.osLogin(), "org.connect", "genesys org " + stamped.where(),
                "client id " + stamped.clientId() + (replacing ? " (replaces the previous connection)" : ""), now);
    }

    /** Forgets the connected org and its secret (audited); false when none was connected. */
    public boolean disconnectOrg(Actor by, Instant now) throws PermissionDeniedException {
        requireAdmin(by, "disconnect the org");
        java.util.Optional<OrgSettings> s = orgSettings();
        vault.delete(SecretVault.GENESYS_CLIENT_SECRET);
        if (s.isEmpty()) {
            return false;
        }
        OrgSettings.delete(dataDir);
        auditLog.append(by.name(), by.osLogin(), "org.disconnect", "genesys org " + s.get().where(),
                "client id " + s.get().clientId(), now);
        return true;
    }

    private static void requireAdmin(Actor by, String what) throws PermissionDeniedException {
        if (by.profile().role() != dev.switchboard.model.user.Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role() + ") may not " + what
                    + ": that takes an admin profile.");
        }
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

    /** The SMS senders' registered limits. */
    public SenderService senders() {
        return senders;
    }

    /** The SMS senders' throughput buckets, durable in the store (for the engine's send path). */
    public SenderThrottle senderThrottle() {
        return senderThrottle;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    /** Genesys DNC lists, National DNC scrubs and Reassigned Numbers Database results. */
    public dev.switchboard.engine.dnc.DncService dnc() {
        return dnc;
    }

    /** The rule pack in use (loaded once, on first use). */
    public RulePack rulePack() {
        return rulePack.get();
    }

    /**
     * The campaign engine over this store, driving the org behind {@code org} on {@code clock}. Not started: the
     * caller starts and closes it. Only one engine may run per store (the workspace's lock makes sure of that).
     */
    public Engine newEngine(OrgConnection org, Clock clock, Engine.Options options) {
        GenesysClient client = org.client();
        // launch checks sync the Genesys DNC lists through the engine's client when the last sync is stale
        dnc.freshness().useClient(() -> client);
        return new Engine(dataDir, engineRepository, contacts, suppressions, templates, campaigns, rulePack, client,
                clock, options, new Engine.Links(new DialerRepository(store), new InboundRepository(store),
                        org.inboundQueueId(), dnc.genesys(client, clock),
                        senderThrottle));
    }

    /** The operator queue: attempts whose outcome is UNKNOWN, with what the reconciler found. */
    public List<Operations.QueueItem> operatorQueue() {
        List<Operations.QueueItem> out = new ArrayList<>();
        for (EngineRepository.AttemptRow a : engineRepository.attemptsInState("UNKNOWN", 10_000)) {
            String campaign = engineRepository.campaign(a.campaignId()).map(EngineRepository.CampaignRow::name)
                    .orElse("#" + a.campaignId());
            String key = contacts.contact(a.contactId()).map(c -> c.data().externalKey()).orElse("#" + a.contactId());
            out.add(new Operations.QueueItem(a.id(), campaign, key, a.stepId(), a.channel(),
                    a.address().contains("@") ? LogMask.email(a.address()) : LogMask.phone(a.address()),
                    a.createdAt(), a.epoch(), a.reason(), a.evidence()));
        }
        return out;
    }

    /**
     * An operator settles an UNKNOWN attempt as sent or not sent, with the reason (audited). Not sent puts the step
     * through the full gate again; sent counts the touch.
     */
    public void settleByOperator(Actor by, long attemptId, boolean sent, String reason, Instant now)
            throws PermissionDeniedException {
        if (!by.profile().role().mayOperateCampaigns()) {
            throw new PermissionDeniedException(by.name() + " (" + by.profile().role()
                    + ") may not settle attempts: that takes an operator, supervisor or admin profile.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required (--reason \"…\"): it goes into the audit log.");
        }
        EngineRepository.AttemptRow a = engineRepository.attempt(attemptId).orElseThrow(
                () -> new IllegalArgumentException("No attempt " + attemptId + "."));
        if (!a.state().equals("UNKNOWN")) {
            throw new IllegalArgumentException("Attempt " + attemptId + " is " + a.state()
                    + ", not UNKNOWN: nothing to settle.");
        }
        if (!new Settlement(engineRepository, contacts, campaigns).settle(a, sent, "operator " + by.name() + ": "
                + reason, null, null, now)) {
            throw new IllegalArgumentException("Attempt " + attemptId + " was settled meanwhile.");
        }
        auditLog.append(by.name(), by.osLogin(), "attempt.settle", "attempt " + attemptId,
                (sent ? "sent: " : "not sent: ") + reason, now);
    }

    /** The org the store is bound to ({@code genesys:ID}), once a campaign was launched. */
    public java.util.Optional<String> boundOrg() {
        return engineRepository.setting(CampaignService.ORG);
    }

    /** The last instant this store's engine saw (its clock may have been virtual and ahead of real time). */
    public java.util.Optional<Instant> lastEngineInstant() {
        return engineRepository.setting(Engine.CLOCK).map(Instant::parse);
    }

    /** The per-contact timeline and evidence over this store. */
    /** The engine's tables (campaigns, enrollments, attempts). */
    public EngineRepository engineRepository() {
        return engineRepository;
    }

    /** What the engine keeps in Genesys: its lists and campaigns there, and every contact it placed in them. */
    public DialerRepository dialerRepository() {
        return new DialerRepository(store);
    }

    /** The inbound events (intake, replies) and system replies. */
    public InboundRepository inbound() {
        return new InboundRepository(store);
    }

    /** Contacts by list and external key. */
    public ContactRepository contactRows() {
        return new ContactRepository(store);
    }

    public Timelines timelines() {
        return new Timelines(engineRepository, contacts, campaigns, rulePack, new InboundRepository(store));
    }

    public AuditService audit() {
        return audit;
    }

    /** What the compliance gate blocked, by rule across campaigns. */
    public dev.switchboard.engine.compliance.BlockService blocks() {
        return new dev.switchboard.engine.compliance.BlockService(new dev.switchboard.persistence.BlockRepository(
                store));
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
