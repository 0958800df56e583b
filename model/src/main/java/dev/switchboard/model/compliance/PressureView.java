package dev.switchboard.model.compliance;

import java.time.Instant;
import java.util.List;

/** Read access to the pressure ledger (attempts) and to conversations about debts, as of the decision. */
public interface PressureView {
    /** Attempts of a person with {@code from < at <= to}, any channel, subject or campaign, oldest first. */
    List<Attempt> attempts(String personKey, Instant from, Instant to);

    /** Attempts on a debt with {@code from < at <= to}, oldest first. */
    List<Attempt> debtAttempts(String debtId, Instant from, Instant to);

    /** The latest telephone conversation about a debt at or before {@code asOf}, or null. */
    Instant lastConversation(String debtId, Instant asOf);

    PressureView NONE = new PressureView() {
        @Override
        public List<Attempt> attempts(String personKey, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<Attempt> debtAttempts(String debtId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Instant lastConversation(String debtId, Instant asOf) {
            return null;
        }
    };
}
