package dev.switchboard.engine.forecast;

import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * What the people behind the addresses do, for a forecast: in practice the sandbox's seeded world (the app adapts
 * it; the engine does not depend on the sandbox). Every answer is a pure function of the address (and attempt).
 */
public interface OutcomeModel {

    /**
     * An SMS: delivered or not (and why) after {@code receiptAfter}; whether the person then opts out (a STOP, or a
     * free-text revocation that is suppressed for review), {@code replyAfter} the delivery.
     */
    record Sms(boolean delivered, FailureReason failure, Duration receiptAfter, boolean optsOut, Duration replyAfter) {
    }

    /** An email: accepted; the provider may report a bounce or an unsubscribe {@code after} the send. */
    record Email(boolean bounces, boolean unsubscribes, Duration after) {
    }

    /** A dialer call attempt: its outcome as the sequence sees it (wrap-up code mapped), and how long it lasts. */
    record Call(Outcome outcome, Optional<FailureReason> failure, Duration length) {
    }

    Sms sms(String address);

    Email email(String address);

    Call call(String address, int attempt);
}
