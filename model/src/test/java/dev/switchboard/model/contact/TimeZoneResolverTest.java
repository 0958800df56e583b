package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZoneResolverTest {
    private final TimeZoneResolver resolver = new TimeZoneResolver();

    private static List<Phone> phones(String... e164) {
        return Arrays.stream(e164).map(n -> new Phone(n, PhoneType.OTHER, n, "Phone")).toList();
    }

    private static List<ZoneId> zones(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).map(ZoneId::of).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            America/Chicago               | America/Chicago
            america/chicago               | America/Chicago
            ' Europe/London '             | Europe/London
            US/Eastern                    | America/New_York
            EST                           | America/New_York
            EDT                           | America/New_York
            ET                            | America/New_York
            Eastern                       | America/New_York
            eastern time                  | America/New_York
            Eastern Standard Time         | America/New_York
            Eastern Time (US & Canada)    | America/New_York
            CST                           | America/Chicago
            Central                       | America/Chicago
            Central Daylight Time         | America/Chicago
            MST                           | America/Denver
            Mountain                      | America/Denver
            Mountain Time (US & Canada)   | America/Denver
            Arizona                       | America/Phoenix
            US Mountain Standard Time     | America/Phoenix
            PST                           | America/Los_Angeles
            pacific                       | America/Los_Angeles
            AKST                          | America/Anchorage
            Alaska                        | America/Anchorage
            Alaskan Standard Time         | America/Anchorage
            HST                           | Pacific/Honolulu
            Hawaii                        | Pacific/Honolulu
            Hawaiian Standard Time        | Pacific/Honolulu
            Indiana (East)                | America/Indiana/Indianapolis
            """)
    void readsExplicitZones(String value, String zone) {
        assertThat(resolver.parseExplicit(value)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", textBlock = """
            NULL
            ''
            XYZ
            UTC-5
            GMT-05:00
            Etc/GMT+5
            Mars/Olympus_Mons
            Eastern Europe
            """)
    void unknownExplicitValuesReadAsNothing(String value) {
        assertThat(resolver.parseExplicit(value)).isEmpty();
    }

    @ParameterizedTest(name = "zone={0} zip={1} state={2} country={3} phone={4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            America/Chicago | 33101      | FL                | US      | +14155552671 | EXPLICIT    | America/Chicago
            XYZ             | 33101      | FL                | US      | +14155552671 | POSTAL_CODE | America/New_York
            NULL            | 33101      | NULL              | NULL    | NULL         | POSTAL_CODE | America/New_York
            NULL            | 32501      | FL                | US      | NULL         | POSTAL_CODE | America/Chicago
            NULL            | 32401-1234 | NULL              | US      | NULL         | POSTAL_CODE | America/Chicago
            NULL            | 32456      | NULL              | US      | NULL         | POSTAL_CODE | America/New_York
            NULL            | 79901      | NULL              | US      | NULL         | POSTAL_CODE | America/Denver
            NULL            | 79830      | NULL              | US      | NULL         | POSTAL_CODE | America/Chicago America/Denver
            NULL            | 75201      | NULL              | US      | NULL         | POSTAL_CODE | America/Chicago
            NULL            | 2134       | NULL              | US      | NULL         | POSTAL_CODE | America/New_York
            NULL            | 46201      | NULL              | US      | NULL         | POSTAL_CODE | America/Indiana/Indianapolis
            NULL            | 46320      | NULL              | US      | NULL         | POSTAL_CODE | America/Chicago
            NULL            | 83814      | NULL              | US      | NULL         | POSTAL_CODE | America/Los_Angeles
            NULL            | 83702      | NULL              | US      | NULL         | POSTAL_CODE | America/Boise
            NULL            | 99546      | NULL              | US      | NULL         | POSTAL_CODE | America/Adak
            NULL            | 99501      | NULL              | US      | NULL         | POSTAL_CODE | America/Anchorage
            NULL            | 85001      | NULL              | US      | NULL         | POSTAL_CODE | America/Phoenix
            NULL            | 86515      | NULL              | US      | NULL         | POSTAL_CODE | America/Phoenix America/Denver
            NULL            | 00901      | NULL              | US      | NULL         | POSTAL_CODE | America/Puerto_Rico
            NULL            | 96910      | NULL              | US      | NULL         | POSTAL_CODE | Pacific/Guam
            NULL            | M5V 3L9    | NULL              | Canada  | NULL         | POSTAL_CODE | America/Toronto
            NULL            | P7B 5E1    | NULL              | CA      | NULL         | POSTAL_CODE | America/Toronto America/Winnipeg
            NULL            | v6b1a1     | NULL              | NULL    | NULL         | POSTAL_CODE | America/Vancouver America/Edmonton America/Dawson_Creek
            NULL            | NULL       | FL                | US      | +14155552671 | STATE       | America/New_York America/Chicago
            NULL            | NULL       | florida           | USA     | NULL         | STATE       | America/New_York America/Chicago
            NULL            | 1234       | FL                | NULL    | NULL         | STATE       | America/New_York America/Chicago
            NULL            | NULL       | IN                | US      | NULL         | STATE       | America/Indiana/Indianapolis America/Chicago
            NULL            | NULL       | AZ                | US      | NULL         | STATE       | America/Phoenix
            NULL            | NULL       | hi                | US      | NULL         | STATE       | Pacific/Honolulu
            NULL            | NULL       | Washington D.C.   | US      | NULL         | STATE       | America/New_York
            NULL            | NULL       | New York          | US      | NULL         | STATE       | America/New_York
            NULL            | NULL       | Quebec            | NULL    | NULL         | STATE       | America/Toronto America/Halifax
            NULL            | NULL       | AB                | CA      | NULL         | STATE       | America/Edmonton
            NULL            | NULL       | NULL              | PR      | NULL         | STATE       | America/Puerto_Rico
            NULL            | NULL       | NULL              | US      | +14155552671 | AREA_CODE   | America/Los_Angeles
            NULL            | NULL       | Atlantis          | US      | +14155552671 | AREA_CODE   | America/Los_Angeles
            NULL            | 33101      | FL                | GB      | +14155552671 | AREA_CODE   | America/Los_Angeles
            NULL            | 00000      | NULL              | US      | +13055551234 | AREA_CODE   | America/New_York
            NULL            | NULL       | NULL              | NULL    | +442079460958 | AREA_CODE  | Europe/London
            """)
    void resolvesByPrecedence(String explicit, String zip, String state, String country, String phone,
                              TimeZoneSource source, String expected) {
        TimeZones tz = resolver.resolve(explicit, zip, state, country, phone == null ? List.of() : phones(phone));
        assertThat(tz.source()).isEqualTo(source);
        assertThat(tz.candidates()).containsExactlyElementsOf(zones(expected));
    }

    @Test
    void floridaIsAmbiguousAndExplicitWins() {
        TimeZones fl = resolver.resolve(null, null, "FL", "US", List.of());
        assertThat(fl.flag()).isEqualTo("AMBIGUOUS");
        TimeZones explicit = resolver.resolve("America/Chicago", null, "FL", "US", List.of());
        assertThat(explicit.flag()).isNull();
        assertThat(explicit.source()).isEqualTo(TimeZoneSource.EXPLICIT);
    }

    @Test
    void nothingKnownIsNoneAndMissing() {
        TimeZones none = resolver.resolve(null, null, null, null, null);
        assertThat(none).isEqualTo(TimeZones.NONE);
        assertThat(none.flag()).isEqualTo("MISSING");
        assertThat(resolver.resolve("", " ", "", "", List.of())).isEqualTo(TimeZones.NONE);
    }

    @Test
    void areaCodesOfAllPhonesAreUnitedInPhoneOrder() {
        TimeZones tz = resolver.resolve(null, null, null, "US", phones("+13055551234", "+14155552671", "+12125550000"));
        assertThat(tz.candidates()).containsExactly(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"));
        assertThat(tz.source()).isEqualTo(TimeZoneSource.AREA_CODE);
    }

    @Test
    void aTollFreeNumberGivesEveryNanpZoneLibphonenumberLists() {
        TimeZones tz = resolver.resolve(null, null, null, "US", phones("+18003569377"));
        assertThat(tz.candidates()).hasSizeGreaterThan(20).contains(ZoneId.of("Pacific/Honolulu"))
                .doesNotHaveDuplicates();
        assertThat(tz.candidates().stream().map(ZoneId::getId)).doesNotContain("Etc/Unknown");
    }

    @Test
    void aNumberWithoutZoneDataGivesNone() {
        assertThat(resolver.resolve(null, null, null, null, phones("+80012345678"))).isEqualTo(TimeZones.NONE);
    }
}
