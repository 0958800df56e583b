package dev.switchboard.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broadcast benchmark on a small list: both runs complete without duplicates, the messaging path costs a few
 * calls per 1000 contacts (here dominated by its fixed setup), the agentless path more than one per contact.
 */
class BroadcastBenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    void smallBroadcastCountsItsCallsOnBothPaths() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BroadcastBenchmark.Result r = BroadcastBenchmark.run(dir, new BroadcastBenchmark.Options(1_500, 300, 4, 20,
                false), EngineBenchmarkSmokeTest.SandboxOrg::start, out);
        System.out.print(bytes.toString(StandardCharsets.UTF_8));
        assertThat(r.messaging().sent()).isEqualTo(1_500);
        assertThat(r.messaging().ledger()).isEqualTo(1_500);
        assertThat(r.messaging().duplicates()).isZero();
        assertThat(r.messaging().byKind().get("sends")).isZero();
        assertThat(r.messaging().perThousand()).isLessThan(40);
        assertThat(r.agentless().ledger()).isEqualTo(300);
        assertThat(r.agentless().duplicates()).isZero();
        assertThat(r.agentless().perThousand()).isGreaterThan(1000);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RESULT contacts=1500",
                "RESULT agentless_sample contacts=300");
    }

    @Test
    void routesAreSortedIntoKinds() {
        assertThat(BroadcastBenchmark.byKind(Map.of("POST /api/v2/conversations/messages/agentless", 3L,
                "POST /api/v2/outbound/contactlists/{id}/contacts", 2L,
                "DELETE /api/v2/outbound/contactlists/{id}/contacts", 1L,
                "POST /api/v2/outbound/messagingcampaigns/{id}/start", 4L,
                "GET /api/v2/outbound/messagingcampaigns/{id}", 5L,
                "POST /api/v2/notifications/channels", 6L)))
                .containsEntry("sends", 3L).containsEntry("list adds", 2L).containsEntry("list deletes", 1L)
                .containsEntry("campaign ops", 4L).containsEntry("reads/polls", 5L)
                .containsEntry("notifications setup", 6L);
    }
}
