package dev.switchboard.engine.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.throughput.AttClass;
import dev.switchboard.model.throughput.Carrier;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.ThroughputPolicy;
import dev.switchboard.model.throughput.TrustTier;
import dev.switchboard.model.user.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send path's throughput check over the store: registered limits, the org's number types, durable counters. */
class SenderThrottleTest {
    private static final Instant T0 = Instant.parse("2026-12-08T16:00:00Z");
    private static final String NUMBER = "+13177340100";

    @TempDir
    Path dir;

    @Test
    void limitsComeFromTheRegistrationElseTheOrgsNumberTypeElseTheStrictest() throws Exception {
        try (Workspace ws = Workspace.open(dir, "the throttle test")) {
            ws.users().add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
            Actor ada = ws.users().authenticate("ada", "admin-pass-1".toCharArray());
            ws.users().add(ada, "olga", Role.OPERATOR, "operator-pass-1".toCharArray());
            Actor olga = ws.users().authenticate("olga", "operator-pass-1".toCharArray());
            SenderThrottle t = ws.senderThrottle();

            assertThat(t.limits(NUMBER).type()).isEqualTo(NumberType.LONG_CODE);
            assertThat(t.limits(NUMBER).attClass()).isEqualTo(AttClass.T);
            t.useOrgNumbers(Map.of(NUMBER, "tollfree"));
            assertThat(t.limits(NUMBER).type()).isEqualTo(NumberType.TOLL_FREE);
            assertThat(t.limits(NUMBER).source()).contains("Genesys reports a tollfree number");

            assertThatThrownBy(() -> ws.senders().register(olga, SenderLimits.defaults(NUMBER, NumberType.SHORT_CODE,
                    "x"))).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("supervisor or admin");
            ws.senders().register(ada, SenderLimits.of(NUMBER, NumberType.LONG_CODE, TrustTier.MEDIUM, AttClass.C,
                    null, "x"));
            // a registration is seen at once, and audited
            assertThat(t.limits(NUMBER).tmobilePerDay()).isEqualTo(40_000);
            assertThat(t.limits(NUMBER).attPerMinute()).isEqualTo(2_400);
            assertThat(ws.audit().recent(10).stream().map(e -> e.action())).contains("sender.register");
        }
    }

    @Test
    void reservationsAreDurableAcrossAReopen() throws Exception {
        try (Workspace ws = Workspace.open(dir, "the throttle test")) {
            SenderThrottle t = ws.senderThrottle();
            for (int i = 0; i < 3; i++) {
                assertThat(t.reserve(NUMBER, "+12127360181", 1, T0)).isInstanceOf(SenderThrottle.SendAt.class);
            }
            SenderThrottle.Reservation fourth = t.reserve(NUMBER, Carrier.OTHER, 1, T0, null);
            assertThat(fourth).isInstanceOfSatisfying(SenderThrottle.Deferred.class, d -> {
                assertThat(d.rule()).isEqualTo(ThroughputPolicy.RULE_NUMBER);
                assertThat(d.until()).isEqualTo(T0.plusSeconds(3));
                assertThat(d.reason()).contains("the number +13177340100 (10DLC long code, 1 segments/s)");
            });
        }
        try (Workspace ws = Workspace.open(dir, "the throttle test, again")) {
            // a new process: the number is busy until T0 + 3 s, and waiting messages are booked up to T0 + 4 s
            SenderThrottle.Reservation next = ws.senderThrottle().reserve(NUMBER, Carrier.OTHER, 2,
                    T0.plusMillis(500), T0.plusSeconds(60));
            assertThat(next).isInstanceOfSatisfying(SenderThrottle.Deferred.class,
                    d -> assertThat(d.until()).isEqualTo(T0.plusSeconds(4)));
            SenderThrottle.Reservation late = ws.senderThrottle().reserve(NUMBER, Carrier.OTHER, 2,
                    T0.plusSeconds(4), T0.plusSeconds(5));
            assertThat(late).isInstanceOfSatisfying(SenderThrottle.Deferred.class,
                    d -> assertThat(d.rule()).isEqualTo(ThroughputPolicy.RULE_WINDOW));
        }
    }
}
