package dev.switchboard.engine.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.sequence.Edge;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.sequence.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class SequenceJsonTest {
    static final Map<String, Channel> TEMPLATES = Map.of("payment-reminder-sms", Channel.SMS, "appointment-sms",
            Channel.SMS, "offer-email", Channel.EMAIL, "outage-sms", Channel.SMS, "voice-default", Channel.VOICE,
            "voice-collections", Channel.VOICE);

    static final List<String> DEMOS = DemoSequences.IDS;

    private static final String SMALL = """
            {"id": "s", "name": "Small", "steps": [
              {"id": "sms", "type": "touch", "channel": "SMS", "template": "outage-sms", "maxAttempts": 2,
               "retrySpacing": "PT1H", "window": {"start": "10:00", "end": "18:00", "days": ["MONDAY"]},
               "edges": [{"on": "DELIVERED", "to": "end"}, {"on": "ELSE", "to": "end"}]},
              {"id": "end", "type": "exit", "reason": "done"}
            ]}
            """;

    @ParameterizedTest
    @FieldSource("DEMOS")
    void demoSequencesRoundTripAndAreValid(String id) {
        Sequence s = DemoSequences.load(id);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.published()).isTrue();
        assertThat(SequenceJson.read(SequenceJson.write(s))).isEqualTo(s);
        assertThat(new dev.switchboard.model.sequence.SequenceValidator(t -> Optional.ofNullable(TEMPLATES.get(t)))
                .validate(s)).isEmpty();
    }

    @Test
    void everyFieldRoundTrips() {
        Sequence s = new Sequence("all", "All", 3, false, true, "every kind", List.of(
                new Step.Touch("t", Channel.VOICE, "voice-default", 3, Duration.ofMinutes(90), Optional.empty(),
                        List.of(Edge.onFailure(FailureReason.INVALID_DESTINATION, "w"), Edge.otherwise("w"))),
                Step.Wait.until("w", LocalTime.of(9, 30), "b"),
                new Step.Branch("b", dev.switchboard.model.sequence.BranchOn.COUNTER, "2",
                        List.of(Edge.on(dev.switchboard.model.sequence.Label.MATCH, "w"), Edge.otherwise("x"))),
                new Step.Exit("x", "done")));
        assertThat(SequenceJson.read(SequenceJson.write(s))).isEqualTo(s);
    }

    @Test
    void readsTheSmallForm() {
        Sequence s = SequenceJson.read(SMALL);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.published()).isFalse();
        Step.Touch t = (Step.Touch) s.steps().getFirst();
        assertThat(t.window().orElseThrow().days()).containsExactly(java.time.DayOfWeek.MONDAY);
        assertThat(t.retrySpacing()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            "maxAttempts": 2              | "maxAttempts": "two"          | $.steps[0].maxAttempts: expected a whole number
            "maxAttempts": 2              | "maxAtempts": 2               | $.steps[0].maxAtempts: unknown field (expected one of [channel, edges, id, maxAttempts, retrySpacing, template, type, window])
            "PT1H"                        | "1 hour"                      | $.steps[0].retrySpacing: "1 hour" is not a duration (ISO-8601, such as PT2H or P1D)
            "channel": "SMS"              | "channel": "FAX"              | $.steps[0].channel: "FAX" is not one of [VOICE, SMS, EMAIL]
            "MONDAY"                      | "MONDAYS"                     | $.steps[0].window.days[0]: "MONDAYS" is not a day of the week
            "start": "10:00"              | "start": "10am"               | $.steps[0].window.start: "10am" is not a time of day (HH:mm)
            {"on": "ELSE", "to": "end"}   | {"on": "OTHERWISE", "to": "end"} | $.steps[0].edges[1].on: "OTHERWISE" is not one of [DELIVERED, ANSWERED, NO_ANSWER, BUSY, FAILED, OPTED_OUT, BOUNCED, CONVERTED, TIMED_OUT, MATCH, ELSE]
            "type": "exit"                | "type": "stop"                | $.steps[1].type: "stop" is not a step type (touch, wait, branch, exit)
            "reason": "done"              | "why": "done"                 | $.steps[1].why: unknown field (expected one of [id, reason, type])
            "name": "Small",              | ''                            | $.name: missing
            {"id": "s",                   | [{"id": "s",                  | $: not valid JSON
            """)
    void errorsNameTheJsonPath(String from, String to, String message) {
        String json = SMALL.replace(from, to);
        assertThat(json).isNotEqualTo(SMALL);
        assertThatThrownBy(() -> SequenceJson.read(json)).isInstanceOf(SequenceFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void filesReportFormatErrorsAndValidatorMessages(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, SMALL);
        assertThat(SequenceFiles.validate(ok)).isEmpty();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SMALL.replace("\"maxAttempts\": 2", "\"maxAttempts\": 0"));
        assertThat(SequenceFiles.validate(bad)).containsExactly("Touch \"sms\" allows 0 attempts: it needs at least 1.");
        Path wrongTemplate = dir.resolve("wrong.json");
        Files.writeString(wrongTemplate, SMALL.replace("outage-sms", "offer-email"));
        assertThat(SequenceFiles.validate(wrongTemplate, t -> Optional.ofNullable(TEMPLATES.get(t))))
                .containsExactly("Touch \"sms\" is a sms touch but its template \"offer-email\" is for email.");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, SMALL.replace("\"PT1H\"", "3600"));
        assertThat(SequenceFiles.validate(broken)).containsExactly("$.steps[0].retrySpacing: expected a string");
        assertThat(SequenceFiles.validate(dir.resolve("missing.json")).getFirst()).startsWith("Cannot read ");
    }
}
