package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.DialogService;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.Workspace;
import javafx.stage.Window;

import java.util.function.Supplier;

/** The Templates screen's entry point for the shell: builds the view over a workspace and starts reading. */
public final class TemplatesScreen {
    private TemplatesScreen() {
    }

    /**
     * The Templates screen over {@code workspace}, acting as the profile signed in to {@code session}. Call on the FX
     * thread; the templates, lists and campaign values are read in the background.
     */
    public static TemplatesView create(Workspace workspace, TaskRunner tasks, DialogService dialogs,
                                       Session session) {
        return create(new WorkspaceTemplates(workspace), tasks, dialogs, session);
    }

    /** The screen over any backend (tests use a fake one). */
    public static TemplatesView create(TemplatesBackend backend, TaskRunner tasks, DialogService dialogs,
                                       Session session) {
        TemplatesView[] view = new TemplatesView[1];
        Supplier<Window> owner = () -> view[0] == null || view[0].root().getScene() == null ? null
                : view[0].root().getScene().getWindow();
        TemplatesViewModel vm = new TemplatesViewModel(backend, tasks, dialogs, new FxReviewDialogs(owner), session);
        view[0] = new TemplatesView(vm);
        vm.refresh();
        return view[0];
    }
}
