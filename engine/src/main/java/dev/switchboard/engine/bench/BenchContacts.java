package dev.switchboard.engine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A contact list for the engine benchmarks: the demo list's columns, N contacts with distinct valid New York mobile
 * numbers (area codes 212, 646, 718, 917, 347; exchanges 200-999 without N11 and 555), all in Eastern time, with SMS
 * consent, so that one SMS window applies to everyone.
 */
public final class BenchContacts {
    static final String HEADER = "external_id,first_name,last_name,mobile_phone,email,zip,state,sms_consent,"
            + "email_consent,voice_consent,consent_date,consent_source,appointment_time,location,amount_due,due_date,"
            + "payment_link,offer_code,outage_area,restore_eta,account_last4";
    private static final String[] AREAS = {"212", "646", "718", "917", "347"};
    private static final int[] EXCHANGES = exchanges();

    private BenchContacts() {
    }

    public static void write(Path csv, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < n; i++) {
                w.write("B-" + i + ",Pat" + i + ",Bench,(" + phone(i) + ",pat" + i + "@example.com,10001,NY,yes,no,no,"
                        + "2026-03-02,web form,,,,,,,Manhattan,6 pm," + String.format("%04d", i % 10_000) + "\n");
            }
        }
    }

    /** The i-th number as "(AAA) EEE-LLLL" without the opening parenthesis. */
    public static String phone(int i) {
        String area = AREAS[i % AREAS.length];
        int j = i / AREAS.length;
        int exchange = EXCHANGES[(j / 10_000) % EXCHANGES.length];
        return area + ") " + exchange + "-" + String.format("%04d", j % 10_000);
    }

    private static int[] exchanges() {
        return java.util.stream.IntStream.rangeClosed(200, 999)
                .filter(e -> e % 100 != 11 && e != 555 && e != 958 && e != 959 && e != 950 && e != 976)
                .toArray();
    }
}
