package dev.switchboard.app.console.imports;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.imports.ImportWizardViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Map;

/** The wizard's content: the steps across the top, the current page, the problem line and the buttons. */
final class ImportWizardView {
    private static final Map<Step, String> STEP_TITLES = Map.of(
            Step.FILE, "1  File", Step.PREVIEW, "2  Preview and columns", Step.IMPORT, "3  Import",
            Step.SUMMARY, "4  Summary");

    private final ImportWizardViewModel vm;
    private final BorderPane root = new BorderPane();

    ImportWizardView(ImportWizardViewModel vm) {
        this.vm = vm;
        root.setId("importWizard");
        root.getStyleClass().add("wizard");
        root.setTop(new VBox(8, Ui.label(null, "Import contacts", "wizard-title"), steps()));
        root.setCenter(new StackPane(
                page(Step.FILE, new FileStepView(vm).root()),
                page(Step.PREVIEW, new PreviewStepView(vm).root()),
                page(Step.IMPORT, new ProgressStepView(vm.run()).root()),
                page(Step.SUMMARY, new SummaryStepView(vm.run()).root())));
        root.setBottom(new VBox(8, error(), buttons()));
    }

    BorderPane root() {
        return root;
    }

    private HBox steps() {
        HBox steps = new HBox();
        steps.getStyleClass().add("wizard-steps");
        for (Step step : Step.values()) {
            Label label = Ui.label("step-" + step.name(), STEP_TITLES.get(step), "step");
            Runnable style = () -> {
                label.getStyleClass().removeAll("active", "done");
                int diff = step.compareTo(vm.getStep());
                label.getStyleClass().add(diff == 0 ? "active" : diff < 0 ? "done" : "todo");
            };
            style.run();
            vm.stepProperty().addListener((obs, was, now) -> style.run());
            steps.getChildren().add(label);
        }
        return steps;
    }

    private Node page(Step step, Node content) {
        content.visibleProperty().bind(vm.stepProperty().isEqualTo(step));
        return content;
    }

    private Label error() {
        Label error = Ui.label("wizardError", "", "wizard-error");
        error.setGraphic(Ui.icon(Feather.ALERT_CIRCLE));
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        return error;
    }

    private HBox buttons() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("wizardBusy");
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());

        BooleanBinding onImport = vm.stepProperty().isEqualTo(Step.IMPORT);
        Button back = Ui.button("wizardBack", "Back", null);
        show(back, vm.stepProperty().isEqualTo(Step.PREVIEW).or(onImport));
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(e -> vm.back());

        Button cancel = Ui.button("wizardCancel", "Cancel", null);
        show(cancel, vm.stepProperty().isNotEqualTo(Step.SUMMARY));
        ImportRunModel run = vm.run();
        cancel.textProperty().bind(Bindings.when(onImport.and(run.runningProperty())).then("Cancel import")
                .otherwise(Bindings.when(onImport).then("Close").otherwise("Cancel")));
        cancel.setOnAction(e -> {
            if (run.isRunning()) {
                run.cancel();
            } else {
                vm.close();
            }
        });

        Button next = Ui.button("wizardNext", "Next", null);
        show(next, vm.stepProperty().isEqualTo(Step.FILE).or(vm.stepProperty().isEqualTo(Step.PREVIEW)));
        next.textProperty().bind(Bindings.when(vm.stepProperty().isEqualTo(Step.PREVIEW)).then("Import")
                .otherwise("Next"));
        next.disableProperty().bind(vm.canGoNextProperty().not());
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.setOnAction(e -> vm.next());

        BooleanBinding onSummary = vm.stepProperty().isEqualTo(Step.SUMMARY);
        Button showRejected = Ui.button("wizardShowRejected", "Show rejected rows", Feather.ALERT_TRIANGLE);
        show(showRejected, onSummary);
        showRejected.disableProperty().bind(Bindings.createBooleanBinding(
                () -> run.summaryProperty().get() == null || run.summaryProperty().get().rejected() == 0,
                run.summaryProperty()));
        showRejected.setOnAction(e -> vm.showRejected());

        Button done = Ui.button("wizardDone", "Done", null);
        show(done, onSummary);
        done.getStyleClass().add(Styles.ACCENT);
        done.setOnAction(e -> vm.close());

        HBox buttons = new HBox(busy, Ui.spacer(), back, cancel, next, showRejected, done);
        buttons.getStyleClass().add("wizard-buttons");
        return buttons;
    }

    private static void show(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
