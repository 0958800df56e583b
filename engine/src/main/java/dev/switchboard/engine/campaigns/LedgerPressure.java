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

    /**
     * The attempts that touched (or may still touch) a person within [from, to). A text or an email touches when
     * it is sent; a dialer call whenever the dialer places it while the contact waits in its list, so a voice attempt
     * counts at its recorded result (just after the call), and one still waiting counts at the end of the longest
     * wait (whichever instant is later is the one that can overlap more windows).
     */
    @Override
    public List<Attempt> attempts(String personKey, Instant from, Instant to) {
        return repo.pressure(personKey, from.minus(VoiceDialer.MAX_SPAN), to.plus(VoiceDialer.MAX_SPAN)).stream()
                .map(a -> new Attempt(String.valueOf(a.id()), personKey, Channel.valueOf(a.channel()), touched(a),
                        null, null))
                .filter(a -> !a.at().isBefore(from) && (a.channel() == Channel.VOICE || a.at().isBefore(to)))
                .toList();
    }

    static Instant touched(EngineRepository.AttemptRow a) {
        if (!a.channel().equals(Channel.VOICE.name())) {
            return a.createdAt();
        }
        if (a.state().equals("SENT") && a.outcome() != null && a.settledAt() != null) {
            return a.settledAt();
        }
        return a.createdAt().plus(VoiceDialer.MAX_SPAN);
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
