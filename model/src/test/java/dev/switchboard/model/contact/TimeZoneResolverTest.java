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
        return Arrays.stream(spaceSeparated.split(" "))
                .map(z -> ZoneId.of(z.matches("(Pacific|Europe)/.*") ? z : "America/" + z))
                .toList();
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

    /** Expected zones are space-separated; America/ may be left out. */
    @ParameterizedTest(name = "zone={0} zip={1} state={2} country={3} phone={4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            America/Chicago | 33101      | FL        | US     | +14155552671  | EXPLICIT    | Chicago
            XYZ             | 33101      | FL        | US     | +14155552671  | POSTAL_CODE | New_York
            -               | 33101      | -         | -      | -             | POSTAL_CODE | New_York
            -               | 32501      | FL        | US     | -             | POSTAL_CODE | Chicago
            -               | 32401-1234 | -         | US     | -             | POSTAL_CODE | Chicago
            -               | 32456      | -         | US     | -             | POSTAL_CODE | New_York
            -               | 79901      | -         | US     | -             | POSTAL_CODE | Denver
            -               | 79830      | -         | US     | -             | POSTAL_CODE | Chicago Denver
            -               | 75201      | -         | US     | -             | POSTAL_CODE | Chicago
            -               | 2134       | -         | US     | -             | POSTAL_CODE | New_York
            -               | 46201      | -         | US     | -             | POSTAL_CODE | Indiana/Indianapolis
            -               | 46320      | -         | US     | -             | POSTAL_CODE | Chicago
            -               | 83814      | -         | US     | -             | POSTAL_CODE | Los_Angeles
            -               | 83702      | -         | US     | -             | POSTAL_CODE | Boise
            -               | 99546      | -         | US     | -             | POSTAL_CODE | Adak
            -               | 99501      | -         | US     | -             | POSTAL_CODE | Anchorage
            -               | 85001      | -         | US     | -             | POSTAL_CODE | Phoenix
            -               | 86515      | -         | US     | -             | POSTAL_CODE | Phoenix Denver
            -               | 00901      | -         | US     | -             | POSTAL_CODE | Puerto_Rico
            -               | 96910      | -         | US     | -             | POSTAL_CODE | Pacific/Guam
            -               | M5V 3L9    | -         | Canada | -             | POSTAL_CODE | Toronto
            -               | P7B 5E1    | -         | CA     | -             | POSTAL_CODE | Toronto Winnipeg
            -               | v6b1a1     | -         | -      | -             | POSTAL_CODE | Vancouver Edmonton \
            Dawson_Creek
            -               | -          | FL        | US     | +14155552671  | STATE       | New_York Chicago
            -               | -          | florida   | USA    | -             | STATE       | New_York Chicago
            -               | 1234       | FL        | -      | -             | STATE       | New_York Chicago
            -               | -          | IN        | US     | -             | STATE       | Indiana/Indianapolis \
            Chicago
            -               | -          | AZ        | US     | -             | STATE       | Phoenix
            -               | -          | hi        | US     | -             | STATE       | Pacific/Honolulu
            -               | -          | D.C.      | US     | -             | STATE       | New_York
            -               | -          | New York  | US     | -             | STATE       | New_York
            -               | -          | Quebec    | -      | -             | STATE       | Toronto Halifax
            -               | -          | AB        | CA     | -             | STATE       | Edmonton
            -               | -          | -         | PR     | -             | STATE       | Puerto_Rico
            -               | -          | -         | US     | +14155552671  | AREA_CODE   | Los_Angeles
            -               | -          | Atlantis  | US     | +14155552671  | AREA_CODE   | Los_Angeles
            -               | 33101      | FL        | GB     | +14155552671  | AREA_CODE   | Los_Angeles
            -               | 00000      | -         | US     | +13055551234  | AREA_CODE   | New_York
            -               | -          | -         | -      | +442079460958 | AREA_CODE   | Europe/London
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
        TimeZones tz = resolver.resolve(null, null, null, "US",
                phones("+13055551234", "+14155552671", "+12125550000"));
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
