package dev.switchboard.app.cli;

import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** send-test against a real sandbox on loopback: both sends land in its ledger with the ids the command printed. */
class SendTestCommandTest {

    @Test
    void sendsOneSmsAndOneEmailToTheSandboxAndPrintsTheirIds(@TempDir Path dir) {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withSeed(7))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SwitchboardCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "--data-dir", dir.toString(), "send-test", "--sandbox-port",
                    Integer.toString(sandbox.apiBaseUrl().getPort()), "--seed", "7", "--json");

            assertThat(code).as(err.toString()).isZero();
            JsonNode result = Json.MAPPER.readTree(out.toString());
            String smsConversation = result.get("sms").get("conversation_id").asString();
            String emailConversation = result.get("email").get("conversation_id").asString();
            assertThat(sandbox.ledger()).extracting(LedgerEntry::channel, LedgerEntry::conversationId)
                    .contains(org.assertj.core.groups.Tuple.tuple("sms", smsConversation),
                            org.assertj.core.groups.Tuple.tuple("email", emailConversation));
            assertThat(out.toString() + err).doesNotContain(sandbox.clientSecret());
        }
    }

    @Test
    void aRealOrgNeedsAClientIdAndNeverTakesTheSecretFromAFlag(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = SwitchboardCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--data-dir", dir.toString(), "send-test", "--region", "us_east_1");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--client-id");
        int unknown = SwitchboardCommand.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), "--data-dir", dir.toString(), "send-test",
                "--client-secret", "x");
        assertThat(unknown).isEqualTo(ExitCodes.USAGE);
    }
}
