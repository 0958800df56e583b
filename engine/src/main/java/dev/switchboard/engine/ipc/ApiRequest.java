package dev.switchboard.engine.ipc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request to the engine API, as a {@link Handler} sees it.
 *
 * @param method     {@code GET} or {@code POST}
 * @param path       the decoded request path, e.g. {@code /campaigns/Q4/pause}
 * @param pathParams the values of the route's {@code {name}} segments, decoded
 * @param query      the query parameters, URL-decoded; of a repeated name, the first value
 * @param body       the JSON body, or {@code null} when the request had none
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                         JsonNode body) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParams = Collections.unmodifiableMap(new LinkedHashMap<>(pathParams));
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * The value of path parameter {@code name}.
     *
     * @throws IllegalArgumentException when the route has no such parameter
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    /** The value of query parameter {@code name}, if present. */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * The JSON body.
     *
     * @throws ApiException 400 when the request had none
     */
    public JsonNode requireBody() {
        if (body == null) {
            throw new ApiException(400, "a JSON body is required");
        }
        return body;
    }
}
