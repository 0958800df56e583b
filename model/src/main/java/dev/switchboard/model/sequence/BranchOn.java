package dev.switchboard.model.sequence;

/**
 * What a branch looks at. OUTCOME: the last touch's outcome, routed by outcome edges. EVENT: whether an event
 * (an {@link Outcome} name, e.g. CONVERTED for "paid") was reported during the enrollment: MATCH edge if so, else
 * ELSE. ATTRIBUTE: {@code name=value} against the contact's attributes (case-insensitive value): MATCH or ELSE.
 * COUNTER: a positive limit N; the first N passes take MATCH, later ones ELSE, which bounds a loop.
 */
public enum BranchOn {
    OUTCOME, EVENT, ATTRIBUTE, COUNTER
}
