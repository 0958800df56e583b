package dev.switchboard.app.console.sequences;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.Workspace;

/** Builds the Sequences screen over an open workspace; the shell puts its root in the navigation rail. */
public final class SequencesScreen {
    private SequencesScreen() {
    }

    /** The screen, acting as the session's profile, reading its sequences and templates in the background. */
    public static SequencesView create(Workspace workspace, TaskRunner tasks, DialogService dialogs, Session session) {
        return create(new WorkspaceSequences(workspace), tasks, dialogs, session);
    }

    /** The same over any backend (tests). */
    public static SequencesView create(SequenceBackend backend, TaskRunner tasks, DialogService dialogs,
                                       Session session) {
        SequencesViewModel vm = new SequencesViewModel(backend, tasks, dialogs, session);
        SequencesView view = new SequencesView(vm);
        vm.refresh();
        return view;
    }
}
