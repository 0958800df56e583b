package dev.switchboard.model.compliance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The reply keywords of a pack, matched after NFKC, case-insensitively, ignoring surrounding blanks and punctuation. */
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

    /** NFKC, upper case (ROOT), surrounding whitespace and punctuation stripped. */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetterOrDigit(s.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    public Kind classify(String reply) {
        String n = normalize(reply);
        if (optOut.contains(n)) {
            return Kind.OPT_OUT;
        }
        if (optIn.contains(n)) {
            return Kind.OPT_IN;
        }
        return help.contains(n) ? Kind.HELP : Kind.NONE;
    }
}
