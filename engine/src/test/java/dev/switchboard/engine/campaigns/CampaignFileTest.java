package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.compliance.Purpose;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Campaign definition files: the shipped demos parse; every problem is named by its field, all in one message. */
class CampaignFileTest {
    private static final String OK = """
            {"name": "N", "list": "L", "sequence": "S", "purpose": "service"%s}""";

    static Stream<Arguments> demos() {
        return Stream.of(
                Arguments.of("outage-broadcast", "Outage broadcast", "outage-broadcast", Purpose.SERVICE,
                        "+13177340100", null, "Switchboard Energy"),
                Arguments.of("appointment-reminders", "Appointment reminders", "multichannel-default",
                        Purpose.MARKETING, "+13177340100", "offers@example.com", "Switchboard Health"),
                Arguments.of("overdue-payments", "Overdue payments", "overdue-payment-reminder",
                        Purpose.COLLECTIONS, "+13177340101", null, "Switchboard Finance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void theShippedDemosParse(String id, String name, String sequence, Purpose purpose, String smsFrom,
                              String emailFrom, String company) throws Exception {
        CampaignService.Spec s = CampaignFile.demo(id);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.list()).isEqualTo("Demo contacts");
        assertThat(s.sequence()).isEqualTo(sequence);
        assertThat(s.sequenceVersion()).isNull();
        assertThat(s.purpose()).isEqualTo(purpose);
        assertThat(s.smsFrom()).isEqualTo(smsFrom);
        assertThat(s.emailFrom()).isEqualTo(emailFrom);
        assertThat(s.variables()).containsEntry("company_name", company);
    }

    @Test
    void anUnknownDemoIsNamed() {
        assertThatThrownBy(() -> CampaignFile.demo("no-such-demo"))
                .isInstanceOf(CampaignFile.FormatException.class).hasMessageContaining("\"no-such-demo\"");
    }

    @Test
    void aFullFileParsesEveryField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, """
                {"name": "Winter", "list": "Q4", "sequence": "seq", "sequenceVersion": 3,
                 "purpose": "life-safety", "smsFrom": "+13175550100", "emailFrom": "a@b.co",
                 "variables": {"x": "1", "y": ""}}""", StandardCharsets.UTF_8);
        CampaignService.Spec s = CampaignFile.read(f);
        assertThat(s).isEqualTo(new CampaignService.Spec("Winter", "Q4", "seq", 3, Purpose.LIFE_SAFETY,
                "+13175550100", "a@b.co", Map.of("x", "1", "y", "")));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown field", OK.formatted(", \"colour\": \"red\""), "unknown field \"colour\""),
                Arguments.of("missing name", "{\"list\":\"L\",\"sequence\":\"S\",\"purpose\":\"service\"}",
                        "name: missing"),
                Arguments.of("null name", "{\"name\":null,\"list\":\"L\",\"sequence\":\"S\",\"purpose\":\"service\"}",
                        "name: missing"),
                Arguments.of("blank name", "{\"name\":\"  \",\"list\":\"L\",\"sequence\":\"S\",\"purpose\":\"service\"}",
                        "name: expected non-empty text"),
                Arguments.of("missing list", "{\"name\":\"N\",\"sequence\":\"S\",\"purpose\":\"service\"}",
                        "list: missing"),
                Arguments.of("numeric list", "{\"name\":\"N\",\"list\":7,\"sequence\":\"S\",\"purpose\":\"service\"}",
                        "list: expected non-empty text"),
                Arguments.of("missing sequence", "{\"name\":\"N\",\"list\":\"L\",\"purpose\":\"service\"}",
                        "sequence: missing"),
                Arguments.of("missing purpose", "{\"name\":\"N\",\"list\":\"L\",\"sequence\":\"S\"}",
                        "purpose: missing"),
                Arguments.of("bad purpose", "{\"name\":\"N\",\"list\":\"L\",\"sequence\":\"S\",\"purpose\":\"fun\"}",
                        "purpose: \"fun\" is not one of"),
                Arguments.of("non-string variable", OK.formatted(", \"variables\": {\"n\": 5}"),
                        "variables.n: expected text"),
                Arguments.of("variables not an object", OK.formatted(", \"variables\": [\"a\"]"),
                        "variables: expected an object"),
                Arguments.of("sequenceVersion zero", OK.formatted(", \"sequenceVersion\": 0"),
                        "sequenceVersion: expected a positive whole number"),
                Arguments.of("sequenceVersion negative", OK.formatted(", \"sequenceVersion\": -2"),
                        "sequenceVersion: expected a positive whole number"),
                Arguments.of("sequenceVersion text", OK.formatted(", \"sequenceVersion\": \"2\""),
                        "sequenceVersion: expected a positive whole number"),
                Arguments.of("sequenceVersion fraction", OK.formatted(", \"sequenceVersion\": 1.5"),
                        "sequenceVersion: expected a positive whole number"),
                Arguments.of("sequenceVersion huge", OK.formatted(", \"sequenceVersion\": 99999999999"),
                        "sequenceVersion: expected a positive whole number"),
                Arguments.of("smsFrom not text", OK.formatted(", \"smsFrom\": 13175550100"),
                        "smsFrom: expected non-empty text"),
                Arguments.of("emailFrom blank", OK.formatted(", \"emailFrom\": \"\""),
                        "emailFrom: expected non-empty text"),
                Arguments.of("not JSON", "{\"name\": ", "not valid JSON"),
                Arguments.of("empty input", "", "expected a JSON object"),
                Arguments.of("array", "[1, 2]", "expected a JSON object"),
                Arguments.of("string", "\"campaign\"", "expected a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void errorsNameTheField(String label, String json, String expected) {
        assertThatThrownBy(() -> CampaignFile.parse("c.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CampaignFile.FormatException.class)
                .hasMessageStartingWith("c.json: ")
                .hasMessageContaining(expected);
    }

    @Test
    void everyProblemIsReportedTogetherInOneMessage() {
        String json = """
                {"nmae": "typo", "list": 3, "purpose": "fun", "sequenceVersion": 0,
                 "variables": {"a": true, "b": "ok", "c": null}}""";
        assertThatThrownBy(() -> CampaignFile.parse("all.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CampaignFile.FormatException.class)
                .message()
                .startsWith("all.json: ")
                .contains("unknown field \"nmae\"", "name: missing", "list: expected non-empty text",
                        "sequence: missing", "purpose: \"fun\" is not one of",
                        "sequenceVersion: expected a positive whole number", "variables.a: expected text",
                        "variables.c: expected text")
                .doesNotContain("variables.b")
                .satisfies(m -> assertThat(m.split("; ")).hasSize(8));
    }

    @Test
    void purposeIsCaseAndDashInsensitive() throws Exception {
        for (String p : new String[] {"SERVICE", "Life_Safety", "life-safety", "collections"}) {
            String json = "{\"name\":\"N\",\"list\":\"L\",\"sequence\":\"S\",\"purpose\":\"" + p + "\"}";
            assertThat(CampaignFile.parse("c", json.getBytes(StandardCharsets.UTF_8)).purpose()).isNotNull();
        }
    }
}
