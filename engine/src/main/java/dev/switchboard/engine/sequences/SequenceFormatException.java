package dev.switchboard.engine.sequences;

/** A sequence file that cannot be read; the message starts with the JSON path of the bad value. */
public final class SequenceFormatException extends RuntimeException {
    private final String path;

    public SequenceFormatException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** Where in the document, as {@code $.steps[2].maxAttempts}. */
    public String path() {
        return path;
    }
}
