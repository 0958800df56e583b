package dev.switchboard.app.console.common;

/** Where the console's engine stands, as the status bar shows it. */
public enum EngineState {
    STARTING("Engine starting…"),
    RUNNING("Engine running"),
    STOPPED("Engine stopped"),
    FAILED("Engine failed");

    private final String label;

    EngineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
