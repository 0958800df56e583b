package dev.switchboard.app.console.shell;

/** Where the console's store stands, as the status bar shows it. */
public enum StoreState {
    OPENING("Opening the store…"),
    OPEN("Store open"),
    /** The store's vault needs the user: a passphrase vault to choose, or its passphrase. */
    VAULT("Store locked: its vault needs a passphrase"),
    FAILED("Store unavailable");

    private final String label;

    StoreState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
