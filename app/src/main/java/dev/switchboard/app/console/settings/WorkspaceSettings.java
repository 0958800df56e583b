package dev.switchboard.app.console.settings;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.backup.BackupService;
import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.engine.genesys.OrgSettings;
import dev.switchboard.engine.secrets.SecretVault;
import dev.switchboard.engine.secrets.Vaults;
import dev.switchboard.engine.users.Actor;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link SettingsBackend} over the open workspace and the engine the console hosts. */
public final class WorkspaceSettings implements SettingsBackend {
    private final Workspace workspace;
    private final Supplier<EngineHost> host;
    private final Supplier<String> restart;
    private final Function<EngineHost, String> orgLabel;
    private final SpeedPreference speed;
    private final Clock clock;

    /**
     * @param restart  restarts the console's engine on the connected org and says where it runs
     * @param orgLabel names the org a running engine drives, as the status bar does
     */
    public WorkspaceSettings(Workspace workspace, Supplier<EngineHost> host, Supplier<String> restart,
                             Function<EngineHost, String> orgLabel, SpeedPreference speed, Clock clock) {
        this.workspace = workspace;
        this.host = host;
        this.restart = restart;
        this.orgLabel = orgLabel;
        this.speed = speed;
        this.clock = clock;
    }

    @Override
    public OrgInfo org() {
        EngineHost h = host.get();
        String engineOrg = h == null ? null : orgLabel.apply(h);
        String bound = workspace.boundOrg().orElse(null);
        Optional<OrgSettings> s = workspace.orgSettings();
        if (s.isEmpty()) {
            return new OrgInfo(false, null, null, null, null, null, null, false, engineOrg, bound);
        }
        OrgSettings o = s.get();
        boolean secret = workspace.vault().get(SecretVault.GENESYS_CLIENT_SECRET).isPresent();
        return new OrgInfo(true, o.region(), o.apiUrl().toString(), o.loginUrl().toString(), o.clientId(),
                o.connectedAt(), o.connectedBy(), secret, engineOrg, bound);
    }

    @Override
    public List<String> regions() {
        return OrgSettings.regions();
    }

    @Override
    public TestResult testConnected() {
        OrgConnection org = workspace.storedOrg().orElseThrow(() -> new IllegalStateException(
                "No org is connected: the engine drives the sandbox."));
        return test(org);
    }

    @Override
    public TestResult test(Candidate candidate, char[] secret) {
        return test(settings(candidate).connection(Arrays.copyOf(secret, secret.length)));
    }

    private static TestResult test(OrgConnection org) {
        try {
            OrgConnection.Check check = org.check();
            return new TestResult(org.apiBase().toString(), check.rateLimitPerMinute());
        } finally {
            org.destroy();
        }
    }

    @Override
    public void connect(Credentials by, Candidate candidate, char[] secret) throws Exception {
        OrgSettings settings = settings(candidate);
        workspace.connectOrg(actor(by), settings, secret, clock.instant());
    }

    @Override
    public boolean disconnect(Credentials by) throws Exception {
        return workspace.disconnectOrg(actor(by), clock.instant());
    }

    private Actor actor(Credentials by) throws Exception {
        return workspace.users().authenticate(by.profile(), by.password());
    }

    private static OrgSettings settings(Candidate c) {
        return new OrgSettings(c.region(), c.region() == null ? URI.create(c.apiUrl()) : null,
                c.region() == null ? URI.create(c.loginUrl()) : null, c.clientId(), null, null);
    }

    @Override
    public String restartEngine() {
        return restart.get();
    }

    @Override
    public VaultInfo vault() {
        Path dir = workspace.dataDir();
        String kind = Vaults.config(dir).map(c -> switch (c.kind()) {
            case KEYCHAIN -> "OS keychain";
            case PASSPHRASE -> "Passphrase vault";
            case MEMORY -> "In-memory vault (tests)";
        }).orElse("OS keychain");
        return new VaultInfo(kind, workspace.vault().describe(), Vaults.storeState(dir));
    }

    @Override
    public Path dataDir() {
        return workspace.dataDir().toAbsolutePath();
    }

    @Override
    public boolean openDataFolder() throws Exception {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return false;
        }
        Desktop.getDesktop().open(dataDir().toFile());
        return true;
    }

    @Override
    public List<BackupEntry> backups() throws Exception {
        return BackupService.list(BackupService.folder(workspace.dataDir())).stream()
                .map(WorkspaceSettings::entry).toList();
    }

    @Override
    public BackupEntry backupNow(int keep) {
        return entry(workspace.backups().backup(null, keep));
    }

    private static BackupEntry entry(BackupService.Backup b) {
        String name = b.zip().getFileName().toString();
        if (b.manifest().isEmpty()) {
            return new BackupEntry(b.zip(), name, null, b.size(), -1, -1, -1, -1, b.manifestProblem());
        }
        BackupService.Manifest m = b.manifest().get();
        return new BackupEntry(b.zip(), name, m.createdAt(), b.size(), m.census().contacts(),
                m.census().suppressions(), m.census().auditEntries(), m.auditVerifiedRows(), m.auditProblem());
    }

    @Override
    public VerifyResult verify(Path zip) throws Exception {
        BackupService.Verification v = BackupService.verify(zip, workspace.dataDir());
        BackupService.Counts found = v.found();
        return new VerifyResult(zip.getFileName().toString(), v.problems(), found == null ? -1 : found.contacts(),
                found == null ? -1 : found.suppressions(), v.auditRows());
    }

    @Override
    public OptionalDouble sandboxSpeed() {
        EngineHost h = host.get();
        return h == null ? OptionalDouble.empty() : h.sandboxSpeed();
    }

    @Override
    public void setSandboxSpeed(double factor) {
        EngineHost h = host.get();
        if (h != null && h.sandboxSpeed().isPresent()) {
            h.setSandboxSpeed(factor);
        }
        speed.setSpeed(factor);
    }
}
