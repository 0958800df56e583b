package dev.switchboard.app.cli;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.campaigns.CampaignService;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.ops.LocalOperations;
import dev.switchboard.engine.ops.OperationException;
import dev.switchboard.engine.ops.Operations;
import dev.switchboard.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Reaches Switchboard's campaigns for one command: through the running engine's loopback API when an engine runs,
 * else by opening the store (exactly one process ever holds it). Maps refusals to exit codes.
 */
final class OpsAccess {
    private OpsAccess() {
    }

    @FunctionalInterface
    interface OpsWork {
        int run(Operations ops) throws Exception;
    }

    static int with(CommandLine.Model.CommandSpec spec, String command, OpsWork work) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = SwitchboardCommand.dataDirOf(spec);
        Optional<EngineApiClient> client = EngineApiClient.connect(dataDir);
        if (client.isPresent()) {
            try (Operations ops = new dev.switchboard.engine.ops.RemoteOperations(client.get())) {
                return run(ops, command, err, work);
            }
        }
        return StoreAccess.with(dataDir, command, err, workspace -> {
            try (Operations ops = new LocalOperations(workspace, null, () -> sandboxFacts(workspace),
                    Clock.systemUTC())) {
                return run(ops, command, err, work);
            }
        });
    }

    /**
     * With no engine running, the launch checks read the data folder's sandbox org, started for the purpose; while it
     * runs, a stale sync of its DNC lists is renewed (when the store is not bound to another org).
     */
    private static CampaignService.OrgFacts sandboxFacts(dev.switchboard.engine.Workspace workspace) {
        try (Sandbox sandbox = EngineHost.startSandbox(workspace.dataDir(), 0, 1.0)) {
            var org = EngineHost.sandboxConnection(sandbox);
            CampaignService.OrgFacts facts = Engine.orgFactsOf(org);
            if (workspace.boundOrg().map(facts.orgKey()::equals).orElse(true)) {
                workspace.dnc().freshness().syncIfStale(org);
            }
            return facts;
        }
    }

    private static int run(Operations ops, String command, PrintWriter err, OpsWork work) throws Exception {
        try {
            return work.run(ops);
        } catch (OperationException e) {
            err.println("switchboard " + command + ": " + e.getMessage());
            return switch (e.kind()) {
                case INPUT -> ExitCodes.USAGE;
                case DENIED -> ExitCodes.DENIED;
                case REFUSED -> ExitCodes.CHECK_FAILED;
                case UNAVAILABLE -> ExitCodes.STORE;
            };
        }
    }

    /** The acting profile's credentials: the password from $SWITCHBOARD_PASSWORD or standard input. */
    static Operations.Credentials credentials(String as) {
        return new Operations.Credentials(as, new String(Passwords.actor()));
    }
}
