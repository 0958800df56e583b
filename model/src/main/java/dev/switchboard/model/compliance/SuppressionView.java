package dev.switchboard.model.compliance;

import java.util.List;

/**
 * Read access to the suppression ledger, as of the decision. Implementations must be cheap (an in-memory index or a
 * query inside the intent transaction); the gate calls it once per key.
 */
public interface SuppressionView {
    /** Every suppression recorded for a person key (on any channel), expired ones included. */
    List<Suppression> forPerson(String personKey);

    /** Every suppression recorded for a normalized address (E.164 number or email), expired ones included. */
    List<Suppression> forAddress(String address);

    SuppressionView NONE = new SuppressionView() {
        @Override
        public List<Suppression> forPerson(String personKey) {
            return List.of();
        }

        @Override
        public List<Suppression> forAddress(String address) {
            return List.of();
        }
    };
}
