package dev.switchboard.engine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic contact list CSV: US numbers from real area codes, a mix of phone columns, emails, states and
 * ZIP codes, attributes, and a small share of bad rows (fictional, premium-rate and too-short numbers with no email).
 * Deterministic for a seed.
 */
public final class ListFileGenerator {
    static final String HEADER = "CRM_Lead_ID,First Name,Last Name,Mobile,Home Phone,Email,State,Zip,Segment,Balance";
    private static final String[][] AREAS = {
            {"212", "NY", "10001"}, {"415", "CA", "94103"}, {"305", "FL", "33101"}, {"512", "TX", "78701"},
            {"312", "IL", "60601"}, {"617", "MA", "02108"}, {"206", "WA", "98101"}, {"404", "GA", "30303"},
            {"602", "AZ", "85001"}, {"303", "CO", "80202"}, {"860", "CT", "06103"}, {"504", "LA", "70112"},
            {"850", "FL", "32501"}, {"915", "TX", "79901"}, {"702", "NV", "89101"}, {"808", "HI", "96813"}};
    private static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dmitri", "Eve", "Farah", "Guo", "Hana", "Ivan",
            "José", "Kai", "Lena", "Mateo", "Nia", "Omar", "Priya"};
    private static final String[] LAST = {"Smith", "García", "Nguyen", "O'Brien", "Kowalski", "Müller", "Patel",
            "Johnson", "Lee", "Brown", "Rossi", "Dubois"};
    private static final String[] SEGMENTS = {"gold", "silver", "bronze", "new"};

    private ListFileGenerator() {
    }

    /** Writes {@code rows} data rows; about 2% of them are bad. */
    public static void write(Path file, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 1; i <= rows; i++) {
                sb.setLength(0);
                String[] area = AREAS[rnd.nextInt(AREAS.length)];
                String first = FIRST[rnd.nextInt(FIRST.length)];
                String last = LAST[rnd.nextInt(LAST.length)];
                boolean bad = rnd.nextInt(50) == 0;
                sb.append("L-").append(i).append(',').append(first).append(',');
                sb.append(last.contains("'") ? last : last).append(',');
                if (bad) {
                    sb.append(switch (rnd.nextInt(3)) {
                        case 0 -> "(" + area[0] + ") 555-01" + two(rnd);
                        case 1 -> "1-900-" + three(rnd) + "-" + four(rnd);
                        default -> "555-12";
                    }).append(",,,");
                } else {
                    sb.append('(').append(area[0]).append(") ").append(three(rnd)).append('-').append(four(rnd));
                    sb.append(',');
                    if (rnd.nextBoolean()) {
                        sb.append("+1 ").append(area[0]).append(' ').append(three(rnd)).append(' ').append(four(rnd));
                    }
                    sb.append(',');
                    if (rnd.nextInt(4) != 0) {
                        sb.append(ascii(first)).append('.').append(ascii(last)).append(i).append("@example.com");
                    }
                    sb.append(',');
                }
                sb.append(area[1]).append(',').append(area[2]).append(',')
                        .append(SEGMENTS[rnd.nextInt(SEGMENTS.length)]).append(',')
                        .append(rnd.nextInt(100_000) / 100.0).append("\r\n");
                w.write(sb.toString());
            }
        }
    }

    private static String ascii(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** An exchange code 200-999 that is neither N11 nor 555. */
    private static String three(Random rnd) {
        while (true) {
            int n = 200 + rnd.nextInt(800);
            if (n % 100 != 11 && n != 555) {
                return Integer.toString(n);
            }
        }
    }

    private static String four(Random rnd) {
        return String.format("%04d", rnd.nextInt(10_000));
    }

    private static String two(Random rnd) {
        return String.format("%02d", rnd.nextInt(100));
    }
}
