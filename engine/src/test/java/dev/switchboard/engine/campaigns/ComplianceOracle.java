package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.suppressions.SuppressionService;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.sandbox.LedgerEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An independent check of what reached people, from the sandbox's ledger (every call placed by the dialer, every
 * text handed to the carrier, every email handed to the provider), against facts of the store, without the engine's
 * gate: no call or text outside 08:00–21:00 in any of the contact's time zones (the federal window, which every
 * stricter rule lies inside), nothing on a channel after the address was suppressed for it (the one opt-out
 * confirmation and HELP answers aside), and no person touched more than 3 times in any rolling 7 days (the shipped
 * pack's pressure cap over every channel). Returns the violations, described.
 */
final class ComplianceOracle {
    private ComplianceOracle() {
    }

    static List<String> violations(List<LedgerEntry> ledger, Workspace ws, int capPerWeek) {
        Map<String, Long> owner = new HashMap<>();
        Map<Long, List<ZoneId>> zones = new HashMap<>();
        JurisdictionResolver jr = new JurisdictionResolver();
        for (var l : ws.contacts().lists()) {
            for (Contact c : ws.contacts().contactsAfter(l.list().id(), 0, 100_000)) {
                zones.put(c.id(), Candidates.of(c.data(), jr).zones());
                for (Phone p : c.data().phones()) {
                    owner.put(p.e164(), c.id());
                }
                if (c.data().email() != null) {
                    owner.put(c.data().email().toLowerCase(Locale.ROOT), c.id());
                }
            }
        }
        Set<String> systemReplies = new HashSet<>();
        ws.inbound().recent(100_000).forEach(e -> ws.inbound().repliesToEvent(e.id()).forEach(r -> {
            if (r.messageId() != null) {
                systemReplies.add(r.messageId());
            }
        }));
        List<SuppressionService.Entry> suppressions = ws.suppressions().recent(100_000);
        List<String> out = new ArrayList<>();
        Map<Long, List<Instant>> touches = new HashMap<>();
        for (LedgerEntry e : ledger) {
            String address = e.address().toLowerCase(Locale.ROOT);
            Long contact = owner.get(address);
            boolean systemReply = e.messageId() != null && systemReplies.contains(e.messageId());
            if (contact == null) {
                out.add(e.channel() + " to an address of no contact: " + address);
                continue;
            }
            if (!e.channel().equals("email")) {
                for (ZoneId z : zones.get(contact)) {
                    LocalTime t = e.at().atZone(z).toLocalTime();
                    if (t.isBefore(LocalTime.of(8, 0)) || !t.isBefore(LocalTime.of(21, 0))) {
                        out.add(e.channel() + " to contact " + contact + " at " + t + " in " + z);
                    }
                }
            }
            for (SuppressionService.Entry s : suppressions) {
                Suppression sup = s.suppression();
                boolean covers = sup.key().equalsIgnoreCase(address) && (sup.kind() == Suppression.Kind.HARD_BOUNCE
                        ? e.channel().equals("email")
                        : sup.channel() == null || sup.channel().name().equalsIgnoreCase(e.channel()));
                // system replies (the opt-out confirmation, HELP answers) are owed even after an opt-out
                if (covers && !systemReply && !e.at().isBefore(s.createdAt())) {
                    out.add(e.channel() + " to contact " + contact + " at " + e.at() + " after the " + sup.kind()
                            + " suppression of " + s.createdAt());
                }
            }
            if (!systemReply) {
                touches.computeIfAbsent(contact, k -> new ArrayList<>()).add(e.at());
            }
        }
        for (Map.Entry<Long, List<Instant>> t : touches.entrySet()) {
            List<Instant> at = t.getValue().stream().sorted().toList();
            for (int i = 0; i + capPerWeek < at.size(); i++) {
                if (Duration.between(at.get(i), at.get(i + capPerWeek)).compareTo(Duration.ofDays(7)) < 0) {
                    out.add("contact " + t.getKey() + " touched " + (capPerWeek + 1) + " times within 7 days from "
                            + at.get(i) + " " + ledger.stream().filter(e -> t.getKey().equals(owner.get(e.address()
                            .toLowerCase(Locale.ROOT)))).map(e -> e.channel() + "@" + e.at()).toList());
                }
            }
        }
        return out;
    }
}
