package dev.switchboard.genesys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data for logs: phone numbers keep their last 4 digits, emails lose their local part. */
public final class LogMask {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

    private LogMask() {
    }

    /** {@code +13175551234} → {@code ********1234}; null stays null. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 4) {
            return "****";
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /** {@code jane.doe@example.com} → {@code ***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? "***" : "***" + email.substring(at);
    }

    /** Masks every email address and phone-like digit run in free text (error messages, URLs). */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll("***@$1");
        Matcher m = PHONE.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(phone(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
