package dev.switchboard.app.console.common;

import java.time.Instant;

/**
 * The engine as the console shows it, read on a worker.
 *
 * @param org              "Sandbox org", or the region of a real org; null while unknown
 * @param problem          why the engine failed or is stopped, as a sentence; null otherwise
 * @param now              the engine's clock (the sandbox's virtual time); null when no engine runs
 * @param sendsPerMinute   touches sent in the last minute, all campaigns
 * @param orgLimit         the org's API requests per minute; 0 when no engine runs
 * @param budgetPerMinute  what the pacer grants per minute (the org limit less its headroom)
 * @param requestsGranted  API requests granted since the engine started (a counter)
 */
public record EngineStatus(EngineState state, String org, String problem, boolean killSwitch, Instant now,
                           double sendsPerMinute, int orgLimit, int budgetPerMinute, long requestsGranted) {

    public static EngineStatus starting() {
        return new EngineStatus(EngineState.STARTING, null, null, false, null, 0, 0, 0, 0);
    }

    /** "Engine running · kill switch ON". */
    public String label() {
        return state.label() + (killSwitch ? " · kill switch ON" : "");
    }
}
