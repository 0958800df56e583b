package dev.switchboard.engine.suppressions;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.EmailCheck;
import dev.switchboard.model.contact.PhoneCheck;
import dev.switchboard.model.contact.PhoneNormalizer;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SuppressionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The suppression ledger: adding a suppression is a durable commit and an audit row; the gate reads it through
 * {@link #view()}, keyed by normalized address, so every contact of every list sharing the address is covered.
 * Lifting one (four-eyes) comes with the compliance console.
 */
public final class SuppressionService {
    private final SuppressionRepository suppressions;
    private final AuditLogRepository audit;
    private final Clock clock;
    private final Runnable sync;
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private volatile java.util.function.Function<String, List<Suppression>> derived = a -> List.of();

    public SuppressionService(SuppressionRepository suppressions, AuditLogRepository audit, Clock clock) {
        this(suppressions, audit, clock, () -> { });
    }

    /**
     * @param sync forces what is committed to disk (H2 CHECKPOINT SYNC); run after every suppression write, before
     *             anything else happens
     */
    public SuppressionService(SuppressionRepository suppressions, AuditLogRepository audit, Clock clock,
                              Runnable sync) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.clock = clock;
        this.sync = sync;
    }

    /**
     * Records a suppression the engine learnt of (a RecipientOptedOut receipt, a STOP reply), in its own durable
     * commit forced to disk before this returns.
     */
    public long addBySystem(Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String key,
                            String reason, String source) {
        return addBySystem(kind, channel, key, reason, source, clock.instant());
    }

    /** As {@link #addBySystem(Suppression.Kind, dev.switchboard.model.contact.Channel, String, String, String)}, at
     * the engine's instant (its clock may be virtual). */
    public long addBySystem(Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String key,
                            String reason, String source, java.time.Instant at) {
        Suppression s = new Suppression(kind, channel, key, null, reason);
        long id = suppressions.add(s, source, "engine", at);
        sync.run();
        audit.append("engine", "switchboard", "suppression.add", "address " + mask(key),
                kind + (channel == null ? " all channels" : " " + channel) + ": " + reason, clock.instant());
        return id;
    }

    /** Source of suppressions made by an SMS opt-out keyword (the only ones a START from the number lifts). */
    public static final String SMS_KEYWORD = "sms keyword";

    /**
     * Lifts the SMS keyword opt-outs of a number after an opt-in keyword from that same number (audited); other
     * suppressions (DNC, legal holds, opt-outs made any other way) stay. Returns how many were lifted.
     */
    public int liftSmsKeywordOptOut(String number, String why) {
        int n = suppressions.lift(number, Suppression.Kind.OPT_OUT.name(), "SMS", SMS_KEYWORD, "engine",
                clock.instant());
        if (n > 0) {
            sync.run();
            audit.append("engine", "switchboard", "suppression.lift", "address " + mask(number),
                    "SMS keyword opt-out lifted: " + why, clock.instant());
        }
        return n;
    }

    /** A phone in E.164 or a lower-cased email address; throws IllegalArgumentException naming the problem. */
    public String normalize(String address) {
        String a = address.strip();
        if (a.contains("@")) {
            EmailCheck.problem(a).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return a.toLowerCase(Locale.ROOT);
        }
        if (phones.normalize(a) instanceof PhoneCheck.Valid v) {
            return v.e164();
        }
        throw new IllegalArgumentException("'" + address + "' is neither a valid phone number nor an email address");
    }

    public long add(Actor by, Suppression.Kind kind, dev.switchboard.model.contact.Channel channel, String address,
                    Instant expiresAt, String reason, String source) throws PermissionDeniedException {
        if (by.profile().role() == dev.switchboard.model.user.Role.SUPERVISOR) {
            throw new PermissionDeniedException(by.name() + " (SUPERVISOR) may not change suppressions.");
        }
        String key = normalize(address);
        Suppression s = new Suppression(kind, channel, key, expiresAt, reason);
        long id = suppressions.add(s, source, by.name(), clock.instant());
        sync.run();
        audit.append(by.name(), by.osLogin(), "suppression.add", "address " + mask(key),
                kind + (channel == null ? " all channels" : " " + channel) + (expiresAt == null ? ""
                        : " until " + expiresAt) + ": " + reason, clock.instant());
        return id;
    }

    /** A suppression as the ledger lists it. */
    public record Entry(long id, Suppression suppression, String source, Instant createdAt, String createdBy) {
    }

    public List<Entry> recent(int limit) {
        return suppressions.recent(limit).stream()
                .map(r -> new Entry(r.id(), r.suppression(), r.source(), r.createdAt(), r.createdBy())).toList();
    }

    /**
     * Suppressions that are not rows of the ledger but follow from other records (the latest Reassigned Numbers
     * Database answer of a number): the gate's view adds them to the ledger's.
     */
    public void derive(java.util.function.Function<String, List<Suppression>> source) {
        this.derived = source;
    }

    /** The gate's view of the ledger: person keys are the person's normalized addresses. */
    public SuppressionView view() {
        return new SuppressionView() {
            @Override
            public List<Suppression> forPerson(String personKey) {
                return forAddress(personKey);
            }

            @Override
            public List<Suppression> forAddress(String address) {
                List<Suppression> more = derived.apply(address);
                List<Suppression> rows = suppressions.forAddress(address);
                if (more.isEmpty()) {
                    return rows;
                }
                List<Suppression> all = new java.util.ArrayList<>(rows);
                all.addAll(more);
                return all;
            }
        };
    }

    /** Audit rows name an address by its last four characters only. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return "***" + address.substring(at);
        }
        return address.length() <= 4 ? "****" : "*".repeat(address.length() - 4) + address.substring(address.length() - 4);
    }
}
