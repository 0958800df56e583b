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
     * it is sent. A dialer call happens whenever the dialer places it while the contact waits in its list: a voice
     * attempt with its result counts at the result (just after the call); one still waiting is the span from its
     * placement to the end of the longest wait, and counts in every window that span overlaps (a waiting call is a
     * touch now, and may still be one at the end of its wait).
     */
    @Override
    public List<Attempt> attempts(String personKey, Instant from, Instant to) {
        return repo.pressure(personKey, from.minus(VoiceDialer.MAX_SPAN), to).stream()
                .map(a -> new Attempt(String.valueOf(a.id()), personKey, Channel.valueOf(a.channel()), touched(a),
                        latest(a), null, null))
                .filter(a -> !a.latest().isBefore(from) && a.at().isBefore(to))
                .toList();
    }

    static Instant touched(EngineRepository.AttemptRow a) {
        if (a.channel().equals(Channel.VOICE.name()) && settled(a)) {
            return a.settledAt();
        }
        return a.createdAt();
    }

    static Instant latest(EngineRepository.AttemptRow a) {
        if (!a.channel().equals(Channel.VOICE.name()) || settled(a)) {
            return touched(a);
        }
        return a.createdAt().plus(VoiceDialer.MAX_SPAN);
    }

    private static boolean settled(EngineRepository.AttemptRow a) {
        return a.state().equals("SENT") && a.outcome() != null && a.settledAt() != null;
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
