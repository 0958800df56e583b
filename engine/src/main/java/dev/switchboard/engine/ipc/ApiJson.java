package dev.switchboard.engine.ipc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mapper shared by the engine API's server, client and endpoint file. Thread-safe. */
final class ApiJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ApiJson() {
    }

    /** {@code {"error": message}}. */
    static ObjectNode error(String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        return node;
    }
}
