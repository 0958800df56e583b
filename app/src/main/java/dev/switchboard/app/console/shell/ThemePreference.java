package dev.switchboard.app.console.shell;

import java.util.prefs.Preferences;

/** Remembers whether the user chose the dark theme, in the user's Java preferences. */
public final class ThemePreference {
    private static final String KEY = "theme.dark";

    private final Preferences node;

    public ThemePreference(Preferences node) {
        this.node = node;
    }

    /** The console's own preferences node. */
    public static ThemePreference user() {
        return new ThemePreference(Preferences.userRoot().node("dev/switchboard/console"));
    }

    public boolean dark() {
        return node.getBoolean(KEY, false);
    }

    public void setDark(boolean dark) {
        node.putBoolean(KEY, dark);
    }
}
