package dev.switchboard.engine.throughput;

import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SenderRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The throughput limits of the SMS sending numbers: what a supervisor or admin registered (type, trust tier, the
 * carriers' figures for the brand), else the defaults of the type Genesys reports for the number, else those of a
 * 10DLC long code, the strictest. Registrations are audited.
 */
public final class SenderService {
    private final SenderRepository repo;
    private final AuditLogRepository audit;
    private final Clock clock;
    private final java.util.List<Runnable> changed = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SenderService(SenderRepository repo, AuditLogRepository audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers (or replaces) a number's limits; a supervisor's or an admin's. */
    public void register(Actor by, SenderLimits limits) throws PermissionDeniedException {
        Role role = by.profile().role();
        if (role != Role.SUPERVISOR && role != Role.ADMIN) {
            throw new PermissionDeniedException(by.name() + " (" + role + ") may not register SMS senders: that"
                    + " takes a supervisor or admin profile.");
        }
        var now = clock.instant();
        repo.put(limits, by.name(), now);
        audit.append(by.name(), by.osLogin(), "sender.register", "sms sender " + limits.number(),
                limits.describe(), now);
        changed.forEach(Runnable::run);
    }

    /** Called after each registration (the throttle forgets the limits it read). */
    public void onChange(Runnable r) {
        changed.add(r);
    }

    public List<SenderLimits> registered() {
        return repo.all();
    }

    /**
     * The limits a number sends under.
     *
     * @param orgTypes the org's SMS numbers and their Genesys {@code phoneNumberType}, as far as known (may be empty)
     */
    public SenderLimits limits(String number, Map<String, String> orgTypes) {
        Optional<SenderLimits> registered = repo.find(number);
        if (registered.isPresent()) {
            return registered.get();
        }
        String type = orgTypes.get(number);
        if (type == null) {
            return SenderLimits.defaults(number, NumberType.LONG_CODE, "not registered and of unknown type: the"
                    + " strictest, an unvetted 10DLC long code in AT&T class T");
        }
        NumberType t = NumberType.fromGenesys(type);
        return SenderLimits.defaults(number, t, "not registered; Genesys reports a " + type + " number: the defaults"
                + " of a " + t.label() + (t == NumberType.LONG_CODE ? " of an unvetted brand in AT&T class T" : ""));
    }
}
