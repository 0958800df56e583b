package dev.switchboard.app.cli;

/** The exit codes of every command (the README lists them). */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** An unexpected error: a bug or an environment problem; the message says which. */
    public static final int INTERNAL = 1;
    /** A wrong command, flag or argument. */
    public static final int USAGE = 2;
    /** The input cannot be used (missing or unreadable file, no header, no phone or email column, bad mapping). */
    public static final int INPUT = 3;
    /** The store cannot be opened (another Switchboard process holds it, or a safety check refused it). */
    public static final int STORE = 4;
    /** The import finished but rejected rows, and {@code --fail-on-rejects} was given. */
    public static final int REJECTS = 5;
    /** A check found errors: template lint, sequence validation. */
    public static final int CHECK_FAILED = 6;
    /** Not allowed: the acting profile's role, a wrong password, or approving one's own work. */
    public static final int DENIED = 7;
    /** Interrupted (Ctrl-C): what was committed stays; running the import again resumes it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
