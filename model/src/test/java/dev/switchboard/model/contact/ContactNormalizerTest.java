package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactNormalizerTest {
    private static final List<String> HEADERS = List.of("CRM_Lead_ID", "First Name", "Last Name", "Mobile",
            "Home Phone", "Email", "State", "Zip", "Country", "Time Zone", "SMS Consent", "Voice Consent",
            "Consent Date", "Consent Source", "Policy", "Address", "City", "Internal");

    private final ContactNormalizer withKey = new ContactNormalizer(
            HeaderMapper.fromSpec(HEADERS, Map.of("Internal", "ignore")), "US");
    private final ContactNormalizer withoutKey = new ContactNormalizer(
            HeaderMapper.autoMap(List.of("Full Name", "Phone", "Cell", "Email", "Notes")), "US");

    /** A row of {@link #HEADERS} from {@code name=value} pairs; unnamed columns are empty. */
    private static List<String> row(String... pairs) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(HEADERS.size(), ""));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            int index = HEADERS.indexOf(pair.substring(0, eq));
            assertThat(index).as(pair).isNotNegative();
            row.set(index, pair.substring(eq + 1));
        }
        return row;
    }

    private static ContactDraft accepted(RowResult result) {
        assertThat(result).as(shortIssues(result)).isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted) result).contact();
    }

    @Test
    void normalizesACompleteRow() {
        RowResult result = withKey.normalize(row("CRM_Lead_ID= L-1 ", "First Name=Ada", "Last Name=Lovelace",
                "Mobile=(415) 555-2671", "Home Phone=+1 305 555 1234 x9", "Email= Ada@Example.COM ", "State=fl",
                "Zip=32501", "Country=United States", "SMS Consent=yes", "Voice Consent=no",
                "Consent Date=2024-03-01", "Consent Source=web form 7", "Policy=P-99", "Address=1 Main St",
                "City=Pensacola", "Internal=secret"));
        ContactDraft c = accepted(result);
        assertThat(result.issues()).isEmpty();
        assertThat(c.externalKey()).isEqualTo("L-1");
        assertThat(c.firstName()).isEqualTo("Ada");
        assertThat(c.lastName()).isEqualTo("Lovelace");
        assertThat(c.phones()).containsExactly(
                new Phone("+14155552671", PhoneType.MOBILE, "(415) 555-2671", "Mobile"),
                new Phone("+13055551234", PhoneType.HOME, "+1 305 555 1234 x9", "Home Phone"));
        assertThat(c.email()).isEqualTo("Ada@example.com");
        assertThat(c.emailRaw()).isEqualTo(" Ada@Example.COM ");
        assertThat(c.addressRegion()).isEqualTo("FL");
        assertThat(c.postalCode()).isEqualTo("32501");
        assertThat(c.country()).isEqualTo("US");
        assertThat(c.timeZones()).isEqualTo(new TimeZones(List.of(ZoneId.of("America/Chicago")),
                TimeZoneSource.POSTAL_CODE));
        assertThat(c.jurisdiction()).isEqualTo(new Jurisdiction("US", "FL", JurisdictionSource.ADDRESS));
        Instant march1 = Instant.parse("2024-03-01T00:00:00Z");
        assertThat(c.consents()).containsExactly(
                new Consent(Channel.SMS, true, march1, "web form 7"),
                new Consent(Channel.VOICE, false, null, "web form 7"));
        assertThat(c.attributes()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(Map.of("Address", "1 Main St", "City", "Pensacola", "Policy", "P-99")));
    }

    /** Issues as {@code W column: reason} or {@code R column: reason}, joined by "; ". */
    private static String shortIssues(RowResult result) {
        return result.issues().stream()
                .map(i -> (i.severity() == RowIssue.Severity.WARNING ? "W " : "R ") + i.column() + ": " + i.reason())
                .collect(Collectors.joining("; "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad phone of two | Mobile=4155552671;Home Phone=hello  | W Home Phone: not a phone number
            bad email        | Mobile=4155552671;Email=bob@example | W Email: invalid domain: needs a dot, \
            as in example.com
            N11, email ok    | Mobile=911;Email=a@b.co             | W Mobile: N11 service code, not a phone number
            premium          | Home Phone=1-900-234-5678;Email=a@b.co | W Home Phone: premium-rate number
            no phone, email  | First Name=Ada                      | R null: no phone number or email address
            NULL not empty   | Mobile=NULL                         | R Mobile: not a phone number
            N/A not empty    | Email=N/A                           | R Email: not an email address: missing @
            fictional only   | Home Phone=(415) 555-0100           | R Home Phone: fictional number (555-01xx)
            unknown zone     | Mobile=4155552671;Time Zone=XYZ     | W Time Zone: unknown time zone 'XYZ'
            unknown country  | Mobile=4155552671;Country=Narnia    | W Country: unknown country 'Narnia'
            bad consent      | Mobile=4155552671;SMS Consent=maybe | W SMS Consent: not a consent value: \
            use yes/no, true/false, 1/0, opted in/opted out or a date
            bad consent date | Mobile=4155552671;SMS Consent=y;Consent Date=last week | \
            W Consent Date: not a date: use yyyy-MM-dd, M/d/yyyy or an ISO date-time
            """)
    void acceptsWithWarningsOrRejectsWithReasons(String description, String pairs, String expected) {
        List<String> fields = new ArrayList<>(List.of("CRM_Lead_ID=1"));
        fields.addAll(List.of(pairs.split(";")));
        RowResult result = withKey.normalize(row(fields.toArray(String[]::new)));
        assertThat(shortIssues(result)).isEqualTo(expected);
        assertThat(result).isInstanceOf(expected.startsWith("R ") ? RowResult.Rejected.class
                : RowResult.Accepted.class);
    }

    @Test
    void aRejectionListsEveryBadValue() {
        RowResult result = withKey.normalize(row("CRM_Lead_ID=1", "Mobile=555-0150", "Home Phone=(415) 555-0100",
                "Email=Bob <b@x.com>"));
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        assertThat(result.externalKey()).isEqualTo("1");
        assertThat(result.issues()).containsExactly(
                RowIssue.rejected("Mobile", "555-0150", "missing area code: 7 digits"),
                RowIssue.rejected("Home Phone", "(415) 555-0100", "fictional number (555-01xx)"),
                RowIssue.rejected("Email", "Bob <b@x.com>",
                        "a display name or angle brackets are not allowed: give the address alone"));
    }

    @Test
    void anEmptyKeyRejectsTheRowAlongsideOtherReasons() {
        assertThat(shortIssues(withKey.normalize(row("CRM_Lead_ID=  ", "Mobile=4155552671"))))
                .isEqualTo("R CRM_Lead_ID: empty external key (CRM_Lead_ID)");
        RowResult both = withKey.normalize(row("Email=x"));
        assertThat(shortIssues(both)).isEqualTo("R CRM_Lead_ID: empty external key (CRM_Lead_ID); "
                + "R Email: not an email address: missing @");
        assertThat(both.externalKey()).isNull();
    }

    @Test
    void aValueWithANulRejectsTheRowNamingTheColumn() {
        RowResult result = withKey.normalize(row("CRM_Lead_ID=7", "Mobile=4155552671", "Policy=ab\u0000c"));
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        assertThat(result.externalKey()).isEqualTo("7");
        assertThat(result.issues()).containsExactly(
                RowIssue.rejected("Policy", "ab\u2400c", "contains a NUL character"));
    }

    @Test
    void extraFieldsRejectOnlyWhenTheyHoldSomething() {
        List<String> extraEmpty = new ArrayList<>(row("CRM_Lead_ID=1", "Mobile=4155552671"));
        extraEmpty.addAll(List.of("", "  "));
        assertThat(withKey.normalize(extraEmpty)).isInstanceOf(RowResult.Accepted.class);

        List<String> extra = new ArrayList<>(row("CRM_Lead_ID=1", "Mobile=4155552671"));
        extra.addAll(List.of("", "stray"));
        assertThat(shortIssues(withKey.normalize(extra))).isEqualTo("R null: row has 20 fields, the header has 18");
    }

    @Test
    void missingTrailingFieldsAreEmpty() {
        ContactDraft c = accepted(withKey.normalize(List.of("9", "Ada", "", "4155552671")));
        assertThat(c.externalKey()).isEqualTo("9");
        assertThat(c.email()).isNull();
        assertThat(c.country()).isEqualTo("US");
    }

    @Test
    void overLongKeysAreRejected() {
        assertThat(withKey.normalize(row("CRM_Lead_ID=" + "k".repeat(200), "Mobile=4155552671")))
                .isInstanceOf(RowResult.Accepted.class);
        RowResult result = withKey.normalize(row("CRM_Lead_ID=" + "k".repeat(201), "Mobile=4155552671"));
        assertThat(shortIssues(result)).isEqualTo("R CRM_Lead_ID: external key longer than 200 characters (201)");
        assertThat(result.externalKey()).isNull();
    }

    @Test
    void withoutAKeyColumnTheKeyIsTheFirstPhoneElseTheEmail() {
        assertThat(accepted(withoutKey.normalize(List.of("Ada L", "bad", "(415) 555-2671", "Ada@X.com")))
                .externalKey()).isEqualTo("+14155552671");
        assertThat(accepted(withoutKey.normalize(List.of("Ada L", "", "", "Ada@X.COM"))).externalKey())
                .isEqualTo("ada@x.com");
        assertThat(withoutKey.normalize(List.of("Ada L", "", "", "")).externalKey()).isNull();
    }

    @Test
    void duplicateNumbersInARowAreKeptOnceFirstWins() {
        ContactDraft c = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Mobile=415-555-2671",
                "Home Phone=+1 (415) 555 2671")));
        assertThat(c.phones()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(PhoneType.MOBILE);
            assertThat(p.sourceColumn()).isEqualTo("Mobile");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Ada Lovelace          | Ada          | Lovelace
            Mary Ann Evans        | Mary Ann     | Evans
            Lovelace, Ada         | Ada          | Lovelace
            'King, Martin Luther' | Martin Luther | King
            'Martin Luther King, Jr.' | Martin Luther | 'King, Jr.'
            ' Madonna '           | Madonna      | NULL
            ''                    | NULL         | NULL
            """)
    void splitsTheFullNameAtTheLastSpace(String full, String first, String last) {
        ContactDraft c = accepted(withoutKey.normalize(List.of(full, "4155552671")));
        assertThat(c.firstName()).isEqualTo(first);
        assertThat(c.lastName()).isEqualTo(last);
    }

    @Test
    void overLongNamesAreDroppedWithAWarning() {
        RowResult result = withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671",
                "First Name=" + "n".repeat(201)));
        assertThat(accepted(result).firstName()).isNull();
        assertThat(shortIssues(result)).isEqualTo("W First Name: name longer than 200 characters (201)");
    }

    @ParameterizedTest(name = "{0} + date {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            yes                        | NULL          | true  | NULL
            Y                          | NULL          | true  | NULL
            TRUE                       | 2024-03-01    | true  | 2024-03-01T00:00:00Z
            1                          | 3/7/2024      | true  | 2024-03-07T00:00:00Z
            Opted In                   | NULL          | true  | NULL
            opted-in                   | NULL          | true  | NULL
            granted                    | NULL          | true  | NULL
            no                         | 2024-03-01    | false | NULL
            N                          | NULL          | false | NULL
            false                      | NULL          | false | NULL
            0                          | NULL          | false | NULL
            opted out                  | NULL          | false | NULL
            Revoked                    | NULL          | false | NULL
            2023-12-31                 | 2024-03-01    | true  | 2023-12-31T00:00:00Z
            12/31/2023                 | NULL          | true  | 2023-12-31T00:00:00Z
            2023-12-31T14:30           | NULL          | true  | 2023-12-31T14:30:00Z
            2023-12-31T14:30:15Z       | NULL          | true  | 2023-12-31T14:30:15Z
            2023-12-31T14:30:15.250Z   | NULL          | true  | 2023-12-31T14:30:15.250Z
            2023-12-31T09:30:00-05:00  | NULL          | true  | 2023-12-31T14:30:00Z
            2023-12-31 09:30:00+0100   | NULL          | true  | 2023-12-31T08:30:00Z
            yes                        | 2024-03-01T10:00:00+02:00 | true | 2024-03-01T08:00:00Z
            """)
    void readsConsentValues(String value, String date, boolean granted, String at) {
        List<String> pairs = new ArrayList<>(List.of("CRM_Lead_ID=1", "Mobile=4155552671", "SMS Consent=" + value));
        if (date != null) {
            pairs.add("Consent Date=" + date);
        }
        RowResult result = withKey.normalize(row(pairs.toArray(String[]::new)));
        assertThat(result.issues()).isEmpty();
        assertThat(accepted(result).consents()).containsExactly(new Consent(Channel.SMS, granted,
                at == null ? null : Instant.parse(at), "column SMS Consent"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            maybe
            2/30/2024
            2024-13-01
            2024-02-30
            31/12/2023
            2023-12-31T25:00
            yes please
            """)
    void unreadableConsentValuesWarnAndLeaveNoRecord(String value) {
        RowResult result = withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671", "Voice Consent=" + value));
        assertThat(accepted(result).consents()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RowIssue.Severity.WARNING);
            assertThat(i.column()).isEqualTo("Voice Consent");
            assertThat(i.value()).isEqualTo(value);
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL            | US
            US              | US
            usa             | US
            United States   | US
            U.S.A.          | US
            CA              | CA
            Canada          | CA
            GBR             | GB
            """)
    void countryDefaultsToTheListRegion(String country, String expected) {
        List<String> pairs = new ArrayList<>(List.of("CRM_Lead_ID=1", "Mobile=4155552671"));
        if (country != null) {
            pairs.add("Country=" + country);
        }
        RowResult result = withKey.normalize(row(pairs.toArray(String[]::new)));
        assertThat(result.issues()).isEmpty();
        assertThat(accepted(result).country()).isEqualTo(expected);
    }

    @Test
    void timeZonesAndJurisdictionFollowTheirPrecedence() {
        ContactDraft byState = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671",
                "State=Florida")));
        assertThat(byState.timeZones().flag()).isEqualTo("AMBIGUOUS");
        assertThat(byState.timeZones().source()).isEqualTo(TimeZoneSource.STATE);
        assertThat(byState.jurisdiction().code()).isEqualTo("US-FL");

        ContactDraft byPhone = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671",
                "Time Zone=Mars")));
        assertThat(byPhone.timeZones()).isEqualTo(new TimeZones(List.of(ZoneId.of("America/Los_Angeles")),
                TimeZoneSource.AREA_CODE));
        assertThat(byPhone.jurisdiction()).isEqualTo(new Jurisdiction("US", "CA", JurisdictionSource.AREA_CODE));

        ContactDraft explicit = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671", "State=FL",
                "Time Zone=Central")));
        assertThat(explicit.timeZones()).isEqualTo(new TimeZones(List.of(ZoneId.of("America/Chicago")),
                TimeZoneSource.EXPLICIT));

        ContactDraft emailOnly = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Email=a@b.co")));
        assertThat(emailOnly.timeZones()).isEqualTo(TimeZones.NONE);
        assertThat(emailOnly.jurisdiction()).isNull();
    }

    @Test
    void attributesSkipEmptyValuesAndIgnoredColumns() {
        ContactDraft c = accepted(withoutKey.normalize(List.of("", "4155552671", "", "", "  ")));
        assertThat(c.attributes()).isEmpty();
        ContactDraft withNotes = accepted(withoutKey.normalize(List.of("", "4155552671", "", "", "call after 5")));
        assertThat(withNotes.attributes()).containsExactly(Map.entry("Notes", "call after 5"));
        ContactDraft ignored = accepted(withKey.normalize(row("CRM_Lead_ID=1", "Mobile=4155552671",
                "Internal=secret")));
        assertThat(ignored.attributes()).isEmpty();
    }

    @Test
    void nullFieldsCountAsEmpty() {
        List<String> fields = Arrays.asList("Ada", null, "4155552671", null, null);
        assertThat(accepted(withoutKey.normalize(fields)).phones()).hasSize(1);
    }
}
