package dev.switchboard.model.compliance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies an inbound SMS reply against the rule pack's keyword lists (compliance-rules.md §3).
 *
 * <p>Matching: the reply and every keyword are normalized the same way (Unicode NFKC, so full-width
 * {@code ＳＴＯＰ} becomes {@code STOP}; lower case in the root locale; typographic apostrophes folded to
 * {@code '}; every run of whitespace collapsed to one space; leading and trailing whitespace, punctuation,
 * symbols and invisible format characters removed). A reply whose normalized form equals a keyword is that
 * keyword's class. Opt-out is checked first, so a word that sits in two lists is treated as an opt-out.
 *
 * <p>{@link Match#POSSIBLE_REVOCATION} is a deliberately eager heuristic for "revocation by any reasonable
 * means": a reply that is not exactly a keyword but contains an opt-out keyword as a whole word or phrase
 * ("pls stop texting me", "cancel my reminders"; diacritics ignored, so "Arrêt" counts), or one of a short list
 * of revocation phrases ("don't text me", "remove me", "leave me alone", "wrong number" …). The gate
 * suppresses such a reply and queues it for human review, so a false positive costs a reviewer's minute while
 * a false negative risks a TCPA violation; the heuristic errs toward flagging.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KeywordMatcher {

    /** What a reply means for consent. */
    public enum Match {
        /** Exactly an opt-out keyword: suppress now. */
        OPT_OUT,
        /** Exactly an opt-in keyword (START, YES, UNSTOP): re-opt-in, if from the same number. */
        OPT_IN,
        /** Exactly a help keyword: send the help text. */
        HELP,
        /** Free text that may revoke consent: suppress and queue for human review. */
        POSSIBLE_REVOCATION,
        /** Anything else. */
        NONE
    }

    /**
     * Phrases (normalized, apostrophes removed) that suggest revocation when they appear as whole words. The
     * opt-out keywords themselves are added per instance.
     */
    private static final List<String> REVOCATION_PHRASES = List.of(
            "dont text", "do not text", "dont txt", "do not txt", "dont message", "do not message",
            "dont call", "do not call", "dont contact", "do not contact", "dont email", "do not email",
            "no more texts", "no more text", "no more messages", "no more calls", "no more emails",
            "stop texting", "stop txting", "stop messaging", "stop calling", "stop emailing", "stop contacting",
            "quit texting", "quit calling", "remove me", "take me off", "unsubscribe me", "leave me alone",
            "lose my number", "delete my number", "not interested", "wrong number", "opt me out",
            "never text", "never call", "never contact", "harassment", "harassing");

    private final Set<String> optOut;
    private final Set<String> optIn;
    private final Set<String> help;
    private final List<String> revocationPhrases;

    /**
     * Builds a matcher from the rule pack's lists.
     *
     * @param optOut opt-out keywords (STOP, STOP ALL, OPT-OUT …); multi-word keywords are allowed
     * @param optIn  opt-in keywords (START, YES, UNSTOP)
     * @param help   help keywords (HELP, INFO)
     * @throws IllegalArgumentException if a keyword is blank after normalization
     */
    public KeywordMatcher(List<String> optOut, List<String> optIn, List<String> help) {
        this.optOut = normalizeAll(optOut, "opt-out");
        this.optIn = normalizeAll(optIn, "opt-in");
        this.help = normalizeAll(help, "help");
        List<String> phrases = new ArrayList<>(REVOCATION_PHRASES);
        for (String keyword : this.optOut) {
            phrases.add(wordsOnly(keyword));
        }
        this.revocationPhrases = phrases.stream().filter(p -> !p.isBlank()).distinct().toList();
    }

    /**
     * Classifies one reply.
     *
     * @param reply the inbound message body; {@code null} is treated as empty
     * @return the match; never {@code null}
     */
    public Match classify(String reply) {
        String normalized = normalize(reply == null ? "" : reply);
        if (normalized.isEmpty()) {
            return Match.NONE;
        }
        if (optOut.contains(normalized)) {
            return Match.OPT_OUT;
        }
        if (optIn.contains(normalized)) {
            return Match.OPT_IN;
        }
        if (help.contains(normalized)) {
            return Match.HELP;
        }
        String padded = " " + wordsOnly(normalized) + " ";
        for (String phrase : revocationPhrases) {
            if (padded.contains(" " + phrase + " ")) {
                return Match.POSSIBLE_REVOCATION;
            }
        }
        return Match.NONE;
    }

    /**
     * The normal form replies and keywords are compared in: NFKC, lower case, collapsed whitespace, no
     * surrounding whitespace, punctuation, symbols or format characters.
     *
     * @param text any text
     * @return its normal form, possibly empty
     */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        s = s.replaceAll("[\\p{Z}\\s]+", " ");
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isTrimmable(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * Drops apostrophes ("don't" → "dont") and diacritics ("arrêt" → "arret"), and turns every other run of
     * non-letters and non-digits into a space.
     */
    private static String wordsOnly(String normalized) {
        String folded = Normalizer.normalize(normalized, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static boolean isTrimmable(int cp) {
        return !Character.isLetterOrDigit(cp);
    }

    private static Set<String> normalizeAll(List<String> keywords, String what) {
        Objects.requireNonNull(keywords, what);
        Set<String> out = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String n = normalize(Objects.requireNonNull(keyword, what + " keyword"));
            if (n.isEmpty()) {
                throw new IllegalArgumentException("blank " + what + " keyword: \"" + keyword + "\"");
            }
            out.add(n);
        }
        return Set.copyOf(out);
    }
}
