package dev.switchboard.app.console.sequences;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.sequences.SequenceService;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.SequenceProblem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Sequences screen: the stored sequences on the left (New sequence, the shipped ones), the designer in the middle
 * (a toolbar with undo, redo, auto-layout, Save draft and Publish; the canvas; the problems under it, each selecting
 * its step) and the properties of the selection and the version history on the right.
 */
public final class SequencesView {
    static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final SequencesViewModel vm;
    private final DesignerViewModel designer;
    private final BorderPane root = new BorderPane();
    private final CanvasView canvas;

    public SequencesView(SequencesViewModel vm) {
        this.vm = vm;
        this.designer = vm.designer();
        this.canvas = new CanvasView(designer);
        root.setId("sequencesScreen");
        root.getStylesheets().add(stylesheet());
        root.setTop(header());
        SplitPane split = new SplitPane();
        Node left = listPane();
        Node right = sidePane();
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        split.getItems().addAll(left, designerPane(), right);
        split.setDividerPositions(0.19, 0.75);
        root.setCenter(split);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        designer.loadsProperty().subscribe(() -> javafx.application.Platform.runLater(canvas::fitReadable));
    }

    public Parent root() {
        return root;
    }

    public SequencesViewModel viewModel() {
        return vm;
    }

    static String stylesheet() {
        var url = SequencesView.class.getResource("sequences.css");
        if (url == null) {
            throw new IllegalStateException("sequences.css is not on the class path");
        }
        return url.toExternalForm();
    }

    private void keys(KeyEvent e) {
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (UNDO.match(e)) {
            designer.undo();
        } else if (REDO.match(e) || REDO_Y.match(e)) {
            designer.redo();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            designer.deleteSelection();
        } else {
            return;
        }
        e.consume();
    }

    private Node header() {
        Label title = Ui.label("sequenceTitle", "", Styles.TITLE_4);
        title.textProperty().bind(designer.graphProperty().map(g -> g.sequence().name()));
        Label status = Ui.label("sequenceStatus", "", "seq-status");
        status.textProperty().bind(vm.statusProperty());
        Label notice = Ui.label("sequenceNotice", "", "muted");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.SOMETIMES);

        Button undo = toolButton("undoButton", Feather.CORNER_UP_LEFT, designer::undo);
        undo.disableProperty().bind(designer.canUndoProperty().not());
        undo.tooltipProperty().bind(designer.undoLabelProperty().map(s -> new Tooltip(s + " (Ctrl+Z)")));
        Button redo = toolButton("redoButton", Feather.CORNER_UP_RIGHT, designer::redo);
        redo.disableProperty().bind(designer.canRedoProperty().not());
        redo.tooltipProperty().bind(designer.redoLabelProperty().map(s -> new Tooltip(s + " (Ctrl+Shift+Z)")));
        Button layout = Ui.button("autoLayoutButton", "Auto-layout", Feather.GRID);
        layout.setOnAction(e -> {
            designer.autoLayout();
            canvas.fit();
        });
        layout.disableProperty().bind(designer.readOnlyProperty());

        Button editCopy = Ui.button("editAsDraftButton", "Edit as new draft", Feather.EDIT_2);
        editCopy.setOnAction(e -> vm.editAsNewDraft());
        editCopy.visibleProperty().bind(designer.readOnlyProperty());
        editCopy.managedProperty().bind(editCopy.visibleProperty());

        Button save = Ui.button("saveDraftButton", "Save draft", Feather.SAVE);
        save.setOnAction(e -> vm.saveDraft());
        save.disableProperty().bind(vm.saveBlockedProperty().isNotNull());
        Button publish = Ui.button("publishButton", "Publish", Feather.UPLOAD_CLOUD);
        publish.getStyleClass().add(Styles.ACCENT);
        publish.setOnAction(e -> vm.publish());
        publish.disableProperty().bind(vm.publishBlockedProperty().isNotNull());

        HBox bar = new HBox(8, title, status, notice, Ui.spacer(), undo, redo, new Separator(
                javafx.geometry.Orientation.VERTICAL), layout, editCopy, explained(save, vm.saveBlockedProperty(),
                "Store the sequence as a draft, with its layout"), explained(publish, vm.publishBlockedProperty(),
                "Publish it as a new version that campaigns can use"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("pane-header", "screen-header");
        // the buttons and the status keep their size; the notice gives way (its full text in a tooltip)
        for (Node n : List.of(status, undo, redo, layout, editCopy, save, publish)) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        title.setMinWidth(120);
        Tooltip noticeTip = new Tooltip();
        noticeTip.textProperty().bind(vm.noticeProperty());
        notice.setTooltip(noticeTip);
        return bar;
    }

    /**
     * A button in a holder carrying its tooltip: a disabled control shows no tooltip, so the holder explains why it
     * is disabled.
     */
    private static Node explained(Button button, javafx.beans.value.ObservableValue<String> blocked, String enabled) {
        StackPane holder = new StackPane(button);
        holder.setId(button.getId() + "Holder");
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.textProperty().bind(Bindings.createStringBinding(() -> blocked.getValue() == null ? enabled
                : blocked.getValue(), blocked));
        Tooltip.install(holder, tip);
        return holder;
    }

    private static Button toolButton(String id, org.kordamp.ikonli.Ikon ikon, Runnable action) {
        Button b = Ui.button(id, null, ikon);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node listPane() {
        ListView<SequenceBackend.Summary> list = new ListView<>(vm.sequences());
        list.setId("sequencesList");
        list.setCellFactory(v -> new SummaryCell());
        list.setPlaceholder(Ui.label(null, "No sequences yet", "muted"));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                SequenceBackend.Summary s = list.getSelectionModel().getSelectedItem();
                SequencesViewModel.Opened o = vm.openedProperty().get();
                if (!s.key().equals(o.key()) || o.readOnly()) {
                    vm.open(s);
                }
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button create = Ui.button("newSequenceButton", "New sequence", Feather.PLUS);
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(create, Priority.ALWAYS);
        create.setOnAction(e -> vm.newSequence());
        MenuButton shipped = new MenuButton(null, Ui.icon(Feather.PACKAGE));
        shipped.setId("shippedMenu");
        shipped.setTooltip(new Tooltip("Open a sequence shipped with Switchboard as a new draft"));
        vm.shipped().subscribe(() -> shipped.getItems().setAll(vm.shipped().stream().map(this::shippedItem).toList()));
        HBox actions = new HBox(6, create, shipped);
        VBox pane = new VBox(8, Ui.label(null, "Sequences", "section-title"), actions, list);
        pane.setId("sequencesPane");
        pane.getStyleClass().add("seq-list-pane");
        return pane;
    }

    private MenuItem shippedItem(Sequence s) {
        MenuItem item = new MenuItem(s.name());
        item.setId("shipped-" + s.id());
        item.setOnAction(e -> vm.openShipped(s));
        return item;
    }

    private Node designerPane() {
        ListView<SequenceProblem> problems = new ListView<>(designer.problems());
        problems.setId("problemsList");
        problems.setCellFactory(v -> new ProblemCell());
        problems.setPrefHeight(118);
        problems.setPlaceholder(new Label("No problems: the sequence can be published.", Ui.icon(Feather.CHECK)));
        problems.getSelectionModel().selectedItemProperty().subscribe(p -> {
            if (p != null && !p.stepId().isEmpty() && designer.getGraph().step(p.stepId()).isPresent()) {
                designer.selectedProperty().set(p.stepId());
                canvas.reveal(p.stepId());
            }
        });
        Label heading = Ui.label("problemsHeading", "", "seq-problems-heading");
        heading.textProperty().bind(Bindings.size(designer.problems()).map(n -> n.intValue() == 0 ? "Problems"
                : "Problems (" + n + ")"));
        heading.setGraphic(Ui.icon(Feather.ALERT_TRIANGLE));
        VBox bottom = new VBox(4, heading, problems);
        bottom.getStyleClass().add("seq-problems");
        Node c = canvas.root();
        VBox.setVgrow(c, Priority.ALWAYS);
        SplitPane split = new SplitPane(c, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(bottom, false);
        return split;
    }

    private Node sidePane() {
        Tab properties = new Tab("Properties", new PropertiesView(designer).root());
        properties.setId("propertiesTab");
        ListView<SequenceService.Version> versions = new ListView<>(vm.history());
        versions.setId("historyList");
        versions.setCellFactory(v -> new VersionCell());
        versions.setPlaceholder(Ui.label(null, "Not stored yet", "muted"));
        Button openVersion = Ui.button("openVersionButton", "Open read-only", Feather.EYE);
        openVersion.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
        openVersion.setOnAction(e -> vm.openVersion(versions.getSelectionModel().getSelectedItem()));
        versions.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openVersion(versions.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(versions, Priority.ALWAYS);
        VBox historyBox = new VBox(8, versions, openVersion);
        historyBox.getStyleClass().add("seq-history");
        Tab history = new Tab("History", historyBox);
        history.setId("historyTab");
        TabPane tabs = new TabPane(properties, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(290);
        tabs.setId("sequenceSideTabs");
        return tabs;
    }

    private static final class SummaryCell extends ListCell<SequenceBackend.Summary> {
        @Override
        protected void updateItem(SequenceBackend.Summary s, boolean empty) {
            super.updateItem(s, empty);
            setPrefWidth(0);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = Ui.label(null, s.name(), "seq-list-name");
            Label chip = Ui.label(null, s.published() ? "published" : "draft", "seq-chip",
                    s.published() ? "published" : "draft");
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            Label meta = Ui.label(null, s.key() + " · v" + s.version(), "muted", "seq-list-meta");
            HBox top = new HBox(6, name, Ui.spacer(), chip);
            top.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, meta));
            setText(null);
        }
    }

    private static final class VersionCell extends ListCell<SequenceService.Version> {
        @Override
        protected void updateItem(SequenceService.Version v, boolean empty) {
            super.updateItem(v, empty);
            setPrefWidth(0);
            if (empty || v == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = Ui.label(null, "v" + v.version() + " · " + v.name(), "seq-list-name");
            Label chip = Ui.label(null, v.published() ? "published" : "draft", "seq-chip",
                    v.published() ? "published" : "draft");
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            String who = v.published() ? "published by " + v.publishedBy() + ", " + WHEN.format(v.publishedAt())
                    : "drafted by " + v.author() + ", " + WHEN.format(v.createdAt());
            HBox top = new HBox(6, title, Ui.spacer(), chip);
            top.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, Ui.label(null, who, "muted", "seq-list-meta")));
        }
    }

    private static final class ProblemCell extends ListCell<SequenceProblem> {
        @Override
        protected void updateItem(SequenceProblem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label l = new Label(p.message(), Ui.icon(Feather.ALERT_CIRCLE));
            l.getStyleClass().add("problem");
            l.setWrapText(false);
            setGraphic(l);
            setText(null);
        }
    }
}
