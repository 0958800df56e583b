package dev.switchboard.model.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognizes variable names that look like sensitive personal data. Short abbreviations (ssn, cc, pin, dob …)
 * must be a whole word of the name ({@code shipping} is not a PIN); longer terms may appear anywhere once
 * separators are removed ({@code CardNumber}, {@code card_no}, {@code date-of-birth}).
 */
final class PiiNames {
    private static final List<String[]> WORDS = List.of(
            new String[] {"ssn", "a Social Security number"}, new String[] {"sin", "a social insurance number"},
            new String[] {"tin", "a taxpayer id"}, new String[] {"ein", "a taxpayer id"},
            new String[] {"cc", "a card number"}, new String[] {"ccn", "a card number"},
            new String[] {"pan", "a card number"}, new String[] {"cvv", "a card security code"},
            new String[] {"cvc", "a card security code"}, new String[] {"cvv2", "a card security code"},
            new String[] {"pin", "a PIN"}, new String[] {"dob", "a date of birth"},
            new String[] {"pwd", "a password"}, new String[] {"iban", "a bank account number"});
    private static final List<String[]> TERMS = List.of(
            new String[] {"socialsecurity", "a Social Security number"},
            new String[] {"cardnumber", "a card number"}, new String[] {"cardno", "a card number"},
            new String[] {"creditcard", "a card number"}, new String[] {"debitcard", "a card number"},
            new String[] {"securitycode", "a card security code"}, new String[] {"expiry", "a card expiry date"},
            new String[] {"dateofbirth", "a date of birth"}, new String[] {"birthdate", "a date of birth"},
            new String[] {"birthday", "a date of birth"}, new String[] {"password", "a password"},
            new String[] {"passwd", "a password"}, new String[] {"passcode", "a password"},
            new String[] {"accountnumber", "an account number"}, new String[] {"accountno", "an account number"},
            new String[] {"acctnumber", "an account number"}, new String[] {"acctno", "an account number"},
            new String[] {"routingnumber", "a bank routing number"}, new String[] {"taxid", "a taxpayer id"},
            new String[] {"driverslicense", "a driver's license number"},
            new String[] {"driverlicense", "a driver's license number"},
            new String[] {"passport", "a passport number"}, new String[] {"medicalrecord", "health data"},
            new String[] {"diagnosis", "health data"});

    private PiiNames() {
    }

    /** What the name looks like, if it looks like sensitive personal data. */
    static Optional<String> classify(String variable) {
        List<String> words = words(variable);
        for (String[] w : WORDS) {
            if (words.contains(w[0])) {
                return Optional.of(w[1]);
            }
        }
        String joined = String.join("", words);
        for (String[] t : TERMS) {
            if (joined.contains(t[0])) {
                return Optional.of(t[1]);
            }
        }
        return Optional.empty();
    }

    /** Splits on separators and lower-to-upper camel-case boundaries, lower-cased. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
        List<String> out = new ArrayList<>();
        for (String w : spaced.strip().split(" ")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
