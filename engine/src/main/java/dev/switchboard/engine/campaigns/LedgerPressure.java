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
     * The attempts that touched (or may still touch) a person within [from, to), each as the span in which it
     * reaches the person ({@link Attempt}: it counts in every window the span overlaps). A text or an email leaves
     * after its intent is committed, once the request budget lets it: from the intent to the moment its send was
     * recorded (an intent still in flight, or one whose outcome is unknown, until the latest it could have left). A
     * dialer call happens whenever the dialer places it while the contact waits in its list: one with its result
     * counts at the result (just after the call); one still waiting from its placement to the end of its wait.
     */
    @Override
    public List<Attempt> attempts(String personKey, Instant from, Instant to) {
        return repo.pressure(personKey, from.minus(MAX_WAIT), to).stream()
                .map(a -> new Attempt(String.valueOf(a.id()), personKey, Channel.valueOf(a.channel()), touched(a),
                        latest(a), null, null))
                .filter(a -> !a.latest().isBefore(from) && a.at().isBefore(to))
                .toList();
    }

    /** The longest an attempt may wait between its intent and reaching the person. */
    static final java.time.Duration MAX_WAIT = java.time.Duration.ofHours(24);

    static Instant touched(EngineRepository.AttemptRow a) {
        if (a.channel().equals(Channel.VOICE.name()) && settled(a)) {
            return a.settledAt();
        }
        return a.createdAt();
    }

    static Instant latest(EngineRepository.AttemptRow a) {
        if (a.channel().equals(Channel.VOICE.name())) {
            return settled(a) ? a.settledAt() : a.createdAt().plus(VoiceDialer.MAX_SPAN);
        }
        if ((a.state().equals("SENT") || a.state().equals("FAILED")) && a.settledAt() != null
                && !a.settledAt().isBefore(a.createdAt())) {
            return a.settledAt();
        }
        // in flight or unknown: it may leave until its window closes (a day at most)
        return a.createdAt().plus(MAX_WAIT);
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
