package dev.switchboard.genesys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API request as the endpoint classes describe it: method, path template (ids substituted and encoded
 * segment by segment), query, JSON body, how it may be retried and its pacing priority.
 */
final class ApiCall {

    /** How a call may be repeated after a failure. */
    enum Mode {
        /** Safe to repeat: retried on 408/5xx/network with backoff (GET, PUT, DELETE, searches, id-keyed adds). */
        REPEATABLE,
        /** An agentless send: never repeated once it may have left; 5xx and timeouts are "outcome unknown". */
        SEND,
        /** Not idempotent (creates): never repeated once it may have left, but failures are ordinary errors. */
        ONCE
    }

    final String method;
    final String template;
    final List<String> segments;
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    Object body;
    Mode mode = Mode.REPEATABLE;
    Priority priority = Priority.POLL;
    /** Asked after the budget granted the request, right before it is written; see {@link Departure}. */
    Departure departure = Departure.ALWAYS;

    private ApiCall(String method, String template, Object... ids) {
        this.method = method;
        this.template = template;
        List<String> parts = new ArrayList<>();
        int next = 0;
        for (String part : template.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("{}")) {
                Object id = ids[next++];
                if (id == null || id.toString().isEmpty()) {
                    throw new IllegalArgumentException("missing id in " + template);
                }
                parts.add(id.toString());
            } else {
                parts.add(part);
            }
        }
        if (next != ids.length) {
            throw new IllegalArgumentException("too many ids for " + template);
        }
        this.segments = List.copyOf(parts);
    }

    static ApiCall get(String template, Object... ids) {
        return new ApiCall("GET", template, ids);
    }

    static ApiCall post(String template, Object... ids) {
        return new ApiCall("POST", template, ids).mode(Mode.ONCE);
    }

    static ApiCall put(String template, Object... ids) {
        return new ApiCall("PUT", template, ids);
    }

    static ApiCall patch(String template, Object... ids) {
        return new ApiCall("PATCH", template, ids);
    }

    static ApiCall head(String template, Object... ids) {
        return new ApiCall("HEAD", template, ids);
    }

    static ApiCall delete(String template, Object... ids) {
        return new ApiCall("DELETE", template, ids);
    }

    ApiCall query(String name, Object value) {
        if (value != null) {
            query.add(Map.entry(name, value.toString()));
        }
        return this;
    }

    ApiCall body(Object value) {
        this.body = value;
        return this;
    }

    ApiCall mode(Mode value) {
        this.mode = value;
        return this;
    }

    ApiCall departure(Departure value) {
        this.departure = value;
        return this;
    }

    ApiCall priority(Priority value) {
        this.priority = value;
        return this;
    }

    /** "METHOD /template" (no ids, no query values): safe to log. */
    String operation() {
        return method + " " + template;
    }
}
