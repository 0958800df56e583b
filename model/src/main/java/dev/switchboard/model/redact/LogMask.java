package dev.switchboard.model.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction of Switchboard: what may be written to a log, shown in an error, or put in a bulk export.
 * Phone numbers keep their last 4 digits, emails lose their local part, credentials (Authorization headers, bearer
 * tokens, access tokens, client secrets, passwords, cookies, keys) are replaced, and line breaks are made visible so
 * that a value can never start a log line of its own (CWE-117). The logback converters
 * ({@link dev.switchboard.model.redact.logback.RedactingMessageConverter},
 * {@link dev.switchboard.model.redact.logback.RedactingThrowableConverter}) apply {@link #line} to every message,
 * argument and exception message; the command line applies it to the errors it prints.
 */
public final class LogMask {
    /** What replaces a credential. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    /** A run of digits and phone punctuation; whether it is a phone depends on its digit count (see below). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.-])\\+?\\d[\\d ().-]{5,}\\d(?![\\w])");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    /** Headers whose whole value is a credential: everything after the colon to the end of the line goes. */
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)\\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token)(\"?\\s*:\\s*)"
                    + "(\"[^\"]*\"|[^\\r\\n]*)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    /** {@code key=value}, {@code key: value}, {@code "key":"value"} for keys that name a credential. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([\"']?\\b(?:access_token|refresh_token|id_token|token|client_secret|secret|password|passwd|pwd"
                    + "|api[_-]?key|private[_-]?key|secret[_-]?key|session[_-]?id|jsessionid|sid)[\"']?)"
                    + "(\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&,;}\"']+)");
    /** Credentials in a URL's user info: {@code https://user:secret@host}. */
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@");
    /** A JSON web token anywhere. */
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    private LogMask() {
    }

    /** {@code +13175551234} → {@code *******1234}; null stays null. */
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

    /** An address of either kind: an email's local part goes, a phone keeps its last 4 digits. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        return address.contains("@") ? email(address) : phone(address);
    }

    /** Masks every email address and phone number in free text (error messages, URLs), and every credential. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String s = secrets(text);
        s = EMAIL.matcher(s).replaceAll("***@$1");
        return phones(s);
    }

    /** {@link #text} on one line: CR, LF and the other line separators become visible {@code \r}, {@code \n}. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        return oneLine(text(text));
    }

    /** Only the line breaks made visible (CWE-117), nothing masked. */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> " ";
                default -> null;
            };
            if (r != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Only the credentials replaced. */
    public static String secrets(String text) {
        if (text == null) {
            return null;
        }
        String s = SECRET_HEADER.matcher(text).replaceAll("$1$2" + REDACTED);
        s = BEARER.matcher(s).replaceAll("$1 " + REDACTED);
        s = SECRET_PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(3).equals(REDACTED) ? m.group() : m.group(1) + m.group(2) + REDACTED));
        s = URL_USERINFO.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "@");
        return JWT.matcher(s).replaceAll(Matcher.quoteReplacement(REDACTED));
    }

    /**
     * Phone numbers: a run with a leading {@code +} and 7 to 15 digits, or 10 to 15 digits without one (so dates,
     * times, counts and ids stay readable); an ISO date at the start of a run is kept and the rest looked at again.
     */
    private static String phones(String s) {
        Matcher m = PHONE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(maskRun(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskRun(String run) {
        Matcher date = ISO_DATE.matcher(run);
        if (date.find()) {
            String rest = run.substring(date.end());
            return run.substring(0, date.end()) + (rest.isEmpty() ? "" : phones(rest));
        }
        int digits = 0;
        for (int i = 0; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i))) {
                digits++;
            }
        }
        boolean plus = run.startsWith("+");
        if (digits > 15 || digits < (plus ? 7 : 10)) {
            return run;
        }
        return phone(run);
    }
}
