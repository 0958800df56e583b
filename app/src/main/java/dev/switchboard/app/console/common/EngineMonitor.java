package dev.switchboard.app.console.common;

import dev.switchboard.engine.campaigns.EngineEvent;

/** The console's view of its engine: its status (a blocking read: call it on a worker) and its live events. */
public interface EngineMonitor {
    /** For screens shown without an engine (tests of other screens). */
    EngineMonitor NONE = new EngineMonitor() {
        @Override
        public EngineStatus status() {
            return new EngineStatus(EngineState.STOPPED, null, "no engine in this window", false, null, 0, 0, 0, 0);
        }

        @Override
        public void addListener(EngineEvent.Listener listener) {
        }
    };

    /** Blocks on the store: call it on a worker. */
    EngineStatus status();

    /** {@code listener} hears every event of the engine (on engine threads), also of an engine started later. */
    void addListener(EngineEvent.Listener listener);
}
