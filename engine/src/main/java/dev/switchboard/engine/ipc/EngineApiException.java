package dev.switchboard.engine.ipc;

/**
 * A call to the engine API failed: the engine answered with an error status, or (status 0) did not answer.
 */
public class EngineApiException extends Exception {
    private final int status;

    /**
     * @param status  the HTTP status of the engine's answer, or 0 when it did not answer
     * @param message what went wrong, fit to show the user
     */
    public EngineApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the engine's answer, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
