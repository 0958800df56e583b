package dev.switchboard.app.console.shell;

/** The screens of the navigation rail, in its order; Ctrl+1, Ctrl+2 … show them. */
public enum Screen {
    LISTS("Lists"),
    CAMPAIGNS("Campaigns"),
    SETTINGS("Settings");

    private final String label;

    Screen(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "Ctrl+1" … (the key of its shortcut). */
    public String key() {
        return String.valueOf(ordinal() + 1);
    }
}
