package dev.switchboard.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers over Jackson 3 trees. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode obj() {
        return NODES.objectNode();
    }

    static ArrayNode arr() {
        return NODES.arrayNode();
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The string value of {@code node.field}, or null when absent or not a string. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** The id of a {@code DomainEntityRef} held in {@code node.field}, or null. */
    static String refId(JsonNode node, String field) {
        return node == null ? null : text(node.get(field), "id");
    }

    static ObjectNode ref(String id, String selfUri) {
        ObjectNode r = obj();
        r.put("id", id);
        if (selfUri != null) {
            r.put("selfUri", selfUri);
        }
        return r;
    }

    /** ISO-8601 with milliseconds, as Genesys writes dates. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static ObjectNode entityListing(ArrayNode entities, int pageNumber, int pageSize, int total) {
        ObjectNode out = obj();
        out.set("entities", entities);
        out.put("pageSize", pageSize);
        out.put("pageNumber", pageNumber);
        out.put("total", total);
        out.put("pageCount", pageSize == 0 ? 0 : (total + pageSize - 1) / pageSize);
        return out;
    }
}
