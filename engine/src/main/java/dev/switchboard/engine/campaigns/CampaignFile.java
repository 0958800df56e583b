package dev.switchboard.engine.campaigns;

import dev.switchboard.model.compliance.Purpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign definition file: {@code {"name", "list", "sequence", "sequenceVersion"?, "purpose", "smsFrom"?,
 * "emailFrom"?, "variables"?: {…}}}. Errors name the field.
 */
public final class CampaignFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("name", "list", "sequence", "sequenceVersion", "purpose",
            "smsFrom", "emailFrom", "variables");

    private CampaignFile() {
    }

    /** A campaign file that cannot be read; the message names the file and the field. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    public static CampaignService.Spec read(Path file) throws FormatException, IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** A shipped demo campaign (resources/demo/campaigns/ID.json). */
    public static CampaignService.Spec demo(String id) throws FormatException, IOException {
        try (InputStream in = CampaignFile.class.getResourceAsStream("/demo/campaigns/" + id + ".json")) {
            if (in == null) {
                throw new FormatException("no shipped demo campaign \"" + id + "\"");
            }
            return parse("demo/campaigns/" + id + ".json", in.readAllBytes());
        }
    }

    static CampaignService.Spec parse(String source, byte[] bytes) throws FormatException {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new FormatException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new FormatException(source + ": expected a JSON object");
        }
        List<String> problems = new ArrayList<>();
        o.propertyNames().forEach(n -> {
            if (!FIELDS.contains(n)) {
                problems.add("unknown field \"" + n + "\" (known: " + String.join(", ", FIELDS.stream().sorted()
                        .toList()) + ")");
            }
        });
        String name = text(o, "name", true, problems);
        String list = text(o, "list", true, problems);
        String sequence = text(o, "sequence", true, problems);
        Integer version = null;
        if (o.has("sequenceVersion")) {
            if (o.get("sequenceVersion").isInt() && o.get("sequenceVersion").asInt() > 0) {
                version = o.get("sequenceVersion").asInt();
            } else {
                problems.add("sequenceVersion: expected a positive whole number");
            }
        }
        Purpose purpose = null;
        String p = text(o, "purpose", true, problems);
        if (p != null) {
            try {
                purpose = Purpose.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add("purpose: \"" + p + "\" is not one of marketing, service, collections, life_safety");
            }
        }
        String smsFrom = text(o, "smsFrom", false, problems);
        String emailFrom = text(o, "emailFrom", false, problems);
        Map<String, String> variables = new LinkedHashMap<>();
        if (o.has("variables")) {
            if (!o.get("variables").isObject()) {
                problems.add("variables: expected an object of names to text");
            } else {
                o.get("variables").properties().forEach(e -> {
                    if (e.getValue().isString()) {
                        variables.put(e.getKey(), e.getValue().asString());
                    } else {
                        problems.add("variables." + e.getKey() + ": expected text");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new FormatException(source + ": " + String.join("; ", problems));
        }
        return new CampaignService.Spec(name, list, sequence, version, purpose, smsFrom, emailFrom, variables);
    }

    private static String text(JsonNode o, String field, boolean required, List<String> problems) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(field + ": missing");
            }
            return null;
        }
        if (!n.isString() || n.asString().isBlank()) {
            problems.add(field + ": expected non-empty text");
            return null;
        }
        return n.asString();
    }
}
