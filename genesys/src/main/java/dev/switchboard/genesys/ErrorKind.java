package dev.switchboard.genesys;

/** The class of an HTTP error answer, by status. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    REQUEST_TIMEOUT,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    TOO_MANY_REQUESTS,
    SERVER_ERROR,
    OTHER;

    /** The kind of an HTTP status code. */
    public static ErrorKind of(int status) {
        return switch (status) {
            case 400, 422 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 500 ? SERVER_ERROR : OTHER;
        };
    }
}
