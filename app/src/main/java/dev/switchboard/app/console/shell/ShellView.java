package dev.switchboard.app.console.shell;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.lists.ListsView;
import dev.switchboard.engine.Workspace;
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

import java.util.Locale;
import java.util.function.Function;

/**
 * The window's frame: the top bar (name, theme switch), the navigation rail (Lists, for now), the screen, and the
 * status bar (data folder, store state). Until the store is open the screen area says so; when it cannot be opened
 * it shows why, with a Quit button.
 */
public final class ShellView {
    public static final KeyCombination IMPORT_SHORTCUT = KeyCombination.keyCombination("Shortcut+I");

    private final ShellViewModel vm;
    private final Function<Workspace, ListsView> screens;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private ListsView lists;

    /** {@code screens} builds the Lists screen once the store is open; {@code quit} ends the application. */
    public ShellView(ShellViewModel vm, Function<Workspace, ListsView> screens, Runnable quit) {
        this.vm = vm;
        this.screens = screens;
        this.quit = quit;
        root.setId("shell");
        root.setTop(topBar());
        root.setBottom(statusBar());
        show(vm.stateProperty().get());
        vm.stateProperty().addListener((obs, was, now) -> show(now));
        Themes.apply(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, was, dark) -> Themes.apply(dark));
    }

    public BorderPane root() {
        return root;
    }

    /** Puts the shell's shortcuts into its scene: Ctrl+I (Cmd+I on macOS) opens the import wizard. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(IMPORT_SHORTCUT, () -> {
            if (lists != null) {
                lists.openImportWizard();
            }
        });
    }

    private void show(StoreState state) {
        switch (state) {
            case OPENING -> {
                root.setLeft(null);
                root.setCenter(opening());
            }
            case OPEN -> {
                if (lists == null) {
                    lists = screens.apply(vm.workspaceProperty().get());
                }
                root.setLeft(navRail());
                root.setCenter(lists.root());
            }
            case FAILED -> {
                root.setLeft(null);
                root.setCenter(failed());
            }
        }
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
        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.graphicProperty().bind(vm.darkThemeProperty().map(dark -> Ui.icon(dark ? Feather.SUN : Feather.MOON)));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.darkThemeProperty().map(dark -> dark ? "Light theme" : "Dark theme"));
        theme.setTooltip(tip);
        theme.setOnAction(e -> vm.toggleTheme());
        HBox bar = new HBox(logo, name, Ui.spacer(), theme);
        bar.setId("topBar");
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private VBox navRail() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton listsItem = new ToggleButton("Lists", Ui.icon(Feather.USERS));
        listsItem.setId("navLists");
        listsItem.getStyleClass().add("nav-item");
        listsItem.setToggleGroup(group);
        listsItem.setSelected(true);
        // a rail item stays selected while its screen shows
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        VBox rail = new VBox(listsItem);
        rail.setId("navRail");
        rail.getStyleClass().add("nav-rail");
        return rail;
    }

    private Node statusBar() {
        Label folder = Ui.label("statusDataFolder", "");
        folder.setGraphic(Ui.icon(Feather.FOLDER));
        folder.textProperty().bind(vm.dataFolderProperty());
        FontIcon dot = Ui.icon(Feather.CIRCLE);
        dot.getStyleClass().add("store-dot");
        Label store = Ui.label("statusStore", "");
        store.setGraphic(dot);
        store.textProperty().bind(vm.stateProperty().map(StoreState::label));
        vm.stateProperty().subscribe(s -> {
            dot.getStyleClass().removeAll("opening", "open", "failed");
            dot.getStyleClass().add(s.name().toLowerCase(Locale.ROOT));
        });
        HBox bar = new HBox(folder, Ui.spacer(), store);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
