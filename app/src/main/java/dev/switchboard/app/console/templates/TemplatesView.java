package dev.switchboard.app.console.templates;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.TemplateState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Locale;

/**
 * The Templates screen: the templates on the left, the editor in the middle with versions and audit trail below it,
 * the preview, lint and coverage on the right. Binds to a {@link TemplatesViewModel}; does nothing else.
 */
public final class TemplatesView {
    static final String STYLESHEET = "/dev/switchboard/app/console/templates/templates.css";

    private final TemplatesViewModel vm;
    private final SplitPane root;
    private final TemplateEditor text;
    private final TemplateEditor html;
    private final TextField subject = new TextField();
    private final TabPane bodies;
    private final Tab textTab;
    private final Tab htmlTab;
    private final StackPane bodyHolder = new StackPane();

    public TemplatesView(TemplatesViewModel vm) {
        this.vm = vm;
        BooleanBinding sms = vm.channelProperty().isEqualTo(Channel.SMS);
        text = new TemplateEditor("templateText", vm.textBodyProperty(), vm.knownProperty(), sms, vm.completions(),
                vm.editableProperty());
        html = new TemplateEditor("templateHtml", vm.htmlBodyProperty(), vm.knownProperty(),
                Bindings.createBooleanBinding(() -> false), vm.completions(), vm.editableProperty());
        textTab = new Tab("Text");
        textTab.setId("textTab");
        htmlTab = new Tab("HTML", html.node());
        htmlTab.setId("htmlTab");
        bodies = new TabPane(textTab, htmlTab);
        bodies.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.channelProperty().addListener((obs, was, now) -> showChannel(now));

        PreviewPane preview = new PreviewPane(vm, this::reveal);
        SplitPane work = new SplitPane(editor(), preview.node());
        work.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(preview.node(), false);
        SplitPane centre = new SplitPane(work, new HistoryPane(vm.history()).node());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.7);
        StackPane middle = new StackPane(centre, placeholder());
        root = new SplitPane(templateList(), middle);
        root.setId("templatesScreen");
        root.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(root.getItems().getFirst(), false);
        root.getStylesheets().add(stylesheet());
        centre.visibleProperty().bind(vm.openProperty());
        showChannel(vm.channelProperty().get());
    }

    public Parent root() {
        return root;
    }

    public TemplatesViewModel viewModel() {
        return vm;
    }

    /** The text body's editor (tests look at its completion list). */
    TemplateEditor textEditor() {
        return text;
    }

    static String stylesheet() {
        var url = TemplatesView.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(STYLESHEET + " is not on the class path");
        }
        return url.toExternalForm();
    }

    private void showChannel(Channel channel) {
        boolean email = channel == Channel.EMAIL;
        subject.getParent().setVisible(email);
        subject.getParent().setManaged(email);
        // an SMS or a voice script has one body: no tabs around it
        if (email) {
            textTab.setContent(text.node());
            bodyHolder.getChildren().setAll(bodies);
        } else {
            textTab.setContent(null);
            bodyHolder.getChildren().setAll(text.node());
        }
    }

    private void reveal(TemplateText.Location at) {
        switch (at.field()) {
            case SUBJECT -> {
                subject.requestFocus();
                subject.selectRange(at.start(), at.end());
            }
            case TEXT -> {
                bodies.getSelectionModel().selectFirst();
                text.reveal(at.start(), at.end());
            }
            case HTML -> {
                bodies.getSelectionModel().select(htmlTab);
                html.reveal(at.start(), at.end());
            }
        }
    }

    private VBox templateList() {
        Button add = Ui.button("newTemplateButton", "New", Feather.PLUS);
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> vm.newTemplate());
        add.setTooltip(new Tooltip("Write a new template"));
        HBox header = new HBox(8, Ui.label(null, "Templates", "section-title"), Ui.spacer(), add);
        header.getStyleClass().add("pane-header");
        ListView<TemplateService.Entry> list = new ListView<>(vm.templates());
        list.setId("templatesList");
        list.setPlaceholder(Ui.label(null, "No templates yet.", "muted"));
        list.setCellFactory(lv -> new TemplateCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(header, list);
        box.getStyleClass().add("lists-pane");
        box.setMinWidth(220);
        return box;
    }

    private static final class TemplateCell extends ListCell<TemplateService.Entry> {
        TemplateCell() {
            // the list's width, not the content's, sizes the cell: the chip stays in view
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TemplateService.Entry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var v = item.version();
            Label name = Ui.label(null, v.template().name(), "list-name");
            Label meta = Ui.label(null, v.template().channel() + " · v" + v.template().version() + " · "
                    + v.template().id(), "list-meta");
            HBox bottom = new HBox(6, meta, Ui.spacer(), chip(v.state()));
            bottom.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(3, name, bottom);
            box.getStyleClass().add("template-cell");
            setText(null);
            setGraphic(box);
        }
    }

    static Label chip(TemplateState state) {
        Label chip = new Label();
        chip.getStyleClass().add("chip");
        chip.setMinWidth(Label.USE_PREF_SIZE);
        showState(chip, state);
        return chip;
    }

    static void showState(Label chip, TemplateState state) {
        chip.getStyleClass().removeIf(c -> c.startsWith("template-state-"));
        chip.setVisible(true);
        if (state == null) {
            chip.setText("new");
            chip.getStyleClass().add("template-state-new");
            return;
        }
        chip.setText(state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        chip.getStyleClass().add("template-state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private VBox editor() {
        TextField name = new TextField();
        name.setId("templateName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.editableProperty().bind(vm.editableProperty());
        name.getStyleClass().add("template-title");
        HBox.setHgrow(name, Priority.ALWAYS);
        Label state = chip(null);
        state.setId("templateState");
        vm.loadedProperty().addListener((obs, was, now) -> showState(state, now == null ? null : now.state()));
        Label channel = Ui.label("templateChannel", "", "muted");
        channel.textProperty().bind(Bindings.createStringBinding(() -> vm.channelProperty().get() == null ? ""
                : vm.channelProperty().get() + " · " + vm.templateIdProperty().get(), vm.channelProperty(),
                vm.templateIdProperty()));
        ComboBox<Purpose> purpose = new ComboBox<>();
        purpose.getItems().setAll(Purpose.values());
        purpose.setId("templatePurpose");
        purpose.valueProperty().bindBidirectional(vm.purposeProperty());
        purpose.disableProperty().bind(vm.editableProperty().not());
        purpose.setTooltip(new Tooltip("What the template is for: lint checks opt-out and unsubscribe wording of"
                + " marketing messages"));
        HBox title = new HBox(10, name, state, channel, purpose);
        title.setAlignment(Pos.CENTER_LEFT);
        Label info = Ui.label("versionInfo", "", "muted");
        info.textProperty().bind(Bindings.createStringBinding(() -> vm.versionInfoProperty().get()
                + (vm.dirtyProperty().get() ? " · unsaved changes" : ""), vm.versionInfoProperty(),
                vm.dirtyProperty()));

        subject.setId("templateSubject");
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        subject.editableProperty().bind(vm.editableProperty());
        HBox.setHgrow(subject, Priority.ALWAYS);
        HBox subjectRow = new HBox(8, Ui.label(null, "Subject"), subject);
        subjectRow.setAlignment(Pos.CENTER_LEFT);

        Label smsInfo = Ui.label("smsInfo", "", "template-sms-info");
        smsInfo.setGraphic(Ui.icon(Feather.MESSAGE_SQUARE));
        smsInfo.textProperty().bind(Bindings.createStringBinding(() -> vm.smsInfoProperty().get() == null ? ""
                : vm.smsInfoProperty().get(), vm.smsInfoProperty()));
        smsInfo.visibleProperty().bind(vm.smsInfoProperty().isNotNull());
        smsInfo.setMinWidth(Label.USE_PREF_SIZE);
        vm.ucs2Property().addListener((obs, was, now) -> {
            smsInfo.getStyleClass().remove("ucs2");
            if (now) {
                smsInfo.getStyleClass().add("ucs2");
            }
        });
        smsInfo.setTooltip(new Tooltip("GSM-7 segments hold 153 characters (160 alone); one character outside"
                + " GSM-7 makes the whole message UCS-2, 67 per segment (70 alone). Marked characters force UCS-2."));
        Label legend = Ui.label("templateLegend", "", "muted");
        legend.textProperty().bind(Bindings.createStringBinding(() -> vm.knownProperty().get() == null
                ? "Choose a list to check the variables" : "green: in the list · red: not in it",
                vm.knownProperty()));
        HBox status = new HBox(16, smsInfo, Ui.spacer(), legend);
        status.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(bodyHolder, Priority.ALWAYS);
        bodyHolder.getStyleClass().add("template-bodies");
        VBox box = new VBox(8, title, info, subjectRow, bodyHolder, status, actions());
        box.getStyleClass().add("template-editor");
        return box;
    }

    private HBox actions() {
        Label message = Ui.label("templateMessage", "", "detail-message");
        message.textProperty().bind(vm.messageProperty());
        Button save = action("saveTemplate", "Save", Feather.SAVE, vm.saveBlockedProperty(), vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        Button submit = action("submitTemplate", "Submit for review", Feather.SEND, vm.submitBlockedProperty(),
                vm::submit);
        Button reject = action("rejectTemplate", "Reject…", Feather.X_CIRCLE, vm.rejectBlockedProperty(),
                vm::reject);
        reject.getStyleClass().add(Styles.DANGER);
        Button approve = action("approveTemplate", "Approve…", Feather.CHECK_CIRCLE, vm.approveBlockedProperty(),
                vm::approve);
        approve.getStyleClass().add(Styles.SUCCESS);
        HBox bar = new HBox(8, message, Ui.spacer(), wrap(save, vm.saveBlockedProperty()),
                wrap(submit, vm.submitBlockedProperty()), wrap(reject, vm.rejectBlockedProperty()),
                wrap(approve, vm.approveBlockedProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("template-actions");
        return bar;
    }

    private static Button action(String id, String text, Feather icon, ObservableStringValue blocked,
                                 Runnable run) {
        Button b = Ui.button(id, text, icon);
        b.disableProperty().bind(Bindings.isNotNull(blocked));
        b.setOnAction(e -> run.run());
        return b;
    }

    /** A disabled button shows no tooltip, so the reason it is disabled sits on a wrapper around it. */
    private static StackPane wrap(Button b, ObservableStringValue blocked) {
        StackPane wrapper = new StackPane(b);
        wrapper.setId(b.getId() + "Wrapper");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(blocked);
        tip.setShowDelay(javafx.util.Duration.millis(250));
        blocked.addListener((obs, was, now) -> {
            if (now == null) {
                Tooltip.uninstall(wrapper, tip);
            } else {
                Tooltip.install(wrapper, tip);
            }
        });
        if (blocked.get() != null) {
            Tooltip.install(wrapper, tip);
        }
        return wrapper;
    }

    private VBox placeholder() {
        Button add = Ui.button("newTemplateEmpty", "New template", Feather.PLUS);
        add.setOnAction(e -> vm.newTemplate());
        VBox empty = Ui.emptyState(Feather.FILE_TEXT, "No template open",
                "Pick a template on the left, or write a new one.", add);
        empty.visibleProperty().bind(vm.openProperty().not());
        return empty;
    }
}
