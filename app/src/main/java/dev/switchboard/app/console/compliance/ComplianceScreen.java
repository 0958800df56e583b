package dev.switchboard.app.console.compliance;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.Workspace;

import java.time.Clock;
import java.util.function.LongConsumer;

/** Builds the Compliance screen over an open workspace: the shell's one entry point into this package. */
public final class ComplianceScreen {
    private ComplianceScreen() {
    }

    /**
     * The Compliance screen over {@code workspace}, acting as {@code session}'s profile; it starts reading at once.
     * Call on the FX thread once the store is open and someone is signed in.
     *
     * @param timelines opens a contact's timeline by store id (the shell's {@code ConsoleServices::openTimeline}),
     *                  or null: the blocks' drill-down then does not open timelines
     */
    public static ComplianceView create(Workspace workspace, TaskRunner tasks, DialogService dialogs,
                                        Session session, LongConsumer timelines) {
        ComplianceViewModel vm = new ComplianceViewModel(new WorkspaceCompliance(workspace), tasks, dialogs,
                session, Clock.systemDefaultZone());
        if (timelines != null) {
            vm.blocks().setTimelineOpener(timelines);
        }
        ComplianceView view = new ComplianceView(vm);
        vm.refresh();
        return view;
    }
}
