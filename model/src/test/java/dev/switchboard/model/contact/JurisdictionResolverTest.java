package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JurisdictionResolverTest {
    private final JurisdictionResolver resolver = new JurisdictionResolver();

    private static List<Phone> phones(String... e164) {
        return Arrays.stream(e164).map(n -> new Phone(n, PhoneType.OTHER, n, "Phone")).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            +14155552671, US-CA
            +13055551234, US-FL
            +12125551234, US-NY
            +15125551234, US-TX
            +18605551234, US-CT
            +12025551234, US-DC
            +18505551234, US-FL
            +14055551234, US-OK
            +13125551234, US-IL
            +19075551234, US-AK
            +18085551234, US-HI
            +17872345678, US-PR
            +14162345678, CA-ON
            +16042345678, CA-BC
            +15142345678, CA-QC
            """)
    void areaCodeGivesTheState(String e164, String code) {
        assertThat(resolver.resolve(null, null, null, phones(e164)))
                .hasValueSatisfying(j -> {
                    assertThat(j.code()).isEqualTo(code);
                    assertThat(j.source()).isEqualTo(JurisdictionSource.AREA_CODE);
                });
    }

    @ParameterizedTest(name = "state={0} zip={1} country={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            FL              | NULL        | US            | US-FL
            fl              | NULL        | NULL          | US-FL
            Florida         | 10001       | US            | US-FL
            ' new jersey '  | NULL        | United States | US-NJ
            NULL            | 10001       | US            | US-NY
            NULL            | 33101-0001  | USA           | US-FL
            Atlantis        | 10001       | US            | US-NY
            ON              | NULL        | Canada        | CA-ON
            Ontario         | NULL        | NULL          | CA-ON
            NULL            | H2X 1Y4     | CA            | CA-QC
            NULL            | NULL        | Puerto Rico   | US-PR
            District of Columbia | NULL   | US            | US-DC
            D.C.            | NULL        | US            | US-DC
            N.Y.            | NULL        | NULL          | US-NY
            Québec          | NULL        | CA            | CA-QC
            """)
    void addressGivesTheState(String state, String zip, String country, String code) {
        assertThat(resolver.resolve(state, zip, country, phones("+14155552671")))
                .hasValueSatisfying(j -> {
                    assertThat(j.code()).isEqualTo(code);
                    assertThat(j.source()).isEqualTo(JurisdictionSource.ADDRESS);
                });
    }

    @Test
    void addressOutsideTheUsAndCanadaIsNotRead() {
        assertThat(resolver.resolve("FL", "33101", "GB", phones("+13055551234")))
                .hasValueSatisfying(j -> assertThat(j.source()).isEqualTo(JurisdictionSource.AREA_CODE));
        assertThat(resolver.resolve("FL", "33101", "GB", phones("+442079460958"))).isEmpty();
    }

    @Test
    void tollFreeNumbersHaveNoJurisdictionAndArePassedOver() {
        assertThat(resolver.resolve(null, null, "US", phones("+18003569377"))).isEmpty();
        assertThat(resolver.resolve(null, null, "US", phones("+18885551234", "+15005551234", "+13055551234")))
                .hasValueSatisfying(j -> assertThat(j.code()).isEqualTo("US-FL"));
    }

    @Test
    void nothingKnownIsEmpty() {
        assertThat(resolver.resolve(null, null, null, null)).isEmpty();
        assertThat(resolver.resolve("", "", "", List.of())).isEmpty();
        assertThat(resolver.resolve("Atlantis", "ABC", null, List.of())).isEmpty();
    }

    @Test
    void repeatedAreaCodesComeFromTheCacheWithTheSameAnswer() {
        for (int i = 0; i < 3; i++) {
            assertThat(resolver.resolve(null, null, null, phones("+1415555" + (1000 + i))))
                    .hasValueSatisfying(j -> assertThat(j.code()).isEqualTo("US-CA"));
        }
    }
}
