package dev.switchboard.model.compliance;

import dev.switchboard.model.compliance.Evaluation.Verdict;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compliance gate: a pure function of a request, the ledgers and a rule pack. Stateless and thread-safe (the only
 * shared state is a cache of {@link ZoneRules}).
 *
 * <p>Order: life-safety approval, suppressions, consent, jurisdiction, windows (the most restrictive over every
 * candidate zone and state, weekday and holidays taken in each zone's local date), then caps. A window or a cap
 * defers to the next instant at which every window and cap allows the touch; suppressions, missing consent and an
 * unknown jurisdiction block.
 *
 * <p><b>Life safety</b> (emergency-purpose messages, 47 CFR §64.1200(a)(1), (f)(4)) needs a two-person approval and
 * then bypasses only: consent and its revocation (opt-out and pending-review suppressions), do-not-call lists,
 * product caps and the product's default or campaign windows. It never bypasses the legal windows (compliance-rules
 * §1 applies them to every call and SMS, exemptions notwithstanding), legal caps, hard bounces or legal holds. Every
 * bypass is on the trace, and the trace is marked.
 */
public final class ComplianceGate {
    /** How far ahead the window search looks before it gives up (a pack whose windows never meet). */
    static final int SEARCH_DAYS = 15;
    private static final int MAX_ROUNDS = 32;
    private static final ConcurrentHashMap<ZoneId, ZoneRules> RULES = new ConcurrentHashMap<>();

    private ComplianceGate() {
    }

    public static Decision decide(GateRequest req, SuppressionView suppressions, PressureView pressure,
                                  RulePack pack) {
        boolean lifeSafety = req.purpose() == Purpose.LIFE_SAFETY;
        List<Evaluation> ev = new ArrayList<>(12);
        ev.add(new Evaluation("request", "channel=" + req.channel() + " purpose=" + req.purpose() + " instant="
                + req.instant() + " content=" + req.contentHash(), Verdict.PASS, "Pack " + pack.label()
                + (pack.contentHash() == null ? "" : " (sha256 " + pack.contentHash().substring(0, 12) + ")") + "."));
        if (lifeSafety && !req.lifeSafetyApproved()) {
            ev.add(new Evaluation("life-safety.approval", "approved=false", Verdict.BLOCK,
                    "A life-safety campaign needs a two-person approval before it may send."));
            return new Decision.Blocked("life-safety.approval", trace(pack, ev, true));
        }
        String blocked = suppressions(req, suppressions, pack, lifeSafety, ev);
        if (blocked == null) {
            blocked = consent(req, lifeSafety, ev);
        }
        if (blocked != null) {
            return new Decision.Blocked(blocked, trace(pack, ev, lifeSafety));
        }

        boolean legalChannel = pack.legalChannels().contains(req.channel());
        Collection<ZoneId> zones = req.zones();
        Collection<String> states = req.states();
        if (zones.isEmpty() || (legalChannel && states.isEmpty())) {
            String what = zones.isEmpty() ? "time zone unknown" : "state unknown";
            if (pack.noJurisdiction() == RulePack.NoJurisdictionPolicy.BLOCK) {
                ev.add(new Evaluation("jurisdiction.unknown", "zones=" + zones + " states=" + states, Verdict.BLOCK,
                        "The contact's " + what + "; the pack's policy is to block rather than guess."));
                return new Decision.Blocked("jurisdiction.unknown", trace(pack, ev, lifeSafety));
            }
            ev.add(new Evaluation("jurisdiction.unknown", "zones=" + zones + " states=" + states, Verdict.PASS,
                    "The contact's " + what + "; using every US zone and state (the pack's intersection policy)."));
            zones = pack.usZones();
            states = pack.states().keySet();
        }

        // the constraints that hold in every zone
        List<Constraint> constraints = new ArrayList<>(4);
        DayWindow product = req.campaignWindow() != null ? req.campaignWindow()
                : pack.channelDefaults().get(req.channel());
        String productId = req.campaignWindow() != null ? "window.campaign" : "window.default." + req.channel();
        if (req.stepWindow() != null) {
            product = product == null ? req.stepWindow() : product.intersect(req.stepWindow());
            productId = productId + "+step";
            if (product == null) {
                ev.add(new Evaluation("window.step", "step=" + req.stepWindow() + " campaign="
                        + req.campaignWindow(), Verdict.BLOCK, "The step's window and the campaign's never meet."));
                return new Decision.Blocked("window.step", trace(pack, ev, lifeSafety));
            }
        }
        if (product != null) {
            if (lifeSafety) {
                ev.add(new Evaluation(productId, "window=" + product, Verdict.BYPASSED,
                        "Life safety: the product window does not apply (legal windows still do)."));
            } else {
                constraints.add(new Constraint(productId, product, null, "the campaign's sending window"));
            }
        }
        if (legalChannel) {
            constraints.add(new Constraint("window.federal", pack.federal(), null,
                    "the federal calling window (" + pack.federalCitation() + ")"));
            for (String state : states) {
                StateRule rule = pack.states().get(state);
                if (rule != null) {
                    constraints.add(new Constraint("window.state." + state, null, rule, state + "'s calling hours"));
                }
            }
        }

        Instant asked = req.instant();
        String firstRule = null;
        // the verdict of every window in every zone at the instant asked
        for (ZoneId zone : zones) {
            ZoneRules rules = rules(zone);
            long local = localSecond(rules, asked);
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
            int sod = (int) Math.floorMod(local, 86_400L);
            for (Constraint c : constraints) {
                DayWindow w = c.window(date);
                boolean ok = w != null && sod >= w.startSecond() && sod < w.endSecond();
                String inputs = "zone=" + zone + " local=" + date + "T" + LocalTime.ofSecondOfDay(sod) + " "
                        + date.getDayOfWeek() + " window=" + (w == null ? "none (banned day)" : w);
                String reason;
                if (ok) {
                    reason = "Inside " + c.label + " in " + zone + ".";
                } else if (w == null) {
                    reason = (c.state != null && c.state.holidays().contains(date) ? date + " is a holiday"
                            : date.getDayOfWeek() + " is a banned day") + " under " + c.label + " in " + zone + ".";
                } else {
                    reason = "Outside " + c.label + " (" + w + " local) in " + zone + ".";
                }
                ev.add(new Evaluation(c.id, inputs, ok ? Verdict.PASS : Verdict.DEFER, reason));
                if (!ok && firstRule == null) {
                    firstRule = c.id;
                }
            }
        }
        if (legalChannel) {
            for (String state : states) {
                if (!pack.states().containsKey(state)) {
                    ev.add(new Evaluation("window.state." + state, "state=" + state, Verdict.NOT_APPLICABLE,
                            "The pack has no rule for " + state + "; the federal window applies."));
                }
            }
        }

        // caps and the collections quiet period need the ledger once
        List<Attempt> ledger = null;
        List<CapRule> caps = new ArrayList<>(pack.caps().size());
        Duration longest = Duration.ZERO;
        for (CapRule cap : pack.caps()) {
            if (!cap.purposes().contains(req.purpose()) || !cap.channels().contains(req.channel())
                    || (!cap.states().isEmpty() && !intersects(cap.states(), states))) {
                continue;
            }
            if (cap.scope() == CapRule.Scope.DEBT && req.debtId() == null) {
                continue;
            }
            if (lifeSafety && !cap.legal()) {
                ev.add(new Evaluation(cap.id(), "max=" + cap.max() + " per " + cap.window(), Verdict.BYPASSED,
                        "Life safety: the product cap does not apply."));
                continue;
            }
            caps.add(cap);
            if (cap.window().compareTo(longest) > 0) {
                longest = cap.window();
            }
        }
        Instant quietUntil = null;
        if (req.purpose() == Purpose.COLLECTIONS && req.channel() == Channel.VOICE && req.debtId() != null) {
            Instant conv = pressure.lastConversation(req.debtId(), asked);
            quietUntil = conv == null ? null : conv.plus(pack.conversationQuiet());
            boolean ok = quietUntil == null || !asked.isBefore(quietUntil);
            ev.add(new Evaluation("collections.conversation", "debt=" + req.debtId() + " lastConversation=" + conv,
                    ok ? Verdict.PASS : Verdict.DEFER, ok ? "No telephone conversation about this debt in the last "
                    + pack.conversationQuiet().toDays() + " days." : "A telephone conversation about this debt took "
                    + "place on " + conv + "; no call until " + quietUntil + " (" + pack.conversationCitation() + ")."));
            if (!ok && firstRule == null) {
                firstRule = "collections.conversation";
            }
        }
        if (!caps.isEmpty()) {
            Instant horizon = asked.plus(Duration.ofDays(SEARCH_DAYS + 8));
            ledger = ledger(req, pressure, asked.minus(longest), horizon);
            for (CapRule cap : caps) {
                Instant free = capFree(cap, req, ledger, asked);
                ev.add(new Evaluation(cap.id(), "scope=" + cap.scope() + " counted=" + counted(cap, req, ledger, asked)
                        + " max=" + cap.max() + " per " + human(cap.window()), free == null ? Verdict.PASS : Verdict.DEFER,
                        free == null ? "Under the cap of " + cap.max() + " per " + human(cap.window()) + "."
                                : "The cap of " + cap.max() + " per " + human(cap.window()) + " is reached; the oldest "
                                + "counted attempt leaves the window at " + free + " (" + cap.citation() + ")."));
                if (free != null && firstRule == null) {
                    firstRule = cap.id();
                }
            }
        }

        if (firstRule == null) {
            return new Decision.Allowed(trace(pack, ev, lifeSafety));
        }
        // search forward: windows, then caps, until a round moves nothing
        Instant t = asked;
        Instant limit = asked.plus(Duration.ofDays(SEARCH_DAYS));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant w = nextWindow(zones, constraints, t, limit);
            if (w == null) {
                break;
            }
            Instant c = w;
            if (quietUntil != null && c.isBefore(quietUntil)) {
                c = quietUntil;
            }
            for (CapRule cap : caps) {
                Instant free = capFree(cap, req, ledger, c);
                if (free != null && free.isAfter(c)) {
                    c = free;
                }
            }
            if (c.equals(w)) {
                ev.add(new Evaluation("next-eligible", "from=" + asked, Verdict.DEFER,
                        "Deferred by " + firstRule + "; every rule allows it at " + w + "."));
                return new Decision.Deferred(w, firstRule, trace(pack, ev, lifeSafety));
            }
            t = c;
            if (t.isAfter(limit)) {
                break;
            }
        }
        ev.add(new Evaluation("window.none", "from=" + asked + " days=" + SEARCH_DAYS, Verdict.BLOCK,
                "No instant in the next " + SEARCH_DAYS + " days satisfies every window and cap at once."));
        return new Decision.Blocked("window.none", trace(pack, ev, lifeSafety));
    }

    /**
     * The suppression that stops {@code req} now, if any (the gate's suppression rule alone: for the last look
     * before a send leaves, when windows and caps were decided already).
     *
     * @return the rule id ({@code suppression.KIND}), or null
     */
    public static String suppressedBy(GateRequest req, SuppressionView suppressions, RulePack pack) {
        return suppressions(req, suppressions, pack, req.purpose() == Purpose.LIFE_SAFETY, new ArrayList<>(2));
    }

    private static Trace trace(RulePack pack, List<Evaluation> ev, boolean lifeSafety) {
        return new Trace(pack.label(), ev, lifeSafety);
    }

    private static String suppressions(GateRequest req, SuppressionView view, RulePack pack, boolean lifeSafety,
                                       List<Evaluation> ev) {
        int seen = 0;
        for (int i = -1; i < req.personKeys().size(); i++) {
            List<Suppression> list = i < 0 ? view.forAddress(req.address()) : view.forPerson(req.personKeys().get(i));
            for (Suppression s : list) {
                seen++;
                if (!s.activeAt(req.instant()) || !covers(s, req, pack)) {
                    continue;
                }
                String id = "suppression." + s.kind();
                String inputs = "key=" + s.key() + " channel=" + (s.channel() == null ? "any" : s.channel())
                        + " expires=" + (s.expiresAt() == null ? "never" : s.expiresAt())
                        + (s.purposes().isEmpty() ? "" : " purposes=" + new java.util.TreeSet<>(s.purposes()));
                boolean bypass = lifeSafety && s.kind() != Suppression.Kind.HARD_BOUNCE
                        && s.kind() != Suppression.Kind.LEGAL_HOLD;
                if (bypass) {
                    ev.add(new Evaluation(id, inputs, Verdict.BYPASSED,
                            "Life safety: " + s.kind() + " (" + s.reason() + ") does not stop an emergency message."));
                    continue;
                }
                ev.add(new Evaluation(id, inputs, Verdict.BLOCK, describe(s)));
                return id;
            }
        }
        ev.add(new Evaluation("suppression", "address=" + req.address() + " persons=" + req.personKeys()
                + " records=" + seen, Verdict.PASS, "No active suppression for this person or address."));
        return null;
    }

    private static boolean covers(Suppression s, GateRequest req, RulePack pack) {
        if (!s.covers(req.purpose())) {
            return false;
        }
        if (s.channel() == null || s.channel() == req.channel()) {
            return s.kind() != Suppression.Kind.HARD_BOUNCE || req.channel() == Channel.EMAIL;
        }
        // revoke-all: an opt-out on one channel ends marketing on every channel
        return (s.kind() == Suppression.Kind.OPT_OUT || s.kind() == Suppression.Kind.REVIEW)
                && pack.revokeAllMarketing() && req.purpose() == Purpose.MARKETING;
    }

    private static String describe(Suppression s) {
        return switch (s.kind()) {
            case DNC -> "On a do-not-call list (" + s.reason() + ")"
                    + (s.expiresAt() == null ? "." : " until " + s.expiresAt() + ".");
            case OPT_OUT -> "The person opted out (" + s.reason() + ").";
            case HARD_BOUNCE -> "The address hard-bounced (" + s.reason() + ").";
            case LEGAL_HOLD -> "Under a legal hold (" + s.reason() + ").";
            case REVIEW -> "A reply that may be an opt-out awaits review (" + s.reason() + ").";
        };
    }

    private static String consent(GateRequest req, boolean lifeSafety, List<Evaluation> ev) {
        Consent latest = null;
        for (Consent c : req.consents()) {
            if (c.channel() == req.channel() && (latest == null || newer(c, latest))) {
                latest = c;
            }
        }
        String inputs = "channel=" + req.channel() + " latest=" + (latest == null ? "none"
                : (latest.granted() ? "granted " : "refused ") + latest.obtainedAt() + " from " + latest.source());
        if (lifeSafety) {
            ev.add(new Evaluation("consent", inputs, Verdict.BYPASSED,
                    "Life safety: emergency messages need no prior consent."));
            return null;
        }
        if (latest != null && !latest.granted()) {
            ev.add(new Evaluation("consent", inputs, Verdict.BLOCK,
                    "The contact refused or revoked consent for " + req.channel() + "."));
            return "consent";
        }
        if (req.purpose() == Purpose.MARKETING && latest == null) {
            ev.add(new Evaluation("consent", inputs, Verdict.BLOCK,
                    "Marketing needs the contact's consent for " + req.channel() + ", and there is none."));
            return "consent";
        }
        ev.add(new Evaluation("consent", inputs, Verdict.PASS, latest != null ? "Consent for " + req.channel()
                + " is on record." : "A " + req.purpose() + " message needs no marketing consent."));
        return null;
    }

    private static boolean newer(Consent a, Consent b) {
        if (a.obtainedAt() == null) {
            return false;
        }
        return b.obtainedAt() == null || !a.obtainedAt().isBefore(b.obtainedAt());
    }

    private static boolean intersects(Set<String> a, Collection<String> b) {
        for (String s : b) {
            if (a.contains(s)) {
                return true;
            }
        }
        return false;
    }

    static ZoneRules rules(ZoneId zone) {
        ZoneRules r = RULES.get(zone);
        if (r == null) {
            r = zone.getRules();
            RULES.putIfAbsent(zone, r);
        }
        return r;
    }

    private static long localSecond(ZoneRules rules, Instant t) {
        return t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
    }

    /** The earliest instant at or after {@code t} inside every constraint in every zone, or null before limit. */
    private static Instant nextWindow(Collection<ZoneId> zones, List<Constraint> constraints, Instant t,
                                      Instant limit) {
        for (int round = 0; round < MAX_ROUNDS * 4; round++) {
            Instant latest = t;
            for (ZoneId zone : zones) {
                ZoneRules rules = rules(zone);
                long local = localSecond(rules, t);
                LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
                int sod = (int) Math.floorMod(local, 86_400L);
                for (Constraint c : constraints) {
                    DayWindow w = c.window(date);
                    if (w != null && sod >= w.startSecond() && sod < w.endSecond()) {
                        continue;
                    }
                    Instant open = nextOpen(c, zone, date, sod, w);
                    if (open == null) {
                        return null;
                    }
                    if (open.isAfter(latest)) {
                        latest = open;
                    }
                }
            }
            if (latest.equals(t)) {
                return t;
            }
            if (latest.isAfter(limit)) {
                return null;
            }
            t = latest;
        }
        return null;
    }

    private static Instant nextOpen(Constraint c, ZoneId zone, LocalDate date, int sod, DayWindow w) {
        if (w != null && sod < w.startSecond()) {
            return ZonedDateTime.of(date, w.start(), zone).toInstant();
        }
        for (int d = 1; d <= SEARCH_DAYS; d++) {
            LocalDate next = date.plusDays(d);
            DayWindow nw = c.window(next);
            if (nw != null) {
                // a start inside a DST gap moves forward by the gap, the earliest existing local time after it
                return ZonedDateTime.of(next, nw.start(), zone).toInstant();
            }
        }
        return null;
    }

    private static List<Attempt> ledger(GateRequest req, PressureView pressure, Instant from, Instant to) {
        List<String> keys = req.personKeys();
        List<Attempt> all;
        if (keys.size() == 1) {
            all = pressure.attempts(keys.get(0), from, to);
        } else {
            all = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (String k : keys) {
                for (Attempt a : pressure.attempts(k, from, to)) {
                    if (ids.add(a.attemptId())) {
                        all.add(a);
                    }
                }
            }
        }
        if (req.debtId() != null) {
            List<Attempt> debt = pressure.debtAttempts(req.debtId(), from, to);
            if (!debt.isEmpty()) {
                List<Attempt> merged = new ArrayList<>(all);
                Set<String> ids = new HashSet<>();
                for (Attempt a : all) {
                    ids.add(a.attemptId());
                }
                for (Attempt a : debt) {
                    if (ids.add(a.attemptId())) {
                        merged.add(a);
                    }
                }
                all = merged;
            }
        }
        return all;
    }

    private static boolean counts(CapRule cap, GateRequest req, Attempt a) {
        if (!cap.channels().contains(a.channel())) {
            return false;
        }
        return switch (cap.scope()) {
            case PERSON -> true;
            // no subject on the request: every attempt counts as the same subject, the stricter reading
            case PERSON_SUBJECT -> req.subjectKey() == null || a.subjectKey() == null
                    || req.subjectKey().equals(a.subjectKey());
            case DEBT -> req.debtId().equals(a.debtId());
        };
    }

    private static int counted(CapRule cap, GateRequest req, List<Attempt> ledger, Instant t) {
        Instant from = t.minus(cap.window());
        int sum = 0;
        for (Attempt a : ledger) {
            if (a.mayFallIn(from, t) && counts(cap, req, a)) {
                sum += cap.weight(a.channel());
            }
        }
        return sum;
    }

    /** Null when the cap allows a touch at {@code t}, else the instant enough counted attempts leave the window. */
    private static Instant capFree(CapRule cap, GateRequest req, List<Attempt> ledger, Instant t) {
        int need = cap.weight(req.channel());
        Instant from = t.minus(cap.window());
        int sum = 0;
        for (Attempt a : ledger) {
            if (a.mayFallIn(from, t) && counts(cap, req, a)) {
                sum += cap.weight(a.channel());
            }
        }
        if (sum + need <= cap.max()) {
            return null;
        }
        // drop the oldest counted attempts until the touch fits; it is free when the last dropped one leaves
        List<Attempt> counted = new ArrayList<>();
        for (Attempt a : ledger) {
            if (a.mayFallIn(from, t) && counts(cap, req, a)) {
                counted.add(a);
            }
        }
        // a touch leaves the window a window after the latest moment it may have happened
        counted.sort((x, y) -> x.latest().compareTo(y.latest()));
        int excess = sum + need - cap.max();
        for (Attempt a : counted) {
            excess -= cap.weight(a.channel());
            if (excess <= 0) {
                return a.latest().plus(cap.window());
            }
        }
        // the touch alone weighs more than the cap
        return t.plus(cap.window());
    }

    private static String human(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " h";
    }

    /** A window rule that applies in every candidate zone: either a fixed daily window or a state's rule. */
    private record Constraint(String id, DayWindow daily, StateRule state, String label) {
        DayWindow window(LocalDate date) {
            return state != null ? state.window(date) : daily;
        }
    }
}
