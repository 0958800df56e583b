package dev.switchboard.model.sequence;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one result of the Genesys dialer means for a sequence: whether a call was placed (it counts in the pressure
 * ledger), the outcome the sequence branches on, and whether the person asked not to be called again.
 *
 * <p>The dialer reports a wrap-up code per attempt ({@code callRecords[col].lastResult}, or {@code wrapupCode} on the
 * post-contact event), plus the flags of the org's wrap-up mapping ({@code CONTACT_UNCALLABLE},
 * {@code NUMBER_UNCALLABLE}, {@code RIGHT_PARTY_CONTACT}, {@code BUSINESS_SUCCESS|FAILURE|NEUTRAL}). Codes are
 * matched by their names, since ids differ per org; the system codes ({@code ININ-OUTBOUND-…}) are matched by
 * their ids. Unknown codes fall back on the flags: a right-party contact counts as answered, anything else as not
 * answered (retried while the sequence allows).
 *
 * @param callPlaced true when a call went out (a touch); false for dialer skips (DNC, uncallable, zone blocked)
 * @param outcome    the outcome for the planner; empty when the dialer skipped without a verdict on the person
 *                   (the step is tried again in its next window)
 * @param reason     the failure reason for {@link Outcome#FAILED}
 * @param doNotCall  the person asked not to be called: suppress the number and end the sequence
 * @param label      a short human description ("answered", "busy", "skipped: on a DNC list" …)
 */
public record DialerResult(boolean callPlaced, Optional<Outcome> outcome, Optional<FailureReason> reason,
                           boolean doNotCall, String label) {

    /** Interprets a wrap-up code by its name (or system id) and the mapping's flags. */
    public static DialerResult of(String wrapupName, Set<String> flags) {
        String n = wrapupName == null ? "" : wrapupName.toLowerCase(Locale.ROOT).replace('_', '-').trim();
        Set<String> f = flags == null ? Set.of() : flags;
        if (n.contains("dnc-skipped") || n.contains("dnc skipped")) {
            return skip(FailureReason.BLOCKED, "skipped by the dialer: on a DNC list attached to the campaign");
        }
        if (n.startsWith("inin-outbound-") && n.endsWith("-skipped")) {
            return new DialerResult(false, Optional.empty(), Optional.empty(), false,
                    "skipped by the dialer (" + wrapupName + ")");
        }
        if (n.contains("do not call") || n.equals("dnc") || n.contains("do-not-call")) {
            return new DialerResult(true, Optional.of(Outcome.OPTED_OUT), Optional.empty(), true,
                    "answered: asked not to be called");
        }
        if (n.contains("wrong number") || n.contains("invalid") || n.contains("sit") || n.contains("fax")
                || n.contains("disconnected")) {
            return placed(Outcome.FAILED, FailureReason.INVALID_DESTINATION, "wrong or invalid number");
        }
        if (n.contains("busy")) {
            return placed(Outcome.BUSY, null, "busy");
        }
        if (n.contains("machine") || n.contains("voicemail")) {
            return placed(Outcome.NO_ANSWER, null, "answering machine");
        }
        if (n.contains("no answer") || n.contains("no-answer") || n.contains("noanswer")) {
            return placed(Outcome.NO_ANSWER, null, "no answer");
        }
        if (n.contains("answered") || n.contains("sale") || n.contains("connected") || n.contains("live")
                || f.contains("RIGHT_PARTY_CONTACT") || f.contains("BUSINESS_SUCCESS")) {
            return placed(Outcome.ANSWERED, null, "answered");
        }
        return placed(Outcome.NO_ANSWER, null, "not answered (unmapped wrap-up code " + wrapupName + ")");
    }

    private static DialerResult placed(Outcome o, FailureReason r, String label) {
        return new DialerResult(true, Optional.of(o), Optional.ofNullable(r), false, label);
    }

    private static DialerResult skip(FailureReason r, String label) {
        return new DialerResult(false, Optional.of(Outcome.FAILED), Optional.of(r), false, label);
    }

    /** The planner's signal, when the result has an outcome. */
    public Optional<Signal> signal() {
        return outcome.map(o -> new Signal.Result(o, reason));
    }
}
