package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {
    private final PhoneNormalizer us = new PhoneNormalizer("US");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (415) 555-2671              | +14155552671 | US
            +1 415 555 2671             | +14155552671 | US
            415.555.2671                | +14155552671 | US
            415.555.2671 x12            | +14155552671 | US
            (415) 555-2671 ext. 12      | +14155552671 | US
            +1 (415) 555-2671;ext=12    | +14155552671 | US
            1-415-555-2671              | +14155552671 | US
            14155552671                 | +14155552671 | US
            4155552671                  | +14155552671 | US
            '  415 555 2671  '          | +14155552671 | US
            tel:+1-415-555-2671         | +14155552671 | US
            011 1 415 555 2671          | +14155552671 | US
            001 415 555 2671            | +14155552671 | US
            415 ５５５ 2671               | +14155552671 | US
            (415) 555-0200              | +14155550200 | US
            (212) 555-0099              | +12125550099 | US
            (415) 555-1234              | +14155551234 | US
            +44 20 7946 0958            | +442079460958 | GB
            0044 20 7946 0958           | +442079460958 | GB
            011 44 20 7946 0958         | +442079460958 | GB
            +33 1 23 45 67 89           | +33123456789 | FR
            0033 1 23 45 67 89          | +33123456789 | FR
            +49 30 123456               | +4930123456  | DE
            +61 2 1234 5678             | +61212345678 | AU
            +683 4002                   | +6834002     | NU
            1-800-FLOWERS               | +18003569377 | US
            1-800-356-9377              | +18003569377 | US
            (888) 234-5678              | +18882345678 | US
            (416) 234-5678              | +14162345678 | CA
            (787) 234-5678              | +17872345678 | PR
            +1 876 234 5678             | +18762345678 | JM
            +800 1234 5678              | +80012345678 | 001
            +1 500 234 5678             | +15002345678 | US
            """)
    void acceptsAndNormalizesToE164(String raw, String e164, String region) {
        assertThat(us.normalize(raw)).isEqualTo(new PhoneCheck.Valid(e164, region));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                        | empty
            ''                          | empty
            '   '                       | empty
            hello                       | not a phone number
            N/A                         | not a phone number
            -                           | not a phone number
            4155552671, 4155552672      | not a phone number
            +999 1234 5678              | unknown country code
            415 555 267                 | wrong length: 9 digits
            415 555 26711               | wrong length: 11 digits
            415 555 2671 1234 5678      | wrong length: 18 digits
            020 7946 0958               | wrong length: 11 digits
            44 20 7946 0958             | wrong length: 12 digits
            555-1234                    | missing area code: 7 digits
            555                         | wrong length: 3 digits
            (012) 555-2671              | invalid area code 012
            (112) 555-2671              | invalid area code 112
            1 (199) 555-2671            | invalid area code 199
            1 111 555 2671              | invalid area code 111
            1 (112) 555-2671            | invalid area code 112
            1 (012) 555-2671            | invalid area code 012
            (411) 555-2671              | N11 service code, not a phone number
            (911) 555-2671              | N11 service code, not a phone number
            (415) 011-2671              | invalid exchange 011
            (415) 111-2671              | invalid exchange 111
            (415) 411-2671              | invalid exchange 411 (N11 service code)
            (415) 911-2671              | invalid exchange 911 (N11 service code)
            (415) 211-2671              | invalid exchange 211 (N11 service code)
            911                         | N11 service code, not a phone number
            411                         | N11 service code, not a phone number
            1-411                       | N11 service code, not a phone number
            *611                        | N11 service code, not a phone number
            (415) 555-0100              | fictional number (555-01xx)
            (415) 555-0199              | fictional number (555-01xx)
            212.555.0150                | fictional number (555-01xx)
            +1 876 555 0123             | fictional number (555-01xx)
            1 800 555 0199              | fictional number (555-01xx)
            (415) 555-0100 x5           | fictional number (555-01xx)
            (415) 555-1212              | directory assistance (555-1212), not a subscriber number
            (900) 234-5678              | premium-rate number
            1-900-555-2671              | premium-rate number
            +44 871 234 5678            | premium-rate number
            +44 55 1234 5678            | not a callable or textable number (UAN)
            +1 456 234 5678             | not a valid number: unassigned area code or exchange (456-234)
            +1 555 234 5678             | not a valid number: unassigned area code or exchange (555-234)
            +44 7700 900123             | not a valid number for GB
            +882 1234 5678              | not a valid number for country code +882
            """)
    void rejectsWithAReasonUsersUnderstand(String raw, String reason) {
        assertThat(us.normalize(raw)).isEqualTo(new PhoneCheck.Invalid(reason));
    }

    @Test
    void libphonenumberHoldsFictionalAndN11ExchangesValidSoTheRulesMustBeOurs() {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        for (String n : new String[] {"+14155550100", "+14154112671", "+14155551212"}) {
            try {
                assertThat(util.isValidNumber(util.parse(n, "ZZ"))).as(n).isTrue();
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void readsNationalNumbersInTheDefaultRegion() {
        PhoneNormalizer gb = new PhoneNormalizer("gb");
        assertThat(gb.normalize("020 7946 0958")).isEqualTo(new PhoneCheck.Valid("+442079460958", "GB"));
        assertThat(gb.normalize("00 1 415 555 2671")).isEqualTo(new PhoneCheck.Valid("+14155552671", "US"));
        // N11 and the 00 rewrite are NANP rules: under GB, 911 is just too short
        assertThat(gb.normalize("911")).isEqualTo(new PhoneCheck.Invalid("wrong length: 3 digits"));
    }

    @Test
    void vanityLettersAreConvertedOnlyWhereLibphonenumberDoes() {
        assertThat(us.normalize("415-555-CALL")).isEqualTo(new PhoneCheck.Valid("+14155552255", "US"));
        assertThat(us.normalize("415 555 2671 abc")).isEqualTo(new PhoneCheck.Invalid("wrong length: 13 digits"));
    }

    @Test
    void rejectsRegionsLibphonenumberDoesNotKnow() {
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }
}
