package dev.switchboard.app.console.settings;

import java.util.prefs.Preferences;

/** The sandbox clock's speed the console's engine starts with, in the user's Java preferences (1× by default). */
public final class SpeedPreference {
    private static final String KEY = "sandbox.speed";

    private final Preferences node;

    public SpeedPreference(Preferences node) {
        this.node = node;
    }

    /** The console's own preferences node (the theme lives there too). */
    public static SpeedPreference user() {
        return new SpeedPreference(Preferences.userRoot().node("dev/switchboard/console"));
    }

    /** Virtual seconds per real second; a stored value that is not one of the choices reads as 1. */
    public double speed() {
        double s = node.getDouble(KEY, 1.0);
        return SandboxSpeed.of(s) == null ? 1.0 : s;
    }

    public void setSpeed(double speed) {
        node.putDouble(KEY, speed);
    }
}
