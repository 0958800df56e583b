package dev.switchboard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainFormatterTest {

    @Test
    void aDeferralSaysWhyAndWhenInTheViewersZone() {
        Decision d = ComplianceGate.decide(Gates.request(Gates.zones("America/New_York"), Set.of("FL"), Channel.VOICE,
                Gates.at("2026-06-10T20:00:00", "America/New_York"), Purpose.MARKETING, Gates.WIDEST),
                SuppressionView.NONE, PressureView.NONE, Gates.PACK);
        String text = ExplainFormatter.format(d, ZoneId.of("America/New_York"));
        assertTrue(text.startsWith("DEFERRED by window.state.FL until 2026-06-11T12:00:00Z (Thu 2026-06-11 08:00:00"),
                text);
        assertTrue(text.contains("(rule pack us@2026.1)"), text);
        assertTrue(text.contains("Outside FL's calling hours (08:00-20:00 local) in America/New_York."), text);
        assertTrue(text.contains("sha256 "), text);
    }
}
