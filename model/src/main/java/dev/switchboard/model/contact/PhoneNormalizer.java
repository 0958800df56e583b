package dev.switchboard.model.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a phone value as a list has it into an E.164 number Switchboard may call or text, or a reason it may not.
 *
 * <p>Numbers without a country code are read in the default region. Accepted: national and international
 * formats ({@code (415) 555-2671}, {@code 415.555.2671}, {@code 1-415-555-2671}, {@code +44 20 7946 0958}), the
 * {@code 011} and {@code 00} international prefixes, vanity letters libphonenumber converts
 * ({@code 1-800-FLOWERS}), and toll-free numbers. An extension ({@code x12}, {@code ext. 12}) is dropped.
 * Rejected: empty values, text, wrong lengths, numbers libphonenumber holds invalid, premium-rate, shared-cost,
 * UAN, voicemail-only and pager numbers, and in the North American plan area codes or exchanges starting 0 or 1,
 * N11 service codes, the fictional 555-0100 to 555-0199 and directory assistance 555-1212.
 *
 * <p>Immutable and thread-safe; one instance serves any number of threads.
 */
public final class PhoneNormalizer {
    static final String N11 = "N11 service code, not a phone number";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final boolean nanpDefault;

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 region for numbers written without a country code, e.g. {@code US}
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public PhoneNormalizer(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
        int countryCode = UTIL.getCountryCodeForRegion(this.defaultRegion);
        if (countryCode == 0) {
            throw new IllegalArgumentException("unknown region '" + defaultRegion
                    + "'; use an ISO 3166-1 alpha-2 code such as US");
        }
        this.nanpDefault = countryCode == 1;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Normalizes one value; never throws, whatever the input. */
    public PhoneCheck normalize(String raw) {
        String s = Text.trim(raw);
        if (s.isEmpty()) {
            return new PhoneCheck.Invalid("empty");
        }
        if (nanpDefault) {
            if (isBareServiceCode(s)) {
                return new PhoneCheck.Invalid(N11);
            }
            // In the NANP the international prefix is 011; libphonenumber reads a leading 00 as part of a
            // national number there, but lists from Europe write +44 as 0044, and no NANP number starts with 0.
            if (s.length() > 2 && s.charAt(0) == '0' && s.charAt(1) == '0') {
                s = "+" + s.substring(2);
            }
        }
        PhoneNumber number = nanpDefault || s.charAt(0) == '+' ? plainNanp(s) : null;
        if (number == null) {
            try {
                number = UTIL.parse(s, defaultRegion);
            } catch (NumberParseException e) {
                return new PhoneCheck.Invalid(parseFailure(e, s));
            }
        }
        String nsn = UTIL.getNationalSignificantNumber(number);
        switch (UTIL.isPossibleNumberWithReason(number)) {
            case IS_POSSIBLE -> { }
            case IS_POSSIBLE_LOCAL_ONLY -> {
                return new PhoneCheck.Invalid("missing area code: " + nsn.length() + " digits");
            }
            case INVALID_COUNTRY_CODE -> {
                return new PhoneCheck.Invalid("unknown country code +" + number.getCountryCode());
            }
            case TOO_SHORT, TOO_LONG, INVALID_LENGTH -> {
                // libphonenumber reads 1-199-555-2671 as country code 1 plus national prefix 1 plus 9 digits;
                // the user wrote a NANP number with a bad area code, and should be told so
                String written = nanpDefault ? writtenNanpNumber(s) : null;
                String nanpProblem = written == null ? null : NanpRules.problem(written);
                return new PhoneCheck.Invalid(nanpProblem != null ? nanpProblem
                        : "wrong length: " + nsn.length() + " digits");
            }
        }
        if (number.getCountryCode() == 1) {
            String nanpProblem = NanpRules.problem(nsn);
            if (nanpProblem != null) {
                return new PhoneCheck.Invalid(nanpProblem);
            }
        }
        // getNumberType is UNKNOWN exactly when isValidNumber is false; asking once saves a metadata pass
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            return new PhoneCheck.Invalid(invalidReason(number, nsn));
        }
        String typeProblem = typeProblem(type);
        if (typeProblem != null) {
            return new PhoneCheck.Invalid(typeProblem);
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        if (!isE164(e164)) {
            // libphonenumber's metadata allows a few national numbers too short for E.164's 7-digit minimum
            return new PhoneCheck.Invalid("wrong length: " + nsn.length() + " digits");
        }
        String region = UTIL.getRegionCodeForNumber(number);
        return new PhoneCheck.Valid(e164, region == null ? "ZZ" : region);
    }

    /**
     * The number of a value plainly written as a NANP number, {@code (415) 555-2671}, {@code 1-415-555-2671} or
     * {@code +1 415.555.2671}, built without libphonenumber's parser, which costs more than all the rest of a row;
     * null for anything else (extensions, letters, other countries), which takes the full parser. Only numbers
     * whose area code and exchange start with 2-9 are built, so that the two paths agree on every result.
     */
    private static PhoneNumber plainNanp(String s) {
        long national = 0;
        int digits = 0;
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 11) {
                    return null;
                }
                national = national * 10 + (c - '0');
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        if (digits == 11 && national / 10_000_000_000L == 1) {
            national -= 10_000_000_000L;
        } else if (digits != 10 || plus) {
            return null;
        }
        if (national / 1_000_000_000L < 2 || national / 1_000_000L % 10 < 2) {
            return null;
        }
        return new PhoneNumber().setCountryCode(1).setNationalNumber(national);
    }

    /**
     * The libphonenumber form of an E.164 number this class produced; NANP numbers are built directly because
     * {@code parse} would cost more than the lookup the caller wants the number for.
     *
     * @throws NumberParseException for a value that is not E.164
     */
    static PhoneNumber fromE164(String e164) throws NumberParseException {
        if (e164.length() == 12 && e164.startsWith("+1") && Text.isAsciiDigits(e164, 2, 12)) {
            return new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(e164, 2, 12, 10));
        }
        return UTIL.parse(e164, "ZZ");
    }

    /** {@code 911}, {@code 1-411}, {@code *611}: dialled service codes that people put in phone columns. */
    private static boolean isBareServiceCode(String s) {
        if (s.length() > 8) {
            return false;
        }
        StringBuilder digits = new StringBuilder(4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        if (digits.length() == 4 && digits.charAt(0) == '1') {
            digits.deleteCharAt(0);
        }
        return digits.length() == 3 && NanpRules.isN11(digits, 0);
    }

    /** The 10 digits of a value written as a NANP number without +: 10 digits, or 11 starting with 1; else null. */
    private static String writtenNanpNumber(String s) {
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' || Character.isLetterOrDigit(c)) {
                return null;
            }
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return digits.substring(1);
        }
        return digits.length() == 10 ? digits.toString() : null;
    }

    private static String parseFailure(NumberParseException e, String s) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN, TOO_LONG -> "wrong length: " + Text.countDigits(s) + " digits";
        };
    }

    private static String invalidReason(PhoneNumber number, String nsn) {
        if (number.getCountryCode() == 1) {
            return "not a valid number: unassigned area code or exchange (" + nsn.substring(0, 3) + "-"
                    + nsn.substring(3, 6) + ")";
        }
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return "001".equals(region) || "ZZ".equals(region)
                ? "not a valid number for country code +" + number.getCountryCode()
                : "not a valid number for " + region;
    }

    private static String typeProblem(PhoneNumberType type) {
        return switch (type) {
            case PREMIUM_RATE -> "premium-rate number";
            case SHARED_COST -> "not a callable or textable number (shared-cost)";
            case UAN -> "not a callable or textable number (UAN)";
            case VOICEMAIL -> "not a callable or textable number (voicemail-only)";
            case PAGER -> "not a callable or textable number (pager)";
            default -> null;
        };
    }

    /** The shape {@link Phone} insists on, checked without a regex because it runs for every value. */
    static boolean isE164(String s) {
        int n = s.length();
        return n >= 8 && n <= 16 && s.charAt(0) == '+' && s.charAt(1) != '0' && Text.isAsciiDigits(s, 1, n);
    }
}
