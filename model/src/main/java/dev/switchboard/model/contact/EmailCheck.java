package dev.switchboard.model.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * A pragmatic check of email addresses against the dot-atom form of RFC 5322 with RFC 5321 lengths: what real
 * mail systems accept, not everything the grammar allows. Quoted local parts, comments, IP-literal domains and
 * Unicode (non-punycode) domains are rejected. Stateless; all methods are thread-safe.
 */
public final class EmailCheck {
    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;

    // RFC 5322 atext; dots are handled separately because of their placement rules
    private static final boolean[] ATEXT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ATEXT[c] = true;
            ATEXT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ATEXT[c] = true;
        }
        for (char c : "!#$%&'*+-/=?^_`{|}~".toCharArray()) {
            ATEXT[c] = true;
        }
    }

    private EmailCheck() {
    }

    /**
     * Why a value is not a usable email address, or empty when it is. Surrounding white space is ignored.
     * Reasons are shown to users: lower-case start, no trailing period, e.g. {@code not an email address: missing @}.
     */
    public static Optional<String> problem(String raw) {
        return Optional.ofNullable(check(Text.trim(raw)));
    }

    /** Whether {@link #problem} finds nothing. */
    public static boolean isValid(String raw) {
        return check(Text.trim(raw)) == null;
    }

    /**
     * The address as Switchboard stores and compares it: trimmed, domain lower-cased, local part kept as written
     * (RFC 5321 lets the receiving system treat it case-sensitively). Meant for values {@link #problem} accepts;
     * others come back trimmed.
     */
    public static String normalize(String raw) {
        String s = Text.trim(raw);
        int at = s.lastIndexOf('@');
        return at < 0 ? s : s.substring(0, at + 1) + s.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String check(String s) {
        if (s.isEmpty()) {
            return "empty";
        }
        if (s.indexOf('<') >= 0 || s.indexOf('>') >= 0) {
            return "a display name or angle brackets are not allowed: give the address alone";
        }
        for (int i = 0; i < s.length(); i++) {
            if (Text.isBlank(s.charAt(i))) {
                return "spaces are not allowed";
            }
        }
        int at = s.indexOf('@');
        if (at < 0) {
            return "not an email address: missing @";
        }
        if (s.indexOf('@', at + 1) >= 0) {
            return "not an email address: more than one @";
        }
        if (s.length() > MAX_LENGTH) {
            return "too long: " + s.length() + " characters (at most " + MAX_LENGTH + ")";
        }
        String local = checkLocal(s, at);
        return local != null ? local : checkDomain(s, at + 1);
    }

    private static String checkLocal(String s, int end) {
        if (end == 0) {
            return "nothing before the @";
        }
        if (end > MAX_LOCAL) {
            return "the part before the @ is longer than " + MAX_LOCAL + " characters";
        }
        if (s.charAt(0) == '.' || s.charAt(end - 1) == '.') {
            return "the part before the @ starts or ends with a dot";
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (s.charAt(i + 1) == '.') {
                    return "two dots in a row before the @";
                }
            } else if (c >= 128 || !ATEXT[c]) {
                return "invalid character '" + c + "' before the @";
            }
        }
        return null;
    }

    private static String checkDomain(String s, int start) {
        int end = s.length();
        if (start == end) {
            return "invalid domain: nothing after the @";
        }
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && s.charAt(i) != '.') {
                char c = s.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
                if (!ok) {
                    return c >= 128
                            ? "invalid domain: non-ASCII characters (write an international domain as xn--…)"
                            : "invalid domain: character '" + c + "' is not allowed";
                }
                continue;
            }
            int len = i - labelStart;
            if (len == 0) {
                return i == end ? "invalid domain: ends with a dot" : "invalid domain: empty label";
            }
            if (len > MAX_LABEL) {
                return "invalid domain: a label is longer than " + MAX_LABEL + " characters";
            }
            if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                return "invalid domain: a label starts or ends with a hyphen";
            }
            labels++;
            if (i == end && !isTopLevel(s, labelStart, i)) {
                return "invalid domain: '" + s.substring(labelStart, i) + "' is not a top-level domain";
            }
            labelStart = i + 1;
        }
        return labels < 2 ? "invalid domain: needs a dot, as in example.com" : null;
    }

    /** Alphabetic and at least two letters, or an IDN top-level domain in punycode ({@code xn--…}). */
    private static boolean isTopLevel(String s, int from, int to) {
        if (to - from > 4 && s.regionMatches(true, from, "xn--", 0, 4)) {
            return true;
        }
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
