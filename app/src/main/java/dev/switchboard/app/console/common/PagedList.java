package dev.switchboard.app.console.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableListBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only list of a known size whose rows are read from the store a page at a time, as a table asks for them.
 *
 * <p>{@link #get} answers at once: with the cached row, or with a placeholder {@link LazyRow} whose page it then
 * asks for in the background (one request per page, however often its rows are asked for). When the page arrives,
 * the placeholders are filled on the UI thread. At most {@code maxPages} pages are kept (least recently used go
 * first). At most {@value #MAX_READS} reads run at a time and waiting pages are read newest first, so after a fast
 * scroll the rows in view arrive first; a page that is evicted before its read starts is not read at all. After
 * {@link #dispose()} (e.g. the filter changed and a new list replaced this one), late pages are dropped.
 *
 * <p>The size is fixed: a changed list is shown by a new instance. The list never iterates itself, so
 * {@code indexOf}, {@code equals} and {@code hashCode} cost nothing. UI thread only.
 */
public final class PagedList<T> extends ObservableListBase<LazyRow<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(PagedList.class);
    static final int MAX_READS = 2;

    /** Reads rows {@code offset .. offset + limit - 1}; called on a background thread. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> load(long offset, int limit) throws Exception;
    }

    private static final class Page<T> {
        final int number;
        final LazyRow<T>[] rows;
        volatile boolean evicted;

        @SuppressWarnings("unchecked")
        Page(int number, int rowCount) {
            this.number = number;
            this.rows = (LazyRow<T>[]) new LazyRow<?>[rowCount];
        }
    }

    private final int size;
    private final int pageSize;
    private final PageSource<T> source;
    private final TaskRunner tasks;
    private final Map<Integer, Page<T>> pages;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final Deque<Page<T>> waiting = new ArrayDeque<>();
    private int reading;
    private boolean disposed;

    public PagedList(int size, int pageSize, int maxPages, PageSource<T> source, TaskRunner tasks) {
        if (size < 0 || pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException("size " + size + ", page size " + pageSize + ", pages " + maxPages);
        }
        this.size = size;
        this.pageSize = pageSize;
        this.source = Objects.requireNonNull(source);
        this.tasks = Objects.requireNonNull(tasks);
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Page<T>> eldest) {
                if (size() <= maxPages) {
                    return false;
                }
                eldest.getValue().evicted = true;
                return true;
            }
        };
    }

    /** A list of {@code size} rows that reads pages of 200 and keeps 20 of them. */
    public static <T> PagedList<T> of(long size, PageSource<T> source, TaskRunner tasks) {
        return new PagedList<>((int) Math.min(size, Integer.MAX_VALUE - 8), 200, 20, source, tasks);
    }

    /** An empty list that never reads. */
    public static <T> PagedList<T> empty(TaskRunner tasks) {
        return new PagedList<>(0, 1, 1, (offset, limit) -> List.of(), tasks);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public LazyRow<T> get(int index) {
        Objects.checkIndex(index, size);
        int number = index / pageSize;
        Page<T> page = pages.get(number);
        if (page == null) {
            page = newPage(number);
            pages.put(number, page);
            request(page);
        }
        return page.rows[index - number * pageSize];
    }

    /** The row at {@code index} if its page is cached, without asking for it; null otherwise. */
    public LazyRow<T> peek(int index) {
        Objects.checkIndex(index, size);
        Page<T> page = pages.get(index / pageSize);
        return page == null ? null : page.rows[index % pageSize];
    }

    /** How many pages are being read or waiting to be. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public int cachedPages() {
        return pages.size();
    }

    /** Drops the cache; pages still being read are thrown away when they arrive. */
    public void dispose() {
        disposed = true;
        pages.values().forEach(p -> p.evicted = true);
        pages.clear();
        waiting.clear();
        updatePending();
    }

    public boolean isDisposed() {
        return disposed;
    }

    private Page<T> newPage(int number) {
        int first = number * pageSize;
        Page<T> page = new Page<>(number, Math.min(pageSize, size - first));
        for (int i = 0; i < page.rows.length; i++) {
            page.rows[i] = new LazyRow<>(this, first + i);
        }
        return page;
    }

    private void request(Page<T> page) {
        if (!disposed) {
            waiting.addLast(page);
            pump();
        }
    }

    private void pump() {
        waiting.removeIf(p -> p.evicted);
        while (reading < MAX_READS && !waiting.isEmpty()) {
            read(waiting.pollLast());
        }
        updatePending();
    }

    private void read(Page<T> page) {
        long offset = (long) page.number * pageSize;
        int limit = page.rows.length;
        reading++;
        tasks.run(() -> page.evicted ? null : source.load(offset, limit), rows -> {
            reading--;
            if (rows != null && !disposed) {
                for (int i = 0; i < Math.min(rows.size(), page.rows.length); i++) {
                    page.rows[i].fill(rows.get(i));
                }
            }
            pump();
        }, e -> {
            reading--;
            LOG.warn("Could not read rows {}..{}", offset, offset + limit - 1, e);
            // forget the page so that the next look at these rows tries again
            pages.remove(page.number, page);
            pump();
        });
    }

    private void updatePending() {
        pending.set(reading + waiting.size());
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof LazyRow<?> row && row.owner() == this ? row.index() : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "PagedList[size=" + size + ", cached pages=" + pages.size() + "]";
    }
}
