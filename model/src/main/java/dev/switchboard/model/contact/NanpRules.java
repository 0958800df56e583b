package dev.switchboard.model.contact;

/**
 * Structural rules of the North American Numbering Plan that libphonenumber does not enforce on its own: as of
 * 9.0.43 it accepts N11 exchanges ({@code 415-411-2671}), the fictional 555-01xx block and 555-1212.
 */
final class NanpRules {
    private NanpRules() {
    }

    /**
     * Why a 10-digit NANP national number is unusable, or null.
     *
     * @param nsn the national significant number, the ten digits (area code, exchange, line) without the country code
     */
    static String problem(CharSequence nsn) {
        if (nsn.length() != 10) {
            return null;
        }
        char npa0 = nsn.charAt(0);
        if (npa0 == '0' || npa0 == '1') {
            return "invalid area code " + nsn.subSequence(0, 3);
        }
        if (isN11(nsn, 0)) {
            return PhoneNormalizer.N11;
        }
        char nxx0 = nsn.charAt(3);
        if (nxx0 == '0' || nxx0 == '1') {
            return "invalid exchange " + nsn.subSequence(3, 6);
        }
        if (isN11(nsn, 3)) {
            return "invalid exchange " + nsn.subSequence(3, 6) + " (N11 service code)";
        }
        if (nsn.charAt(3) == '5' && nsn.charAt(4) == '5' && nsn.charAt(5) == '5') {
            // 555-0100 to 555-0199 are reserved for fiction in every area code; 555-1212 is directory assistance
            if (nsn.charAt(6) == '0' && nsn.charAt(7) == '1') {
                return "fictional number (555-01xx)";
            }
            if ("1212".contentEquals(nsn.subSequence(6, 10))) {
                return "directory assistance (555-1212), not a subscriber number";
            }
        }
        return null;
    }

    /** Whether the three digits at {@code at} are N11: 211, 311 … 911. */
    static boolean isN11(CharSequence s, int at) {
        char n = s.charAt(at);
        return n >= '2' && n <= '9' && s.charAt(at + 1) == '1' && s.charAt(at + 2) == '1';
    }
}
