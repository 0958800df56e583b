package dev.switchboard.app.console;

import dev.switchboard.app.console.common.FxTaskRunner;
import dev.switchboard.app.console.common.NamedThreadFactory;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.app.cli.Forwarding;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.app.console.settings.SpeedPreference;
import dev.switchboard.app.console.shell.VaultNeededException;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.secrets.PassphraseVault;
import dev.switchboard.engine.secrets.SecretVault;
import dev.switchboard.engine.secrets.VaultException;
import dev.switchboard.engine.secrets.Vaults;

import java.io.IOException;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The console's composition root for what lives as long as the window: the executors (made here once, shut down in
 * {@link #close()}), the task runner on them, and the workspace once it is open.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    private static final int WORKERS = 3;

    private final Path dataDir;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS,
            new NamedThreadFactory("switchboard-io", true));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("switchboard-timer", true));
    private final TaskRunner tasks = new FxTaskRunner(workers, timer);
    private final EngineLink engine = new EngineLink();
    private Workspace workspace;
    private volatile EngineHost host;
    /** Held while the engine starts and while the store closes: the two never overlap. */
    private final Object engineLock = new Object();
    private volatile boolean stopping;
    private final SpeedPreference speed;

    public AppContext(Path dataDir) {
        this(dataDir, SpeedPreference.user());
    }

    /** {@code speed}: the sandbox clock's speed the engine starts with (the Settings screen changes it). */
    public AppContext(Path dataDir, SpeedPreference speed) {
        this.dataDir = dataDir;
        this.speed = speed;
    }

    public SpeedPreference speedPreference() {
        return speed;
    }

    public Path dataDir() {
        return dataDir;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /**
     * The engine's clock once the console's engine runs (the sandbox's, which may run ahead of the wall clock),
     * the system clock before that.
     */
    public java.time.Clock clock() {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return java.time.Clock.system(zone);
            }

            @Override
            public java.time.Instant instant() {
                EngineHost h = host;
                return h == null ? java.time.Instant.now() : h.clock().instant();
            }
        };
    }

    /** The engine this console hosts, for the status bar and the Campaigns screen. */
    public EngineLink engine() {
        return engine;
    }

    /** True once the console is shutting down: long work (an import) stops at its next batch. */
    public BooleanSupplier stopping() {
        return () -> stopping;
    }

    /**
     * Opens the workspace and keeps it for {@link #close()}; the console is then the process that holds the store,
     * so it also runs the engine (on the data folder's sandbox org) and its loopback API, through which commands in
     * other terminals reach it. Set {@code -Dswitchboard.console.engine=false} to open the console without them.
     * Blocks: call it on a worker.
     */
    public Workspace openWorkspace(String holder) throws StoreUnavailableException {
        java.util.Optional<Vaults.Config> config = Vaults.config(dataDir);
        if (config.isPresent() && config.get().kind() == Vaults.Kind.PASSPHRASE && Vaults.passphrase() == null) {
            throw new VaultNeededException(VaultNeededException.Need.UNLOCK, "The data folder " + dataDir
                    + " keeps its secrets in a passphrase vault: type its passphrase to open the store.");
        }
        try {
            return keep(Workspace.open(dataDir, holder));
        } catch (StoreUnavailableException e) {
            if (!e.heldByAnotherProcess() && causedByVault(e) && Vaults.config(dataDir).isEmpty()) {
                throw new VaultNeededException(VaultNeededException.Need.CHOOSE, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Opens the workspace with a passphrase vault: {@code choose} makes the data folder use one (created with this
     * passphrase, the choice recorded in vault.json), else it opens the folder's existing one. The array is wiped.
     * Blocks: call it on a worker.
     */
    public Workspace openWithPassphrase(String holder, char[] passphrase, boolean choose)
            throws StoreUnavailableException {
        SecretVault vault;
        try {
            vault = choose ? Vaults.withFolderLock(dataDir, holder, () -> Vaults.usePassphrase(dataDir, passphrase))
                    : PassphraseVault.open(dataDir, passphrase);
        } catch (VaultException e) {
            throw new VaultNeededException(choose ? VaultNeededException.Need.CHOOSE
                    : VaultNeededException.Need.UNLOCK, e.getMessage());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        return keep(Workspace.open(dataDir, holder, vault));
    }

    private static boolean causedByVault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VaultException) {
                return true;
            }
        }
        return false;
    }

    private Workspace keep(Workspace opened) {
        synchronized (this) {
            if (!stopping) {
                workspace = opened;
                engine.opened(opened);
                if (Boolean.parseBoolean(System.getProperty("switchboard.console.engine", "true"))) {
                    // the sandbox and the engine start beside the first screen, which needs only the store
                    workers.execute(() -> startEngine(opened));
                } else {
                    engine.stopped("the engine is off in this console (-Dswitchboard.console.engine=false)");
                }
                return opened;
            }
        }
        opened.close();
        throw new CancellationException("the console is closing");
    }

    private void startEngine(Workspace opened) {
        synchronized (engineLock) {
            startEngineLocked(opened);
        }
    }

    /**
     * Stops the console's engine and starts it again on the org the data folder is connected to now (the sandbox
     * when none): what the Settings screen offers after connecting or disconnecting an org. Blocks: call it on a
     * worker. Returns where the engine now runs, or throws when it did not start (the status bar says so too).
     */
    public String restartEngine() {
        synchronized (engineLock) {
            Workspace opened;
            EngineHost old;
            synchronized (this) {
                opened = workspace;
                old = host;
                host = null;
            }
            if (opened == null || stopping) {
                throw new IllegalStateException("The store is not open.");
            }
            engine.stopped("the engine is restarting");
            if (old != null) {
                old.close();
            }
            startEngineLocked(opened);
            EngineHost now = host;
            if (now == null) {
                throw new IllegalStateException(String.valueOf(engine.status().problem()));
            }
            return now.where();
        }
    }

    private void startEngineLocked(Workspace opened) {
        EngineHost started;
        OrgConnection org = null;
        try {
            // the connected org, as the engine command does; the sandbox when none is connected
            org = opened.storedOrg().orElse(null);
            double clockSpeed = org == null ? speed.speed() : 1.0;
            started = EngineHost.start(opened, new EngineHost.Settings(org, clockSpeed, null, 0, 4,
                    Forwarding::install));
        } catch (IOException | RuntimeException e) {
            if (org != null) {
                org.destroy();
            }
            LOG.warn("The console's engine did not start; campaigns do not run while this console holds the store",
                    e);
            engine.failed("The engine did not start: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return;
        }
        synchronized (this) {
            if (!stopping && workspace == opened) {
                host = started;
                engine.started(started);
                LOG.info("Engine running in the console on {}", started.where());
                started.scheduleBackups(dev.switchboard.engine.backup.BackupService.DEFAULT_EVERY,
                        dev.switchboard.engine.backup.BackupService.DEFAULT_KEEP, line -> LOG.info("{}", line));
                return;
            }
        }
        started.close();
    }

    /** Stops running work, closes the workspace on a worker and waits (up to 15 s) for the workers to finish. */
    @Override
    public void close() {
        Workspace toClose;
        EngineHost hostToClose;
        synchronized (this) {
            stopping = true;
            toClose = workspace;
            workspace = null;
            hostToClose = host;
            host = null;
        }
        engine.stopped("the console is closing");
        timer.shutdownNow();
        if (toClose != null) {
            workers.execute(() -> {
                try {
                    synchronized (engineLock) {
                        EngineHost late;
                        synchronized (this) {
                            late = host;
                            host = null;
                        }
                        if (hostToClose != null) {
                            hostToClose.close();
                        }
                        if (late != null) {
                            late.close();
                        }
                    }
                    toClose.close();
                } catch (Exception e) {
                    LOG.warn("Closing the workspace failed", e);
                }
            });
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not finish within 15 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
