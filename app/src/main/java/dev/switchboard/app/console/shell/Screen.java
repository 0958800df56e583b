package dev.switchboard.app.console.shell;

import dev.switchboard.model.user.Role;

/** The screens of the navigation rail, in its order; Ctrl+1, Ctrl+2 … show them. */
public enum Screen {
    LISTS("Lists"),
    CAMPAIGNS("Campaigns"),
    TEMPLATES("Templates"),
    SEQUENCES("Sequences"),
    COMPLIANCE("Compliance"),
    USERS("Users"),
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

    /**
     * Whether the rail offers this screen to {@code role} (null: nobody signed in yet). Every role sees the working
     * screens (what it may not do there is disabled, and the services refuse it anyway); only admins see Users.
     */
    public boolean offeredTo(Role role) {
        return this != USERS || role != null && role.mayManageProfiles();
    }
}
