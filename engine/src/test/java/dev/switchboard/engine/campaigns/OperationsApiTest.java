package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ipc.EngineApiClient;
import dev.switchboard.engine.ipc.EngineApiServer;
import dev.switchboard.engine.ops.LocalOperations;
import dev.switchboard.engine.ops.OperationException;
import dev.switchboard.engine.ops.Operations;
import dev.switchboard.engine.ops.OperationsApi;
import dev.switchboard.engine.ops.RemoteOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's operations through the running engine's authenticated loopback API: every answer survives the
 * JSON round trip, refusals keep their kind (and so their exit code), and the engine acts on what arrives.
 */
class OperationsApiTest {
    @TempDir
    Path dir;

    @Test
    void campaignsAreCreatedLaunchedPausedAndInspectedThroughTheEnginesApi() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 14_400)) {
            Engine engine = f.startEngine();
            try (EngineApiServer server = EngineApiServer.start(f.dir.resolve("data"), OperationsApi.router(
                    new LocalOperations(f.workspace, engine, engine::orgFacts, f.clock)));
                 Operations ops = new RemoteOperations(EngineApiClient.connect(f.dir.resolve("data")).orElseThrow())) {
                Operations.Credentials ada = new Operations.Credentials("ada", "admin-pass-1");
                assertThat(ops.via()).startsWith("engine (pid ");
                CampaignService.View created = ops.create(ada, CampaignFile.demo("outage-broadcast"));
                assertThat(created.state()).isEqualTo("draft");
                assertThat(created.variables()).containsKey("company_name");

                CampaignService.LaunchReport report = ops.launch(ada, "Outage broadcast");
                assertThat(report.launched()).isTrue();
                assertThat(report.enrolled()).isEqualTo(12);
                assertThat(report.checks()).extracting(CampaignService.Check::name).contains("SMS sender", "org");

                assertThatThrownBy(() -> ops.pause(new Operations.Credentials("ada", "wrong-password"),
                        "Outage broadcast", "x")).isInstanceOfSatisfying(OperationException.class,
                        e -> assertThat(e.kind()).isEqualTo(OperationException.Kind.DENIED));
                assertThatThrownBy(() -> ops.stats("No such")).isInstanceOfSatisfying(OperationException.class,
                        e -> assertThat(e.kind()).isEqualTo(OperationException.Kind.INPUT));
                CampaignService.LaunchReport again = ops.launch(ada, "Outage broadcast");
                assertThat(again.launched()).isFalse();
                assertThat(again.checks()).anySatisfy(c -> {
                    assertThat(c.name()).isEqualTo("state");
                    assertThat(c.passed()).isFalse();
                });

                f.awaitAllEnded(Duration.ofSeconds(60));
                CampaignService.Stats stats = ops.stats("Outage broadcast");
                assertThat(stats.campaign().state()).isEqualTo("completed");
                assertThat(stats.steps()).anySatisfy(s -> assertThat(s.sent()).isPositive());
                assertThat(ops.engineStatus()).hasValueSatisfying(s -> {
                    assertThat(s.running()).isTrue();
                    assertThat(s.sends()).isPositive();
                });

                Timelines.Timeline t = ops.timeline("Demo contacts", "C-1002");
                assertThat(t.past()).anySatisfy(i -> assertThat(i.kind()).isEqualTo("ATTEMPT"));
                assertThat(ops.evidence("Demo contacts", "C-1002")).startsWith("campaign,contact_key,attempt_id")
                        .contains("Outage broadcast");
                assertThat(ops.evidence(null, "Outage broadcast").lines().count()).isGreaterThan(1);
                List<Operations.QueueItem> queue = ops.queue();
                assertThat(queue).isEmpty();

                ops.killSwitch(ada, true, "drill");
                assertThat(ops.killSwitchOn()).isTrue();
                ops.killSwitch(ada, false, "drill over");
                assertThat(ops.killSwitchOn()).isFalse();
                assertThat(ops.campaigns()).singleElement().extracting(CampaignService.View::state)
                        .isEqualTo("completed");
            }
            assertThat(f.workspace.audit().verify().problem()).isEmpty();
        }
    }
}
