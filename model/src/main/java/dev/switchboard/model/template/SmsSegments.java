package dev.switchboard.model.template;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How an SMS body is encoded and how many segments it costs (compliance-rules.md §4).
 *
 * <p>GSM-7 is the 3GPP TS 23.038 basic table plus its extension table, nothing else: lookalikes (Greek
 * capital alpha, curly quotes, the no-break space, lower-case ç) are never mapped into it, so one such
 * character switches the whole message to UCS-2. A segment never splits an ESC pair, a surrogate pair or a
 * grapheme cluster (ZWJ, flag and skin-tone sequences), so a segment may hold fewer units than its
 * nominal size; over-counting is the safe side.
 *
 * @param encoding  GSM-7 or UCS-2
 * @param units     septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2
 * @param segments  segments the carrier will bill and rate-limit; 0 for an empty text
 * @param offending the distinct characters (code points, in order of first appearance) outside GSM-7; empty
 *                  for GSM-7
 */
public record SmsSegments(Encoding encoding, int units, int segments, List<String> offending) {

    /** Genesys agentless {@code textBody} limit for SMS, counted in UTF-16 units. */
    public static final int GENESYS_MAX_UTF16_UNITS = 765;

    /** GSM-7 septets in a single-segment message. */
    public static final int GSM_SINGLE = 160;
    /** GSM-7 septets per segment of a concatenated message (the rest is the UDH). */
    public static final int GSM_MULTI = 153;
    /** UCS-2 units in a single-segment message. */
    public static final int UCS2_SINGLE = 70;
    /** UCS-2 units per segment of a concatenated message. */
    public static final int UCS2_MULTI = 67;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** The two encodings Switchboard sends; national shift tables are out of scope. */
    public enum Encoding {
        /** 7-bit default alphabet with its extension table. */
        GSM_7,
        /** 16-bit; every message with a character outside GSM-7. */
        UCS_2
    }

    /** Validates and copies the offending list. */
    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        offending = List.copyOf(offending);
        if (units < 0 || segments < 0) {
            throw new IllegalArgumentException("units and segments must not be negative");
        }
    }

    /**
     * Classifies and counts a text.
     *
     * @param text the SMS body exactly as it will be sent (after rendering)
     * @return the encoding, unit count, segment count and the characters that forced UCS-2
     */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        Set<String> offending = new LinkedHashSet<>();
        text.codePoints().filter(cp -> septets(cp) == 0).forEach(cp -> offending.add(Character.toString(cp)));
        if (offending.isEmpty()) {
            return gsm(text);
        }
        return ucs2(text, List.copyOf(offending));
    }

    /** Whether a text is entirely GSM-7 (basic or extension table); {@code true} for an empty text. */
    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(cp -> septets(cp) > 0);
    }

    /** Septets a code point takes in GSM-7: 1 basic, 2 extension, 0 when it is not GSM-7 at all. */
    static int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return 0;
        }
        char c = (char) codePoint;
        if (c == 0x1B) {
            return 0; // a bare ESC in the text is not a character we can send
        }
        if (GSM_BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    private static SmsSegments gsm(String text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += septets(text.charAt(i));
        }
        if (units <= GSM_SINGLE) {
            return new SmsSegments(Encoding.GSM_7, units, units == 0 ? 0 : 1, List.of());
        }
        List<Integer> atoms = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            atoms.add(septets(text.charAt(i)));
        }
        return new SmsSegments(Encoding.GSM_7, units, pack(atoms, GSM_MULTI), List.of());
    }

    private static SmsSegments ucs2(String text, List<String> offending) {
        int units = text.length();
        if (units <= UCS2_SINGLE) {
            return new SmsSegments(Encoding.UCS_2, units, units == 0 ? 0 : 1, offending);
        }
        return new SmsSegments(Encoding.UCS_2, units, pack(clusters(text), UCS2_MULTI), offending);
    }

    /**
     * Sizes of the pieces a segment boundary must not cut: extended grapheme clusters (which keep surrogate
     * pairs, ZWJ, flag and skin-tone sequences whole). A cluster longer than a segment can only be cut, and
     * then at code-point boundaries so no surrogate pair splits.
     */
    private static List<Integer> clusters(String text) {
        List<Integer> sizes = new ArrayList<>();
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (end - start <= UCS2_MULTI) {
                sizes.add(end - start);
            } else {
                for (int i = start; i < end; i = text.offsetByCodePoints(i, 1)) {
                    sizes.add(Character.charCount(text.codePointAt(i)));
                }
            }
        }
        return sizes;
    }

    /** Greedy packing of indivisible pieces into segments of the given capacity. */
    private static int pack(List<Integer> atoms, int capacity) {
        int segments = 1;
        int used = 0;
        for (int size : atoms) {
            if (used + size > capacity) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return segments;
    }
}
