package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderMapperTest {

    private static List<String> headers(String semicolonSeparated) {
        return Arrays.asList(semicolonSeparated.split(";", -1));
    }

    /** {@code KEY FIRST_NAME PHONE:MOBILE …}, one word per column. */
    private static String describe(ColumnMapping mapping) {
        return mapping.columns().stream()
                .map(c -> c.field() == ContactField.PHONE ? "PHONE:" + c.phoneType() : c.field().name())
                .map(s -> s.equals("EXTERNAL_KEY") ? "KEY" : s)
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CRM_Lead_ID;First Name;Last Name;Mobile;Email          | KEY FIRST_NAME LAST_NAME PHONE:MOBILE EMAIL
            crm id;fname;lname;cell phone;E-mail                   | KEY FIRST_NAME LAST_NAME PHONE:MOBILE EMAIL
            Lead ID;Name;Phone;Email Address                       | KEY FULL_NAME PHONE:OTHER EMAIL
            Customer ID;given name;surname;Telephone;mobile_number | KEY FIRST_NAME LAST_NAME PHONE:OTHER PHONE:MOBILE
            External ID;Full Name;Home Phone;Work Phone;Cell       | KEY FULL_NAME PHONE:HOME PHONE:WORK PHONE:MOBILE
            Contact ID;Account Number;id;Phone Number              | KEY ATTRIBUTE ATTRIBUTE PHONE:OTHER
            id;Tel;Office Phone;Business Phone;Home                | KEY PHONE:OTHER PHONE:WORK PHONE:WORK PHONE:HOME
            Phone;Address;City;State;Zip;Country                   | PHONE:OTHER ADDRESS CITY STATE POSTAL_CODE COUNTRY
            phone;Street;Town;Province;Postal Code;country         | PHONE:OTHER ADDRESS CITY STATE POSTAL_CODE COUNTRY
            Mobile Phone;Address Line 1;Address Line 2;ST;Zip Code | PHONE:MOBILE ADDRESS ATTRIBUTE STATE POSTAL_CODE
            Phone;Region;Postcode;Time Zone                        | PHONE:OTHER STATE POSTAL_CODE TIME_ZONE
            Phone;Timezone;TZ                                      | PHONE:OTHER TIME_ZONE ATTRIBUTE
            Phone;SMS Consent;Consent Date;Consent Source          | PHONE:OTHER CONSENT_SMS CONSENT_DATE CONSENT_SOURCE
            Phone;Text Opt In;Voice Consent;Email Consent          | PHONE:OTHER CONSENT_SMS CONSENT_VOICE CONSENT_EMAIL
            Phone;Consent SMS;consent_voice;Consent-Email          | PHONE:OTHER CONSENT_SMS CONSENT_VOICE CONSENT_EMAIL
            Email;E-mail;Secondary Email                           | EMAIL ATTRIBUTE ATTRIBUTE
            Phone 1;Phone 2;Phone3;Mobile2                         | PHONE:OTHER PHONE:OTHER PHONE:OTHER PHONE:MOBILE
            First Name;First Name;Last Name;Last Name              | FIRST_NAME ATTRIBUTE LAST_NAME ATTRIBUTE
            Policy Number;Balance;Due Date;Agent;Phone             | ATTRIBUTE ATTRIBUTE ATTRIBUTE ATTRIBUTE PHONE:OTHER
            \uFEFFEmail; Phone ;;Notes;                            | EMAIL PHONE:OTHER IGNORE ATTRIBUTE IGNORE
            EMAIL.ADDRESS;CELL_PHONE;ZIP.CODE;STATE-PROVINCE       | EMAIL PHONE:MOBILE POSTAL_CODE STATE
            Account ID;Customer ID;Lead ID;Email                   | KEY ATTRIBUTE ATTRIBUTE EMAIL
            """)
    void autoMapsRealisticHeaderRows(String headerRow, String expected) {
        ColumnMapping mapping = HeaderMapper.autoMap(headers(headerRow));
        assertThat(describe(mapping)).isEqualTo(expected);
        assertThat(mapping.headers()).isEqualTo(headers(headerRow));
        assertThat(mapping.problems()).allSatisfy(p -> assertThat(p).doesNotContain("both mapped"));
    }

    @Test
    void autoMapOfNoHeadersIsEmpty() {
        assertThat(HeaderMapper.autoMap(List.of()).columns()).isEmpty();
    }

    @Test
    void specOverridesAndTheRestIsAutomatic() {
        List<String> headers = List.of("Acct", "Email", "Primary", "Cell", "Notes", "Junk");
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("Acct", "key");
        spec.put("primary", "phone:home");
        spec.put("Notes", "ATTRIBUTE");
        spec.put("Junk", "Ignore");
        assertThat(describe(HeaderMapper.fromSpec(headers, spec)))
                .isEqualTo("KEY EMAIL PHONE:HOME PHONE:MOBILE ATTRIBUTE IGNORE");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            key,              KEY
            id,               KEY
            EXTERNAL_KEY,     KEY
            external-key,     KEY
            first_name,       FIRST_NAME
            First Name,       FIRST_NAME
            last,             LAST_NAME
            name,             FULL_NAME
            email,            EMAIL
            phone,            PHONE:OTHER
            phone:mobile,     PHONE:MOBILE
            PHONE : Work,     PHONE:WORK
            phone_home,       PHONE:HOME
            mobile,           PHONE:MOBILE
            address,          ADDRESS
            city,             CITY
            state,            STATE
            province,         STATE
            zip,              POSTAL_CODE
            postal_code,      POSTAL_CODE
            country,          COUNTRY
            tz,               TIME_ZONE
            time_zone,        TIME_ZONE
            consent:sms,      CONSENT_SMS
            consent_voice,    CONSENT_VOICE
            email_consent,    CONSENT_EMAIL
            consent_date,     CONSENT_DATE
            consent_source,   CONSENT_SOURCE
            attribute,        ATTRIBUTE
            ignore,           IGNORE
            skip,             IGNORE
            """)
    void specAcceptsFieldNamesAndShortForms(String field, String expected) {
        ColumnMapping mapping = HeaderMapper.fromSpec(List.of("Col"), Map.of("Col", field));
        assertThat(describe(mapping)).isEqualTo(expected);
    }

    @Test
    void aSpecFieldTakesPrecedenceOverTheAutomaticColumnForIt() {
        List<String> headers = List.of("Email", "Work Email", "Lead ID", "CRM ID");
        ColumnMapping mapping = HeaderMapper.fromSpec(headers, Map.of("Work Email", "email", "CRM ID", "key"));
        assertThat(describe(mapping)).isEqualTo("ATTRIBUTE EMAIL ATTRIBUTE KEY");
    }

    @Test
    void unknownHeaderIsRejectedNamingItAndTheColumns() {
        assertThatThrownBy(() -> HeaderMapper.fromSpec(List.of("Phone", "Email"), Map.of("Mobile", "phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Mobile'")
                .hasMessageContaining("Phone, Email");
    }

    @Test
    void unknownFieldIsRejectedNamingItAndTheValidFields() {
        assertThatThrownBy(() -> HeaderMapper.fromSpec(List.of("Phone"), Map.of("Phone", "phone:fax")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'phone:fax'")
                .hasMessageContaining("'Phone'")
                .hasMessageContaining("phone:mobile")
                .hasMessageContaining("consent_sms");
    }

    @Test
    void bindingASingleFieldTwiceInTheSpecIsRejected() {
        assertThatThrownBy(() -> HeaderMapper.fromSpec(List.of("A", "B"), new LinkedHashMap<>(Map.of("A", "email",
                "B", "email"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'A'").hasMessageContaining("'B'").hasMessageContaining("Email");
    }

    @Test
    void severalSpecPhonesAreFine() {
        ColumnMapping mapping = HeaderMapper.fromSpec(List.of("A", "B"), Map.of("A", "phone", "B", "phone:mobile"));
        assertThat(describe(mapping)).isEqualTo("PHONE:OTHER PHONE:MOBILE");
    }
}
