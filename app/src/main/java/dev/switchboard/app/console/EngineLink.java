package dev.switchboard.app.console;

import dev.switchboard.app.console.common.EngineMonitor;
import dev.switchboard.app.console.common.EngineState;
import dev.switchboard.app.console.common.EngineStatus;
import dev.switchboard.app.host.EngineHost;
import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.campaigns.Engine;
import dev.switchboard.engine.campaigns.EngineEvent;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine the console hosts, as the screens see it: set by the composition root as the engine starts, fails or
 * stops; forwards its events to the screens' listeners (which may register before it starts). Thread-safe.
 */
public final class EngineLink implements EngineMonitor {
    private final List<EngineEvent.Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Workspace workspace;
    private volatile EngineHost host;
    private volatile EngineState state = EngineState.STARTING;
    private volatile String problem;

    void opened(Workspace opened) {
        workspace = opened;
    }

    void started(EngineHost started) {
        host = started;
        problem = null;
        state = EngineState.RUNNING;
        started.engine().addListener(this::dispatch);
    }

    void failed(String why) {
        problem = why;
        state = EngineState.FAILED;
    }

    void stopped(String why) {
        host = null;
        problem = why;
        state = EngineState.STOPPED;
    }

    /** The running engine's host, or null. */
    public EngineHost host() {
        return host;
    }

    @Override
    public EngineStatus status() {
        EngineHost h = host;
        Workspace w = workspace;
        if (h == null) {
            boolean kill = w != null && w.campaigns().killSwitchOn();
            return new EngineStatus(state, null, problem, kill, null, 0, 0, 0, 0);
        }
        Engine.Status s = h.engine().status();
        EngineState now = s.running() ? EngineState.RUNNING : EngineState.STOPPED;
        return new EngineStatus(now, orgLabel(h), s.running() ? null : "the engine stopped", s.killSwitch(), s.now(),
                s.sendsPerMinute(), h.engine().orgLimit(), s.budgetPerMinute(), s.requestsGranted());
    }

    @Override
    public void addListener(EngineEvent.Listener listener) {
        listeners.add(listener);
    }

    private void dispatch(EngineEvent event) {
        for (EngineEvent.Listener l : listeners) {
            l.onEvent(event);
        }
    }

    /** "Sandbox org", or a real org's region ("Genesys Cloud mypurecloud.ie"). */
    static String orgLabel(EngineHost h) {
        if (h.sandboxUrl() != null) {
            return "Sandbox org";
        }
        String where = h.where();
        int at = where.indexOf("http");
        if (at >= 0) {
            String host = URI.create(where.substring(at).split("\\s")[0]).getHost();
            if (host != null) {
                return "Genesys Cloud " + (host.startsWith("api.") ? host.substring(4) : host);
            }
        }
        return "Genesys Cloud";
    }
}
