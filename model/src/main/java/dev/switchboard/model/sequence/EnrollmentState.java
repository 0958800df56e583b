package dev.switchboard.model.sequence;

import dev.switchboard.model.contact.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where one contact is in one sequence version.
 *
 * @param currentStep  empty before {@link Signal.Start}
 * @param attempts     attempts made per touch id, over the whole enrollment
 * @param counters     passes per COUNTER branch id
 * @param events       events reported during the enrollment (EVENT branches test these)
 * @param zones        the contact's candidate zones; "until local time" waits until that time has come in all of them
 * @param attributes   the contact's attributes (ATTRIBUTE branches test these)
 */
public record EnrollmentState(String personId, int sequenceVersion, Optional<String> currentStep,
        Map<String, Integer> attempts, Map<String, Integer> counters, Optional<Signal.Result> lastOutcome,
        Set<Outcome> events, Optional<Instant> due, List<ZoneId> zones, Optional<Channel> preferredChannel,
        Map<String, String> attributes) {
    public EnrollmentState {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(currentStep, "currentStep");
        attempts = Map.copyOf(attempts);
        counters = Map.copyOf(counters);
        Objects.requireNonNull(lastOutcome, "lastOutcome");
        events = Set.copyOf(events);
        Objects.requireNonNull(due, "due");
        zones = List.copyOf(zones);
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        attributes = Map.copyOf(attributes);
    }

    /** A new enrollment, not yet started. */
    public static EnrollmentState start(String personId, int sequenceVersion, List<ZoneId> zones) {
        return new EnrollmentState(personId, sequenceVersion, Optional.empty(), Map.of(), Map.of(), Optional.empty(),
                Set.of(), Optional.empty(), zones, Optional.empty(), Map.of());
    }

    public int attemptsAt(String stepId) {
        return attempts.getOrDefault(stepId, 0);
    }

    public EnrollmentState withPreferredChannel(Channel channel) {
        return new EnrollmentState(personId, sequenceVersion, currentStep, attempts, counters, lastOutcome, events,
                due, zones, Optional.of(channel), attributes);
    }

    public EnrollmentState withAttributes(Map<String, String> values) {
        return new EnrollmentState(personId, sequenceVersion, currentStep, attempts, counters, lastOutcome, events,
                due, zones, preferredChannel, values);
    }

    EnrollmentState at(String step, Optional<Instant> when) {
        return new EnrollmentState(personId, sequenceVersion, Optional.ofNullable(step), attempts, counters,
                lastOutcome, events, when, zones, preferredChannel, attributes);
    }

    EnrollmentState withAttempt(String touchId, Signal.Result result) {
        Map<String, Integer> a = new HashMap<>(attempts);
        a.merge(touchId, 1, Integer::sum);
        return new EnrollmentState(personId, sequenceVersion, currentStep, a, counters, Optional.of(result), events,
                due, zones, preferredChannel, attributes);
    }

    EnrollmentState withCount(String branchId) {
        Map<String, Integer> c = new HashMap<>(counters);
        c.merge(branchId, 1, Integer::sum);
        return new EnrollmentState(personId, sequenceVersion, currentStep, attempts, c, lastOutcome, events, due,
                zones, preferredChannel, attributes);
    }

    EnrollmentState withEvent(Outcome event) {
        Set<Outcome> e = new java.util.HashSet<>(events);
        e.add(event);
        return new EnrollmentState(personId, sequenceVersion, currentStep, attempts, counters, lastOutcome, e, due,
                zones, preferredChannel, attributes);
    }
}
