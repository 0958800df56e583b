package dev.switchboard.engine.rules;

import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.ComplianceGate;
import dev.switchboard.model.compliance.Decision;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Gate decisions per second on one thread, with in-memory ledgers shaped like production: 10,000 persons, 0-5
 * attempts each over the last 8 days, 3% suppressed, 1-2 candidate zones and 1-2 states, every channel and purpose.
 * Prints {@code gate_decisions_per_second=N}. Arguments: [persons] [seconds] [seed].
 */
public final class GateBenchmark {
    private GateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        RulePack pack = RulePackLoader.loadDefault();
        Random r = new Random(seed);
        Instant base = Instant.parse("2026-06-10T16:00:00Z");
        List<ZoneId> zones = pack.usZones();
        List<String> states = new ArrayList<>(pack.states().keySet());
        states.add("NY");
        states.add("CA");

        Map<String, List<Attempt>> byPerson = new HashMap<>();
        Map<String, List<Attempt>> byDebt = new HashMap<>();
        Map<String, List<Suppression>> suppressions = new HashMap<>();
        Map<String, Instant> conversations = new HashMap<>();
        List<GateRequest> requests = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            String person = "person-" + p;
            String phone = "+1305" + (5_000_000 + p);
            String debt = "debt-" + p;
            List<Attempt> attempts = new ArrayList<>();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                attempts.add(new Attempt(person + "-" + i, person, Channel.values()[r.nextInt(3)],
                        base.minusSeconds(r.nextInt(8 * 86_400)), "subject-" + r.nextInt(2),
                        r.nextBoolean() ? debt : null));
            }
            attempts.sort((a, b) -> a.at().compareTo(b.at()));
            byPerson.put(person, attempts);
            byDebt.put(debt, attempts.stream().filter(a -> debt.equals(a.debtId())).toList());
            if (r.nextInt(33) == 0) {
                suppressions.put(r.nextBoolean() ? person : phone, List.of(new Suppression(
                        Suppression.Kind.values()[r.nextInt(5)], r.nextBoolean() ? null : Channel.SMS,
                        r.nextBoolean() ? person : phone, null, "bench")));
            }
            if (r.nextInt(20) == 0) {
                conversations.put(debt, base.minus(Duration.ofDays(r.nextInt(10))));
            }
            List<ZoneId> z = r.nextInt(10) == 0 ? List.of(zones.get(r.nextInt(3)), zones.get(1 + r.nextInt(3)))
                    : List.of(zones.get(r.nextInt(zones.size())));
            String st = states.get(r.nextInt(states.size()));
            Set<String> s = r.nextInt(10) == 0 && !"FL".equals(st) ? Set.of(st, "FL")
                    : Set.of(st);
            Channel channel = Channel.values()[r.nextInt(3)];
            Purpose purpose = Purpose.values()[r.nextInt(3)];
            List<Consent> consents = List.of(new Consent(channel, r.nextInt(10) != 0, base.minus(Duration.ofDays(90)),
                    "bench"));
            for (int k = 0; k < 4; k++) {
                Instant at = base.plusSeconds(r.nextInt(86_400 * 3));
                requests.add(new GateRequest(p, z, s, consents, channel,
                        channel == Channel.EMAIL ? person + "@example.com" : phone, at, purpose, null,
                        r.nextBoolean() ? null : Gates.widest(), "subject-" + r.nextInt(2),
                        purpose == Purpose.COLLECTIONS ? debt : null, "h", List.of(person), false));
            }
        }
        SuppressionView sv = new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return suppressions.getOrDefault(personKey, List.of());
            }

            @Override
            public List<Suppression> forAddress(String address) {
                return suppressions.getOrDefault(address, List.of());
            }
        };
        PressureView pv = new PressureView() {
            @Override
            public List<Attempt> attempts(String personKey, Instant from, Instant to) {
                return window(byPerson.getOrDefault(personKey, List.of()), from, to);
            }

            @Override
            public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
                return window(byDebt.getOrDefault(debtId, List.of()), from, to);
            }

            @Override
            public Instant lastConversation(String debtId, Instant asOf) {
                return conversations.get(debtId);
            }
        };

        int[] counts = new int[3];
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            tally(ComplianceGate.decide(requests.get(i++ % requests.size()), sv, pv, pack), counts);
        }
        counts = new int[3];
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long decisions = 0;
        long now;
        do {
            for (int k = 0; k < 1_000; k++) {
                tally(ComplianceGate.decide(requests.get(i++ % requests.size()), sv, pv, pack), counts);
            }
            decisions += 1_000;
            now = System.nanoTime();
        } while (now < end);
        double perSecond = decisions / ((now - start) / 1e9);
        System.out.printf("persons=%d requests=%d allowed=%d deferred=%d blocked=%d%n", persons, requests.size(),
                counts[0], counts[1], counts[2]);
        System.out.println("gate_decisions_per_second=" + Math.round(perSecond));
    }

    private static List<Attempt> window(List<Attempt> sorted, Instant from, Instant to) {
        List<Attempt> out = new ArrayList<>(sorted.size());
        for (Attempt a : sorted) {
            if (a.at().isAfter(from) && !a.at().isAfter(to)) {
                out.add(a);
            }
        }
        return out;
    }

    private static void tally(Decision d, int[] counts) {
        switch (d) {
            case Decision.Allowed a -> counts[0]++;
            case Decision.Deferred x -> counts[1]++;
            case Decision.Blocked b -> counts[2]++;
        }
    }

    /** The widest campaign window, so the legal windows bind. */
    private static final class Gates {
        private static final dev.switchboard.model.compliance.DayWindow WIDEST =
                new dev.switchboard.model.compliance.DayWindow(java.time.LocalTime.MIN,
                        java.time.LocalTime.of(23, 59, 59));

        static dev.switchboard.model.compliance.DayWindow widest() {
            return WIDEST;
        }
    }
}
