package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.WorkspaceCampaigns;
import dev.switchboard.app.console.common.FxDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.Importer;
import dev.switchboard.app.console.shell.Screens;
import dev.switchboard.app.console.shell.ShellView;
import dev.switchboard.app.console.shell.ShellViewModel;
import dev.switchboard.app.console.shell.ThemePreference;
import dev.switchboard.engine.DataFolder;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The JavaFX console. {@link #launch(Path, String[])} starts it on a data folder; the window shows at once, the
 * store opens in the background, and closing the window closes the store and stops the executors.
 */
public final class ConsoleApp extends Application {
    static final String HOLDER = "the Switchboard console";

    private static volatile Path launchDataDir;

    private AppContext context;
    private ShellViewModel shellVm;

    /** Starts the console on {@code dataDir} and returns when its window has closed. */
    public static void launch(Path dataDir, String[] args) {
        useDataDir(dataDir);
        Application.launch(ConsoleApp.class, args);
    }

    /** The data folder the next {@link #start} opens (tests start the application without {@link #launch}). */
    static void useDataDir(Path dataDir) {
        launchDataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public void start(Stage stage) {
        Path dataDir = launchDataDir != null ? launchDataDir : DataFolder.resolve();
        context = new AppContext(dataDir);
        EngineLink engine = context.engine();
        shellVm = new ShellViewModel(dataDir, ThemePreference.user(), context.tasks(),
                () -> context.openWorkspace(HOLDER), engine);
        FxDialogService dialogs = new FxDialogService(() -> focusedWindowOr(stage));
        ShellView shell = new ShellView(shellVm, workspace -> {
            ConsoleServices services = new ConsoleServices(workspace.contacts(), Importer.of(workspace.imports()),
                    context.tasks(), dialogs, context.stopping(),
                    dev.switchboard.app.console.timeline.ContactTimelines.of(workspace, context.clock()));
            return new Screens(services.listsView(), services.campaignsView(
                    new WorkspaceCampaigns(workspace, engine::host), engine));
        }, Platform::exit);

        Scene scene = new Scene(shell.root(), 1280, 800);
        scene.getStylesheets().add(Ui.stylesheet());
        shell.installShortcuts(scene);
        stage.setTitle("Switchboard");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        shellVm.open();
    }

    @Override
    public void stop() {
        if (shellVm != null) {
            shellVm.close();
        }
        if (context != null) {
            context.close();
        }
    }

    private static Window focusedWindowOr(Window fallback) {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(fallback);
    }
}
