package dev.switchboard.model.contact;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the columns of a list file map to contact fields. Immutable. */
public record ColumnMapping(List<ColumnBinding> columns) {
    public ColumnMapping {
        columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).index() != i) {
                throw new IllegalArgumentException("column " + i + " has index " + columns.get(i).index());
            }
        }
    }

    public Optional<ColumnBinding> first(ContactField field) {
        return columns.stream().filter(c -> c.field() == field).findFirst();
    }

    public List<ColumnBinding> all(ContactField field) {
        return columns.stream().filter(c -> c.field() == field).toList();
    }

    public boolean has(ContactField field) {
        return first(field).isPresent();
    }

    public ColumnMapping with(int index, ContactField field, PhoneType phoneType) {
        List<ColumnBinding> copy = new ArrayList<>(columns);
        copy.set(index, copy.get(index).withField(field, phoneType));
        return new ColumnMapping(copy);
    }

    /**
     * What makes this mapping unusable for an import, in words a user understands; empty when it is usable.
     * A list needs at least one phone or email column; single fields (key, names, email …) may be bound once.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!has(ContactField.PHONE) && !has(ContactField.EMAIL)) {
            problems.add("no phone or email column: map at least one column to Phone or Email");
        }
        Map<ContactField, ColumnBinding> seen = new EnumMap<>(ContactField.class);
        for (ColumnBinding c : columns) {
            if (!c.field().single()) {
                continue;
            }
            ColumnBinding before = seen.putIfAbsent(c.field(), c);
            if (before != null) {
                problems.add("columns '" + before.header() + "' and '" + c.header() + "' are both mapped to "
                        + c.field().label() + "; map one of them to something else");
            }
        }
        return problems;
    }

    public List<String> headers() {
        return columns.stream().map(ColumnBinding::header).toList();
    }
}
