package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a script sees it: exit codes, JSON, and the store held by another process. */
class CommandLineTest {
    private static final String FILE = """
            CRM_Lead_ID,First Name,Mobile,Email
            L-1,Ana,(415) 734-2671,ana@example.com
            L-2,Ben,(212) 736-5000,
            L-3,Cy,(415) 555-0123,
            L-4,Di,,not-an-email
            """;

    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    Path csv() throws Exception {
        Path p = dir.resolve("q4.csv");
        Files.writeString(p, FILE, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void importReportsCountsAndRejectionsAsJsonAndAReimportChangesNothing() throws Exception {
        CliRunner.Run first = run("import", csv().toString(), "--list", "Q4", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode j = first.json();
        assertThat(j.get("inserted").asInt()).isEqualTo(2);
        assertThat(j.get("rejected").asInt()).isEqualTo(2);
        assertThat(j.get("rejections").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(j.get("rejections").get(0).get("reason").asString()).contains("fictional");
        assertThat(j.get("rejections").get(1).get("column").asString()).isEqualTo("Email");

        JsonNode again = run("import", csv().toString(), "--list", "Q4", "--json").json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("inserted").asInt()).isZero();

        JsonNode contacts = run("contacts", "--list", "Q4", "--json").json();
        assertThat(contacts.get("total").asInt()).isEqualTo(2);
        assertThat(contacts.get("contacts").get(0).get("phones").get(0).get("e164").asString())
                .isEqualTo("+14157342671");
        assertThat(run("contacts", "--list", "Q4", "--rejected", "--json").json().get("rejections").size())
                .isEqualTo(2);
        assertThat(run("lists", "--json").json().get(0).get("contacts").asInt()).isEqualTo(2);
        assertThat(run("verdicts", "--list", "Q4").out()).contains("4,3,L-3,rejected,Mobile,");
    }

    @Test
    void exitCodesSayWhatWentWrong() throws Exception {
        assertThat(run("import", dir.resolve("missing.csv").toString(), "--list", "Q4").code())
                .isEqualTo(ExitCodes.INPUT);
        assertThat(run("import", csv().toString(), "--list", "Q4", "--encoding", "klingon").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("import", csv().toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("import", csv().toString(), "--list", "Q4", "--fail-on-rejects").code())
                .isEqualTo(ExitCodes.REJECTS);
        CliRunner.Run noList = run("contacts", "--list", "Nope");
        assertThat(noList.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noList.err()).contains("no list named \"Nope\"");
    }

    @Test
    void aCommandFindingTheStoreHeldSaysSoPlainly() throws Exception {
        try (Workspace console = Workspace.open(dir.resolve("data"), "the Switchboard console")) {
            assertThat(console).isNotNull();
            CliRunner.Run r = run("import", csv().toString(), "--list", "Q4");
            assertThat(r.code()).isEqualTo(ExitCodes.STORE);
            assertThat(r.err()).contains("is in use by the Switchboard console (pid");
        }
        assertThat(run("lists").code()).isZero();
    }
}
