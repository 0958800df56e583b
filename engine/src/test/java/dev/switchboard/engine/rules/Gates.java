package dev.switchboard.engine.rules;

import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.DayWindow;
import dev.switchboard.model.compliance.GateRequest;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test helpers: requests against the shipped pack. */
final class Gates {
    static final RulePack PACK = load();
    /** A campaign window as wide as a day: the legal windows bind. */
    static final DayWindow WIDEST = new DayWindow(LocalTime.MIN, LocalTime.of(23, 59, 59));

    private Gates() {
    }

    private static RulePack load() {
        try {
            return RulePackLoader.loadDefault();
        } catch (RulePackException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    static GateRequest request(List<ZoneId> zones, Set<String> states, Channel channel, Instant instant,
                               Purpose purpose, DayWindow campaignWindow) {
        return new GateRequest(1, zones, states, List.of(new Consent(channel, true, Instant.parse("2025-01-01T00:00:00Z"),
                "test")), channel, channel == Channel.EMAIL ? "a@example.com" : "+13055550100", instant, purpose, null,
                campaignWindow, "subject-1", null, "hash", List.of("person-1"), false);
    }

    static List<ZoneId> zones(String... ids) {
        List<ZoneId> list = new ArrayList<>();
        for (String id : ids) {
            list.add(ZoneId.of(id));
        }
        return list;
    }

    /** A pressure ledger of fixed attempts for one person. */
    static PressureView ledger(List<Attempt> attempts) {
        return new PressureView() {
            @Override
            public List<Attempt> attempts(String personKey, Instant from, Instant to) {
                return attempts.stream().filter(a -> a.personKey().equals(personKey) && a.at().isAfter(from)
                        && !a.at().isAfter(to)).toList();
            }

            @Override
            public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
                return attempts.stream().filter(a -> debtId.equals(a.debtId()) && a.at().isAfter(from)
                        && !a.at().isAfter(to)).toList();
            }

            @Override
            public Instant lastConversation(String debtId, Instant asOf) {
                return null;
            }
        };
    }
}
