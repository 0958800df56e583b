package dev.switchboard.app.console.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of a {@link PagedList}: a stable object for its index whose value arrives when its page has been read.
 * Cells observe {@link #valueProperty()}, so a row that is shown before its page arrives fills in by itself.
 */
public final class LazyRow<T> {
    private final PagedList<T> owner;
    private final int index;
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>(this, "value");

    LazyRow(PagedList<T> owner, int index) {
        this.owner = owner;
        this.index = index;
    }

    PagedList<T> owner() {
        return owner;
    }

    public int index() {
        return index;
    }

    /** The row's data; null while its page is loading. UI thread only. */
    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public T getValue() {
        return value.get();
    }

    public boolean isLoaded() {
        return value.get() != null;
    }

    void fill(T data) {
        value.set(data);
    }

    @Override
    public String toString() {
        return "LazyRow[" + index + "=" + value.get() + "]";
    }
}
