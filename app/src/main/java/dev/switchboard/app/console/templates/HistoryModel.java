package dev.switchboard.app.console.templates;

import dev.switchboard.app.console.common.Cancellable;
import dev.switchboard.app.console.common.TaskRunner;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.model.audit.AuditEntry;
import dev.switchboard.model.template.Template;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The bottom of the Templates screen: a template's versions, the line diff between two of them (the one before the
 * newest and the newest, until the user picks others) and its audit trail. The diff is computed off the FX thread.
 */
final class HistoryModel {
    private final TaskRunner tasks;
    private final ObservableList<TemplateService.Entry> versions = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> trail = FXCollections.observableArrayList();
    private final ObjectProperty<TemplateService.Entry> diffFrom = new SimpleObjectProperty<>(this, "diffFrom");
    private final ObjectProperty<TemplateService.Entry> diffTo = new SimpleObjectProperty<>(this, "diffTo");
    private final ObservableList<LineDiff.Line> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private Cancellable diffing = Cancellable.NONE;

    HistoryModel(TaskRunner tasks) {
        this.tasks = tasks;
        diffFrom.addListener((obs, was, now) -> recompute());
        diffTo.addListener((obs, was, now) -> recompute());
    }

    ObservableList<TemplateService.Entry> versions() {
        return versions;
    }

    ObservableList<AuditEntry> trail() {
        return trail;
    }

    ObjectProperty<TemplateService.Entry> diffFromProperty() {
        return diffFrom;
    }

    ObjectProperty<TemplateService.Entry> diffToProperty() {
        return diffTo;
    }

    ObservableList<LineDiff.Line> diff() {
        return diff;
    }

    ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    /** Shows a template's history; by default the diff of the newest version against the one before. */
    void show(TemplatesBackend.History history) {
        versions.setAll(history.versions());
        trail.setAll(history.trail());
        int n = versions.size();
        diffTo.set(n == 0 ? null : versions.get(n - 1));
        diffFrom.set(n == 0 ? null : versions.get(Math.max(0, n - 2)));
        recompute();
    }

    void clear() {
        show(new TemplatesBackend.History(List.of(), List.of()));
    }

    private void recompute() {
        diffing.cancel();
        TemplateService.Entry from = diffFrom.get();
        TemplateService.Entry to = diffTo.get();
        if (from == null || to == null) {
            diff.clear();
            diffSummary.set(versions.isEmpty() ? "Not saved yet: no versions." : "");
            return;
        }
        String a = text(from.version().template());
        String b = text(to.version().template());
        diffing = tasks.run(() -> LineDiff.diff(a, b), lines -> {
            diff.setAll(lines);
            long added = lines.stream().filter(l -> l.kind() == LineDiff.Kind.ADDED).count();
            long removed = lines.stream().filter(l -> l.kind() == LineDiff.Kind.REMOVED).count();
            int v1 = from.version().template().version();
            int v2 = to.version().template().version();
            diffSummary.set(v1 == v2 ? "Version " + v1 + " as it is stored"
                    : !LineDiff.changed(lines) ? "Versions " + v1 + " and " + v2 + " have the same content"
                    : "Version " + v1 + " → " + v2 + ": " + added + " added, " + removed + " removed lines");
        }, failure -> diffSummary.set("The diff failed: " + failure.getMessage()));
    }

    /** The text a reviewer compares: name, subject, text body and HTML body, each labelled. */
    static String text(Template t) {
        StringBuilder out = new StringBuilder("Name: ").append(t.name()).append('\n');
        if (t.subject() != null) {
            out.append("Subject: ").append(t.subject()).append('\n');
        }
        out.append('\n').append(t.textBody());
        if (t.htmlBody() != null) {
            out.append("\n\n--- HTML ---\n").append(t.htmlBody());
        }
        return out.toString();
    }
}
