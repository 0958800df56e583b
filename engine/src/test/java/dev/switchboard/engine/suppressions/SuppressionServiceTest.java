package dev.switchboard.engine.suppressions;

import dev.switchboard.engine.rules.RulePackLoader;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.SuppressionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored ledger feeds the gate: a suppressed address is blocked for every contact that has it. */
class SuppressionServiceTest {
    private ProfileStore profiles;
    private SuppressionService suppressions;
    private Actor admin;
    private Actor supervisor;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        suppressions = new SuppressionService(new SuppressionRepository(profiles.store), profiles.log,
                Clock.systemUTC());
        admin = profiles.admin;
        supervisor = profiles.profile("sam", Role.SUPERVISOR);
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private Decision decide(String address, Channel channel, List<String> personKeys) throws Exception {
        GateRequest req = new GateRequest(1, List.of(ZoneId.of("America/New_York")), Set.of("NY"), List.of(), channel,
                address, Instant.parse("2026-11-24T17:00:00Z"), Purpose.SERVICE, null, null, null, null, null,
                personKeys, false);
        return ComplianceGate.decide(req, suppressions.view(), PressureView.NONE, RulePackLoader.loadDefault());
    }

    @Test
    void aSuppressedAddressIsBlockedWhateverFormItWasEnteredIn() throws Exception {
        assertThat(decide("+12127365000", Channel.SMS, List.of("+12127365000")))
                .isInstanceOf(Decision.Allowed.class);
        suppressions.add(admin, Suppression.Kind.OPT_OUT, Channel.SMS, "(212) 736-5000", null, "replied STOP", "test");

        assertThat(decide("+12127365000", Channel.SMS, List.of("+12127365000")))
                .isInstanceOfSatisfying(Decision.Blocked.class, b -> assertThat(b.rule()).contains("OPT_OUT"));
        // the same person reached at another address is still the person who opted out of SMS
        assertThat(decide("+12127365001", Channel.SMS, List.of("+12127365001", "+12127365000")))
                .isInstanceOf(Decision.Blocked.class);
    }

    @Test
    void anExpiredSuppressionNoLongerBlocks() throws Exception {
        suppressions.add(admin, Suppression.Kind.DNC, null, "ana@Example.com", Instant.parse("2026-01-01T00:00:00Z"),
                "old DNC", "test");
        assertThat(decide("ana@example.com", Channel.EMAIL, List.of("ana@example.com")))
                .isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void badAddressesAndSupervisorsAreRefused() {
        assertThatThrownBy(() -> suppressions.add(admin, Suppression.Kind.DNC, null, "not an address", null, "x",
                "test")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> suppressions.add(supervisor, Suppression.Kind.DNC, null, "+12127365000", null, "x",
                "test")).isInstanceOf(PermissionDeniedException.class);
    }
}
