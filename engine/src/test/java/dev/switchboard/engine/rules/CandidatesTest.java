package dev.switchboard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.JurisdictionSource;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.contact.TimeZoneSource;
import dev.switchboard.model.contact.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidatesTest {

    @Test
    void panhandleAreaCodeGivesBothZonesAndTheAddressStateJoinsTheAreaCodeState() {
        // 850: the Florida panhandle, Central west of the Apalachicola, Eastern east of it; the address says Texas
        ContactDraft c = new ContactDraft("k1", "A", "B", null, null, "75001", "TX", "US",
                List.of(new Phone("+18502224567", PhoneType.MOBILE, "850-222-4567", "phone")),
                new TimeZones(List.of(ZoneId.of("America/Chicago")), TimeZoneSource.POSTAL_CODE),
                new Jurisdiction("US", "TX", JurisdictionSource.ADDRESS), List.of(),
                ContactDraft.attributesOf(Map.<String, String>of()));
        Candidates cand = Candidates.of(c, new JurisdictionResolver());
        assertTrue(cand.zones().contains(ZoneId.of("America/Chicago")), cand.toString());
        assertTrue(cand.zones().contains(ZoneId.of("America/New_York")), cand.toString());
        assertEquals(java.util.Set.of("TX", "FL"), cand.states());

        // Sunday 12:30 in Chicago is 13:30 in New York: TX allows Sunday noon, FL 08-20; both hold
        GateRequest req = new GateRequest(1, cand.zones(), cand.states(), List.of(), Channel.VOICE, "+18502224567",
                Instant.parse("2026-06-14T17:30:00Z"), Purpose.SERVICE, null, Gates.WIDEST, null, null, "h",
                List.of("p"), false);
        assertInstanceOf(Decision.Allowed.class,
                ComplianceGate.decide(req, SuppressionView.NONE, PressureView.NONE, Gates.PACK));
        // 19:30 in Chicago is 20:30 in New York: FL's 20:00 in the Eastern candidate binds
        Decision late = ComplianceGate.decide(req.at(Instant.parse("2026-06-15T00:30:00Z")), SuppressionView.NONE,
                PressureView.NONE, Gates.PACK);
        assertEquals("window.state.FL", assertInstanceOf(Decision.Deferred.class, late).rule(),
                () -> ExplainFormatter.format(late, null));
    }
}
