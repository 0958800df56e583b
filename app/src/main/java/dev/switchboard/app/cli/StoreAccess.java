package dev.switchboard.app.cli;

import dev.switchboard.engine.StoreUnavailableException;
import dev.switchboard.engine.Workspace;
import dev.switchboard.model.contact.ImportRecord;
import dev.switchboard.model.contact.ListSummary;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Opens the store for one command, and turns "held by the console" into a plain sentence and exit code 4. */
final class StoreAccess {
    private StoreAccess() {
    }

    /**
     * Runs {@code work} with the workspace open, or prints why the store is unavailable and returns 4. When an engine
     * holds the store, the whole command line is sent to it and run there (its output comes back).
     */
    static int with(Path dataDir, String command, PrintWriter err, WorkspaceWork work) throws Exception {
        Workspace running = dev.switchboard.app.host.EngineHost.ambient(dataDir);
        if (running != null) {
            return work.run(running);
        }
        SwitchboardCommand.Invocation invocation = SwitchboardCommand.CURRENT.get();
        if (invocation != null) {
            java.util.Optional<dev.switchboard.engine.ipc.EngineApiClient> engine =
                    dev.switchboard.engine.ipc.EngineApiClient.connect(dataDir);
            if (engine.isPresent()) {
                try (var client = engine.get()) {
                    return Forwarding.forward(client, invocation, command, dataDir);
                }
            }
        }
        Workspace workspace;
        try {
            workspace = Workspace.open(dataDir, "the command 'switchboard " + command + "'");
        } catch (StoreUnavailableException e) {
            // an engine that is still starting holds the store before its API is up: wait for the API briefly
            if (invocation != null && (e.getMessage().contains("Switchboard engine")
                    || e.getMessage().contains("Switchboard console"))) {
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < until) {
                    java.util.Optional<dev.switchboard.engine.ipc.EngineApiClient> engine =
                            dev.switchboard.engine.ipc.EngineApiClient.connect(dataDir);
                    if (engine.isPresent()) {
                        try (var client = engine.get()) {
                            return Forwarding.forward(client, invocation, command, dataDir);
                        }
                    }
                    Thread.sleep(200);
                }
            }
            err.println("switchboard " + command + ": " + e.getMessage());
            return ExitCodes.STORE;
        }
        try (workspace) {
            return work.run(workspace);
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
