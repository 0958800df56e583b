package dev.switchboard.model.sequence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialerResultTest {

    @ParameterizedTest(name = "{0} [{1}] -> placed={2} {3} {4} dnc={5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // name                              | flags                       | placed | outcome    | reason              | dnc
            "Answered - Sale                     | RIGHT_PARTY_CONTACT BUSINESS_SUCCESS | true | ANSWERED | -            | false",
            "Answered - No Sale                  | RIGHT_PARTY_CONTACT         | true   | ANSWERED   | -                   | false",
            "No Answer                           | -                           | true   | NO_ANSWER  | -                   | false",
            "Busy                                | -                           | true   | BUSY       | -                   | false",
            "Answering Machine                   | -                           | true   | NO_ANSWER  | -                   | false",
            "Wrong Number                        | NUMBER_UNCALLABLE           | true   | FAILED     | INVALID_DESTINATION | false",
            "Do Not Call                         | CONTACT_UNCALLABLE          | true   | OPTED_OUT  | -                   | true",
            "ININ-OUTBOUND-DNC-SKIPPED           | -                           | false  | FAILED     | BLOCKED             | false",
            "ININ_OUTBOUND_DNC_SKIPPED           | -                           | false  | FAILED     | BLOCKED             | false",
            "ININ-OUTBOUND-ZONE-BLOCKED-SKIPPED  | -                           | false  | -          | -                   | false",
            "ININ-OUTBOUND-CONTACT-UNCALLABLE-SKIPPED | -                      | false  | -          | -                   | false",
            "ININ-OUTBOUND-MACHINE               | -                           | true   | NO_ANSWER  | -                   | false",
            "ININ-OUTBOUND-BUSY                  | -                           | true   | BUSY       | -                   | false",
            "ININ-OUTBOUND-SIT-UNCALLABLE        | -                           | true   | FAILED     | INVALID_DESTINATION | false",
            "ININ-OUTBOUND-FAX                   | -                           | true   | FAILED     | INVALID_DESTINATION | false",
            "Callback promised                   | RIGHT_PARTY_CONTACT         | true   | ANSWERED   | -                   | false",
            "Something else                      | -                           | true   | NO_ANSWER  | -                   | false",
            "-                                   | -                           | true   | NO_ANSWER  | -                   | false",
    })
    void mapsWrapupCodes(String name, String flags, boolean placed, Outcome outcome, FailureReason reason,
                         boolean dnc) {
        Set<String> f = flags == null ? Set.of() : Arrays.stream(flags.split(" ")).collect(Collectors.toSet());
        DialerResult r = DialerResult.of(name, f);
        assertEquals(placed, r.callPlaced(), "placed");
        assertEquals(Optional.ofNullable(outcome), r.outcome(), "outcome");
        assertEquals(Optional.ofNullable(reason), r.reason(), "reason");
        assertEquals(dnc, r.doNotCall(), "do not call");
        assertEquals(r.outcome().isPresent(), r.signal().isPresent());
    }
}
