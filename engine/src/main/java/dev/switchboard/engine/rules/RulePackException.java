package dev.switchboard.engine.rules;

import java.util.List;

/** A rule pack that cannot be read or fails validation; {@link #problems()} names every bad entry. */
public final class RulePackException extends Exception {
    private final List<String> problems;

    public RulePackException(String source, List<String> problems) {
        super("rule pack " + source + " is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
