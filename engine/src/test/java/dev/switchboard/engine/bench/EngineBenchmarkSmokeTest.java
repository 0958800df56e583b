package dev.switchboard.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.genesys.OrgConnection;
import dev.switchboard.sandbox.LedgerEntry;
import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine benchmark on a small list: it completes, every contact is sent once, and it prints its figures. */
class EngineBenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    void smallRunCompletesWithoutDuplicates() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EngineBenchmark.Result r = EngineBenchmark.run(dir, new EngineBenchmark.Options(200, 4, 0, false),
                SandboxOrg::start, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r.enrolled()).isEqualTo(200);
        assertThat(r.sent()).isEqualTo(200);
        assertThat(r.ledger()).isEqualTo(200);
        assertThat(r.duplicates()).isZero();
        assertThat(r.raw().enrollments()).isEqualTo(200);
        assertThat(printed).contains("engine: 200 contact-steps in ", "raw JDBC baseline: 200 in ",
                "engine_vs_raw_ratio=", "duplicates=0", "workers=4 batch=12");
    }

    @Test
    void generatedNumbersAreDistinct() {
        List<String> phones = java.util.stream.IntStream.range(0, 60_000).mapToObj(BenchContacts::phone).toList();
        assertThat(phones).doesNotHaveDuplicates();
        assertThat(phones).noneMatch(p -> p.contains(") 555-"));
    }

    /** The sandbox as the benchmark's org (the engine module has it on its test classpath only). */
    record SandboxOrg(Sandbox sandbox) implements BenchOrg {
        static BenchOrg start(int requestsPerMinute, double clockSpeed) {
            return new SandboxOrg(Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(requestsPerMinute)
                    .withClockSpeed(clockSpeed)));
        }

        @Override
        public OrgConnection connection() {
            // with the inbound queue, as the built-in sandbox connection has it (replies come as notifications)
            return OrgConnection.urls(sandbox.apiBaseUrl(), sandbox.loginBaseUrl(), sandbox.clientId(),
                    sandbox.clientSecret().toCharArray())
                    .withInboundQueue(dev.switchboard.sandbox.Sandbox.INBOUND_QUEUE_ID);
        }

        @Override
        public Instant now() {
            return sandbox.clock().now();
        }

        @Override
        public void advance(Duration d) {
            sandbox.clock().advance(d);
        }

        @Override
        public List<String> ledgerAddresses() {
            return sandbox.ledger().stream().map(LedgerEntry::address).toList();
        }

        @Override
        public long requestsCounted() {
            return sandbox.metrics().counted();
        }

        @Override
        public long budgetRejections() {
            return sandbox.metrics().budgetRejections();
        }

        @Override
        public long peakIn(Duration window) {
            return sandbox.metrics().peakIn(window);
        }

        @Override
        public void resetMetrics() {
            sandbox.metrics().reset();
        }

        @Override
        public java.util.Map<String, Long> requestsByRoute() {
            return sandbox.metrics().byRoute();
        }

        @Override
        public void seededReplies(boolean on) {
            sandbox.seededReplies(on);
        }

        @Override
        public List<String> smsLedgerAddresses(boolean campaignsOnly) {
            return sandbox.ledger().stream().filter(l -> l.channel().equals("sms")
                    && (!campaignsOnly || l.campaignId() != null)).map(LedgerEntry::address).toList();
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }
}
