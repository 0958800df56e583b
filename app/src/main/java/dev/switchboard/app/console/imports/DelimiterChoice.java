package dev.switchboard.app.console.imports;

/** The field separators a user can force in the wizard; {@link #AUTO} lets the engine detect. */
public enum DelimiterChoice {
    AUTO("Auto-detect", null),
    COMMA("Comma", ','),
    SEMICOLON("Semicolon", ';'),
    TAB("Tab", '\t');

    private final String label;
    private final Character delimiter;

    DelimiterChoice(String label, Character delimiter) {
        this.label = label;
        this.delimiter = delimiter;
    }

    public String label() {
        return label;
    }

    /** Null for {@link #AUTO}. */
    public Character delimiter() {
        return delimiter;
    }
}
