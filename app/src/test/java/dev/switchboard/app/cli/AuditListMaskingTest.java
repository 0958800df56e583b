package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit list} masks addresses unless a compliance or admin profile asks for --unmasked (audited). */
class AuditListMaskingTest {
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

    @Test
    void masksUnlessUnmaskedByAComplianceOrAdminProfile() throws Exception {
        CampaignCommandTest.setUp(dir, this::run, this::runWith);
        CliRunner.Run sup = runWith(new String[] {PASSWORD}, "suppress", "add", "+13172321400", "--kind", "opt_out",
                "--reason", "caller +13172321400 (jane.doe@example.com) said\r\nERROR fake", "--as", "ada");
        assertThat(sup.code()).as(sup.err()).isZero();

        CliRunner.Run masked = run("audit", "list");
        assertThat(masked.code()).isZero();
        assertThat(masked.out()).contains("*******1400").contains("***@example.com").doesNotContain("3172321400")
                .doesNotContain("jane.doe").contains("said\\r\\nERROR fake");
        assertThat(masked.out().lines()).noneMatch(l -> l.startsWith("ERROR"));

        assertThat(run("audit", "list", "--unmasked").code()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Run full = runWith(new String[] {PASSWORD}, "audit", "list", "--unmasked", "--as", "ada");
        assertThat(full.code()).as(full.err()).isZero();
        assertThat(full.out()).contains("caller +13172321400 (jane.doe@example.com)").contains("audit.list-unmasked");
        assertThat(run("audit", "verify").code()).isZero();
    }
}
