package dev.switchboard.app.console.imports;

import dev.switchboard.engine.contacts.FilePreview;
import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ContactField;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The column mapping on the wizard's preview page: one {@link MappingRow} per column of the file, the
 * {@link ColumnMapping} they add up to, and its problems (which keep the wizard from going on).
 */
public final class ColumnMappingModel {
    private final ObservableList<MappingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ColumnMapping> mapping = new ReadOnlyObjectWrapper<>(this, "mapping");
    private final ObservableList<MappingRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);

    public ObservableList<MappingRow> rows() {
        return readOnlyRows;
    }

    /** What makes the mapping unusable, in the user's words; empty when it can be imported. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    public ReadOnlyObjectProperty<ColumnMapping> mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    public ColumnMapping getMapping() {
        return mapping.get();
    }

    /** Shows the automatic mapping of a freshly read file. */
    void reset(FilePreview preview) {
        mapping.set(preview.mapping());
        rows.setAll(preview.mapping().columns().stream()
                .map(binding -> row(binding, preview.sampleRows()))
                .toList());
        updateProblems();
    }

    void clear() {
        mapping.set(null);
        rows.clear();
        problems.clear();
    }

    private MappingRow row(ColumnBinding binding, List<List<String>> samples) {
        String sample = samples.stream()
                .filter(r -> r.size() > binding.index() && !r.get(binding.index()).isBlank())
                .map(r -> r.get(binding.index()))
                .findFirst().orElse("");
        MappingRow row = new MappingRow(binding, sample);
        row.fieldProperty().addListener((obs, was, field) -> changed(row));
        row.phoneTypeProperty().addListener((obs, was, type) -> changed(row));
        return row;
    }

    private void changed(MappingRow row) {
        ColumnMapping current = mapping.get();
        if (current == null || row.getField() == null) {
            return;
        }
        ColumnBinding before = current.columns().get(row.index());
        if (before.field() == row.getField() && before.phoneType() == row.getPhoneType()) {
            return;
        }
        ColumnMapping next = current.with(row.index(), row.getField(), row.getPhoneType());
        mapping.set(next);
        // a column that becomes a phone gets a line type (OTHER); one that stops being a phone loses it
        row.phoneTypeProperty().set(next.columns().get(row.index()).phoneType());
        updateProblems();
    }

    private void updateProblems() {
        ColumnMapping current = mapping.get();
        List<String> now = current == null ? List.of() : current.problems();
        if (!now.equals(problems)) {
            problems.setAll(now);
        }
    }

    /** Fields offered for a column, in menu order. */
    public static List<ContactField> fields() {
        return List.of(ContactField.values());
    }
}
