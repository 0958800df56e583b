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

    /** Runs {@code work} with the workspace open, or prints why the store is unavailable and returns 4. */
    static int with(Path dataDir, String command, PrintWriter err, WorkspaceWork work) throws Exception {
        Workspace workspace;
        try {
            workspace = Workspace.open(dataDir, "the command 'switchboard " + command + "'");
        } catch (StoreUnavailableException e) {
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
