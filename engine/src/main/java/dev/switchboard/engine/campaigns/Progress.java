package dev.switchboard.engine.campaigns;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.Signal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of an enrollment's progress through its sequence: the part of {@link EnrollmentState} the engine
 * owns (step, attempts, counters, last outcome, events, due). The contact's zones, attributes and preferred channel
 * are read from the contact each time, so a re-import that corrects a time zone takes effect at the next step.
 */
public final class Progress {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The state of an enrollment that has not started. */
    public static final String INITIAL = "{}";

    private Progress() {
    }

    public static String write(EnrollmentState s) {
        ObjectNode o = MAPPER.createObjectNode();
        s.currentStep().ifPresent(step -> o.put("step", step));
        if (!s.attempts().isEmpty()) {
            ObjectNode a = o.putObject("attempts");
            s.attempts().forEach(a::put);
        }
        if (!s.counters().isEmpty()) {
            ObjectNode c = o.putObject("counters");
            s.counters().forEach(c::put);
        }
        s.lastOutcome().ifPresent(r -> {
            ObjectNode l = o.putObject("last");
            l.put("outcome", r.outcome().name());
            r.reason().ifPresent(reason -> l.put("reason", reason.name()));
        });
        if (!s.events().isEmpty()) {
            var e = o.putArray("events");
            s.events().stream().sorted().forEach(ev -> e.add(ev.name()));
        }
        s.due().ifPresent(d -> o.put("due", d.toString()));
        return MAPPER.writeValueAsString(o);
    }

    /** The enrollment's state for the planner, with the contact's current zones and attributes. */
    public static EnrollmentState read(String json, Contact contact, int sequenceVersion, List<ZoneId> zones,
                                       Optional<Channel> preferredChannel) {
        JsonNode o = MAPPER.readTree(json == null || json.isBlank() ? INITIAL : json);
        Map<String, Integer> attempts = new HashMap<>();
        o.path("attempts").properties().forEach(e -> attempts.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> counters = new HashMap<>();
        o.path("counters").properties().forEach(e -> counters.put(e.getKey(), e.getValue().asInt()));
        Optional<Signal.Result> last = Optional.empty();
        if (o.has("last")) {
            JsonNode l = o.get("last");
            last = Optional.of(new Signal.Result(Outcome.valueOf(l.get("outcome").asString()),
                    l.has("reason") ? Optional.of(FailureReason.valueOf(l.get("reason").asString()))
                            : Optional.empty()));
        }
        Set<Outcome> events = EnumSet.noneOf(Outcome.class);
        o.path("events").forEach(e -> events.add(Outcome.valueOf(e.asString())));
        Optional<String> step = o.has("step") ? Optional.of(o.get("step").asString()) : Optional.empty();
        Optional<Instant> due = o.has("due") ? Optional.of(Instant.parse(o.get("due").asString())) : Optional.empty();
        return new EnrollmentState(String.valueOf(contact.id()), sequenceVersion, step, attempts, counters, last,
                events, due, zones, preferredChannel, contact.data().attributes());
    }
}
