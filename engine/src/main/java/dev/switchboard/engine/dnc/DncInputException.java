package dev.switchboard.engine.dnc;

/** An outside-data file that cannot be used: the message names the file, and the line and field when it is a row. */
public final class DncInputException extends Exception {
    public DncInputException(String message) {
        super(message);
    }
}
