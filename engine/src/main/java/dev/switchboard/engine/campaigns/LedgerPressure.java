package dev.switchboard.engine.campaigns;

import dev.switchboard.model.compliance.Attempt;
import dev.switchboard.model.compliance.PressureView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.persistence.EngineRepository;
import java.time.Instant;
import java.util.List;

/**
 * The pressure ledger as the compliance gate reads it: every attempt that may have reached an address (all but
 * NOT_SENT), from the attempts table. Debt-level ledgers (Reg F) start with the collections intake.
 */
public final class LedgerPressure implements PressureView {
    private final EngineRepository repo;

    public LedgerPressure(EngineRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<Attempt> attempts(String personKey, Instant from, Instant to) {
        return repo.pressure(personKey, from, to).stream().map(a -> new Attempt(String.valueOf(a.id()), personKey,
                Channel.valueOf(a.channel()), a.createdAt(), null, null)).toList();
    }

    @Override
    public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public Instant lastConversation(String debtId, Instant asOf) {
        return null;
    }
}
