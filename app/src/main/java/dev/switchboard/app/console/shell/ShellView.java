package dev.switchboard.app.console.shell;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.EngineState;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.common.Session;
import dev.switchboard.engine.Workspace;
import dev.switchboard.model.user.Role;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The window's frame: the top bar (name, About, theme switch), the navigation rail (Lists, Campaigns, Settings),
 * the screen, and the status bar (data folder, org, engine with its kill switch, store). Until the store is open
 * the screen area says so; when it cannot be opened it shows why, with a Quit button (or, when its vault needs an
 * answer, the passphrase vault's form).
 */
public final class ShellView {
    public static final KeyCombination IMPORT_SHORTCUT = KeyCombination.keyCombination("Shortcut+I");
    public static final KeyCombination NEW_CAMPAIGN_SHORTCUT = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination ABOUT_SHORTCUT = KeyCombination.keyCombination("F1");

    private final ShellViewModel vm;
    private final Function<Workspace, Screens> screens;
    private final Runnable quit;
    private final Session session;
    private Runnable onSwitchUser;
    private final BorderPane root = new BorderPane();
    private final Map<Screen, ToggleButton> railItems = new EnumMap<>(Screen.class);
    private Screens built;
    private final BorderPane content = new BorderPane();

    /** {@code screens} builds the screens once the store is open; {@code quit} ends the application. */
    public ShellView(ShellViewModel vm, Function<Workspace, Screens> screens, Runnable quit) {
        this(vm, screens, quit, new Session());
    }

    /** As above, the rail offering what the profile signed in to {@code session} may use. */
    public ShellView(ShellViewModel vm, Function<Workspace, Screens> screens, Runnable quit, Session session) {
        this.session = session;
        session.actorProperty().addListener((obs, was, now) -> showScreen());
        this.vm = vm;
        this.screens = screens;
        this.quit = quit;
        root.setId("shell");
        root.setTop(topBar());
        root.setBottom(statusBar());
        show(vm.stateProperty().get());
        vm.stateProperty().addListener((obs, was, now) -> show(now));
        vm.screenProperty().addListener((obs, was, now) -> showScreen());
        Themes.apply(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, was, dark) -> Themes.apply(dark));
    }

    public BorderPane root() {
        return root;
    }

    /** The screens, once the store is open (else null). */
    public Screens screens() {
        return built;
    }

    /**
     * Puts the shell's shortcuts into its scene: Ctrl+1 Lists, Ctrl+2 Campaigns, Ctrl+3 Settings (Cmd on
     * macOS), Ctrl+I the import
     * wizard, Ctrl+N a new campaign, F1 About.
     */
    public void installShortcuts(Scene scene) {
        for (Screen s : Screen.values()) {
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+" + s.key()), () -> {
                if (built != null && built.has(s) && s.offeredTo(role())) {
                    vm.show(s);
                }
            });
        }
        scene.getAccelerators().put(IMPORT_SHORTCUT, () -> {
            if (built != null) {
                vm.show(Screen.LISTS);
                built.lists().openImportWizard();
            }
        });
        scene.getAccelerators().put(NEW_CAMPAIGN_SHORTCUT, () -> {
            if (built != null) {
                vm.show(Screen.CAMPAIGNS);
                built.campaigns().openNewCampaign();
            }
        });
        scene.getAccelerators().put(ABOUT_SHORTCUT, this::openAbout);
    }

    /** Shows the About dialog: versions of the app, Java, JavaFX and the OS. */
    public void openAbout() {
        if (root.getScene() != null) {
            AboutDialog.show(root.getScene().getWindow(), vm.about());
        }
    }

    private void show(StoreState state) {
        switch (state) {
            case OPENING -> {
                root.setLeft(null);
                root.setCenter(opening());
            }
            case OPEN -> {
                if (built == null) {
                    built = screens.apply(vm.workspaceProperty().get());
                    built.campaigns().viewModel().start();
                    if (built.settings() != null) {
                        built.settings().viewModel().refresh();
                    }
                }
                root.setLeft(navRail());
                showScreen();
            }
            case FAILED -> {
                root.setLeft(null);
                root.setCenter(failed());
            }
            case VAULT -> {
                root.setLeft(null);
                root.setCenter(new VaultPane(vm, quit).root());
            }
        }
    }

    /** What "Switch user…" (or "Sign in…") in the status bar does. */
    public void setOnSwitchUser(Runnable action) {
        this.onSwitchUser = action;
    }

    private Role role() {
        return session.role().orElse(null);
    }

    private void showScreen() {
        if (built == null) {
            return;
        }
        Screen s = vm.screenProperty().get();
        if (!built.has(s) || !s.offeredTo(role())) {
            s = Screen.LISTS;
        }
        content.setCenter(switch (s) {
            case LISTS -> built.lists().root();
            case CAMPAIGNS -> built.campaigns().root();
            case SETTINGS -> built.settings().root();
            default -> built.pages().get(s).root();
        });
        if (content.getTop() == null) {
            content.setTop(noticeBar());
        }
        root.setCenter(content);
        ToggleButton item = railItems.get(s);
        if (item != null && !item.isSelected()) {
            item.setSelected(true);
        }
    }

    /** The hint above the screen (after the first start), with a button that dismisses it. */
    private Node noticeBar() {
        Label text = Ui.label("noticeText", "");
        text.textProperty().bind(vm.noticeProperty());
        text.setWrapText(true);
        text.setGraphic(Ui.icon(Feather.INFO));
        Button close = new Button(null, Ui.icon(Feather.X));
        close.setId("noticeClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip("Dismiss"));
        close.setOnAction(e -> vm.dismissNotice());
        HBox bar = new HBox(text, Ui.spacer(), close);
        bar.setId("noticeBar");
        bar.getStyleClass().add("notice-bar");
        bar.visibleProperty().bind(vm.noticeProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(32, 32);
        VBox box = new VBox(spinner, Ui.label(null, StoreState.OPENING.label(), "muted"));
        box.setId("openingPane");
        box.getStyleClass().add("loading-pane");
        return box;
    }

    private Node failed() {
        Label message = Ui.label("storeErrorMessage", "");
        message.textProperty().bind(vm.problemProperty());
        message.setWrapText(true);
        Button quitButton = Ui.button("quitButton", "Quit", null);
        quitButton.getStyleClass().add(Styles.DANGER);
        quitButton.setOnAction(e -> quit.run());
        VBox box = new VBox(Ui.icon(Feather.ALERT_OCTAGON),
                Ui.label(null, "Switchboard cannot open its store", "error-title"), message,
                Ui.label(null, "Data folder: " + vm.dataFolderProperty().get(), "muted"), quitButton);
        box.setId("storeErrorPane");
        box.getStyleClass().add("store-error");
        VBox centred = new VBox(box);
        centred.setAlignment(Pos.CENTER);
        return centred;
    }

    private HBox topBar() {
        FontIcon logo = Ui.icon(Feather.RADIO);
        logo.getStyleClass().add("app-logo");
        Label name = Ui.label("appName", "Switchboard", "app-name");
        Button about = new Button(null, Ui.icon(Feather.INFO));
        about.setId("aboutButton");
        about.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        about.setTooltip(new Tooltip("About Switchboard (F1)"));
        about.setOnAction(e -> openAbout());
        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.graphicProperty().bind(vm.darkThemeProperty().map(dark -> Ui.icon(dark ? Feather.SUN : Feather.MOON)));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.darkThemeProperty().map(dark -> dark ? "Light theme" : "Dark theme"));
        theme.setTooltip(tip);
        theme.setOnAction(e -> vm.toggleTheme());
        HBox bar = new HBox(logo, name, Ui.spacer(), about, theme);
        bar.setId("topBar");
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private VBox navRail() {
        if (!railItems.isEmpty()) {
            return (VBox) railItems.get(Screen.LISTS).getParent();
        }
        ToggleGroup group = new ToggleGroup();
        VBox rail = new VBox();
        for (Screen s : Screen.values()) {
            if (!built.has(s)) {
                continue;
            }
            ToggleButton item = new ToggleButton(s.label(), Ui.icon(switch (s) {
                case LISTS -> Feather.LIST;
                case CAMPAIGNS -> Feather.SEND;
                case TEMPLATES -> Feather.FILE_TEXT;
                case SEQUENCES -> Feather.GIT_MERGE;
                case COMPLIANCE -> Feather.SHIELD;
                case USERS -> Feather.USERS;
                case SETTINGS -> Feather.SETTINGS;
            }));
            item.setId("nav" + s.label());
            item.getStyleClass().add("nav-item");
            item.setToggleGroup(group);
            item.setTooltip(new Tooltip(s.label() + " (Ctrl+" + s.key() + ")"));
            item.setSelected(vm.screenProperty().get() == s);
            item.selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    vm.show(s);
                    if (s == Screen.SETTINGS) {
                        built.settings().viewModel().refresh();
                    } else if (built.pages().containsKey(s)) {
                        built.pages().get(s).onShow().run();
                    }
                }
            });
            // what the signed-in role is not offered leaves the rail (the services refuse it anyway)
            item.visibleProperty().bind(session.actorProperty().map(a -> s.offeredTo(a.profile().role()))
                    .orElse(s.offeredTo(null)));
            item.managedProperty().bind(item.visibleProperty());
            railItems.put(s, item);
            rail.getChildren().add(item);
        }
        // a rail item stays selected while its screen shows
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        rail.setId("navRail");
        rail.getStyleClass().add("nav-rail");
        return rail;
    }

    private Node statusBar() {
        Label folder = Ui.label("statusDataFolder", "");
        folder.setGraphic(Ui.icon(Feather.FOLDER));
        folder.textProperty().bind(vm.dataFolderProperty());
        Label org = Ui.label("statusOrg", "");
        org.setGraphic(Ui.icon(Feather.CLOUD));
        org.textProperty().bind(vm.engineStatusProperty().map(s -> s.org() == null ? "No org connected" : s.org()));
        FontIcon engineDot = Ui.icon(Feather.ACTIVITY);
        Label engine = Ui.label("statusEngine", "");
        engine.setGraphic(engineDot);
        engine.textProperty().bind(vm.engineLineProperty());
        Tooltip engineTip = new Tooltip();
        engineTip.setWrapText(true);
        engineTip.setMaxWidth(480);
        engine.setTooltip(engineTip);
        Runnable engineLook = () -> {
            EngineStatus s = vm.engineStatusProperty().get();
            StoreState store = vm.stateProperty().get();
            boolean open = store == StoreState.OPEN;
            engineTip.setText(!open ? (vm.problemProperty().get() != null ? vm.problemProperty().get()
                    : vm.engineLineProperty().get()) : s.problem() == null ? s.label() : s.problem());
            engineDot.getStyleClass().removeAll("opening", "open", "failed", "store-dot");
            engineDot.getStyleClass().add(!open ? (store == StoreState.FAILED ? "failed" : "opening")
                    : s.killSwitch() || s.state() == EngineState.FAILED ? "failed"
                    : s.state() == EngineState.RUNNING ? "open" : "opening");
            engineDot.getStyleClass().add("store-dot");
        };
        vm.engineStatusProperty().subscribe(engineLook);
        vm.stateProperty().subscribe(engineLook);
        vm.problemProperty().subscribe(engineLook);
        FontIcon dot = Ui.icon(Feather.CIRCLE);
        dot.getStyleClass().add("store-dot");
        Label store = Ui.label("statusStore", "");
        store.setGraphic(dot);
        store.textProperty().bind(vm.storeLineProperty());
        vm.stateProperty().subscribe(s -> {
            dot.getStyleClass().removeAll("opening", "open", "failed");
            dot.getStyleClass().add(s.name().toLowerCase(Locale.ROOT));
        });
        Label user = Ui.label("statusUser", "");
        user.setGraphic(Ui.icon(Feather.USER));
        user.textProperty().bind(session.actorProperty().map(a -> a.name() + " (" + a.profile().role().name()
                .toLowerCase(Locale.ROOT) + ")").orElse("Nobody signed in"));
        Button switchUser = new Button();
        switchUser.setId("switchUserButton");
        switchUser.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        switchUser.textProperty().bind(session.actorProperty().map(a -> "Switch user…").orElse("Sign in…"));
        switchUser.setOnAction(e -> {
            if (onSwitchUser != null) {
                onSwitchUser.run();
            }
        });
        // not while the first start makes the first profile: there is nobody to sign in as yet
        switchUser.visibleProperty().bind(vm.stateProperty().isEqualTo(StoreState.OPEN)
                .and(vm.profilesReadyProperty().or(session.actorProperty().isNotNull())));
        switchUser.managedProperty().bind(switchUser.visibleProperty());
        HBox bar = new HBox(folder, Ui.spacer(), user, switchUser, org, engine, store);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
