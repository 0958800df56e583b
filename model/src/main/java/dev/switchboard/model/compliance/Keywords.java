package dev.switchboard.model.compliance;

import java.util.List;
import java.util.Set;

/**
 * The reply keywords of a pack. Matching is {@link KeywordMatcher}'s (after NFKC, case-insensitively, ignoring
 * surrounding blanks and punctuation); {@link #matcher()} also flags free text that may be a revocation.
 */
public record Keywords(Set<String> optOut, Set<String> optIn, Set<String> help) {
    public enum Kind { OPT_OUT, OPT_IN, HELP, NONE }

    public Keywords {
        optOut = normalizeAll(optOut);
        optIn = normalizeAll(optIn);
        help = normalizeAll(help);
    }

    private static Set<String> normalizeAll(Set<String> words) {
        return Set.copyOf(words.stream().map(Keywords::normalize).toList());
    }

    /** The one normalization every keyword comparison uses. */
    public static String normalize(String text) {
        return KeywordMatcher.normalize(text);
    }

    /** The matcher for replies: per-se keywords plus possible revocations for review. */
    public KeywordMatcher matcher() {
        return new KeywordMatcher(List.copyOf(optOut), List.copyOf(optIn), List.copyOf(help));
    }

    /** A reply's per-se keyword, or NONE (possible revocations included: see {@link #matcher()}). */
    public Kind classify(String reply) {
        return switch (matcher().classify(reply)) {
            case OPT_OUT -> Kind.OPT_OUT;
            case OPT_IN -> Kind.OPT_IN;
            case HELP -> Kind.HELP;
            default -> Kind.NONE;
        };
    }
}
