package dev.switchboard.sandbox;

import java.util.List;

/** A Genesys error answer: HTTP status, error code and message, turned into an {@code ErrorBody} by the pipeline. */
final class ApiException extends RuntimeException {

    /** One entry of {@code ErrorBody.details}. */
    record Detail(String errorCode, String fieldName) {
    }

    private final int status;
    private final String code;
    private final transient List<Detail> details;

    ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    ApiException(int status, String code, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Detail> details() {
        return details;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    static ApiException wrongVersion() {
        return new ApiException(409, "invalid.update.wrong.version",
                "The version supplied does not match the current version of the entity");
    }
}
