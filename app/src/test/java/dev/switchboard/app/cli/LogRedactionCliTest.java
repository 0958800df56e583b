package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run as a user runs them (a new JVM with the app's own logback.xml) at {@code SWITCHBOARD_LOG_LEVEL=DEBUG}:
 * standard error carries DEBUG lines, but never a canary phone number or email in full, and a list name with CR/LF
 * cannot forge a log line.
 */
class LogRedactionCliTest {
    static final String CANARY_PHONE = "+13172321499";
    static final String CANARY_DIGITS = "3172321499";
    static final String CANARY_EMAIL = "canary.bird@example.com";

    record Ran(int code, String out, String err) {
    }

    private static Ran cli(Path dataDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                vaultProperty("default"), vaultProperty("test-iterations"), usersIterations(),
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Main", "--data-dir",
                dataDir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SWITCHBOARD_LOG_LEVEL", "DEBUG");
        pb.environment().remove("SWITCHBOARD_PASSWORD");
        File out = dataDir.resolveSibling("out-" + System.nanoTime() + ".txt").toFile();
        File err = dataDir.resolveSibling("err-" + System.nanoTime() + ".txt").toFile();
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Ran(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** The test run's vault settings (a passphrase vault with few iterations), for the child JVM. */
    /** The test run's password-hash iterations, for the child JVM (production's when unset). */
    private static String usersIterations() {
        return "-Dswitchboard.users.test-iterations=" + Integer.getInteger("switchboard.users.test-iterations",
                600_000);
    }

    private static String vaultProperty(String name) {
        String key = "switchboard.vault." + name;
        return "-D" + key + "=" + System.getProperty(key, "");
    }

    @Test
    void atDebugStandardErrorHoldsNoFullNumberAndNoForgedLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path csv = dir.resolve("canary.csv");
        Files.writeString(csv, "id,name,phone,email\nK1,Canary Bird,+1 317 232 1499," + CANARY_EMAIL + "\n");

        Ran imp = cli(data, "import", csv.toString(), "--list", "Canary\r\nERROR fake line");
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.err()).contains("DEBUG").contains("Canary\\r\\nERROR fake line");

        String err;
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withSeed(7))) {
            Ran send = cli(data, "send-test", "--sandbox-port", Integer.toString(sandbox.apiBaseUrl().getPort()),
                    "--seed", "7", "--to-number", CANARY_PHONE, "--to-email", CANARY_EMAIL);
            assertThat(send.code()).as(send.err()).isZero();
            assertThat(send.out()).as("the command's own output names what the user asked for")
                    .contains(CANARY_PHONE);
            err = imp.err() + send.err();
            assertThat(send.err()).contains("DEBUG").contains("*******1499").contains("***@example.com")
                    .doesNotContain(sandbox.clientSecret());
        }
        assertThat(err).doesNotContain(CANARY_DIGITS).doesNotContain("317 232 1499").doesNotContain("canary.bird");
        assertThat(err.lines()).noneMatch(l -> l.startsWith("ERROR fake"));
    }
}
