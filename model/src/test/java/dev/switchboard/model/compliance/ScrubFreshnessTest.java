package dev.switchboard.model.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The freshness rules of outside do-not-contact data (compliance-rules §3, acceptance test 10), and RND answers. */
class ScrubFreshnessTest {
    static final Instant NOW = Instant.parse("2026-04-02T15:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-04-02");
    static final ScrubPolicy POLICY = ScrubPolicy.DEFAULT;

    static Stream<Arguments> national() {
        return Stream.of(
                // purpose, scrubbed on, passes, detail contains
                Arguments.of(Purpose.MARKETING, null, false, "no scrub was ever imported"),
                Arguments.of(Purpose.MARKETING, TODAY, true, "0 days old, limit 31"),
                Arguments.of(Purpose.MARKETING, TODAY.minusDays(31), true, "31 days old"),
                Arguments.of(Purpose.MARKETING, TODAY.minusDays(32), false, "32 days old"),
                Arguments.of(Purpose.MARKETING, TODAY.plusDays(1), false, "in the future"),
                Arguments.of(Purpose.SERVICE, null, true, "not refused"),
                Arguments.of(Purpose.SERVICE, TODAY.minusDays(90), true, "stale, but a service campaign"),
                Arguments.of(Purpose.COLLECTIONS, TODAY.minusDays(32), true, "collections campaign is not refused"),
                Arguments.of(Purpose.LIFE_SAFETY, null, true, "life safety campaign is not refused"));
    }

    @ParameterizedTest
    @MethodSource("national")
    void nationalDncScrub(Purpose purpose, LocalDate scrubbedOn, boolean passes, String detail) {
        ScrubFreshness.Line l = ScrubFreshness.national(purpose, scrubbedOn, POLICY, NOW);
        assertEquals(passes, l.passed(), l.detail());
        assertTrue(l.detail().contains(detail), l.detail());
    }

    static Stream<Arguments> rnd() {
        return Stream.of(
                Arguments.of(Purpose.MARKETING, null, false, "no results were ever imported"),
                Arguments.of(Purpose.MARKETING, TODAY.minusDays(30), true, "30 days old, limit 30"),
                Arguments.of(Purpose.MARKETING, TODAY.minusDays(31), false, "31 days old"),
                Arguments.of(Purpose.SERVICE, TODAY.minusDays(31), true, "not refused"),
                Arguments.of(Purpose.SERVICE, null, true, "not refused"));
    }

    @ParameterizedTest
    @MethodSource("rnd")
    void rndResults(Purpose purpose, LocalDate resultsDate, boolean passes, String detail) {
        ScrubFreshness.Line l = ScrubFreshness.rnd(purpose, resultsDate, POLICY, NOW);
        assertEquals(passes, l.passed(), l.detail());
        assertTrue(l.detail().contains(detail), l.detail());
    }

    static Stream<Arguments> genesys() {
        return Stream.of(
                Arguments.of(null, null, false, "never synced"),
                Arguments.of(null, "403 missing.permissions", false, "a sync now failed: 403"),
                Arguments.of(NOW.minus(Duration.ofHours(24)), null, true, "24 h ago"),
                Arguments.of(NOW.minus(Duration.ofHours(24)).minusSeconds(1), null, false, "switchboard dnc sync"),
                Arguments.of(NOW.minus(Duration.ofMinutes(5)), null, true, "5 min ago"));
    }

    @ParameterizedTest
    @MethodSource("genesys")
    void genesysSync(Instant last, String problem, boolean passes, String detail) {
        ScrubFreshness.Line l = ScrubFreshness.genesys(new ScrubFreshness.State(last, problem, null, null), POLICY,
                NOW);
        assertEquals(passes, l.passed(), l.detail());
        assertTrue(l.detail().contains(detail), l.detail());
    }

    @Test
    void everyLaunchGetsThreeLinesWithTheSameNames() {
        List<ScrubFreshness.Line> lines = ScrubFreshness.evaluate(Purpose.SERVICE,
                new ScrubFreshness.State(NOW, null, TODAY, TODAY), POLICY, NOW);
        assertEquals(List.of("Genesys DNC sync", "National DNC scrub", "Reassigned Numbers Database"),
                lines.stream().map(ScrubFreshness.Line::name).toList());
        assertTrue(lines.stream().allMatch(ScrubFreshness.Line::passed));
    }

    /** Seeded: a line fails exactly when marketing meets data older than the limit, or missing. */
    @Test
    void propertyRefusalIsExactlyStaleMarketing() {
        long seed = Long.getLong("freshness.seed", 20260402L);
        Random r = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            Purpose p = Purpose.values()[r.nextInt(Purpose.values().length)];
            int limit = 1 + r.nextInt(40);
            ScrubPolicy policy = new ScrubPolicy(Math.min(31, limit), limit, ScrubPolicy.RndNoData.BLOCK_MARKETING,
                    Duration.ofHours(1 + r.nextInt(48)), "");
            Instant now = NOW.plusSeconds(r.nextInt(86_400 * 400));
            LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
            LocalDate scrub = r.nextInt(10) == 0 ? null : today.minusDays(r.nextInt(70));
            LocalDate rnd = r.nextInt(10) == 0 ? null : today.minusDays(r.nextInt(70));
            Instant sync = r.nextInt(10) == 0 ? null : now.minusSeconds(r.nextInt(86_400 * 3));
            List<ScrubFreshness.Line> lines = ScrubFreshness.evaluate(p, new ScrubFreshness.State(sync, null, scrub,
                    rnd), policy, now);
            String at = "seed " + seed + " case " + i;
            boolean syncOk = sync != null && !Duration.between(sync, now).minus(policy.genesysDncMaxAge())
                    .isPositive();
            boolean scrubOk = p != Purpose.MARKETING
                    || scrub != null && java.time.temporal.ChronoUnit.DAYS.between(scrub, today)
                    <= policy.nationalDncMaxAgeDays();
            boolean rndOk = p != Purpose.MARKETING
                    || rnd != null && java.time.temporal.ChronoUnit.DAYS.between(rnd, today) <= policy.rndMaxAgeDays();
            assertEquals(syncOk, lines.get(0).passed(), at);
            assertEquals(scrubOk, lines.get(1).passed(), at);
            assertEquals(rndOk, lines.get(2).passed(), at);
        }
    }

    // ---- RND answers and the gate ---------------------------------------------------------------------------------

    static RndResult answer(RndResult.Answer a) {
        return new RndResult("+12125550100", LocalDate.parse("2025-06-01"), a, LocalDate.parse("2026-03-15"));
    }

    static Stream<Arguments> rndDecisions() {
        RndResult.Answer yes = RndResult.Answer.YES;
        RndResult.Answer no = RndResult.Answer.NO;
        RndResult.Answer noData = RndResult.Answer.NO_DATA;
        ScrubPolicy.RndNoData bm = ScrubPolicy.RndNoData.BLOCK_MARKETING;
        return Stream.of(
                // answer, no-data policy, channel, purpose, blocked
                Arguments.of(yes, bm, Channel.SMS, Purpose.MARKETING, true),
                Arguments.of(yes, bm, Channel.VOICE, Purpose.SERVICE, true),
                Arguments.of(yes, bm, Channel.SMS, Purpose.COLLECTIONS, true),
                Arguments.of(yes, bm, Channel.EMAIL, Purpose.MARKETING, false),
                Arguments.of(no, bm, Channel.SMS, Purpose.MARKETING, false),
                Arguments.of(noData, bm, Channel.SMS, Purpose.MARKETING, true),
                Arguments.of(noData, bm, Channel.SMS, Purpose.SERVICE, false),
                Arguments.of(noData, ScrubPolicy.RndNoData.BLOCK, Channel.VOICE, Purpose.SERVICE, true),
                Arguments.of(noData, ScrubPolicy.RndNoData.ALLOW, Channel.SMS, Purpose.MARKETING, false));
    }

    @ParameterizedTest
    @MethodSource("rndDecisions")
    void rndAnswersDecideSends(RndResult.Answer a, ScrubPolicy.RndNoData policy, Channel channel, Purpose purpose,
                               boolean blocked) {
        List<Suppression> derived = answer(a).suppressions(policy);
        SuppressionView view = new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return forAddress(personKey);
            }

            @Override
            public List<Suppression> forAddress(String address) {
                return derived.stream().filter(s -> s.key().equals(address)).toList();
            }
        };
        String address = channel == Channel.EMAIL ? "ann@example.org" : "+12125550100";
        GateRequest req = new GateRequest(7, List.of(ComplianceGateTest.NY), Set.of("NY"),
                ComplianceGateTest.consent(channel), channel, address, ComplianceGateTest.NOON, purpose, null, null,
                null, purpose == Purpose.COLLECTIONS ? "debt-1" : null, "h", List.of(address, "+12125550100"), false);
        Decision d = ComplianceGate.decide(req, view, ComplianceGateTest.ledger(List.of(), null),
                ComplianceGateTest.pack(10, 24));
        assertEquals(blocked, d instanceof Decision.Blocked b && b.rule().equals("suppression.DNC"), d.toString());
    }

    @Test
    void answersParseLeniently() {
        assertEquals(RndResult.Answer.YES, RndResult.Answer.parse(" Yes "));
        assertEquals(RndResult.Answer.NO, RndResult.Answer.parse("N"));
        assertEquals(RndResult.Answer.NO_DATA, RndResult.Answer.parse("No_Data"));
        assertEquals(RndResult.Answer.NO_DATA, RndResult.Answer.parse("no-data"));
        assertFalse(Stream.of("maybe", "", "nope").anyMatch(t -> {
            try {
                RndResult.Answer.parse(t);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }));
    }

    // ---- the pack's scrubs section --------------------------------------------------------------------------------

    @Test
    void aPackWithoutScrubsTakesTheDefaults() {
        RulePackValidator.Result r = RulePackValidator.validate(RulePackValidatorTest.goodTree());
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(ScrubPolicy.DEFAULT, r.pack().scrubs());
    }

    @Test
    void theScrubsSectionIsReadAndChecked() {
        Map<String, Object> t = RulePackValidatorTest.goodTree();
        t.put("scrubs", Map.of("national_dnc_max_age_days", 30, "rnd_max_age_days", 14, "rnd_no_data", "BLOCK",
                "genesys_dnc_max_age_hours", 12));
        RulePackValidator.Result r = RulePackValidator.validate(t);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(30, r.pack().scrubs().nationalDncMaxAgeDays());
        assertEquals(14, r.pack().scrubs().rndMaxAgeDays());
        assertEquals(ScrubPolicy.RndNoData.BLOCK, r.pack().scrubs().rndNoData());
        assertEquals(Duration.ofHours(12), r.pack().scrubs().genesysDncMaxAge());
        assertEquals(r.pack().scrubs(), r.pack().withContentHash("abc").scrubs());

        t.put("scrubs", Map.of("national_dnc_max_age_days", 45, "rnd_no_data", "SOMETIMES", "rnd_max_age_days", 0));
        List<String> problems = RulePackValidator.validate(t).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("scrubs.national_dnc_max_age_days: 45 is over the"
                + " legal 31 days")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("scrubs.rnd_no_data: unknown policy 'SOMETIMES'")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("scrubs.rnd_max_age_days: must be positive")),
                problems.toString());
    }
}
