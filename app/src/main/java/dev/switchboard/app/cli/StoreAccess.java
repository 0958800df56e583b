package dev.switchboard.app.cli;

import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Opens the store for one command, and turns "held by the console" into a plain sentence and exit code 4. */
final class StoreAccess {
    private StoreAccess() {
    }

    /**
     * Runs {@code work} with the workspace open, or prints why the store is unavailable and returns 4. When an engine
     * holds the store, the whole command line is sent to it and run there (its output comes back).
     */
    static int with(Path dataDir, String command, PrintWriter err, WorkspaceWork work) throws Exception {
        Workspace running = EngineHost.ambient(dataDir);
        if (running != null) {
            return work.run(running);
        }
        SwitchboardCommand.Invocation invocation = SwitchboardCommand.CURRENT.get();
        Optional<Integer> forwarded = forward(dataDir, command, invocation, 0);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        Workspace workspace;
        try {
            workspace = Workspace.open(dataDir, "the command 'switchboard " + command + "'");
        } catch (StoreUnavailableException e) {
            // an engine that is still starting holds the store before its API is up: wait for the API briefly
            if (e.getMessage().contains("Switchboard engine") || e.getMessage().contains("Switchboard console")) {
                forwarded = forward(dataDir, command, invocation, 30);
                if (forwarded.isPresent()) {
                    return forwarded.get();
                }
            }
            err.println("switchboard " + command + ": " + e.getMessage());
            return ExitCodes.STORE;
        }
        try (workspace) {
            return work.run(workspace);
        }
    }

    /**
     * Runs the command line in the engine that holds the store, if its API answers within {@code waitSeconds};
     * empty when there is no engine (or no command line to send).
     */
    private static Optional<Integer> forward(Path dataDir, String command, SwitchboardCommand.Invocation invocation,
                                             int waitSeconds) throws Exception {
        if (invocation == null) {
            return Optional.empty();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (true) {
            Optional<EngineApiClient> engine = EngineApiClient.connect(dataDir);
            if (engine.isPresent()) {
                try (EngineApiClient client = engine.get()) {
                    return Optional.of(Forwarding.forward(client, invocation, command, dataDir));
                }
            }
            if (System.nanoTime() >= until) {
                return Optional.empty();
            }
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    interface WorkspaceWork {
        int run(Workspace workspace) throws Exception;
    }

    /** The list's import with that id, or its last import when {@code importId} is null; null when none. */
    static ImportRecord importOf(Workspace workspace, ListSummary list, Long importId) {
        if (importId == null) {
            return list.lastImport();
        }
        return workspace.contacts().imports(list.list().id()).stream()
                .filter(i -> i.id() == importId).findFirst().orElse(null);
    }

    static PrintWriter err(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}
