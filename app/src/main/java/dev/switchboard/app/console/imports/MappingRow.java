package dev.switchboard.app.console.imports;

import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ContactField;
import dev.switchboard.model.contact.PhoneType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One column of the file on the wizard's preview page: what it is called, an example, and what it maps to. */
public final class MappingRow {
    private final int index;
    private final String header;
    private final String sample;
    private final ObjectProperty<ContactField> field = new SimpleObjectProperty<>(this, "field");
    private final ObjectProperty<PhoneType> phoneType = new SimpleObjectProperty<>(this, "phoneType");

    MappingRow(ColumnBinding binding, String sample) {
        this.index = binding.index();
        this.header = binding.header();
        this.sample = sample;
        this.field.set(binding.field());
        this.phoneType.set(binding.phoneType());
    }

    public int index() {
        return index;
    }

    public String header() {
        return header;
    }

    /** The first non-blank value of the column in the sample rows, or an empty string. */
    public String sample() {
        return sample;
    }

    public ObjectProperty<ContactField> fieldProperty() {
        return field;
    }

    public ContactField getField() {
        return field.get();
    }

    /** The line type; set (and shown) only while the field is {@link ContactField#PHONE}. */
    public ObjectProperty<PhoneType> phoneTypeProperty() {
        return phoneType;
    }

    public PhoneType getPhoneType() {
        return phoneType.get();
    }
}
