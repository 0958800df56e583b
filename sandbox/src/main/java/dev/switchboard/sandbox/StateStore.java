package dev.switchboard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Loads the org state from its file and writes it back atomically, at most 150 ms after a change and on close. */
final class StateStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final long DEBOUNCE_MS = 150;

    private final Path file;
    private final OrgState state;
    private final VirtualClock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService writer;

    StateStore(Path file, OrgState state, VirtualClock clock) {
        this.file = file;
        this.state = state;
        this.clock = clock;
        if (file == null) {
            this.writer = null;
            return;
        }
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-state-writer");
            t.setDaemon(true);
            return t;
        });
        state.onChange(() -> dirty.set(true));
        writer.scheduleWithFixedDelay(this::flushIfDirty, DEBOUNCE_MS, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** The state saved in {@code file}, or an empty one when there is no file yet. */
    static OrgState load(Path file) {
        if (file == null || !Files.exists(file)) {
            return OrgState.empty();
        }
        try {
            JsonNode root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isObject()) {
                throw new IllegalStateException("sandbox state file is not a JSON object: " + file);
            }
            return new OrgState((ObjectNode) root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox state " + file, e);
        }
    }

    private void flushIfDirty() {
        if (dirty.getAndSet(false)) {
            try {
                write();
            } catch (RuntimeException | IOException e) {
                dirty.set(true);
                LOG.warn("cannot write sandbox state {}", file, e);
            }
        }
    }

    void write() throws IOException {
        if (file == null) {
            return;
        }
        String text = state.snapshot(clock.now());
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            write();
        } catch (IOException e) {
            LOG.warn("cannot write sandbox state {}", file, e);
        }
    }
}
