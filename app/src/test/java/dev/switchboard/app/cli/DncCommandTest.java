package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code dnc sync|status|import-scrub} and {@code rnd import} without an engine: the sync runs on the data folder's
 * sandbox org, imports name bad rows with exit code 3 and write nothing, and the README walkthrough's marketing
 * campaign launches once the shipped samples are imported.
 */
class DncCommandTest {
    static final String PASSWORD = CampaignCommandTest.PASSWORD;
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    CliRunner.Run as(String... args) {
        return runWith(new String[] {PASSWORD}, args);
    }

    @Test
    void syncStatusAndImportsThenTheMarketingDemoLaunches() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);

        CliRunner.Run before = run("dnc", "status", "--json");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.json().get("lastCompleteSync").isNull()).isTrue();

        CliRunner.Run sync = run("dnc", "sync");
        assertThat(sync.code()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).startsWith("Complete sync of");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "phone\n3172321400\n12\n");
        CliRunner.Run refused = as("dnc", "import-scrub", bad.toString(), "--scrubbed-on", TODAY, "--as", "ada");
        assertThat(refused.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.err()).contains("bad.csv: line 3, column 'phone': '12' is not a usable phone number");
        CliRunner.Run badDate = as("dnc", "import-scrub", "--demo", "--scrubbed-on", "June", "--as", "ada");
        assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--scrubbed-on: 'June' is not a date");

        CliRunner.Run scrub = as("dnc", "import-scrub", "--demo", "--scrubbed-on", TODAY, "--as", "ada");
        assertThat(scrub.code()).as(scrub.err()).isZero();
        assertThat(scrub.out()).contains("Imported the National DNC scrub of " + TODAY + ": 5 numbers");
        CliRunner.Run rnd = as("rnd", "import", "--demo", "--results-date", TODAY, "--as", "ada");
        assertThat(rnd.code()).as(rnd.err()).isZero();
        assertThat(rnd.out()).contains("Imported 4 RND answers (results of " + TODAY + ")");

        CliRunner.Run status = run("dnc", "status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode s = status.json();
        assertThat(s.get("lastCompleteSync").isNull()).isFalse();
        assertThat(s.get("lastScrub").get("scrubbedOn").asString()).isEqualTo(TODAY);
        assertThat(s.get("lastRnd").get("resultsDate").asString()).isEqualTo(TODAY);
        assertThat(s.get("rndAnswers").get("YES").asInt()).isEqualTo(1);
        CliRunner.Run text = run("dnc", "status");
        assertThat(text.out()).contains("National DNC scrub: scrubbed on " + TODAY)
                .contains("Limits (rule pack): Genesys DNC sync 24 h");

        CliRunner.Run create = as("campaign", "create", "--demo", "appointment-reminders", "--as", "ada");
        assertThat(create.code()).as(create.err()).isZero();
        CliRunner.Run launch = as("campaign", "launch", "Appointment reminders", "--as", "ada");
        assertThat(launch.code()).as(launch.out() + launch.err()).isZero();
        assertThat(launch.out()).containsPattern("\\[ok\\]\\s+Genesys DNC sync")
                .containsPattern("\\[ok\\]\\s+National DNC scrub").containsPattern("\\[ok\\]\\s+Reassigned Numbers");
    }
}
