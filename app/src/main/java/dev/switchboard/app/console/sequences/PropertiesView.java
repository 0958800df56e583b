package dev.switchboard.app.console.sequences;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.sequence.StepWindow;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The properties of the selected step (template, retries, spacing, window, wait, branch condition, exit reason, its
 * outputs' targets), or of the sequence when no step is selected. Each change is one command of the designer; the
 * form is rebuilt when the selection or the graph changes, except after its own edit (keeping the focus).
 */
final class PropertiesView {
    private final DesignerViewModel vm;
    private final VBox content = new VBox(12);
    private final VBox problemsBox = new VBox(6);
    private final ScrollPane root = new ScrollPane(content);
    private boolean editing;
    private String shown;
    private Object shownValue;

    PropertiesView(DesignerViewModel vm) {
        this.vm = vm;
        root.setId("propertiesPanel");
        root.setFitToWidth(true);
        root.getStyleClass().add("seq-properties");
        content.getStyleClass().add("seq-properties-content");
        vm.revisionProperty().subscribe(this::rebuild);
        vm.selectedProperty().subscribe(this::rebuild);
    }

    Node root() {
        return root;
    }

    private void rebuild() {
        String id = vm.selectedProperty().get();
        Object value = id == null ? vm.getGraph().sequence() : vm.getGraph().step(id).orElse(null);
        if (editing || (java.util.Objects.equals(id, shown) && java.util.Objects.equals(value, shownValue)
                && !content.getChildren().isEmpty())) {
            shownValue = value;
            showProblems(id);
            return;
        }
        shown = id;
        shownValue = value;
        content.getChildren().clear();
        boolean ro = vm.readOnlyProperty().get();
        Optional<Step> step = vm.selectedStep();
        if (step.isEmpty()) {
            sequenceForm(ro);
        } else {
            stepForm(step.get(), ro);
        }
        showProblems(id);
        content.getChildren().add(problemsBox);
    }

    private void showProblems(String id) {
        problemsBox.getChildren().clear();
        if (id != null) {
            vm.problemsOf(id).forEach(this::problemLabel);
        }
    }

    private void edit(Runnable r) {
        editing = true;
        try {
            r.run();
        } finally {
            editing = false;
        }
    }

    private void sequenceForm(boolean ro) {
        var s = vm.getGraph().sequence();
        content.getChildren().add(Ui.label(null, "Sequence", Styles.TITLE_4));
        TextField name = commitField("sequenceName", s.name(), v -> edit(() -> vm.setName(v)));
        TextArea description = new TextArea(s.description());
        description.setId("sequenceDescription");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        description.focusedProperty().subscribe(f -> {
            if (!f && !description.getText().strip().equals(vm.getGraph().sequence().description())) {
                edit(() -> vm.setDescription(description.getText()));
            }
        });
        CheckBox preferred = new CheckBox("Start at the contact's preferred channel");
        preferred.setId("preferredChannelFirst");
        preferred.setSelected(s.preferredChannelFirst());
        preferred.setOnAction(e -> edit(() -> vm.setPreferredChannelFirst(preferred.isSelected())));
        content.getChildren().addAll(field("Name", name), field("Description", description), preferred);
        Label hint = Ui.label(null, vm.getGraph().steps().size() + " steps. Select a step to edit it; drag from an"
                + " output's dot to a step to connect them.", "muted");
        hint.setWrapText(true);
        content.getChildren().add(hint);
        content.getChildren().forEach(n -> n.setDisable(ro && n != hint));
    }

    private void stepForm(Step step, boolean ro) {
        Palette kind = Palette.of(step);
        HBox head = new HBox(8, Ui.icon(NodeCard.icon(kind)), Ui.label(null, kind.label(), Styles.TITLE_4));
        head.getStyleClass().add("seq-properties-head");
        content.getChildren().add(head);
        List<Node> form = new ArrayList<>();
        TextField id = commitField("stepId", step.id(), v -> {
            String problem = vm.rename(step.id(), v);
            if (problem != null) {
                problemLabel(problem);
            }
        });
        form.add(field("Step id", id));
        switch (step) {
            case Step.Touch t -> touchForm(t, form);
            case Step.Wait w -> waitForm(w, form);
            case Step.Branch b -> branchForm(b, form);
            case Step.Exit x -> form.add(field("Reason (as a supervisor reads it)", commitField("exitReason",
                    x.reason(), v -> edit(() -> vm.setExitReason(x.id(), v)))));
        }
        if (!(step instanceof Step.Exit)) {
            form.add(outputs(step));
        }
        Button entry = Ui.button("makeEntryButton", "Start here", Feather.PLAY);
        entry.setDisable(step.id().equals(vm.getGraph().entry()));
        entry.setOnAction(e -> vm.makeEntry(step.id()));
        Button delete = Ui.button("deleteStepButton", "Delete step", Feather.TRASH_2);
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> vm.delete(step.id()));
        form.add(new HBox(8, entry, delete));
        form.forEach(n -> n.setDisable(ro));
        content.getChildren().addAll(form);
    }

    private void problemLabel(String text) {
        Label l = new Label(text, Ui.icon(Feather.ALERT_TRIANGLE));
        l.getStyleClass().addAll("problem", "seq-step-problem");
        l.setWrapText(true);
        problemsBox.getChildren().add(l);
    }

    private void touchForm(Step.Touch t, List<Node> form) {
        form.add(field("Channel", Ui.label(null, t.channel().name(), "mono")));
        ComboBox<SequenceBackend.TemplateChoice> template = new ComboBox<>();
        template.setId("templatePicker");
        template.setMaxWidth(Double.MAX_VALUE);
        template.setItems(FXCollections.observableArrayList(vm.templatesFor(t.channel())));
        template.setCellFactory(v -> new TemplateCell());
        template.setButtonCell(new TemplateCell());
        template.getItems().stream().filter(c -> c.id().equals(t.templateId())).findFirst()
                .ifPresent(template.getSelectionModel()::select);
        template.setPromptText(t.templateId().isBlank() ? "Pick a " + t.channel().name().toLowerCase(Locale.ROOT)
                + " template" : t.templateId() + " (not in the store)");
        template.setOnAction(e -> {
            var c = template.getValue();
            if (c != null) {
                edit(() -> vm.setTemplate(t.id(), c.id()));
            }
        });
        form.add(field("Template", template));

        Spinner<Integer> retries = new Spinner<>(0, 9, Math.max(0, t.maxAttempts() - 1));
        retries.setId("retriesSpinner");
        retries.setEditable(true);
        retries.setPrefWidth(90);
        retries.valueProperty().subscribe(v -> {
            if (v != null && v != t.maxAttempts() - 1) {
                edit(() -> vm.setRetries(t.id(), v));
            }
        });
        Node spacing = durationField("spacing", t.retrySpacing(), d -> edit(() -> vm.setSpacing(t.id(), d)));
        GridPane grid = new GridPane(12, 4);
        grid.addRow(0, Ui.label(null, "Retries", "seq-field-label"), Ui.label(null, "Retry after", "seq-field-label"));
        grid.addRow(1, retries, spacing);
        form.add(grid);
        form.add(windowForm(t));
    }

    private Node windowForm(Step.Touch t) {
        StepWindow w = t.window().orElse(StepWindow.daily(LocalTime.of(9, 0), LocalTime.of(21, 0)));
        CheckBox only = new CheckBox("Only send within a local-time window");
        only.setId("windowCheck");
        only.setSelected(t.window().isPresent());
        TextField start = new TextField(w.start().toString());
        start.setId("windowStart");
        start.setPrefColumnCount(5);
        TextField end = new TextField(w.end().toString());
        end.setId("windowEnd");
        end.setPrefColumnCount(5);
        Label error = Ui.label(null, "", "problem");
        error.setWrapText(true);
        List<ToggleButton> days = new ArrayList<>();
        HBox dayRow = new HBox(2);
        for (DayOfWeek d : DayOfWeek.values()) {
            ToggleButton b = new ToggleButton(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2));
            b.setSelected(w.days().contains(d));
            b.getStyleClass().addAll(Styles.SMALL, "seq-day");
            b.setUserData(d);
            days.add(b);
            dayRow.getChildren().add(b);
        }
        Runnable commit = () -> {
            if (!only.isSelected()) {
                edit(() -> vm.setWindow(t.id(), Optional.empty()));
                return;
            }
            LocalTime from;
            LocalTime to;
            try {
                from = LocalTime.parse(start.getText().strip());
                to = LocalTime.parse(end.getText().strip());
            } catch (DateTimeParseException ex) {
                error.setText("Window: write the times as HH:mm, such as 09:00.");
                return;
            }
            error.setText("");
            Set<DayOfWeek> on = EnumSet.noneOf(DayOfWeek.class);
            days.stream().filter(ToggleButton::isSelected).forEach(b -> on.add((DayOfWeek) b.getUserData()));
            edit(() -> vm.setWindow(t.id(), Optional.of(new StepWindow(from, to, on))));
        };
        only.setOnAction(e -> commit.run());
        start.setOnAction(e -> commit.run());
        end.setOnAction(e -> commit.run());
        start.focusedProperty().subscribe(f -> {
            if (!f) {
                commit.run();
            }
        });
        end.focusedProperty().subscribe(f -> {
            if (!f) {
                commit.run();
            }
        });
        days.forEach(b -> b.setOnAction(e -> commit.run()));
        HBox times = new HBox(6, start, Ui.label(null, "to", "muted"), end);
        times.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, only, times, dayRow, error);
        times.disableProperty().bind(only.selectedProperty().not());
        dayRow.disableProperty().bind(only.selectedProperty().not());
        return box;
    }

    private void waitForm(Step.Wait w, List<Node> form) {
        ToggleGroup mode = new ToggleGroup();
        RadioButton forDuration = new RadioButton("Wait for");
        forDuration.setId("waitForRadio");
        forDuration.setToggleGroup(mode);
        RadioButton until = new RadioButton("Wait until (contact's local time)");
        until.setId("waitUntilRadio");
        until.setToggleGroup(mode);
        (w.untilLocalTime().isPresent() ? until : forDuration).setSelected(true);
        Node duration = durationField("wait", w.duration().orElse(Duration.ofDays(1)),
                d -> edit(() -> vm.setWaitDuration(w.id(), d)));
        TextField time = commitField("waitUntil", w.untilLocalTime().orElse(LocalTime.of(9, 0)).toString(), v -> {
            try {
                LocalTime t = LocalTime.parse(v);
                edit(() -> vm.setWaitUntil(w.id(), t));
            } catch (DateTimeParseException ex) {
                problemLabel("Wait until: write the time as HH:mm, such as 09:00.");
            }
        });
        duration.disableProperty().bind(forDuration.selectedProperty().not());
        time.disableProperty().bind(until.selectedProperty().not());
        forDuration.setOnAction(e -> edit(() -> vm.setWaitDuration(w.id(), w.duration().orElse(Duration.ofDays(1)))));
        until.setOnAction(e -> edit(() -> vm.setWaitUntil(w.id(), w.untilLocalTime().orElse(LocalTime.of(9, 0)))));
        form.add(new VBox(6, forDuration, duration, until, time));
    }

    private void branchForm(Step.Branch b, List<Node> form) {
        ComboBox<BranchOn> on = new ComboBox<>(FXCollections.observableArrayList(BranchOn.values()));
        on.setId("branchOn");
        on.setMaxWidth(Double.MAX_VALUE);
        on.setValue(b.on());
        on.setConverter(Ui.itemLabels(on::getItems, v -> switch (v) {
            case OUTCOME -> "The last touch's outcome";
            case EVENT -> "An event happened (e.g. CONVERTED)";
            case ATTRIBUTE -> "A contact attribute (name=value)";
            case COUNTER -> "A counter (first N passes)";
        }));
        TextField condition = commitField("branchCondition", b.condition(),
                v -> edit(() -> vm.setBranch(b.id(), on.getValue(), v)));
        condition.setPromptText(hint(b.on()));
        condition.setDisable(b.on() == BranchOn.OUTCOME);
        on.setOnAction(e -> {
            BranchOn v = on.getValue();
            String c = v == b.on() ? b.condition() : switch (v) {
                case OUTCOME -> "";
                case EVENT -> "CONVERTED";
                case ATTRIBUTE -> "";
                case COUNTER -> "3";
            };
            vm.setBranch(b.id(), v, c);
        });
        form.add(field("Branch on", on));
        form.add(field("Condition", condition));
    }

    private static String hint(BranchOn on) {
        return switch (on) {
            case OUTCOME -> "routes by the outputs below";
            case EVENT -> "an outcome name, such as CONVERTED";
            case ATTRIBUTE -> "name=value, such as tier=gold";
            case COUNTER -> "a limit, such as 3";
        };
    }

    /**
     * Where each output goes, as pickers (the same as dragging from its dot), a remove button on each connected one,
     * and "Add output" for any outcome or failure reason the step supports but does not show yet.
     */
    private Node outputs(Step step) {
        VBox box = new VBox(6, Ui.label(null, "Outputs", "seq-field-label"));
        List<String> others = new ArrayList<>();
        others.add("—");
        vm.getGraph().steps().stream().map(Step::id).filter(s -> !s.equals(step.id())).forEach(others::add);
        for (Port p : Port.of(step)) {
            String key = p.display(step).replace(' ', '_');
            ComboBox<String> to = new ComboBox<>(FXCollections.observableArrayList(others));
            to.setId("output-" + key);
            boolean connected = step.edges().stream().anyMatch(p::matches);
            to.setValue(step.edges().stream().filter(p::matches).map(Edge::to).findFirst().orElse("—"));
            to.setPrefWidth(120);
            to.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(to, Priority.ALWAYS);
            to.setOnAction(e -> {
                if ("—".equals(to.getValue())) {
                    vm.disconnect(step.id(), p);
                } else if (to.getValue() != null) {
                    vm.connect(step.id(), p, to.getValue());
                }
            });
            Label name = Ui.label(null, p.display(step), "seq-output-name");
            name.setMinWidth(128);
            name.setMaxWidth(128);
            javafx.scene.control.Tooltip.install(name, new javafx.scene.control.Tooltip(p.display(step)));
            Button remove = Ui.button("removeOutput-" + key, null, Feather.X);
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            boolean standard = Port.of(Steps.withEdges(step, List.of())).contains(p);
            remove.setTooltip(new javafx.scene.control.Tooltip(standard ? "Disconnect this output"
                    : "Remove this output"));
            remove.setDisable(!connected);
            remove.setOnAction(e -> vm.removeOutput(step.id(), p));
            HBox row = new HBox(8, name, to, remove);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        List<Port> addable = Port.addable(step);
        if (!addable.isEmpty() && others.size() > 1) {
            ComboBox<Port> which = new ComboBox<>(FXCollections.observableArrayList(addable));
            which.setId("addOutputPort");
            which.setPromptText("Outcome or failure reason");
            which.setConverter(Ui.itemLabels(which::getItems, p -> p.display(step)));
            which.setMaxWidth(Double.MAX_VALUE);
            ComboBox<String> to = new ComboBox<>(FXCollections.observableArrayList(others.subList(1,
                    others.size())));
            to.setId("addOutputTarget");
            to.setPromptText("going to step");
            to.setPrefWidth(120);
            to.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(to, Priority.ALWAYS);
            Button add = Ui.button("addOutputButton", null, Feather.PLUS);
            add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL);
            add.setTooltip(new javafx.scene.control.Tooltip("Add this output, going to that step"));
            add.disableProperty().bind(which.valueProperty().isNull().or(to.valueProperty().isNull()));
            add.setOnAction(e -> vm.addOutput(step.id(), which.getValue(), to.getValue()));
            HBox row = new HBox(8, to, add);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().addAll(Ui.label(null, "Add output", "seq-field-label"), which, row);
        }
        return box;
    }

    private Node durationField(String id, Duration value, Consumer<Duration> commit) {
        record Unit(String name, Duration size) {
            @Override
            public String toString() {
                return name;
            }
        }
        List<Unit> units = List.of(new Unit("minutes", Duration.ofMinutes(1)), new Unit("hours", Duration.ofHours(1)),
                new Unit("days", Duration.ofDays(1)));
        Unit unit = units.get(0);
        for (Unit u : units) {
            if (!value.isZero() && value.toMinutes() % u.size().toMinutes() == 0) {
                unit = u;
            }
        }
        long amount = value.toMinutes() / unit.size().toMinutes();
        Spinner<Integer> number = new Spinner<>(1, 999, (int) Math.max(1, amount));
        number.setId(id + "Amount");
        number.setEditable(true);
        number.setPrefWidth(90);
        ComboBox<Unit> which = new ComboBox<>(FXCollections.observableArrayList(units));
        which.setId(id + "Unit");
        which.setValue(unit);
        Runnable apply = () -> {
            if (number.getValue() != null && which.getValue() != null) {
                commit.accept(which.getValue().size().multipliedBy(number.getValue()));
            }
        };
        number.valueProperty().subscribe((was, now) -> apply.run());
        which.setOnAction(e -> apply.run());
        return new HBox(6, number, which);
    }

    /** A text field that commits on Enter or when it loses the focus, when its text changed. */
    private TextField commitField(String id, String value, Consumer<String> commit) {
        TextField f = new TextField(value);
        f.setId(id);
        String[] last = {value};
        Runnable done = () -> {
            String v = f.getText().strip();
            if (!v.equals(last[0])) {
                last[0] = v;
                commit.accept(v);
            }
        };
        f.setOnAction(e -> done.run());
        f.focusedProperty().subscribe(focused -> {
            if (!focused) {
                done.run();
            }
        });
        return f;
    }

    private static VBox field(String label, Node control) {
        VBox box = new VBox(4, Ui.label(null, label, "seq-field-label"), control);
        if (control instanceof javafx.scene.layout.Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static final class TemplateCell extends ListCell<SequenceBackend.TemplateChoice> {
        @Override
        protected void updateItem(SequenceBackend.TemplateChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.id() + " — " + item.name()
                    + ("approved".equals(item.state()) ? "" : " (" + item.state() + ")"));
        }
    }
}
