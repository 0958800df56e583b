package dev.switchboard.genesys;

/**
 * A caller's last word on a request it may withdraw. A send waits for the request budget (behind other sends, or a
 * 429 pause of the whole bucket); what decided it may no longer hold when the budget grants it. {@link #clear()} is
 * asked each time the request is about to be written (a retried request asks again); when it answers true,
 * {@link #departed()} follows once that try is over, whatever happened, so a caller may hold a lock from one to the
 * other (an opt-out's commit then waits for a send that passed its check, and no send passes after it).
 */
public interface Departure {

    /** Always clear, holds nothing. */
    Departure ALWAYS = () -> true;

    /** True: write the request now. False: withdraw it ({@link NotSentException}); nothing is written. */
    boolean clear();

    /** The try that {@link #clear()} allowed is over. */
    default void departed() {
    }
}
