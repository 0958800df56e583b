package dev.switchboard.model.contact;

/** What an import did with one row. */
public enum Verdict {
    INSERTED('I'), UPDATED('U'), UNCHANGED('N'), REJECTED('R');

    private final char code;

    Verdict(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Verdict ofCode(char code) {
        for (Verdict v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict with code " + code);
    }
}
