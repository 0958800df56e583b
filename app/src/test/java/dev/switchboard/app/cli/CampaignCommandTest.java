package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The operator's commands without an engine: each opens the store itself (and, for launch checks, starts the data
 * folder's sandbox briefly), from a first admin to a launched, paused campaign, its status, the kill switch, the
 * queue, evidence and a contact's timeline.
 */
class CampaignCommandTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String CAMPAIGN = "Outage broadcast";

    @TempDir
    Path dir;

    CliRunner.Run run(String... args) {
        return new CliRunner(dir.resolve("data")).run(args);
    }

    /** Runs a command with {@code lines} as its standard input (passwords). */
    CliRunner.Run runWith(String[] lines, String... args) {
        PasswordFeed.lines(lines);
        return run(args);
    }

    CliRunner.Run as(String... args) {
        return runWith(new String[] {PASSWORD}, args);
    }

    /** The shipped demo list (inside the resources jar), copied to a file in {@code dir}. */
    static String demoList(Path dir) throws Exception {
        Path file = dir.resolve("demo-contacts.csv");
        try (InputStream in = CampaignCommandTest.class.getResourceAsStream("/demo/lists/demo-contacts.csv")) {
            assertThat(in).as("the demo list on the classpath").isNotNull();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file.toString();
    }

    /** A first admin "ada" and the demo list imported as "Demo contacts". */
    static void setUp(Path dir, java.util.function.Function<String[], CliRunner.Run> plain,
                      java.util.function.BiFunction<String[], String[], CliRunner.Run> fed) throws Exception {
        CliRunner.Run user = fed.apply(new String[] {PASSWORD}, new String[] {"user", "add", "ada", "--role", "admin"});
        assertThat(user.code()).as(user.err()).isZero();
        assertThat(user.out()).contains("Added profile ada (admin)");
        CliRunner.Run imp = plain.apply(new String[] {"import", demoList(dir), "--list", "Demo contacts", "--json"});
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.json().get("inserted").asInt()).isEqualTo(12);
    }

    @Test
    void withoutAnEngineTheCommandsOpenTheStoreAndSayWhatHappened() throws Exception {
        setUp(dir, this::run, this::runWith);

        CliRunner.Run create = as("campaign", "create", "--demo", "outage-broadcast", "--as", "ada");
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).contains("Outage broadcast: draft").contains("list Demo contacts")
                .contains("sequence outage-broadcast v1").contains("purpose service")
                .contains("SMS from +13177340100").contains("Created as a draft")
                .contains("campaign launch \"Outage broadcast\" --as ada");

        CliRunner.Run list = run("campaign", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("Outage broadcast\\s+draft\\s+outage-broadcast v1\\s+service\\s+Demo"
                + " contacts");
        CliRunner.Run listJson = run("campaign", "list", "--json");
        assertThat(listJson.code()).as(listJson.err()).isZero();
        JsonNode all = listJson.json();
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).get("name").asString()).isEqualTo(CAMPAIGN);
        assertThat(all.get(0).get("state").asString()).isEqualTo("draft");
        assertThat(all.get(0).get("createdBy").asString()).isEqualTo("ada");

        CliRunner.Run again = as("campaign", "create", "--demo", "outage-broadcast", "--as", "ada");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists already");
        assertThat(run("campaign", "list", "--json").json().size()).isEqualTo(1);

        CliRunner.Run launch = as("campaign", "launch", CAMPAIGN, "--as", "ada");
        assertThat(launch.code()).as(launch.out() + launch.err()).isZero();
        assertThat(launch.out()).contains("Launch checks for Outage broadcast:")
                .containsPattern("\\[ok\\]\\s+state")
                .containsPattern("\\[ok\\]\\s+SMS sender\\s+\\+13177340100")
                .containsPattern("\\[ok\\]\\s+list\\s+12 contacts")
                .doesNotContain("[FAIL]")
                .contains("Launched: 12 contacts enrolled.")
                .contains("Start the engine to send: switchboard engine");
        assertThat(run("campaign", "list", "--json").json().get(0).get("state").asString()).isEqualTo("running");

        CliRunner.Run pause = as("campaign", "pause", CAMPAIGN, "--reason", "x", "--as", "ada");
        assertThat(pause.code()).as(pause.err()).isZero();
        assertThat(pause.out()).contains("Outage broadcast: paused");
        CliRunner.Run pauseAgain = as("campaign", "pause", CAMPAIGN, "--reason", "x", "--as", "ada");
        assertThat(pauseAgain.code()).as(pauseAgain.out() + pauseAgain.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(pauseAgain.err()).startsWith("switchboard campaign pause: ");

        CliRunner.Run wrong = runWith(new String[] {"not the password"}, "campaign", "resume", CAMPAIGN, "--reason",
                "y", "--as", "ada");
        assertThat(wrong.code()).as(wrong.out() + wrong.err()).isEqualTo(ExitCodes.DENIED);
        CliRunner.Run noPassword = runWith(new String[0], "campaign", "stop", CAMPAIGN, "--reason", "y", "--as",
                "ada");
        assertThat(noPassword.code()).as(noPassword.out() + noPassword.err()).isEqualTo(ExitCodes.DENIED);
        assertThat(run("campaign", "list", "--json").json().get(0).get("state").asString())
                .as("a refused resume or stop changes nothing").isEqualTo("paused");

        CliRunner.Run status = run("campaign", "status", CAMPAIGN);
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("Outage broadcast: paused (x)")
                .containsPattern("enrollments: \\{.*12")
                .containsPattern("step\\s+chan\\s+due\\s+wait\\s+sent\\s+deliv\\s+failed\\s+unkn\\s+block\\s+defer"
                        + "\\s+skipped\\s+exit")
                .containsPattern("(?m)^\\s+sms\\s+sms\\s+0\\s")
                .containsPattern("(?m)^\\s+sent\\s+0\\s").containsPattern("(?m)^\\s+not-delivered\\s+0\\s")
                .containsPattern("(?m)^\\s+\\(start\\)\\s+12\\s")
                .contains("engine: not running");
        CliRunner.Run statusJson = run("campaign", "status", CAMPAIGN, "--json");
        assertThat(statusJson.code()).as(statusJson.err()).isZero();
        assertThat(statusJson.json().get("campaign").get("state").asString()).isEqualTo("paused");
        int enrolled = 0;
        for (JsonNode n : statusJson.json().get("enrollments")) {
            enrolled += n.asInt();
        }
        assertThat(enrolled).isEqualTo(12);
        CliRunner.Run noSuch = run("campaign", "status", "Nope");
        assertThat(noSuch.code()).as(noSuch.err()).isEqualTo(ExitCodes.USAGE);

        CliRunner.Run before = run("kill-switch");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("Kill switch off.");
        CliRunner.Run on = as("kill-switch", "on", "--reason", "drill", "--as", "ada");
        assertThat(on.code()).as(on.err()).isZero();
        assertThat(on.out()).contains("Kill switch ON");
        CliRunner.Run shown = run("kill-switch");
        assertThat(shown.out()).contains("Kill switch ON: no campaign sends until it is turned off.");
        assertThat(run("kill-switch", "--json").json().get("on").asBoolean()).isTrue();
        assertThat(run("kill-switch", "on").code()).as("changing it needs --as").isEqualTo(ExitCodes.USAGE);
        assertThat(run("kill-switch", "maybe", "--as", "ada", "--reason", "r").code()).isEqualTo(ExitCodes.USAGE);

        CliRunner.Run queue = run("queue");
        assertThat(queue.code()).as(queue.err()).isZero();
        assertThat(queue.out()).contains("The operator queue is empty");
        assertThat(run("queue", "--json").json().size()).isZero();

        CliRunner.Run evidence = run("evidence", "--campaign", CAMPAIGN);
        assertThat(evidence.code()).as(evidence.err()).isZero();
        assertThat(evidence.out()).startsWith("campaign,contact_key,attempt_id,step,attempt_no");
        assertThat(evidence.out().lines().count()).as("no attempt yet: the header only").isEqualTo(1);
        assertThat(run("evidence").code()).isEqualTo(ExitCodes.USAGE);

        CliRunner.Run contact = run("contact", "C-1002", "--list", "Demo contacts");
        assertThat(contact.code()).as(contact.err()).isZero();
        assertThat(contact.out()).contains("Ben Okafor (C-1002) in Demo contacts").contains("America/Chicago")
                .contains("Past:").contains("Planned:");
        assertThat(contact.out().substring(contact.out().indexOf("Planned:"))).contains(CAMPAIGN);
        CliRunner.Run noContact = run("contact", "C-9999", "--list", "Demo contacts");
        assertThat(noContact.code()).as(noContact.err()).isEqualTo(ExitCodes.USAGE);
    }
}
