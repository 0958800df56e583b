package dev.switchboard.model.contact;

/** String helpers shared by the normalizers. They run once per cell of million-row files, so no regex. */
final class Text {
    private Text() {
    }

    /**
     * Strips Unicode white space, no-break spaces, zero-width spaces and byte-order marks from both ends: spreadsheets
     * and CRM exports leave all of them around values. Never returns null.
     */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int end = s.length();
        int start = 0;
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /** Lower-cased letters and digits only: {@code "E-mail Address"} → {@code "emailaddress"}. */
    static String compactKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Lower-cased words separated by single spaces, with dots and apostrophes dropped rather than turned into
     * breaks: {@code "Washington D.C."} → {@code "washington dc"}, {@code "Eastern Time (US & Canada)"} →
     * {@code "eastern time us canada"}.
     */
    static String wordKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && !sb.isEmpty()) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(Character.toLowerCase(c));
            } else if (c != '.' && c != '\'') {
                pendingSpace = true;
            }
        }
        return sb.toString();
    }

    /** Digits 0-9 only (ASCII). */
    static int countDigits(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static boolean isAsciiDigits(String s, int from, int to) {
        if (from < 0 || to > s.length() || from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
