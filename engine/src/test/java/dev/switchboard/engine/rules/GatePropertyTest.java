package dev.switchboard.engine.rules;

import static dev.switchboard.engine.rules.Gates.PACK;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.DayWindow;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.StateRule;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded property tests over the shipped pack; a failure prints the seed and the decision. */
class GatePropertyTest {
    private static final long SEED = Long.getLong("gate.seed", System.nanoTime());
    private static final int CASES = 20_000;
    private static final List<ZoneId> ZONES = PACK.usZones();
    private static final List<String> STATES = new ArrayList<>(PACK.states().keySet());
    private static final Instant YEAR = Instant.parse("2026-01-01T00:00:00Z");

    record Case(GateRequest request, SuppressionView suppressions, PressureView pressure, boolean suppressed) {
    }

    static Case generate(Random r) {
        List<ZoneId> zones = new ArrayList<>();
        int nz = 1 + r.nextInt(2);
        for (int i = 0; i < nz; i++) {
            zones.add(ZONES.get(r.nextInt(ZONES.size())));
        }
        Set<String> states = new HashSet<>();
        states.add(r.nextInt(4) == 0 ? "NY" : STATES.get(r.nextInt(STATES.size())));
        if (r.nextBoolean()) {
            states.add(STATES.get(r.nextInt(STATES.size())));
        }
        Channel channel = Channel.values()[r.nextInt(3)];
        Purpose purpose = Purpose.values()[r.nextInt(3)]; // not life safety
        Instant instant = YEAR.plusSeconds(r.nextLong(365L * 86_400));
        if (r.nextInt(5) == 0) {
            // near a DST change
            instant = Instant.parse(r.nextBoolean() ? "2026-03-08T00:00:00Z" : "2026-11-01T00:00:00Z")
                    .plusSeconds(r.nextInt(86_400 * 2));
        }
        DayWindow campaign = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> Gates.WIDEST;
            default -> {
                int s = 6 + r.nextInt(8);
                yield new DayWindow(LocalTime.of(s, r.nextInt(60)), LocalTime.of(s + 1 + r.nextInt(8), 0));
            }
        };
        String address = channel == Channel.EMAIL ? "x@example.com" : "+13055550100";
        List<Consent> consents = r.nextInt(6) == 0 ? List.of()
                : List.of(new Consent(channel, true, YEAR.minus(Duration.ofDays(30)), "gen"));
        GateRequest req = new GateRequest(1, zones, states, consents, channel, address, instant, purpose, null,
                campaign, "s" + r.nextInt(2), purpose == Purpose.COLLECTIONS ? "d1" : null, "h", List.of("p1"), false);
        boolean suppressed = r.nextInt(4) == 0;
        Suppression s = null;
        if (suppressed) {
            Suppression.Kind kind = switch (r.nextInt(4)) {
                case 0 -> Suppression.Kind.DNC;
                case 1 -> Suppression.Kind.OPT_OUT;
                case 2 -> Suppression.Kind.LEGAL_HOLD;
                default -> Suppression.Kind.REVIEW;
            };
            s = new Suppression(kind, r.nextBoolean() ? null : channel, r.nextBoolean() ? "p1" : address,
                    instant.plus(Duration.ofDays(1 + r.nextInt(400))), "gen");
        }
        Suppression fixed = s;
        SuppressionView sv = new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return fixed != null && fixed.key().equals(personKey) ? List.of(fixed) : List.of();
            }

            @Override
            public List<Suppression> forAddress(String a) {
                return fixed != null && fixed.key().equals(a) ? List.of(fixed) : List.of();
            }
        };
        List<Attempt> attempts = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            attempts.add(new Attempt("a" + i, "p1", Channel.values()[r.nextInt(3)],
                    instant.minusSeconds(r.nextInt(8 * 86_400)), "s" + r.nextInt(2), r.nextBoolean() ? "d1" : null));
        }
        return new Case(req, sv, Gates.ledger(attempts), suppressed);
    }

    /** Every legal and product window holds in every candidate zone (independent of the gate's arithmetic). */
    static String outsideWindow(GateRequest req, Instant t) {
        DayWindow product = req.campaignWindow() != null ? req.campaignWindow()
                : PACK.channelDefaults().get(req.channel());
        for (ZoneId zone : req.zones()) {
            ZonedDateTime local = t.atZone(zone);
            LocalTime time = local.toLocalTime();
            if (!inside(product, time)) {
                return "product window " + product + " in " + zone + " at " + local;
            }
            if (PACK.legalChannels().contains(req.channel())) {
                if (!inside(PACK.federal(), time)) {
                    return "federal window in " + zone + " at " + local;
                }
                for (String state : req.states()) {
                    StateRule rule = PACK.states().get(state);
                    if (rule != null && !inside(rule.window(local.toLocalDate()), time)) {
                        return state + " window in " + zone + " at " + local;
                    }
                }
            }
        }
        return null;
    }

    private static boolean inside(DayWindow w, LocalTime t) {
        return w != null && !t.isBefore(w.start()) && t.isBefore(w.end());
    }

    @Test
    void noAllowedForASuppressedAddressOrOutsideAnyWindowAndDeferralsAreHonest() {
        Random r = new Random(SEED);
        int allowed = 0;
        int deferred = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = generate(r);
            Decision d = ComplianceGate.decide(c.request(), c.suppressions(), c.pressure(), PACK);
            String why = "seed=" + SEED + " case=" + i + " request=" + c.request() + "\n"
                    + ExplainFormatter.format(d, null);
            if (d instanceof Decision.Allowed) {
                allowed++;
                if (c.suppressed()) {
                    fail("Allowed for a suppressed person or address: " + why);
                }
                String outside = outsideWindow(c.request(), c.request().instant());
                if (outside != null) {
                    fail("Allowed outside the " + outside + ": " + why);
                }
            } else if (d instanceof Decision.Deferred def) {
                deferred++;
                assertTrue(def.until().isAfter(c.request().instant()), () -> "until not after the instant: " + why);
                Decision again = ComplianceGate.decide(c.request().at(def.until()), c.suppressions(), c.pressure(),
                        PACK);
                boolean ok = again instanceof Decision.Allowed
                        || (again instanceof Decision.Deferred later && later.until().isAfter(def.until()));
                assertTrue(ok, () -> "deciding at until gave " + ExplainFormatter.format(again, null) + "\n" + why);
                if (again instanceof Decision.Allowed) {
                    String outside = outsideWindow(c.request(), def.until());
                    assertTrue(outside == null, () -> "until outside the " + outside + ": " + why);
                }
            }
        }
        System.out.println("gate property seed=" + SEED + " allowed=" + allowed + " deferred=" + deferred
                + " of " + CASES);
        assertTrue(allowed > 0 && deferred > 0, "generator too narrow, seed=" + SEED);
    }
}
