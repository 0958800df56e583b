package dev.switchboard.persistence;

import dev.switchboard.model.contact.ColumnBinding;
import dev.switchboard.model.contact.ColumnMapping;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The JSON forms of the few structured values stored in text columns (portable across H2 and PostgreSQL). */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final TypeReference<List<ColumnBinding>> BINDINGS = new TypeReference<>() { };

    private Json() {
    }

    static String attributes(SortedMap<String, String> attributes) {
        return attributes.isEmpty() ? "{}" : MAPPER.writeValueAsString(attributes);
    }

    static SortedMap<String, String> attributes(String json) {
        return json == null || json.equals("{}") ? new TreeMap<>() : MAPPER.readValue(json, ATTRIBUTES);
    }

    static String mapping(ColumnMapping mapping) {
        return MAPPER.writeValueAsString(mapping.columns());
    }

    static ColumnMapping mapping(String json) {
        return new ColumnMapping(MAPPER.readValue(json, BINDINGS));
    }
}
