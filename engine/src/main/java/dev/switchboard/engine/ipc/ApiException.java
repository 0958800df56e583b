package dev.switchboard.engine.ipc;

/**
 * Thrown by a {@link Handler} to answer with {@code status} and {@code {"error": message}}. The message goes to the
 * caller as is, so it must hold nothing the caller may not see.
 */
public class ApiException extends RuntimeException {
    private final int status;

    /**
     * @param status  an HTTP status from 400 to 599
     * @param message what the caller is told
     */
    public ApiException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
