package dev.switchboard.app.console;

import dev.switchboard.app.console.campaigns.WorkspaceCampaigns;
import dev.switchboard.app.console.common.FxDialogService;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.Importer;
import dev.switchboard.app.console.settings.SettingsView;
import dev.switchboard.app.console.settings.SettingsViewModel;
import dev.switchboard.app.console.settings.WorkspaceSettings;
import dev.switchboard.app.console.shell.Screen;
import dev.switchboard.app.console.shell.Screens;
import dev.switchboard.app.console.start.FirstStartBackend;
import dev.switchboard.app.console.start.FirstStartViewModel;
import dev.switchboard.app.console.start.WelcomeDialog;
import dev.switchboard.app.console.start.WorkspaceFirstStart;
import dev.switchboard.app.console.shell.ShellView;
import dev.switchboard.app.console.shell.ShellViewModel;
import dev.switchboard.app.console.shell.ThemePreference;
import dev.switchboard.engine.DataFolder;
import dev.switchboard.app.console.campaigns.CampaignsView;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.app.console.compliance.ComplianceScreen;
import dev.switchboard.app.console.compliance.ComplianceView;
import dev.switchboard.app.console.users.UsersScreen;
import dev.switchboard.app.console.users.UsersView;
import dev.switchboard.engine.Workspace;
import dev.switchboard.app.console.sequences.SequencesScreen;
import dev.switchboard.app.console.sequences.SequencesView;
import dev.switchboard.app.console.shell.Screen;
import dev.switchboard.app.console.templates.TemplatesScreen;
import dev.switchboard.app.console.templates.TemplatesView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
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
    /** Who the console acts as: the first admin after the first start, else the profile that signed in. */
    private final Session session = new Session();

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
        shellVm.setPassphraseOpener((passphrase, choose) -> context.openWithPassphrase(HOLDER, passphrase,
                choose));
        FxDialogService dialogs = new FxDialogService(() -> focusedWindowOr(stage)).withSession(session);
        ShellView shell = new ShellView(shellVm, workspace -> {
            ConsoleServices services = new ConsoleServices(workspace.contacts(), Importer.of(workspace.imports()),
                    context.tasks(), dialogs, context.stopping(),
                    dev.switchboard.app.console.timeline.ContactTimelines.of(workspace, context.clock()));
            SettingsView settings = new SettingsView(new SettingsViewModel(new WorkspaceSettings(workspace,
                    engine::host, context::restartEngine, EngineLink::orgLabel, context.speedPreference(),
                    context.clock()), context.tasks(), dialogs));
            TemplatesView templates = TemplatesScreen.create(workspace, context.tasks(), dialogs, session);
            SequencesView sequences = SequencesScreen.create(workspace, context.tasks(), dialogs, session);
            CampaignsView campaigns = services.campaignsView(new WorkspaceCampaigns(workspace, engine::host), engine);
            campaigns.viewModel().setSignedIn(() -> session.actor().map(a -> a.name()).orElse(null));
            ComplianceView compliance = ComplianceScreen.create(workspace, context.tasks(), dialogs, session,
                    services::openTimeline);
            UsersView users = UsersScreen.create(workspace, context.tasks(), dialogs, session);
            Map<Screen, Screens.Page> pages = new EnumMap<>(Screen.class);
            pages.put(Screen.TEMPLATES, new Screens.Page(templates.root(), templates.viewModel()::refresh));
            pages.put(Screen.SEQUENCES, new Screens.Page(sequences.root(), sequences.viewModel()::refresh));
            pages.put(Screen.COMPLIANCE, new Screens.Page(compliance.root(), compliance.viewModel()::refresh));
            pages.put(Screen.USERS, new Screens.Page(users.root(), users.viewModel()::refresh));
            return new Screens(services.listsView(), campaigns, settings, pages);
        }, Platform::exit, session);
        shellVm.workspaceProperty().addListener((obs, was, workspace) -> {
            if (workspace != null) {
                offerFirstStart(stage, shell, workspace);
            }
        });
        shell.setOnSwitchUser(() -> {
            Workspace open = shellVm.workspaceProperty().get();
            if (open != null) {
                UsersScreen.switchUser(stage, open, context.tasks(), session);
            }
        });

        Scene scene = new Scene(shell.root(), 1280, 800);
        scene.getStylesheets().add(Ui.stylesheet());
        shell.installShortcuts(scene);
        stage.setTitle("Switchboard");
        // the taskbar's and the window switcher's icon (the installers' desktop entry uses the same picture)
        java.net.URL icon = ConsoleApp.class.getResource("/switchboard/icon.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm(), true)); // decoded off the FX thread
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        shellVm.open();
    }

    /**
     * When the store has no profile yet, the welcome dialog: the first admin, the demo data, then the Campaigns
     * screen with a hint to launch.
     */
    private void offerFirstStart(Stage stage, ShellView shell, Workspace workspace) {
        FirstStartViewModel vm = new FirstStartViewModel(new WorkspaceFirstStart(workspace, context.clock()),
                context.tasks());
        Runnable signIn = () -> UsersScreen.signIn(stage, workspace, context.tasks(), session, Platform::exit);
        vm.setOnNotNeeded(() -> {
            shellVm.profilesReady();
            signIn.run();
        });
        vm.setOnDone(result -> {
            shellVm.profilesReady();
            if (result.signedIn() != null) {
                session.signIn(result.signedIn());
            } else {
                signIn.run();
            }
            landOnCampaigns(shellVm, shell, result);
        });
        vm.neededProperty().addListener((obs, was, needed) -> {
            if (needed) {
                WelcomeDialog.open(stage, vm);
            }
        });
        vm.check();
    }

    /** After the first start: the Campaigns screen, re-read, with the hint above it. */
    static void landOnCampaigns(ShellViewModel shellVm, ShellView shell, FirstStartBackend.Result result) {
        shellVm.show(Screen.CAMPAIGNS);
        if (shell.screens() != null) {
            shell.screens().campaigns().viewModel().refresh();
        }
        shellVm.showNotice(FirstStartViewModel.hint(result));
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
