package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The circuit breakers tripped end to end by sandbox faults (model {@code BreakerPolicy} defaults): a 429 storm and
 * an error rate pause the running campaign with a reason starting "circuit breaker: "; a resume without an
 * acknowledgement is refused, one with it runs the campaign to its end and is audited.
 *
 * <p>The 429 storm answers every call 429 with {@code Retry-After: 181}: past the client's patience (180 s, the Go
 * SDK's cap), so each send fails at once as rate limited instead of pausing the request bucket. (A storm with a short
 * Retry-After is absorbed by the client's pauses and retries and never reaches the breaker: see the README.) The
 * error rate is every call answered 503: an agentless send that gets a 5xx ends UNKNOWN (it may have been sent),
 * and those wait in the operator queue.
 */
class BreakerTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"429 storm", "error rate"})
    void aFaultStormPausesTheCampaignUntilAPersonAcknowledgesIt(String storm) throws Exception {
        boolean rateLimited = storm.startsWith("429");
        try (EngineFixture f = new EngineFixture(dir, 600)) {
            f.startEngine();
            CampaignService.Spec demo = CampaignFile.demo("outage-broadcast");
            String list = demo.list();
            if (!rateLimited) {
                // the error rate counts from 20 calls on; the demo list has 11 numbers one may text
                Path csv = dir.resolve("breaker.csv");
                EngineCrashTest.writeList(csv, 30);
                f.workspace.imports().run(dev.switchboard.engine.contacts.ImportRequest.of(csv, "Breaker list"),
                        dev.switchboard.engine.contacts.ImportListener.NONE, () -> false);
                list = "Breaker list";
            }
            CampaignService.Spec spec = new CampaignService.Spec(demo.name(), list, demo.sequence(), null,
                    demo.purpose(), demo.smsFrom(), null, demo.variables());
            CampaignService.OrgFacts org = f.engine.orgFacts(); // read before the storm: it hits every API call
            f.workspace.campaigns().create(f.admin, spec);
            if (rateLimited) {
                f.sandbox.faults().rate429(1.0).retryAfterSeconds(181);
            } else {
                f.sandbox.faults().rate5xx(1.0);
            }
            assertThat(f.workspace.campaigns().launch(f.admin, spec.name(), org).launched()).isTrue();
            ReconcileTest.await("the breaker to pause the campaign", Duration.ofSeconds(60), () -> view(f, spec)
                    .state().equals("paused"));
            CampaignService.View paused = view(f, spec);
            assertThat(paused.stateReason()).startsWith("circuit breaker: ")
                    .contains(rateLimited ? "a 429 storm" : "an error rate of").endsWith("resume with --acknowledge");
            assertThat(f.sandbox.ledger()).as("nothing got through the storm").isEmpty();
            if (!rateLimited) {
                assertThat(f.workspace.operatorQueue()).as("5xx on sends: UNKNOWN, never resent blindly")
                        .isNotEmpty();
            }

            f.sandbox.faults().reset();
            long auditRows = f.workspace.audit().verify().rows();
            assertThatThrownBy(() -> f.workspace.campaigns().resume(f.admin, spec.name(), "storm over"))
                    .isInstanceOf(CampaignService.CampaignException.class)
                    .hasMessageContaining("circuit breaker: ").hasMessageContaining("--acknowledge");
            assertThat(view(f, spec).state()).isEqualTo("paused");
            assertThat(f.workspace.audit().verify().rows()).as("a refusal changes nothing").isEqualTo(auditRows);

            assertThat(f.workspace.campaigns().resume(f.admin, spec.name(), "Genesys status page: resolved", true)
                    .state()).isEqualTo("running");
            var audit = f.workspace.audit().recent(1).getFirst();
            assertThat(audit.action()).isEqualTo("campaign.resume");
            assertThat(audit.details()).contains("acknowledged the " + paused.stateReason())
                    .contains("Genesys status page: resolved");
            // the operator settles the unknowns as not sent (the sandbox took none of them: 503 before action),
            // also those of calls that were still in flight at the trip and ended UNKNOWN after it
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (view(f, spec).state().equals("running") && System.nanoTime() < end) {
                for (var q : f.workspace.operatorQueue()) {
                    try {
                        f.workspace.settleByOperator(f.admin, q.attemptId(), false, "Genesys answered 503 before"
                                + " taking it", f.clock.instant());
                    } catch (IllegalArgumentException settledMeanwhile) {
                        // the reconciler got there first
                    }
                }
                Thread.sleep(50);
            }
            f.awaitAllEnded(Duration.ofSeconds(1));
            assertThat(view(f, spec).state()).as(() -> view(f, spec).stateReason()).isEqualTo("completed");
            assertThat(f.sandbox.ledger()).as("after the acknowledgement the broadcast went out").isNotEmpty();
            assertThat(f.workspace.audit().verify().problem()).isEmpty();
        }
    }

    private static CampaignService.View view(EngineFixture f, CampaignService.Spec spec) {
        return view(f, spec.name());
    }

    private static CampaignService.View view(EngineFixture f, String name) {
        return f.workspace.campaigns().all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
