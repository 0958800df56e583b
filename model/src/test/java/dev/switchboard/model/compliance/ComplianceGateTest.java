package dev.switchboard.model.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mechanics on small packs built in code. */
class ComplianceGateTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final Instant NOON = Instant.parse("2026-06-10T16:00:00Z"); // 12:00 in New York, a Wednesday

    static RulePack pack(int capMax, int capHours) {
        Map<String, Object> t = RulePackValidatorTest.goodTree();
        t.put("caps", List.of(Map.of("id", "cap", "scope", "PERSON", "channels", List.of("SMS", "VOICE"),
                        "purposes", List.of("MARKETING", "SERVICE"), "window_hours", capHours, "max", capMax,
                        "weights", Map.of("VOICE", 2), "legal", false, "citation", "product"),
                Map.of("id", "debt", "scope", "DEBT", "channels", List.of("VOICE"), "purposes", List.of("COLLECTIONS"),
                        "window_hours", 168, "max", 7, "legal", true, "citation", "Reg F")));
        RulePackValidator.Result r = RulePackValidator.validate(t);
        assertTrue(r.ok(), r.problems().toString());
        return r.pack();
    }

    static GateRequest req(Channel channel, Purpose purpose, Instant at, List<Consent> consents) {
        return new GateRequest(7, List.of(NY), Set.of("NY"), consents, channel, "+12125550100", at, purpose, null,
                null, null, purpose == Purpose.COLLECTIONS ? "debt-1" : null, "h", List.of("p1"),
                purpose == Purpose.LIFE_SAFETY);
    }

    static List<Consent> consent(Channel c) {
        return List.of(new Consent(c, true, Instant.parse("2025-01-01T00:00:00Z"), "test"));
    }

    static PressureView ledger(List<Attempt> attempts, Instant conversation) {
        return new PressureView() {
            @Override
            public List<Attempt> attempts(String personKey, Instant from, Instant to) {
                return attempts.stream().filter(a -> a.personKey().equals(personKey) && a.latest().isAfter(from)
                        && !a.at().isAfter(to)).toList();
            }

            @Override
            public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
                return attempts.stream().filter(a -> debtId.equals(a.debtId()) && a.at().isAfter(from)
                        && !a.at().isAfter(to)).toList();
            }

            @Override
            public Instant lastConversation(String debtId, Instant asOf) {
                return conversation;
            }
        };
    }

    static SuppressionView suppressed(Suppression s) {
        return new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return personKey.equals(s.key()) ? List.of(s) : List.of();
            }

            @Override
            public List<Suppression> forAddress(String address) {
                return address.equals(s.key()) ? List.of(s) : List.of();
            }
        };
    }

    @Test
    void capDefersUntilTheOldestCountedAttemptLeaves() {
        List<Attempt> a = new ArrayList<>();
        a.add(new Attempt("1", "p1", Channel.SMS, NOON.minus(Duration.ofHours(20)), null, null));
        a.add(new Attempt("2", "p1", Channel.SMS, NOON.minus(Duration.ofHours(2)), null, null));
        Decision d = ComplianceGate.decide(req(Channel.SMS, Purpose.MARKETING, NOON, consent(Channel.SMS)),
                SuppressionView.NONE, ledger(a, null), pack(3, 24));
        assertInstanceOf(Decision.Allowed.class, d);
        // a voice attempt weighs 2: 1 + 2 > 3, so it waits until the 20-hour-old one leaves the 24 h window
        Decision v = ComplianceGate.decide(req(Channel.VOICE, Purpose.MARKETING, NOON, consent(Channel.VOICE)),
                SuppressionView.NONE, ledger(a, null), pack(3, 24));
        Decision.Deferred def = assertInstanceOf(Decision.Deferred.class, v);
        assertEquals(NOON.plus(Duration.ofHours(4)), def.until());
        assertEquals("cap", def.rule());
    }

    /**
     * A call waiting in a dialer's list may happen at any moment of its span: it counts from its placement, and
     * leaves the window a window after the end of its span. Cap 2 SMS-weight per 24 h; a waiting voice call weighs 2.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            // case,                         placed (h before noon), span end (h before noon), asked (h after noon), allowed
            "'waiting call placed 1 h ago',          1, -3,  0, false",
            "'waiting call, 24 h after its placement', 1, -3, 23, false",
            "'a window after its span ends',          1, -3, 27, true",
            "'just inside: 1 s before it frees',      1, -3, 26.9997, false",
            "'a call that happened 25 h ago',        25, 25,  0, true",
    })
    void aWaitingDialerCallCountsOverItsWholeSpan(String name, double placedH, double endH, double askedH,
                                                  boolean allowed) {
        Instant placed = NOON.minusSeconds((long) (placedH * 3600));
        Instant end = NOON.minusSeconds((long) (endH * 3600));
        Instant asked = NOON.plusSeconds((long) (askedH * 3600));
        List<Attempt> a = List.of(new Attempt("1", "p1", Channel.VOICE, placed, end, null, null));
        // a service SMS (no consent needed); the window of 08:00-21:00 New York is open at every asked instant
        // except 23 h / 27 h after noon (11:00 and 15:00 next day New York): all inside the window
        Decision d = ComplianceGate.decide(req(Channel.SMS, Purpose.SERVICE, asked, List.of()),
                SuppressionView.NONE, ledger(a, null), pack(2, 24));
        if (allowed) {
            assertInstanceOf(Decision.Allowed.class, d, name);
        } else {
            Decision.Deferred def = assertInstanceOf(Decision.Deferred.class, d, name);
            assertEquals("cap", def.rule(), name);
            assertEquals(end.plus(Duration.ofHours(24)), def.until(), name);
        }
    }

    @Test
    void anAttemptCannotEndBeforeItStarts() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Attempt("1", "p1",
                Channel.VOICE, NOON, NOON.minusSeconds(1), null, null));
    }

    @Test
    void capDeferralThatLandsAtNightMovesToTheNextWindow() {
        List<Attempt> a = List.of(new Attempt("1", "p1", Channel.SMS, NOON.plus(Duration.ofHours(-1)), null, null));
        // frees at 19:00 New York time, after the 18:00 SMS default: next day 10:00
        Decision d = ComplianceGate.decide(req(Channel.SMS, Purpose.MARKETING, NOON, consent(Channel.SMS)),
                SuppressionView.NONE, ledger(a, null), pack(1, 8));
        assertEquals(Instant.parse("2026-06-11T14:00:00Z"), assertInstanceOf(Decision.Deferred.class, d).until());
    }

    @Test
    void marketingNeedsConsentForTheChannel() {
        Decision d = ComplianceGate.decide(req(Channel.SMS, Purpose.MARKETING, NOON, consent(Channel.EMAIL)),
                SuppressionView.NONE, PressureView.NONE, pack(3, 24));
        assertEquals("consent", assertInstanceOf(Decision.Blocked.class, d).rule());
        assertInstanceOf(Decision.Allowed.class, ComplianceGate.decide(req(Channel.SMS, Purpose.SERVICE, NOON,
                List.of()), SuppressionView.NONE, PressureView.NONE, pack(3, 24)));
    }

    @Test
    void optOutOnOneChannelStopsMarketingEverywhereButServiceOnlyOnThatChannel() {
        Suppression s = new Suppression(Suppression.Kind.OPT_OUT, Channel.SMS, "p1", null, "STOP reply");
        Decision m = ComplianceGate.decide(req(Channel.VOICE, Purpose.MARKETING, NOON, consent(Channel.VOICE)),
                suppressed(s), PressureView.NONE, pack(3, 24));
        assertEquals("suppression.OPT_OUT", assertInstanceOf(Decision.Blocked.class, m).rule());
        assertInstanceOf(Decision.Allowed.class, ComplianceGate.decide(req(Channel.VOICE, Purpose.SERVICE, NOON,
                List.of()), suppressed(s), PressureView.NONE, pack(3, 24)));
        assertInstanceOf(Decision.Blocked.class, ComplianceGate.decide(req(Channel.SMS, Purpose.SERVICE, NOON,
                List.of()), suppressed(s), PressureView.NONE, pack(3, 24)));
    }

    @Test
    void expiredDncNoLongerSuppresses() {
        Suppression s = new Suppression(Suppression.Kind.DNC, null, "+12125550100", NOON, "WA one year");
        assertInstanceOf(Decision.Blocked.class, ComplianceGate.decide(req(Channel.VOICE, Purpose.SERVICE,
                NOON.minusSeconds(1), List.of()), suppressed(s), PressureView.NONE, pack(3, 24)));
        assertInstanceOf(Decision.Allowed.class, ComplianceGate.decide(req(Channel.VOICE, Purpose.SERVICE, NOON,
                List.of()), suppressed(s), PressureView.NONE, pack(3, 24)));
    }

    @Test
    void lifeSafetyBypassesOptOutAndProductCapButNotLegalHoldOrTheLegalWindow() {
        Suppression optOut = new Suppression(Suppression.Kind.OPT_OUT, null, "p1", null, "STOP");
        List<Attempt> a = List.of(new Attempt("1", "p1", Channel.SMS, NOON.minusSeconds(60), null, null));
        Decision d = ComplianceGate.decide(req(Channel.SMS, Purpose.LIFE_SAFETY, NOON, List.of()), suppressed(optOut),
                ledger(a, null), pack(1, 24));
        assertInstanceOf(Decision.Allowed.class, d);
        assertTrue(d.trace().lifeSafety());
        assertTrue(d.trace().evaluations().stream().anyMatch(e -> e.verdict() == Evaluation.Verdict.BYPASSED));
        Suppression hold = new Suppression(Suppression.Kind.LEGAL_HOLD, null, "p1", null, "court order");
        assertInstanceOf(Decision.Blocked.class, ComplianceGate.decide(req(Channel.SMS, Purpose.LIFE_SAFETY, NOON,
                List.of()), suppressed(hold), PressureView.NONE, pack(1, 24)));
        // 22:00 New York: the federal window still binds; the SMS product window (10-18) does not
        Instant night = Instant.parse("2026-06-11T02:00:00Z");
        Decision n = ComplianceGate.decide(req(Channel.SMS, Purpose.LIFE_SAFETY, night, List.of()),
                SuppressionView.NONE, PressureView.NONE, pack(1, 24));
        assertEquals("window.federal", assertInstanceOf(Decision.Deferred.class, n).rule());
        assertEquals(Instant.parse("2026-06-11T12:00:00Z"), ((Decision.Deferred) n).until());
    }

    @Test
    void collectionsWaitSevenDaysAfterAConversationAndSevenCallsPerWeek() {
        Instant conv = NOON.minus(Duration.ofDays(2));
        Decision d = ComplianceGate.decide(req(Channel.VOICE, Purpose.COLLECTIONS, NOON, List.of()),
                SuppressionView.NONE, ledger(List.of(), conv), pack(100, 24));
        Decision.Deferred def = assertInstanceOf(Decision.Deferred.class, d);
        assertEquals("collections.conversation", def.rule());
        assertEquals(conv.plus(Duration.ofDays(7)), def.until());
        List<Attempt> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            calls.add(new Attempt("c" + i, "other-" + i, Channel.VOICE, NOON.minus(Duration.ofHours(6 * i + 1)),
                    null, "debt-1"));
        }
        Decision e = ComplianceGate.decide(req(Channel.VOICE, Purpose.COLLECTIONS, NOON, List.of()),
                SuppressionView.NONE, ledger(calls, null), pack(100, 24));
        assertEquals("debt", assertInstanceOf(Decision.Deferred.class, e).rule());
    }

    @Test
    void springForwardGapStartsAtTheFirstExistingMinute() {
        // a window opening at 02:30 on the spring-forward day opens at 03:30 EDT (07:30Z)
        GateRequest r = new GateRequest(7, List.of(NY), Set.of("NY"), List.of(), Channel.EMAIL, "a@b.c",
                Instant.parse("2026-03-08T06:00:00Z"), Purpose.SERVICE, null,
                new DayWindow(java.time.LocalTime.of(2, 30), java.time.LocalTime.of(5, 0)), null, null, "h",
                List.of("p1"), false);
        Decision d = ComplianceGate.decide(r, SuppressionView.NONE, PressureView.NONE, pack(3, 24));
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), assertInstanceOf(Decision.Deferred.class, d).until());
    }

    @Test
    void unknownZoneUnderTheIntersectionPolicyUsesEveryUsZone() {
        Map<String, Object> t = new HashMap<>(RulePackValidatorTest.goodTree());
        t.put("no_jurisdiction", "US_INTERSECTION");
        t.put("us_zones", List.of("America/New_York", "America/Los_Angeles"));
        RulePack p = RulePackValidator.validate(t).pack();
        GateRequest r = new GateRequest(7, List.of(), Set.of(), List.of(), Channel.VOICE, "+1", NOON,
                Purpose.SERVICE, null, null, null, null, "h", List.of("p1"), false);
        // 12:00 New York is 09:00 Los Angeles: inside both voice defaults (09-21)
        assertInstanceOf(Decision.Allowed.class, ComplianceGate.decide(r, SuppressionView.NONE, PressureView.NONE, p));
        Decision d = ComplianceGate.decide(r.at(NOON.minusSeconds(1)), SuppressionView.NONE, PressureView.NONE, p);
        assertEquals(NOON, assertInstanceOf(Decision.Deferred.class, d).until());
    }
}
