package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void parsesEveryOption() {
        SandboxConfig c = SandboxMain.parse(new String[] {"--port", "0", "--seed", "42", "--state", "x.json",
            "--token-lifetime", "600", "--rpm", "120", "--speed", "10080", "--webhook", "http://127.0.0.1:9/h"});
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.requestsPerMinute()).isEqualTo(120);
        assertThat(c.clockSpeed()).isEqualTo(10080.0);
        assertThat(c.webhookUrl().toString()).isEqualTo("http://127.0.0.1:9/h");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--rate429", "2"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxMain.parse(new String[] {"--rate5xx", "0.1", "--latency-ms", "20"}).seed()).isEqualTo(1);
    }

    @Test
    void aTakenPortFailsToStart() {
        try (Sandbox first = Sandbox.start(SandboxConfig.defaults())) {
            assertThatThrownBy(() -> Sandbox.start(SandboxConfig.defaults().withPort(first.apiBaseUrl().getPort())))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void runPrintsUrlsAndCredentialsAndStopsOnInterrupt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger status = new AtomicInteger(-1);
        Thread t = new Thread(() -> status.set(SandboxMain.run(new String[] {"--seed", "4", "--rate429", "0.2"}, out)));
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Press Ctrl+C") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("API base URL:   http://127.0.0.1:").contains("/login").contains("Client secret:");
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(status.get()).isZero();
    }
}
