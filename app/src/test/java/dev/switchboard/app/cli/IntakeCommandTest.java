package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard intake} without a running engine: events are checked, recorded once, named when wrong. */
class IntakeCommandTest {
    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    @Test
    void eventsAreRecordedOnceAndBadOnesAreNamed() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);

        CliRunner.Run paid = run("intake", "payment", "C-1002", "--list", "Demo contacts", "--id", "inv-1002",
                "--note", "paid 120.00");
        assertThat(paid.code()).as(paid.out() + paid.err()).isZero();
        assertThat(paid.out()).contains("conversion accepted").contains("the engine processes it when it starts");
        CliRunner.Run again = run("intake", "payment", "C-1002", "--list", "Demo contacts", "--id", "inv-1002");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("conversion duplicate");

        CliRunner.Run unknown = run("intake", "conversion", "C-9999");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.out()).contains("rejected").contains("contact: no contact with key \"C-9999\"");
        CliRunner.Run noCampaign = run("intake", "enroll", "C-1002", "--campaign", "Nope");
        assertThat(noCampaign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCampaign.out()).contains("campaign: no campaign named \"Nope\"");
        CliRunner.Run badAt = run("intake", "bounce", "a@example.com", "--at", "yesterday");
        assertThat(badAt.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badAt.err()).contains("--at");

        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, "type,contact,list,email,id\nbounce,,,b@example.com,esp-1\nwhatever,C-1003,,,x-2\n");
        CliRunner.Run file = run("intake", "import", csv.toString());
        assertThat(file.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(file.out()).contains("event 1: bounce accepted").contains("event 2: whatever rejected")
                .contains("type: \"whatever\" is not one of");
        Files.writeString(csv, "type,contact\n,C-1003\n");
        CliRunner.Run badRow = run("intake", "import", csv.toString());
        assertThat(badRow.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRow.err()).contains("line 2").contains("type");
    }
}
