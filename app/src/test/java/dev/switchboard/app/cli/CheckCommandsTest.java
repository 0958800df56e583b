package dev.switchboard.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** template lint / render, sequence validate and explain, as a script runs them. */
class CheckCommandsTest {
    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    void importList() throws Exception {
        Path csv = dir.resolve("q4.csv");
        Files.writeString(csv, """
                CRM_Lead_ID,First Name,Mobile,Email,State,Location,Appointment Time
                L-1,Ana,(415) 734-2671,ana@example.com,CA,Main St clinic,Mon 10:00
                L-2,Ben,(212) 736-5000,,NY,,
                """, StandardCharsets.UTF_8);
        assertThat(run("import", csv.toString(), "--list", "Q4").code()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multichannel-default", "overdue-payment-reminder", "outage-broadcast"})
    void everyShippedSequenceIsValid(String id) throws Exception {
        Path file = dir.resolve(id + ".json");
        try (var in = getClass().getResourceAsStream("/demo/sequences/" + id + ".json")) {
            Files.write(file, in.readAllBytes());
        }
        CliRunner.Run r = run("sequence", "validate", file.toString(), "--json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anInvalidSequenceNamesItsProblems() throws Exception {
        Path file = dir.resolve("bad.json");
        try (var in = getClass().getResourceAsStream("/demo/sequences/outage-broadcast.json")) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"outage-sms\"", "\"offer-email\""));
        }
        CliRunner.Run r = run("sequence", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.out()).contains("offer-email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment-reminder-sms", "appointment-sms", "offer-email", "outage-sms", "voice-default",
            "voice-collections"})
    void everyShippedTemplateLintsCleanAgainstItsOwnVariables(String id) {
        CliRunner.Run r = run("template", "lint", id, "--json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void lintCountsTheContactsThatWouldNotRenderAndRenderShowsOne() throws Exception {
        importList();
        CliRunner.Run lint = run("template", "lint", "appointment-sms", "--list", "Q4", "--set", "callback_number=+13177340100",
                "--json");
        assertThat(lint.code()).as(lint.err()).isZero();
        JsonNode coverage = lint.json().get("coverage");
        assertThat(coverage.get("contacts").asInt()).isEqualTo(2);
        assertThat(coverage.get("failing").asInt()).isEqualTo(1);
        assertThat(coverage.get("by_variable").get(0).get("examples").get(0).asString()).isEqualTo("L-2");

        CliRunner.Run render = run("template", "render", "appointment-sms", "--list", "Q4", "--contact", "L-1", "--set",
                "callback_number=+13177340100", "--json");
        assertThat(render.code()).as(render.err()).isZero();
        assertThat(render.json().get("text").asString()).startsWith("Hi Ana, a reminder of your appointment at"
                + " Main St clinic on Mon 10:00.");
        assertThat(render.json().get("sms").get("segments").asInt()).isEqualTo(1);

        CliRunner.Run fails = run("template", "render", "appointment-sms", "--list", "Q4", "--contact", "L-2");
        assertThat(fails.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(fails.err()).contains("{{location}}");
    }

    @Test
    void explainGivesTheDecisionAndEveryRuleItEvaluated() throws Exception {
        importList();
        CliRunner.Run blocked = run("explain", "--list", "Q4", "--contact", "L-1", "--channel", "sms", "--at",
                "2026-11-24T12:00", "--zone", "America/Los_Angeles", "--json");
        assertThat(blocked.code()).as(blocked.err()).isZero();
        assertThat(blocked.json().get("decision").asString()).isEqualTo("blocked");
        assertThat(blocked.json().get("rule").asString()).isEqualTo("consent");

        CliRunner.Run service = run("explain", "--list", "Q4", "--contact", "L-1", "--channel", "sms", "--purpose", "service",
                "--at", "2026-11-24T07:00", "--zone", "America/Los_Angeles");
        assertThat(service.code()).as(service.err()).isZero();
        assertThat(service.out()).contains("DEFERRED");
    }
}
