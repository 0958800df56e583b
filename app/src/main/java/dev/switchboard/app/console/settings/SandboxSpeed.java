package dev.switchboard.app.console.settings;

/** The sandbox clock speeds the Settings screen offers. */
public enum SandboxSpeed {
    REAL(1, "1× (real time)"),
    X10(10, "10× (a minute in 6 s)"),
    X60(60, "60× (an hour a minute)"),
    X600(600, "600× (10 min a second)");

    private final double factor;
    private final String label;

    SandboxSpeed(double factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    public double factor() {
        return factor;
    }

    public String label() {
        return label;
    }

    /** The choice for {@code factor}, or null when it is none of them. */
    public static SandboxSpeed of(double factor) {
        for (SandboxSpeed s : values()) {
            if (s.factor == factor) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
