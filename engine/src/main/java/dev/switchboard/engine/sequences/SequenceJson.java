package dev.switchboard.engine.sequences;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.BranchOn;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Label;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import dev.switchboard.model.sequence.StepWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON form of a sequence (see resources/demo/sequences/README.md). Reading is strict: an
 * unknown field, a missing one or a bad value fails with a {@link SequenceFormatException} naming its JSON path.
 * Reading checks the form only; {@link dev.switchboard.model.sequence.SequenceValidator} checks the graph.
 * Thread-safe.
 */
public final class SequenceJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> TOP = Set.of("id", "name", "version", "published", "preferredChannelFirst",
            "description", "steps");
    private static final Set<String> TOUCH = Set.of("id", "type", "channel", "template", "maxAttempts", "retrySpacing",
            "window", "edges");
    private static final Set<String> WAIT = Set.of("id", "type", "duration", "until", "edges");
    private static final Set<String> BRANCH = Set.of("id", "type", "on", "condition", "edges");
    private static final Set<String> EXIT = Set.of("id", "type", "reason");
    private static final Set<String> WINDOW = Set.of("start", "end", "days");
    private static final Set<String> EDGE = Set.of("on", "reason", "to");

    private SequenceJson() {
    }

    public static Sequence read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new SequenceFormatException("$", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SequenceFormatException("$", "expected an object");
        }
        known(root, "$", TOP);
        JsonNode steps = required(root, "$", "steps");
        if (!steps.isArray()) {
            throw new SequenceFormatException("$.steps", "expected an array of steps");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(steps.get(i), "$.steps[" + i + "]"));
        }
        return new Sequence(text(root, "$", "id"), text(root, "$", "name"), integer(root, "$", "version", 1),
                bool(root, "$", "published"), bool(root, "$", "preferredChannelFirst"),
                optionalText(root, "$", "description").orElse(""), out);
    }

    private static Step step(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new SequenceFormatException(at, "expected a step object");
        }
        String type = text(n, at, "type");
        String id = text(n, at, "id");
        return switch (type) {
            case "touch" -> {
                known(n, at, TOUCH);
                Optional<StepWindow> window = n.has("window") ? Optional.of(window(n.get("window"), at + ".window"))
                        : Optional.empty();
                yield new Step.Touch(id, enumValue(Channel.class, n, at, "channel"), text(n, at, "template"),
                        integer(n, at, "maxAttempts", null),
                        n.has("retrySpacing") ? duration(n, at, "retrySpacing") : Duration.ZERO, window,
                        edges(n, at));
            }
            case "wait" -> {
                known(n, at, WAIT);
                Optional<Duration> d = n.has("duration") ? Optional.of(duration(n, at, "duration")) : Optional.empty();
                Optional<LocalTime> until = n.has("until") ? Optional.of(time(n, at, "until")) : Optional.empty();
                yield new Step.Wait(id, d, until, edges(n, at));
            }
            case "branch" -> {
                known(n, at, BRANCH);
                yield new Step.Branch(id, enumValue(BranchOn.class, n, at, "on"),
                        optionalText(n, at, "condition").orElse(""), edges(n, at));
            }
            case "exit" -> {
                known(n, at, EXIT);
                yield new Step.Exit(id, text(n, at, "reason"));
            }
            default -> throw new SequenceFormatException(at + ".type",
                    "\"" + type + "\" is not a step type (touch, wait, branch, exit)");
        };
    }

    private static List<Edge> edges(JsonNode n, String at) {
        JsonNode edges = n.get("edges");
        if (edges == null) {
            return List.of();
        }
        if (!edges.isArray()) {
            throw new SequenceFormatException(at + ".edges", "expected an array of edges");
        }
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            JsonNode e = edges.get(i);
            String eat = at + ".edges[" + i + "]";
            if (!e.isObject()) {
                throw new SequenceFormatException(eat, "expected an edge object {\"on\": …, \"to\": …}");
            }
            known(e, eat, EDGE);
            Optional<FailureReason> reason = e.has("reason")
                    ? Optional.of(enumValue(FailureReason.class, e, eat, "reason")) : Optional.empty();
            out.add(new Edge(enumValue(Label.class, e, eat, "on"), reason, text(e, eat, "to")));
        }
        return out;
    }

    private static StepWindow window(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new SequenceFormatException(at, "expected {\"start\": \"09:00\", \"end\": \"21:00\", \"days\": [...]}");
        }
        known(n, at, WINDOW);
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (n.has("days")) {
            JsonNode d = n.get("days");
            if (!d.isArray()) {
                throw new SequenceFormatException(at + ".days", "expected an array of days such as \"MONDAY\"");
            }
            days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < d.size(); i++) {
                String v = d.get(i).isString() ? d.get(i).asString() : "";
                try {
                    days.add(DayOfWeek.valueOf(v.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    throw new SequenceFormatException(at + ".days[" + i + "]", "\"" + v + "\" is not a day of the week");
                }
            }
        }
        return new StepWindow(time(n, at, "start"), time(n, at, "end"), days);
    }

    private static void known(JsonNode n, String at, Set<String> fields) {
        for (String name : n.propertyNames()) {
            if (!fields.contains(name)) {
                throw new SequenceFormatException(at + "." + name, "unknown field (expected one of "
                        + fields.stream().sorted().toList() + ")");
            }
        }
    }

    private static JsonNode required(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new SequenceFormatException(at + "." + field, "missing");
        }
        return v;
    }

    private static String text(JsonNode n, String at, String field) {
        JsonNode v = required(n, at, field);
        if (!v.isString()) {
            throw new SequenceFormatException(at + "." + field, "expected a string");
        }
        return v.asString();
    }

    private static Optional<String> optionalText(JsonNode n, String at, String field) {
        return n.has(field) && !n.get(field).isNull() ? Optional.of(text(n, at, field)) : Optional.empty();
    }

    private static int integer(JsonNode n, String at, String field, Integer fallback) {
        JsonNode v = n.get(field);
        if ((v == null || v.isNull()) && fallback != null) {
            return fallback;
        }
        v = required(n, at, field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SequenceFormatException(at + "." + field, "expected a whole number");
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new SequenceFormatException(at + "." + field, "expected true or false");
        }
        return v.asBoolean();
    }

    private static Duration duration(JsonNode n, String at, String field) {
        String v = text(n, at, field);
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new SequenceFormatException(at + "." + field,
                    "\"" + v + "\" is not a duration (ISO-8601, such as PT2H or P1D)");
        }
    }

    private static LocalTime time(JsonNode n, String at, String field) {
        String v = text(n, at, field);
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new SequenceFormatException(at + "." + field, "\"" + v + "\" is not a time of day (HH:mm)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String at, String field) {
        String v = text(n, at, field);
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new SequenceFormatException(at + "." + field, "\"" + v + "\" is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    public static String write(Sequence s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", s.id());
        root.put("name", s.name());
        root.put("version", s.version());
        root.put("published", s.published());
        root.put("preferredChannelFirst", s.preferredChannelFirst());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        ArrayNode steps = root.putArray("steps");
        for (Step step : s.steps()) {
            ObjectNode o = steps.addObject();
            o.put("id", step.id());
            o.put("type", step.kind());
            switch (step) {
                case Step.Touch t -> {
                    o.put("channel", t.channel().name());
                    o.put("template", t.templateId());
                    o.put("maxAttempts", t.maxAttempts());
                    o.put("retrySpacing", t.retrySpacing().toString());
                    t.window().ifPresent(w -> {
                        ObjectNode wn = o.putObject("window");
                        wn.put("start", w.start().toString());
                        wn.put("end", w.end().toString());
                        ArrayNode days = wn.putArray("days");
                        EnumSet.copyOf(w.days().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : w.days())
                                .forEach(d -> days.add(d.name()));
                    });
                }
                case Step.Wait w -> {
                    w.duration().ifPresent(d -> o.put("duration", d.toString()));
                    w.untilLocalTime().ifPresent(t -> o.put("until", t.toString()));
                }
                case Step.Branch b -> {
                    o.put("on", b.on().name());
                    o.put("condition", b.condition());
                }
                case Step.Exit x -> o.put("reason", x.reason());
            }
            if (!(step instanceof Step.Exit)) {
                ArrayNode edges = o.putArray("edges");
                for (Edge e : step.edges()) {
                    ObjectNode en = edges.addObject();
                    en.put("on", e.on().name());
                    e.reason().ifPresent(r -> en.put("reason", r.name()));
                    en.put("to", e.to());
                }
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }
}
