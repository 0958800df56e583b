package dev.switchboard.engine.rules;

import static dev.switchboard.engine.rules.Gates.PACK;
import static dev.switchboard.engine.rules.Gates.WIDEST;
import static dev.switchboard.engine.rules.Gates.at;
import static dev.switchboard.engine.rules.Gates.request;
import static dev.switchboard.engine.rules.Gates.zones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.Evaluation;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateBoundaryTest {

    /**
     * window LEGAL: the campaign widens its window to a whole day, so the law binds; DEFAULT: the pack's product
     * window for the channel. State "-" is a state with no rule of its own (federal only).
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # state | zone               | channel | window  | local instant        | expected | rule
            -       | America/New_York    | VOICE   | LEGAL   | 2026-06-10T07:59:59  | DEFERRED | window.federal
            -       | America/New_York    | VOICE   | LEGAL   | 2026-06-10T08:00:00  | ALLOWED  |
            -       | America/New_York    | VOICE   | LEGAL   | 2026-06-10T20:59:59  | ALLOWED  |
            -       | America/New_York    | VOICE   | LEGAL   | 2026-06-10T21:00:00  | DEFERRED | window.federal
            -       | America/New_York    | SMS     | LEGAL   | 2026-06-10T07:59:59  | DEFERRED | window.federal
            -       | America/New_York    | SMS     | LEGAL   | 2026-06-10T21:00:00  | DEFERRED | window.federal
            FL      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T19:59:59  | ALLOWED  |
            FL      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T20:00:00  | DEFERRED | window.state.FL
            FL      | America/New_York    | SMS     | LEGAL   | 2026-06-10T20:00:00  | DEFERRED | window.state.FL
            FL      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T08:00:00  | ALLOWED  |
            CT      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T08:59:59  | DEFERRED | window.state.CT
            CT      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T09:00:00  | ALLOWED  |
            CT      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T19:59:59  | ALLOWED  |
            CT      | America/New_York    | VOICE   | LEGAL   | 2026-06-10T20:00:00  | DEFERRED | window.state.CT
            TX      | America/Chicago     | VOICE   | LEGAL   | 2026-06-14T11:59:59  | DEFERRED | window.state.TX
            TX      | America/Chicago     | VOICE   | LEGAL   | 2026-06-14T12:00:00  | ALLOWED  |
            TX      | America/Chicago     | VOICE   | LEGAL   | 2026-06-13T09:00:00  | ALLOWED  |
            TX      | America/Chicago     | SMS     | LEGAL   | 2026-06-13T08:59:59  | DEFERRED | window.state.TX
            -       | America/New_York    | SMS     | DEFAULT | 2026-06-10T09:59:59  | DEFERRED | window.default.SMS
            -       | America/New_York    | SMS     | DEFAULT | 2026-06-10T10:00:00  | ALLOWED  |
            -       | America/New_York    | SMS     | DEFAULT | 2026-06-10T17:59:59  | ALLOWED  |
            -       | America/New_York    | SMS     | DEFAULT | 2026-06-10T18:00:00  | DEFERRED | window.default.SMS
            -       | America/New_York    | VOICE   | DEFAULT | 2026-06-10T08:59:59  | DEFERRED | window.default.VOICE
            -       | America/New_York    | EMAIL   | DEFAULT | 2026-06-10T16:59:59  | ALLOWED  |
            -       | America/New_York    | EMAIL   | DEFAULT | 2026-06-10T17:00:00  | DEFERRED | window.default.EMAIL
            -       | America/New_York    | EMAIL   | LEGAL   | 2026-06-10T23:00:00  | ALLOWED  |
            -       | America/New_York    | VOICE   | LEGAL   | 2026-03-08T07:59:59  | DEFERRED | window.federal
            -       | America/New_York    | VOICE   | LEGAL   | 2026-03-08T08:00:00  | ALLOWED  |
            -       | America/New_York    | VOICE   | LEGAL   | 2026-03-08T20:59:59  | ALLOWED  |
            -       | America/New_York    | VOICE   | LEGAL   | 2026-03-08T21:00:00  | DEFERRED | window.federal
            -       | America/New_York    | VOICE   | LEGAL   | 2026-11-01T07:59:59  | DEFERRED | window.federal
            -       | America/New_York    | VOICE   | LEGAL   | 2026-11-01T08:00:00  | ALLOWED  |
            -       | America/Los_Angeles | SMS     | LEGAL   | 2026-11-01T20:59:59  | ALLOWED  |
            -       | America/Los_Angeles | SMS     | LEGAL   | 2026-11-01T21:00:00  | DEFERRED | window.federal
            AL      | America/Chicago     | VOICE   | LEGAL   | 2026-06-14T10:00:00  | DEFERRED | window.state.AL
            AL      | America/Chicago     | VOICE   | LEGAL   | 2026-06-15T10:00:00  | ALLOWED  |
            LA      | America/Chicago     | SMS     | LEGAL   | 2026-06-14T10:00:00  | DEFERRED | window.state.LA
            AL      | America/Chicago     | VOICE   | LEGAL   | 2026-07-03T10:00:00  | DEFERRED | window.state.AL
            MS      | America/Chicago     | VOICE   | LEGAL   | 2026-07-03T10:00:00  | ALLOWED  |
            LA      | America/Chicago     | VOICE   | LEGAL   | 2026-02-17T10:00:00  | DEFERRED | window.state.LA
            RI      | America/New_York    | VOICE   | LEGAL   | 2026-08-10T10:00:00  | DEFERRED | window.state.RI
            RI      | America/New_York    | VOICE   | LEGAL   | 2026-06-13T09:30:00  | DEFERRED | window.state.RI
            RI      | America/New_York    | VOICE   | LEGAL   | 2026-06-12T17:59:59  | ALLOWED  |
            """)
    void windowBoundaries(String state, String zone, Channel channel, String window, String local, String expected,
                          String rule) {
        GateRequest req = request(zones(zone), "-".equals(state) ? Set.of("NY") : Set.of(state), channel,
                at(local, zone), Purpose.MARKETING, "LEGAL".equals(window) ? WIDEST : null);
        Decision d = ComplianceGate.decide(req, SuppressionView.NONE, PressureView.NONE, PACK);
        assertEquals(expected, kind(d), () -> ExplainFormatter.format(d, null));
        if (d instanceof Decision.Deferred def) {
            assertEquals(rule, def.rule(), () -> ExplainFormatter.format(d, null));
            assertTrue(def.until().isAfter(req.instant()));
            assertInstanceOf(Decision.Allowed.class,
                    ComplianceGate.decide(req.at(def.until()), SuppressionView.NONE, PressureView.NONE, PACK));
        }
        assertEquals("us@2026.1", d.packVersion());
    }

    @ParameterizedTest(name = "{0} {1} asked {2} -> until {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # state | zone             | asked (UTC)           | until (UTC)
            -       | America/New_York | 2026-03-08T06:30:00Z  | 2026-03-08T12:00:00Z
            -       | America/New_York | 2026-11-01T05:30:00Z  | 2026-11-01T13:00:00Z
            -       | America/New_York | 2026-11-01T06:30:00Z  | 2026-11-01T13:00:00Z
            -       | America/New_York | 2026-03-08T02:30:00Z  | 2026-03-08T12:00:00Z
            AL      | America/Chicago  | 2026-06-14T15:00:00Z  | 2026-06-15T13:00:00Z
            AL      | America/Chicago  | 2026-07-03T15:00:00Z  | 2026-07-06T13:00:00Z
            TX      | America/Chicago  | 2026-06-14T15:00:00Z  | 2026-06-14T17:00:00Z
            FL      | America/New_York | 2026-06-11T00:00:00Z  | 2026-06-11T12:00:00Z
            """)
    void deferralsLandOnTheNextLegalInstant(String state, String zone, String asked, String until) {
        GateRequest req = request(zones(zone), "-".equals(state) ? Set.of("NY") : Set.of(state), Channel.VOICE,
                Instant.parse(asked), Purpose.MARKETING, WIDEST);
        Decision d = ComplianceGate.decide(req, SuppressionView.NONE, PressureView.NONE, PACK);
        Decision.Deferred def = assertInstanceOf(Decision.Deferred.class, d, () -> ExplainFormatter.format(d, null));
        assertEquals(Instant.parse(until), def.until(), () -> ExplainFormatter.format(d, null));
    }

    @Test
    void twoCandidateZonesTakeTheStricterEnds() {
        List<java.time.ZoneId> both = zones("America/New_York", "America/Chicago");
        // 08:30 in New York is 07:30 in Chicago
        GateRequest morning = request(both, Set.of("FL"), Channel.VOICE, Instant.parse("2026-06-10T12:30:00Z"),
                Purpose.MARKETING, WIDEST);
        Decision d = ComplianceGate.decide(morning, SuppressionView.NONE, PressureView.NONE, PACK);
        assertEquals(Instant.parse("2026-06-10T13:00:00Z"), assertInstanceOf(Decision.Deferred.class, d).until());
        // 19:59 in Chicago is 20:59 in New York: FL's 20:00 binds in New York
        GateRequest evening = morning.at(Instant.parse("2026-06-11T00:59:00Z"));
        Decision e = ComplianceGate.decide(evening, SuppressionView.NONE, PressureView.NONE, PACK);
        assertEquals(Instant.parse("2026-06-11T13:00:00Z"), assertInstanceOf(Decision.Deferred.class, e).until());
        Decision ok = ComplianceGate.decide(morning.at(Instant.parse("2026-06-10T23:59:59Z")), SuppressionView.NONE,
                PressureView.NONE, PACK);
        assertInstanceOf(Decision.Allowed.class, ok, () -> ExplainFormatter.format(ok, null));
    }

    @Test
    void sundayBanWaitsForMondayInEveryZone() {
        // Sunday 15:00 in Chicago, 13:00 in Los Angeles: an AL contact with both zones waits until Monday
        List<java.time.ZoneId> both = zones("America/Chicago", "America/Los_Angeles");
        GateRequest req = request(both, Set.of("AL"), Channel.SMS, Instant.parse("2026-06-14T20:00:00Z"),
                Purpose.MARKETING, WIDEST);
        Decision d = ComplianceGate.decide(req, SuppressionView.NONE, PressureView.NONE, PACK);
        // Monday 08:00 in Los Angeles (the later of the two zones' openings)
        assertEquals(Instant.parse("2026-06-15T15:00:00Z"), assertInstanceOf(Decision.Deferred.class, d).until());
    }

    @Test
    void floridaCapAllowsTheThirdAttemptAndDefersTheFourth() {
        Instant now = at("2026-06-10T15:00:00", "America/New_York");
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("a1", "person-1", Channel.VOICE, now.minus(Duration.ofHours(5)), "subject-1", null));
        attempts.add(new Attempt("a2", "person-1", Channel.SMS, now.minus(Duration.ofHours(3)), "subject-1", null));
        GateRequest req = request(zones("America/New_York"), Set.of("FL"), Channel.SMS, now, Purpose.MARKETING,
                WIDEST);
        Decision third = ComplianceGate.decide(req, SuppressionView.NONE, Gates.ledger(attempts), PACK);
        assertInstanceOf(Decision.Allowed.class, third, () -> ExplainFormatter.format(third, null));

        attempts.add(new Attempt("a3", "person-1", Channel.EMAIL, now.minus(Duration.ofHours(1)), "subject-1", null));
        Decision fourth = ComplianceGate.decide(req, SuppressionView.NONE, Gates.ledger(attempts), PACK);
        Decision.Deferred def = assertInstanceOf(Decision.Deferred.class, fourth,
                () -> ExplainFormatter.format(fourth, null));
        assertEquals("cap.state.3-per-24h", def.rule());
        assertTrue(!def.until().isBefore(now.minus(Duration.ofHours(5)).plus(Duration.ofHours(24))));
        assertTrue(def.trace().evaluations().stream().anyMatch(e -> e.ruleId().equals("cap.state.3-per-24h")
                && e.verdict() == Evaluation.Verdict.DEFER));
        Decision later = ComplianceGate.decide(req.at(def.until()), SuppressionView.NONE, Gates.ledger(attempts), PACK);
        assertInstanceOf(Decision.Allowed.class, later, () -> ExplainFormatter.format(later, null));
    }

    @Test
    void noZoneBlocksAsTimeZoneUnknown() {
        GateRequest req = request(List.of(), Set.of(), Channel.VOICE, Instant.parse("2026-06-10T15:00:00Z"),
                Purpose.MARKETING, WIDEST);
        Decision d = ComplianceGate.decide(req, SuppressionView.NONE, PressureView.NONE, PACK);
        assertEquals("jurisdiction.unknown", assertInstanceOf(Decision.Blocked.class, d).rule());
        assertTrue(ExplainFormatter.format(d, null).contains("time zone unknown"));
    }

    static String kind(Decision d) {
        return switch (d) {
            case Decision.Allowed a -> "ALLOWED";
            case Decision.Deferred x -> "DEFERRED";
            case Decision.Blocked b -> "BLOCKED";
        };
    }
}
