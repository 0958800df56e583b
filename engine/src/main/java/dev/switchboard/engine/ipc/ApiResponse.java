package dev.switchboard.engine.ipc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link Handler} answers: an HTTP status and a JSON body.
 *
 * @param status an HTTP status from 200 to 599
 * @param body   the JSON body
 */
public record ApiResponse(int status, JsonNode body) {
    public ApiResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("unsupported status: " + status);
        }
        Objects.requireNonNull(body, "body");
    }

    /** 200 with {@code body}. */
    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    /** {@code status} with {@code body}. */
    public static ApiResponse status(int status, JsonNode body) {
        return new ApiResponse(status, body);
    }

    /** {@code status} with {@code {"error": message}}. */
    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, ApiJson.error(message));
    }
}
