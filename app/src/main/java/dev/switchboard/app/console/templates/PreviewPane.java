package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Formats;
import dev.switchboard.app.console.common.Ui;
import dev.switchboard.app.console.templates.TemplateAnalysis.LintItem;
import dev.switchboard.app.console.templates.TemplatesBackend.CampaignValues;
import dev.switchboard.app.console.templates.TemplatesBackend.ListChoice;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.RenderCoverage;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** The right of the Templates screen: the preview for one contact, the lint findings and list-wide coverage. */
final class PreviewPane {
    private final TemplatesViewModel vm;
    private final ScrollPane root;

    /** @param reveal shows where a finding points in the editor */
    PreviewPane(TemplatesViewModel vm, Consumer<TemplateText.Location> reveal) {
        this.vm = vm;
        VBox box = new VBox(preview(), lint(reveal), coverage());
        box.getStyleClass().add("template-side");
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("templatePreviewPane");
        root.getStyleClass().add("template-side-scroll");
    }

    ScrollPane node() {
        return root;
    }

    private VBox preview() {
        ComboBox<ListChoice> list = new ComboBox<>(vm.lists());
        list.setId("previewList");
        list.valueProperty().bindBidirectional(vm.listProperty());
        list.setPromptText("Choose a list");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setTooltip(new Tooltip("The list whose contacts fill the variables"));
        ComboBox<CampaignValues> values = new ComboBox<>(vm.campaigns());
        values.setId("previewValues");
        values.valueProperty().bindBidirectional(vm.valuesProperty());
        values.setMaxWidth(Double.MAX_VALUE);
        values.setTooltip(new Tooltip("Campaign-wide values such as company_name, taken from a campaign"));

        Button previous = Ui.button("previousContact", null, Feather.CHEVRON_LEFT);
        previous.setTooltip(new Tooltip("Previous contact"));
        previous.setOnAction(e -> vm.previousContact());
        previous.disableProperty().bind(vm.contactIndexProperty().lessThanOrEqualTo(0));
        Button next = Ui.button("nextContact", null, Feather.CHEVRON_RIGHT);
        next.setTooltip(new Tooltip("Next contact"));
        next.setOnAction(e -> vm.nextContact());
        next.disableProperty().bind(vm.contactIndexProperty().add(1).greaterThanOrEqualTo(
                vm.contactCountProperty()));
        Label position = Ui.label("contactPosition", "", "muted");
        position.textProperty().bind(vm.contactPositionProperty());
        Label who = Ui.label("previewContact", "", "template-contact");
        who.textProperty().bind(Bindings.createStringBinding(() -> vm.contactProperty().get() == null ? ""
                : vm.contactProperty().get().key() + " · " + vm.contactProperty().get().name(),
                vm.contactProperty()));
        HBox nav = new HBox(6, previous, position, next, Ui.spacer(), who);
        nav.setAlignment(Pos.CENTER_LEFT);

        Label subject = Ui.label("previewSubject", "", "template-preview-subject");
        subject.textProperty().bind(Bindings.createStringBinding(() -> vm.previewSubjectProperty().get() == null
                ? "" : "Subject: " + vm.previewSubjectProperty().get(), vm.previewSubjectProperty()));
        subject.managedProperty().bind(subject.visibleProperty());
        subject.visibleProperty().bind(vm.previewSubjectProperty().isNotNull());
        Label text = Ui.label("previewText", "", "template-preview-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.previewTextProperty());
        text.managedProperty().bind(text.visibleProperty());
        text.visibleProperty().bind(vm.previewTextProperty().isNotNull());
        text.setMaxWidth(Double.MAX_VALUE);
        Label problem = Ui.label("previewProblem", "", "template-preview-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.previewProblemProperty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(vm.previewProblemProperty().isNotNull());
        VBox card = new VBox(6, subject, text);
        card.visibleProperty().bind(vm.previewTextProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        card.getStyleClass().add("template-preview-card");
        card.getStyleClass().add("sms");
        vm.channelProperty().addListener((obs, was, now) -> {
            card.getStyleClass().removeAll("sms", "email", "voice");
            if (now != null) {
                card.getStyleClass().add(now == Channel.SMS ? "sms" : now == Channel.EMAIL ? "email" : "voice");
            }
        });
        return section("Preview", new VBox(8, list, values, nav, card, problem));
    }

    private VBox lint(Consumer<TemplateText.Location> reveal) {
        ListView<LintItem> list = new ListView<>(vm.findings());
        list.setId("lintList");
        list.getStyleClass().add("template-lint");
        list.setPlaceholder(Ui.label(null, "No findings: lint is happy.", "muted"));
        list.setPrefHeight(170);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(LintItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("lint-error", "lint-warning", "lint-jump");
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FontIcon icon = Ui.icon(item.error() ? Feather.X_OCTAGON : Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add(item.error() ? "lint-error-icon" : "lint-warning-icon");
                setGraphic(icon);
                setText(item.finding().message());
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add(item.error() ? "lint-error" : "lint-warning");
                if (item.location() != null) {
                    getStyleClass().add("lint-jump");
                }
                setTooltip(new Tooltip(item.finding().code() + (item.location() == null ? ""
                        : " · click to show it in the editor")));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now.location() != null) {
                reveal.accept(now.location());
            }
        });
        Label title = Ui.label("lintTitle", "", "section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            long errors = vm.errorCountProperty().get();
            int all = vm.findings().size();
            return "Lint" + (all == 0 ? "" : " · " + Formats.count(errors, "error", "errors") + ", "
                    + Formats.count(all - errors, "warning", "warnings"));
        }, vm.errorCountProperty(), vm.findings()));
        VBox box = new VBox(8, title, list);
        box.getStyleClass().add("template-section");
        return box;
    }

    private VBox coverage() {
        CoverageModel c = vm.coverage();
        Label status = Ui.label("coverageStatus", "", "template-coverage-status");
        status.setWrapText(true);
        status.textProperty().bind(c.statusProperty());
        Label stale = Ui.label("coverageStale", "Changed since this check", "template-stale");
        stale.visibleProperty().bind(c.staleProperty().and(c.runningProperty().not()));
        stale.managedProperty().bind(stale.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("coverageProgress");
        progress.progressProperty().bind(c.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(c.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button measure = Ui.button("measureCoverage", "", Feather.PLAY);
        measure.textProperty().bind(Bindings.createStringBinding(() -> vm.listProperty().get() == null
                ? "Check the list" : "Check all " + Formats.count(vm.listProperty().get().contacts()) + " contacts",
                vm.listProperty()));
        measure.setOnAction(e -> vm.measureCoverage());
        measure.disableProperty().bind(c.runningProperty().or(vm.listProperty().isNull())
                .or(vm.openProperty().not()));
        Button cancel = Ui.button("cancelCoverage", "Cancel", Feather.X);
        cancel.setOnAction(e -> vm.cancelCoverage());
        cancel.visibleProperty().bind(c.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox buttons = new HBox(8, measure, cancel);

        VBox failures = new VBox(4);
        failures.setId("coverageFailures");
        c.coverageProperty().addListener((obs, was, now) -> showFailures(failures, now));
        VBox box = new VBox(8, Ui.label(null, "Coverage", "section-title"), status, stale, progress, failures,
                buttons);
        box.getStyleClass().add("template-section");
        return box;
    }

    private static void showFailures(VBox failures, RenderCoverage coverage) {
        failures.getChildren().clear();
        if (coverage == null) {
            return;
        }
        if (coverage.contacts() > 0) {
            ProgressBar share = new ProgressBar(coverage.rendering() / (double) coverage.contacts());
            share.getStyleClass().add(coverage.failing() == 0 ? "coverage-full" : "coverage-partial");
            share.setMaxWidth(Double.MAX_VALUE);
            failures.getChildren().add(share);
        }
        for (RenderCoverage.VariableFailures f : coverage.byVariable().values()) {
            Label line = new Label("{{" + f.variable() + "}} fails for " + Formats.count(f.failing(), "contact",
                    "contacts") + reasons(f) + (f.examples().isEmpty() ? "" : " (e.g. "
                    + String.join(", ", f.examples()) + ")"));
            line.setWrapText(true);
            line.getStyleClass().add("coverage-failure");
            line.setGraphic(Ui.icon(Feather.USER_X));
            HBox.setHgrow(line, Priority.ALWAYS);
            failures.getChildren().add(line);
        }
    }

    private static String reasons(RenderCoverage.VariableFailures f) {
        StringBuilder out = new StringBuilder();
        f.reasons().forEach((reason, n) -> {
            String what = switch (reason) {
                case MISSING -> "missing";
                case EMPTY -> "empty";
                case LINE_BREAK_IN_HEADER -> "line break in the subject";
            };
            out.append(out.isEmpty() ? ": " : ", ").append(Formats.count(n)).append(' ').append(what);
        });
        return out.toString();
    }

    private static VBox section(String title, javafx.scene.Node content) {
        VBox box = new VBox(8, Ui.label(null, title, "section-title"), content);
        box.getStyleClass().add("template-section");
        return box;
    }
}
