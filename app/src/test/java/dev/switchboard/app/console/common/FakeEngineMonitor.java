package dev.switchboard.app.console.common;

import dev.switchboard.engine.campaigns.EngineEvent;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EngineMonitor} whose status a test sets and whose events a test emits. */
public final class FakeEngineMonitor implements EngineMonitor {
    private final List<EngineEvent.Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineStatus status;
    public volatile int reads;

    public FakeEngineMonitor() {
        running(Instant.parse("2026-12-08T15:00:00Z"), 0, false);
    }

    /** A running engine on the sandbox at {@code now}, having granted {@code granted} API requests. */
    public FakeEngineMonitor running(Instant now, long granted, boolean killSwitch) {
        status = new EngineStatus(EngineState.RUNNING, "Sandbox org", null, killSwitch, now, 12, 300, 291, granted);
        return this;
    }

    public FakeEngineMonitor status(EngineStatus s) {
        status = s;
        return this;
    }

    @Override
    public EngineStatus status() {
        reads++;
        return status;
    }

    @Override
    public void addListener(EngineEvent.Listener listener) {
        listeners.add(listener);
    }

    public void emit(EngineEvent e) {
        listeners.forEach(l -> l.onEvent(e));
    }

    public int listeners() {
        return listeners.size();
    }
}
