package dev.switchboard.model.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailCheckTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            bob@example.com,                      bob@example.com
            "  bob@example.com  ",                bob@example.com
            Bob.Smith@Example.COM,                Bob.Smith@example.com
            bob+tag@example.co.uk,                bob+tag@example.co.uk
            o'brien@example.ie,                   o'brien@example.ie
            user!#$%&'*+-/=?^_`{|}~@example.org,  user!#$%&'*+-/=?^_`{|}~@example.org
            a@b.co,                               a@b.co
            x@sub-domain.example.com,             x@sub-domain.example.com
            info@xn--bcher-kva.de,                info@xn--bcher-kva.de
            info@example.xn--p1ai,                info@example.xn--p1ai
            1234@123.example.com,                 1234@123.example.com
            """)
    void acceptsAndNormalizes(String raw, String normalized) {
        assertThat(EmailCheck.problem(raw)).isEmpty();
        assertThat(EmailCheck.isValid(raw)).isTrue();
        assertThat(EmailCheck.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                        | empty
            '  '                        | empty
            bob.example.com             | not an email address: missing @
            bob@@example.com            | not an email address: more than one @
            bob@x@example.com           | not an email address: more than one @
            Bob <bob@example.com>       | a display name or angle brackets are not allowed: give the address alone
            <bob@example.com>           | a display name or angle brackets are not allowed: give the address alone
            bob smith@example.com       | spaces are not allowed
            bob@exa mple.com            | spaces are not allowed
            @example.com                | nothing before the @
            .bob@example.com            | the part before the @ starts or ends with a dot
            bob.@example.com            | the part before the @ starts or ends with a dot
            bob..smith@example.com      | two dots in a row before the @
            "bob"@example.com           | invalid character '"' before the @
            bob(comment)@example.com    | invalid character '(' before the @
            jörg@example.com            | invalid character 'ö' before the @
            bob@                        | invalid domain: nothing after the @
            bob@example                 | invalid domain: needs a dot, as in example.com
            bob@example.com.            | invalid domain: ends with a dot
            bob@.example.com            | invalid domain: empty label
            bob@example..com            | invalid domain: empty label
            bob@-example.com            | invalid domain: a label starts or ends with a hyphen
            bob@example-.com            | invalid domain: a label starts or ends with a hyphen
            bob@exa_mple.com            | invalid domain: character '_' is not allowed
            bob@[192.168.0.1]           | invalid domain: character '[' is not allowed
            bob@192.168.0.1             | invalid domain: '1' is not a top-level domain
            bob@example.c               | invalid domain: 'c' is not a top-level domain
            bob@example.c0m             | invalid domain: 'c0m' is not a top-level domain
            bob@bücher.de            | invalid domain: non-ASCII characters (write an international domain as xn--…)
            """)
    void rejectsWithAReason(String raw, String reason) {
        assertThat(EmailCheck.problem(raw)).contains(reason);
    }

    @Test
    void enforcesTheRfc5321Lengths() {
        String local64 = "a".repeat(64);
        assertThat(EmailCheck.problem(local64 + "@example.com")).isEmpty();
        assertThat(EmailCheck.problem("a" + local64 + "@example.com"))
                .contains("the part before the @ is longer than 64 characters");
        String label63 = "d".repeat(63);
        assertThat(EmailCheck.problem("bob@" + label63 + ".com")).isEmpty();
        assertThat(EmailCheck.problem("bob@d" + label63 + ".com"))
                .contains("invalid domain: a label is longer than 63 characters");
        String domain = (label63 + ".").repeat(3) + "d".repeat(55) + ".com";     // 251 characters
        assertThat(EmailCheck.problem("bo@" + domain)).as("254 characters").isEmpty();
        assertThat(EmailCheck.problem("bob@" + domain)).contains("too long: 255 characters (at most 254)");
    }

    @Test
    void normalizeKeepsTheLocalPartAndLowerCasesTheDomain() {
        assertThat(EmailCheck.normalize(" MixedCase@MAIL.Example.ORG\t")).isEqualTo("MixedCase@mail.example.org");
        assertThat(EmailCheck.normalize("no-at-sign ")).isEqualTo("no-at-sign");
    }
}
