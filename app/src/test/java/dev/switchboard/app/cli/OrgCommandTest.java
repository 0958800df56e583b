package dev.switchboard.app.cli;

import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** org connect / status / test / disconnect, and send-test on the connected org; vault status. */
class OrgCommandTest {

    private static boolean anyFileContains(Path dir, String s) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void connectKeepsTheSecretInTheVaultOnlyAndSendTestAndOrgTestUseTheConnectedOrg(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        CliRunner cli = new CliRunner(data);
        PasswordFeed.lines("ada-pass-123");
        assertThat(cli.run("user", "add", "ada", "--role", "admin").code()).isZero();
        PasswordFeed.lines("ada-pass-123", "otto-pass-123");
        assertThat(cli.run("user", "add", "otto", "--role", "operator", "--as", "ada").code()).isZero();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withSeed(3))) {
            String secret = sandbox.clientSecret();
            String api = sandbox.apiBaseUrl().toString();
            String login = sandbox.loginBaseUrl().toString();

            PasswordFeed.lines("ada-pass-123", secret);
            CliRunner.Run noLogin = cli.run("org", "connect", "--api-url", api, "--client-id", sandbox.clientId(),
                    "--as", "ada");
            assertThat(noLogin.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(noLogin.err()).contains("--login-url");

            PasswordFeed.lines("otto-pass-123", secret);
            assertThat(cli.run("org", "connect", "--api-url", api, "--login-url", login, "--client-id",
                    sandbox.clientId(), "--as", "otto").code()).isEqualTo(ExitCodes.DENIED);

            PasswordFeed.lines("ada-pass-123", secret);
            CliRunner.Run connect = cli.run("org", "connect", "--api-url", api, "--login-url", login,
                    "--client-id", sandbox.clientId(), "--as", "ada");
            assertThat(connect.code()).as(connect.err()).isZero();
            assertThat(connect.out() + connect.err()).doesNotContain(secret);
            assertThat(anyFileContains(data, secret)).as("the secret is nowhere in the data folder").isFalse();

            CliRunner.Run status = cli.run("org", "status");
            assertThat(status.out()).contains(sandbox.clientId()).contains("passphrase vault").doesNotContain(secret);

            CliRunner.Run test = cli.run("org", "test");
            assertThat(test.code()).as(test.err()).isZero();
            assertThat(test.out()).contains("Token: ok").doesNotContain(secret);

            CliRunner.Run send = cli.run("send-test", "--json");
            assertThat(send.code()).as(send.err()).isZero();
            String conversation = send.json().get("sms").get("conversation_id").asString();
            assertThat(sandbox.ledger()).extracting(LedgerEntry::conversationId).contains(conversation);

            PasswordFeed.lines("ada-pass-123");
            assertThat(cli.run("org", "disconnect", "--as", "ada").code()).isZero();
            assertThat(cli.run("org", "status").out()).contains("No org connected");
            assertThat(cli.run("audit", "list").out()).contains("org.connect").contains("org.disconnect");
            assertThat(anyFileContains(data, secret)).isFalse();
        }
    }

    @Test
    void vaultStatusNamesTheVaultAndTheEncryptedStore(@TempDir Path dir) {
        CliRunner cli = new CliRunner(dir.resolve("data"));
        assertThat(cli.run("lists").code()).isZero();
        CliRunner.Run status = cli.run("vault", "status");
        assertThat(status.out()).contains("passphrase vault").contains("encrypted (AES)");
    }
}
