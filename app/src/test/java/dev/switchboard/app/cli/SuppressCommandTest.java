package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code suppress remove|pending|approve|reject|import|export}: lifting a suppression takes a second compliance or
 * admin profile; an import with a bad row names its line and column and writes nothing; an export imports again.
 */
class SuppressCommandTest {
    static final String PASSWORD = CampaignCommandTest.PASSWORD;

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

    @BeforeEach
    void profiles() {
        CliRunner.Run ada = runWith(new String[] {PASSWORD}, "user", "add", "ada", "--role", "admin");
        assertThat(ada.code()).as(ada.err()).isZero();
        for (String[] p : new String[][] {{"grace", "compliance"}, {"sam", "supervisor"}}) {
            CliRunner.Run added = runWith(new String[] {PASSWORD, PASSWORD}, "user", "add", p[0], "--role", p[1],
                    "--as", "ada");
            assertThat(added.code()).as(added.err()).isZero();
        }
    }

    long suppress(String address) {
        CliRunner.Run add = as("suppress", "add", address, "--kind", "dnc", "--reason", "asked", "--as", "ada");
        assertThat(add.code()).as(add.err()).isZero();
        return Long.parseLong(add.out().replaceAll("\\D+", ""));
    }

    @Test
    void aRemovalTakesASecondComplianceOrAdminProfile() {
        long id = suppress("+13172321400");
        long kept = suppress("jane@example.com");

        CliRunner.Run noReason = as("suppress", "remove", Long.toString(id), "--reason", " ", "--as", "ada");
        assertThat(noReason.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReason.err()).contains("A reason is required");
        CliRunner.Run bySupervisor = as("suppress", "remove", Long.toString(id), "--reason", "x", "--as", "sam");
        assertThat(bySupervisor.code()).isEqualTo(ExitCodes.DENIED);

        CliRunner.Run request = as("suppress", "remove", Long.toString(id), "--reason", "number reassigned",
                "--as", "ada");
        assertThat(request.code()).as(request.err()).isZero();
        assertThat(request.out()).startsWith("Removal request ").contains("other than ada approves it");
        String requestId = request.out().split(" ")[2];
        CliRunner.Run again = as("suppress", "remove", Long.toString(id), "--reason", "twice", "--as", "grace");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("pending already");

        CliRunner.Run pending = run("suppress", "pending");
        assertThat(pending.code()).as(pending.err()).isZero();
        assertThat(pending.out()).contains("request " + requestId + " by ada").contains("number reassigned")
                .contains("+13172321400");

        CliRunner.Run own = as("suppress", "approve", requestId, "--as", "ada");
        assertThat(own.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(own.err()).contains("ada asked for this removal and may not approve it");
        CliRunner.Run supervisor = as("suppress", "approve", requestId, "--as", "sam");
        assertThat(supervisor.code()).isEqualTo(ExitCodes.DENIED);
        CliRunner.Run wrongPassword = runWith(new String[] {"not it"}, "suppress", "approve", requestId, "--as",
                "grace");
        assertThat(wrongPassword.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(run("suppress", "list").out()).contains("+13172321400");

        CliRunner.Run approve = as("suppress", "approve", requestId, "--as", "grace");
        assertThat(approve.code()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("the suppression is lifted");
        assertThat(run("suppress", "list").out()).doesNotContain("+13172321400").contains("jane@example.com");
        assertThat(run("suppress", "pending").out()).contains("No removal requests are pending.");
        CliRunner.Run twice = as("suppress", "approve", requestId, "--as", "grace");
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("approved already");

        CliRunner.Run second = as("suppress", "remove", Long.toString(kept), "--reason", "asked again", "--as",
                "grace");
        assertThat(second.code()).as(second.err()).isZero();
        String secondId = second.out().split(" ")[2];
        CliRunner.Run reject = as("suppress", "reject", secondId, "--reason", "still on the DNC list", "--as", "ada");
        assertThat(reject.code()).as(reject.err()).isZero();
        assertThat(reject.out()).contains("the suppression stays");
        assertThat(run("suppress", "list").out()).contains("jane@example.com");

        CliRunner.Run audit = run("audit", "list");
        assertThat(audit.out()).contains("suppression.removal-request").contains("suppression.lift")
                .contains("suppression.removal-reject");
        assertThat(run("audit", "verify").code()).isZero();
    }

    @Test
    void anImportWithABadRowNamesItsLineAndColumnAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                address,kind,channel,reason,expires
                +13172321400,dnc,,asked on the phone,
                jane@example.com,optout,email,unsubscribed,
                +13172321401,opt_out,fax,said STOP,2027-02-30
                """);
        CliRunner.Run refused = as("suppress", "import", bad.toString(), "--as", "grace");
        assertThat(refused.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.err()).contains("bad.csv: 2 rows are not valid (3 problems); nothing was imported")
                .contains("line 3, column 'kind': 'optout' is not dnc, opt_out")
                .contains("line 4, column 'channel': 'fax' is not voice, sms, email")
                .contains("line 4, column 'expires': '2027-02-30' is not a date");
        assertThat(run("suppress", "list").out()).isEmpty();

        CliRunner.Run noHeader = as("suppress", "import", dir.resolve("missing.csv").toString(), "--as", "grace");
        assertThat(noHeader.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(noHeader.err()).contains("missing.csv: no such file; nothing was imported");

        CliRunner.Run bySupervisor = as("suppress", "import", bad.toString(), "--as", "sam");
        assertThat(bySupervisor.code()).isEqualTo(ExitCodes.DENIED);

        Path good = dir.resolve("good.csv");
        Files.writeString(good, """
                address,kind,channel,reason,expires
                (317) 232-1400,dnc,,asked on the phone,
                Jane@Example.com,opt_out,email,unsubscribed,2027-11-23
                """);
        CliRunner.Run imported = as("suppress", "import", good.toString(), "--as", "grace");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported good.csv: 2 rows, 2 suppressions added, 0 in the ledger"
                + " already.");
        assertThat(run("suppress", "list").out()).contains("+13172321400").contains("jane@example.com");

        Path out = dir.resolve("export.csv");
        CliRunner.Run exported = as("suppress", "export", "-o", out.toString(), "--as", "ada");
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported 2 suppressions to");
        assertThat(Files.readString(out)).startsWith("address,kind,channel,reason,expires,id,source")
                .contains("+13172321400,dnc,,asked on the phone,").contains("2027-11-23");
        CliRunner.Run filtered = as("suppress", "export", "-o", dir.resolve("email.csv").toString(), "--channel",
                "email", "--search", "@example", "--as", "ada");
        assertThat(filtered.code()).as(filtered.err()).isZero();
        assertThat(filtered.out()).contains("Exported 1 suppression to");
        assertThat(as("suppress", "export", "-o", out.toString(), "--kind", "nope", "--as", "ada").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(as("suppress", "export", "-o", out.toString(), "--as", "sam").code())
                .isEqualTo(ExitCodes.DENIED);
        CliRunner.Run unwritable = as("suppress", "export", "-o", dir.resolve("no/such/dir.csv").toString(), "--as",
                "ada");
        assertThat(unwritable.code()).isEqualTo(ExitCodes.INPUT);

        CliRunner.Run again = as("suppress", "import", out.toString(), "--as", "ada");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("2 rows, 0 suppressions added, 2 in the ledger already.");
    }
}
