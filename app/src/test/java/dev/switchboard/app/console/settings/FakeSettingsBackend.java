package dev.switchboard.app.console.settings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** A {@link SettingsBackend} in memory: records what was asked, keeps copies of no secret, only their lengths. */
final class FakeSettingsBackend implements SettingsBackend {
    OrgInfo org = new OrgInfo(false, null, null, null, null, null, null, false, "Sandbox org", null);
    final List<String> calls = new ArrayList<>();
    final List<BackupEntry> backups = new ArrayList<>();
    char[] lastSecret;
    char[] lastPassword;
    RuntimeException failTest;
    Double speed = 1.0;
    double rememberedSpeed = 1.0;
    String adminPassword = "admin-pass-1";

    @Override
    public OrgInfo org() {
        return org;
    }

    @Override
    public List<String> regions() {
        return List.of("us_east_1", "eu_west_1");
    }

    @Override
    public TestResult testConnected() {
        calls.add("testConnected");
        if (failTest != null) {
            throw failTest;
        }
        return new TestResult(org.apiUrl(), OptionalLong.of(300));
    }

    @Override
    public TestResult test(Candidate candidate, char[] secret) {
        calls.add("test " + candidate.where() + " secret length " + secret.length);
        lastSecret = secret;
        if (failTest != null) {
            throw failTest;
        }
        return new TestResult("https://api.example.test", OptionalLong.empty());
    }

    @Override
    public void connect(Credentials by, Candidate candidate, char[] secret) throws Exception {
        lastSecret = secret;
        lastPassword = by.password();
        if (!adminPassword.equals(new String(by.password()))) {
            throw new Exception("Unknown profile or wrong password for '" + by.profile() + "'.");
        }
        calls.add("connect " + candidate.where() + " " + candidate.clientId() + " by " + by.profile());
        org = new OrgInfo(true, candidate.region(), candidate.region() == null ? candidate.apiUrl()
                : "https://api.mypurecloud.com", candidate.loginUrl(), candidate.clientId(), Instant.EPOCH,
                by.profile(), true, org.engineOrg(), null);
    }

    @Override
    public boolean disconnect(Credentials by) {
        calls.add("disconnect by " + by.profile());
        boolean was = org.connected();
        org = new OrgInfo(false, null, null, null, null, null, null, false, org.engineOrg(), null);
        return was;
    }

    @Override
    public String restartEngine() {
        calls.add("restart");
        org = new OrgInfo(org.connected(), org.region(), org.apiUrl(), org.loginUrl(), org.clientId(),
                org.connectedAt(), org.connectedBy(), org.secretInVault(), org.connected() ? "Genesys Cloud x"
                : "Sandbox org", null);
        speed = org.connected() ? null : rememberedSpeed;
        return org.connected() ? "the org at " + org.apiUrl() : "the sandbox org";
    }

    @Override
    public VaultInfo vault() {
        return new VaultInfo("Passphrase vault", "the passphrase vault /tmp/x/secrets.vault", "encrypted");
    }

    @Override
    public Path dataDir() {
        return Path.of("/tmp/x");
    }

    @Override
    public boolean openDataFolder() {
        calls.add("open folder");
        return false;
    }

    @Override
    public List<BackupEntry> backups() {
        return List.copyOf(backups);
    }

    @Override
    public BackupEntry backupNow(int keep) {
        calls.add("backup keep " + keep);
        BackupEntry b = new BackupEntry(Path.of("/tmp/x/backups/b" + backups.size() + ".zip"), "b" + backups.size()
                + ".zip", Instant.EPOCH, 1234, 12, 3, 40, 40, null);
        backups.add(0, b);
        return b;
    }

    @Override
    public VerifyResult verify(Path zip) {
        calls.add("verify " + zip.getFileName());
        return zip.getFileName().toString().startsWith("bad")
                ? new VerifyResult(zip.getFileName().toString(), List.of("the zip's SHA-256 differs"), -1, -1, 0)
                : new VerifyResult(zip.getFileName().toString(), List.of(), 12, 3, 40);
    }

    @Override
    public OptionalDouble sandboxSpeed() {
        return speed == null ? OptionalDouble.empty() : OptionalDouble.of(speed);
    }

    @Override
    public void setSandboxSpeed(double s) {
        calls.add("speed " + s);
        if (speed != null) {
            speed = s;
        }
        rememberedSpeed = s;
    }
}
