package dev.switchboard.model.redact;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one redaction: a table of what must go and what must stay, then through a real logback configuration. */
class LogMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            header                 | Authorization: Bearer abc.DEF-123_x                   | abc.DEF-123_x      | Authorization: [redacted]
            bearer alone           | retrying with bearer eyJraWQ.something                 | eyJraWQ            | bearer [redacted]
            basic                  | sent Basic YWJjOnZlcnktc2VjcmV0 to login              | YWJjOnZlcnktc2VjcmV0 | Basic [redacted]
            client secret form     | grant_type=client_credentials&client_secret=s3cr3t!x  | s3cr3t             | grant_type=client_credentials
            access token json      | {"access_token":"tok-123-abc","expires_in":86399}     | tok-123-abc        | "expires_in":86399
            refresh token          | refresh_token = 'r-42-secret'                          | r-42-secret        | refresh_token = [redacted]
            password               | login failed for ada password: hunter2                 | hunter2            | login failed for ada
            password json          | {"user":"ada","password":"hunter 2"}                  | hunter 2           | "user":"ada"
            cookie                 | Cookie: JSESSIONID=abc123; theme=dark                  | abc123             | Cookie: [redacted]
            set-cookie             | Set-Cookie: session=xyz789; HttpOnly                   | xyz789             | Set-Cookie: [redacted]
            api key                | GET /x?api_key=K-999&page=2                            | K-999              | page=2
            private key            | private_key: MIIEvQIBADANBg                            | MIIEvQIBADANBg     | private_key: [redacted]
            url user info          | https://svc:pa55word@login.example.com/oauth/token     | pa55word           | https://[redacted]@login.example.com
            jwt                    | token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_value   | eyJzdWIiOiIxIn0    | token
            e164 phone             | SMS to +13175551234 failed                             | 3175551234         | SMS to *******1234 failed
            formatted phone        | call (317) 555-1234 now                                | 555-1234           | ******1234 now
            spaced phone           | to +1 317 555 1234 and back                            | 317 555            | to *******1234 and back
            email                  | mail jane.doe@example.com bounced                      | jane.doe           | ***@example.com bounced
            """)
    void masks(String name, String input, String mustNotContain, String mustContain) {
        String out = LogMask.line(input);
        assertThat(out).as(name).doesNotContain(mustNotContain).contains(mustContain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-08T15:00:00Z
            on 2026-12-08 15:00 local
            attempt 42 of campaign 7 (epoch 3)
            conversation 550e8400-e29b-41d4-a716-446655440000
            took 1234 ms; 100000 contacts; 10.69 calls per 1000
            version 1.6.6 at 127.0.0.1:8780
            """)
    void leavesOrdinaryTextAlone(String text) {
        assertThat(LogMask.line(text)).isEqualTo(text);
    }

    @Test
    void lineBreaksCannotStartALineOfTheirOwn() {
        assertThat(LogMask.line("list Q4\r\nERROR fake entry\u2028x")).isEqualTo("list Q4\\r\\nERROR fake entry x")
                .doesNotContain("\n").doesNotContain("\r");
        assertThat(LogMask.oneLine("a\nb")).isEqualTo("a\\nb");
        assertThat(LogMask.line(null)).isNull();
    }

    @Test
    void singleValues() {
        assertThat(LogMask.phone("+13175551234")).isEqualTo("*******1234");
        assertThat(LogMask.email("jane.doe@example.com")).isEqualTo("***@example.com");
        assertThat(LogMask.address("+13175551234")).isEqualTo("*******1234");
        assertThat(LogMask.address("a@b.org")).isEqualTo("***@b.org");
    }

    @Test
    void theLogbackConvertersMaskMessagesArgumentsAndExceptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.txt");
        String xml = """
                <configuration>
                  <include resource="switchboard-log-redaction.xml"/>
                  <appender name="F" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%-5level %%logger - %%msg%%n%%ex</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="F"/></root>
                </configuration>
                """.formatted(file);
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(ctx);
        jc.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Logger log = ctx.getLogger("dev.switchboard.test");
        log.info("imported list {} for {}", "Q4\r\nERROR fake line", "+13175551234");
        log.warn("token refresh: Authorization: Bearer sekret-token-1");
        log.error("send failed", new IllegalStateException("to +13175559876\nERROR forged by jane@example.com",
                new RuntimeException("client_secret=abc-secret-9")));
        ctx.stop();

        String out = Files.readString(file);
        assertThat(out).doesNotContain("3175551234").doesNotContain("3175559876").doesNotContain("sekret-token-1")
                .doesNotContain("abc-secret-9").doesNotContain("jane@");
        List<String> lines = out.lines().toList();
        assertThat(lines).noneMatch(l -> l.startsWith("ERROR fake") || l.startsWith("ERROR forged"));
        assertThat(lines.getFirst()).isEqualTo("INFO  dev.switchboard.test - imported list Q4\\r\\nERROR fake line"
                + " for *******1234");
        assertThat(out).contains("java.lang.IllegalStateException: to *******9876\\nERROR forged by ***@example.com")
                .contains("Caused by: java.lang.RuntimeException: client_secret=[redacted]")
                .contains("\tat dev.switchboard.model.redact.LogMaskTest");
    }
}
