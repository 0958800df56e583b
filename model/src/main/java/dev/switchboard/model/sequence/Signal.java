package dev.switchboard.model.sequence;

import java.util.Optional;

/** What makes the planner move an enrollment on. */
public sealed interface Signal {
    /** The enrollment begins: enter the first step (or the preferred channel's first touch). */
    record Start() implements Signal { }

    /** The current step's due instant came: a wait is over. */
    record Elapsed() implements Signal { }

    /** The current touch's attempt ended with this outcome. */
    record Result(Outcome outcome, Optional<FailureReason> reason) implements Signal { }

    /** Something reported about the contact at any time (a payment as CONVERTED, an opt-out reply). */
    record Event(Outcome event) implements Signal { }

    static Signal start() {
        return new Start();
    }

    static Signal elapsed() {
        return new Elapsed();
    }

    static Signal result(Outcome outcome) {
        return new Result(outcome, Optional.empty());
    }

    static Signal failed(FailureReason reason) {
        return new Result(Outcome.FAILED, Optional.of(reason));
    }

    static Signal event(Outcome event) {
        return new Event(event);
    }
}
