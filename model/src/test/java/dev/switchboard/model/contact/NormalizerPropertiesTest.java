package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants over seeded random input. A failure names its seed; rerun one seed by putting it in the
 * {@code @ValueSource}.
 */
class NormalizerPropertiesTest {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final String[] SEPARATORS = {"", " ", "-", ".", "/", " - ", "(", ")", "  ", "\t"};
    private static final String[] PREFIXES = {"", "+", "+1 ", "1-", "1 ", "00", "011 ", "+44 ", "0044 ", "+49",
            "tel:"};
    private static final String[] SUFFIXES = {"", " x12", " ext. 5", ";ext=9", " #3", " abc", "!", " call after 5"};
    private static final String[] WORDS = {"yes", "no", "N/A", "NULL", "opted in", "2024-02-29", "13/45/2020",
            "2023-12-31T23:59:59+14:00", "FL", "Florida", "Ontario", "America/Chicago", "EST", "Mars", "33101",
            "32501-1234", "K1A 0B1", "USA", "Canada", "Narnia", "a@b.co", "Bob <bob@x.com>", "x@y", "@", "911",
            "1-800-FLOWERS", "(415) 555-0100", "\u0000", "\uFEFF", "ｔｅｓｔ", "٤١٥٥٥٥٢٦٧١", "\"", "'", ",", ""};
    private static final List<String> HEADER_POOL = List.of("CRM_Lead_ID", "First Name", "Last Name", "Name",
            "Phone", "Mobile", "Home Phone", "Work Phone", "Email", "State", "Zip", "Country", "Time Zone",
            "SMS Consent", "Voice Consent", "Email Consent", "Consent Date", "Consent Source", "Address", "City",
            "Notes", "", "Policy");

    private final PhoneNormalizer us = new PhoneNormalizer("US");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20260101L, 0xC0FFEEL, -7L})
    void phoneNormalizerNeverThrowsAndItsE164IsStable(long seed) {
        Random random = new Random(seed);
        int valid = 0;
        for (int i = 0; i < 3_000; i++) {
            String raw = phoneLike(random);
            PhoneCheck check = normalize(us, raw, seed);
            if (check instanceof PhoneCheck.Valid v) {
                valid++;
                assertThat(v.e164()).as("seed %d, value '%s'", seed, raw).matches(E164);
                assertThat(normalize(us, v.e164(), seed)).as("seed %d, value '%s' renormalized", seed, raw)
                        .isEqualTo(v);
            } else {
                String reason = ((PhoneCheck.Invalid) check).reason();
                assertThat(reason).as("seed %d, value '%s'", seed, raw).isNotBlank().doesNotEndWith(".");
                assertThat(Character.isUpperCase(reason.charAt(0)) && !reason.startsWith("N11"))
                        .as("seed %d, reason '%s' starts lower-case", seed, reason).isFalse();
            }
        }
        // the generator is meant to produce a fair share of real numbers; if not, the test proves little
        assertThat(valid).as("seed %d: valid numbers generated", seed).isGreaterThan(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 99L, 777L})
    void plainNanpFastPathAgreesWithLibphonenumbersParser(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 3_000; i++) {
            String raw = pick(random, new String[] {"", "1", "1-", "+1 ", "+1"}) + nanp(random);
            // an extension keeps a value off the fast path without changing what the number is
            PhoneCheck fast = normalize(us, raw, seed);
            PhoneCheck parsed = normalize(us, raw + " ext. 1", seed);
            if (fast instanceof PhoneCheck.Valid || parsed instanceof PhoneCheck.Valid) {
                assertThat(fast).as("seed %d, value '%s'", seed, raw).isEqualTo(parsed);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20260101L, 0xC0FFEEL, -7L})
    void contactNormalizerNeverThrowsAndAcceptedRowsCanBeReached(long seed) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int m = 0; m < 20; m++) {
            List<String> headers = new ArrayList<>();
            int width = 1 + random.nextInt(10);
            for (int c = 0; c < width; c++) {
                headers.add(HEADER_POOL.get(random.nextInt(HEADER_POOL.size())));
            }
            ContactNormalizer normalizer = new ContactNormalizer(HeaderMapper.autoMap(headers),
                    random.nextInt(4) == 0 ? "CA" : "US");
            for (int r = 0; r < 200; r++) {
                List<String> fields = new ArrayList<>();
                int n = Math.max(0, width - 2 + random.nextInt(5));
                for (int c = 0; c < n; c++) {
                    fields.add(value(random));
                }
                RowResult result;
                try {
                    result = normalizer.normalize(fields);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", headers " + headers + ", row " + fields, e);
                }
                if (result instanceof RowResult.Accepted a) {
                    accepted++;
                    assertThat(!a.contact().phones().isEmpty() || a.contact().email() != null)
                            .as("seed %d, headers %s, row %s: a phone or an email", seed, headers, fields).isTrue();
                    assertThat(a.contact().phones()).extracting(Phone::e164).doesNotHaveDuplicates();
                }
            }
        }
        assertThat(accepted).as("seed %d: accepted rows generated", seed).isGreaterThan(100);
    }

    private static PhoneCheck normalize(PhoneNormalizer normalizer, String raw, long seed) {
        try {
            return normalizer.normalize(raw);
        } catch (RuntimeException e) {
            return fail("seed " + seed + ", value '" + raw + "' threw", e);
        }
    }

    private static String phoneLike(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> garbage(random, 1 + random.nextInt(30));
            case 1 -> digits(random, 1 + random.nextInt(20));
            case 2, 3 -> pick(random, PREFIXES) + nanp(random) + pick(random, SUFFIXES);
            case 4 -> "+" + (1 + random.nextInt(999)) + pick(random, SEPARATORS)
                    + digits(random, 4 + random.nextInt(10));
            default -> pick(random, WORDS);
        };
    }

    /** A NANP-shaped number with random separators; about half have a plausible area code and exchange. */
    private static String nanp(Random random) {
        String npa = random.nextBoolean() ? pick(random, new String[] {"415", "212", "305", "512", "800", "900", "416"})
                : digits(random, 3);
        String nxx = random.nextBoolean() ? String.valueOf(200 + random.nextInt(800)) : digits(random, 3);
        String sep = pick(random, SEPARATORS);
        String open = sep.equals("(") ? "(" : "";
        return open + npa + (open.isEmpty() ? sep : ") ") + nxx + sep + digits(random, 4);
    }

    private static String value(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> garbage(random, random.nextInt(12));
            case 1 -> pick(random, PREFIXES) + nanp(random);
            case 2 -> "user" + random.nextInt(100) + pick(random, new String[] {"@example.com", "@x", "@EXAMPLE.org ",
                    "", "@@a.b", "@xn--p1ai.ru"});
            default -> pick(random, WORDS);
        };
    }

    private static String garbage(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            sb.append(kind < 6 ? (char) (32 + random.nextInt(95)) : kind < 8 ? (char) ('0' + random.nextInt(10))
                    : (char) random.nextInt(0x3000));
        }
        return sb.toString();
    }

    private static String digits(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
