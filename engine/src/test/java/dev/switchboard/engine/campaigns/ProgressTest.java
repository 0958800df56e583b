package dev.switchboard.engine.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.JurisdictionSource;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.contact.TimeZoneSource;
import dev.switchboard.model.contact.TimeZones;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.FailureReason;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.Signal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stored form of an enrollment's progress survives a write/read round trip; the contact's parts are fresh. */
class ProgressTest {
    private static final Instant NOW = Instant.parse("2030-03-05T15:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"));
    private static final Contact CONTACT = contact();

    private static Contact contact() {
        TreeMap<String, String> attrs = new TreeMap<>(Map.of("outage_area", "Manhattan"));
        return new Contact(77, 1, new ContactDraft("C-1", "Ava", "Doe", "ava@example.com", "ava@example.com",
                "10001", "NY", "US", List.of(new Phone("+12125550100", PhoneType.MOBILE, "+12125550100", "Mobile")),
                new TimeZones(ZONES, TimeZoneSource.POSTAL_CODE), new Jurisdiction("US", "NY",
                JurisdictionSource.ADDRESS), List.of(new Consent(Channel.SMS, true, NOW, "col")), attrs), NOW, NOW);
    }

    private static EnrollmentState state(Optional<String> step, Map<String, Integer> attempts,
                                         Map<String, Integer> counters, Optional<Signal.Result> last,
                                         Set<Outcome> events, Optional<Instant> due) {
        return new EnrollmentState("77", 2, step, attempts, counters, last, events, due, ZONES, Optional.empty(),
                CONTACT.data().attributes());
    }

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("empty", state(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Set.of(),
                        Optional.empty())),
                Arguments.of("step only", state(Optional.of("sms-1"), Map.of(), Map.of(), Optional.empty(), Set.of(),
                        Optional.empty())),
                Arguments.of("everything", state(Optional.of("email-2"), Map.of("sms-1", 2, "email-2", 1),
                        Map.of("touches", 3, "retries", 0), Optional.of(new Signal.Result(Outcome.FAILED,
                                Optional.of(FailureReason.CARRIER_REJECTED))), EnumSet.of(Outcome.DELIVERED,
                                Outcome.OPTED_OUT, Outcome.BOUNCED), Optional.of(NOW.plusSeconds(3600)))),
                Arguments.of("last without reason", state(Optional.of("wait"), Map.of("sms-1", 1), Map.of(),
                        Optional.of(new Signal.Result(Outcome.DELIVERED, Optional.empty())), Set.of(),
                        Optional.of(NOW))),
                Arguments.of("sub-second due", state(Optional.of("s"), Map.of(), Map.of(), Optional.empty(),
                        Set.of(Outcome.CONVERTED), Optional.of(Instant.parse("2030-03-05T15:00:00.123456789Z")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void writeThenReadGivesTheSameState(String label, EnrollmentState s) {
        String json = Progress.write(s);
        EnrollmentState back = Progress.read(json, CONTACT, 2, ZONES, Optional.empty());
        assertThat(back).isEqualTo(s);
        assertThat(Progress.write(back)).as("stable form").isEqualTo(json);
    }

    @Test
    void theEmptyStateIsWrittenAsTheInitialState() {
        EnrollmentState empty = state(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Set.of(),
                Optional.empty());
        assertThat(Progress.write(empty)).isEqualTo(Progress.INITIAL).isEqualTo("{}");
    }

    @Test
    void theInitialStateAndBlankOrNullReadAsNotStarted() {
        for (String json : new String[] {Progress.INITIAL, "", "   ", null}) {
            EnrollmentState s = Progress.read(json, CONTACT, 4, ZONES, Optional.of(Channel.EMAIL));
            assertThat(s.personId()).isEqualTo("77");
            assertThat(s.sequenceVersion()).isEqualTo(4);
            assertThat(s.currentStep()).isEmpty();
            assertThat(s.attempts()).isEmpty();
            assertThat(s.counters()).isEmpty();
            assertThat(s.lastOutcome()).isEmpty();
            assertThat(s.events()).isEmpty();
            assertThat(s.due()).isEmpty();
            assertThat(s.zones()).isEqualTo(ZONES);
            assertThat(s.preferredChannel()).contains(Channel.EMAIL);
            assertThat(s.attributes()).containsEntry("outage_area", "Manhattan");
        }
    }

    @Test
    void theContactsPartsAreNotStoredButReadFreshEachTime() {
        EnrollmentState s = state(Optional.of("sms-1"), Map.of("sms-1", 1), Map.of(), Optional.empty(), Set.of(),
                Optional.empty());
        String json = Progress.write(s);
        assertThat(json).doesNotContain("America/New_York", "Manhattan", "outage_area");
        List<ZoneId> corrected = List.of(ZoneId.of("America/Chicago"));
        EnrollmentState back = Progress.read(json, CONTACT, 2, corrected, Optional.empty());
        assertThat(back.zones()).isEqualTo(corrected);
        assertThat(back.currentStep()).contains("sms-1");
        assertThat(back.attempts()).containsExactlyEntriesOf(Map.of("sms-1", 1));
    }
}
