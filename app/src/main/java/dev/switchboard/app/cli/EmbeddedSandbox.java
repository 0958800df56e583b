package dev.switchboard.app.cli;

import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.nio.file.Path;

/**
 * The sandbox org a data folder uses when no Genesys org is configured: its state (and its virtual clock) in
 * {@code <data>/sandbox/org-state.json}, so it survives restarts like a real org.
 */
final class EmbeddedSandbox {
    private EmbeddedSandbox() {
    }

    static Sandbox start(Path dataDir, int port, double speed) {
        return Sandbox.start(SandboxConfig.defaults().withPort(port).withClockSpeed(speed)
                .withStateFile(dataDir.resolve("sandbox").resolve("org-state.json")));
    }

    static OrgConnection connection(Sandbox sandbox) {
        return OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                sandbox.clientSecret().toCharArray());
    }
}
