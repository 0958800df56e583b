package dev.switchboard.model.contact;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The time zones a contact may be in. Compliance checks an instant against every candidate, so more than one
 * candidate is legal but flagged.
 */
public record TimeZones(List<ZoneId> candidates, TimeZoneSource source) {
    public static final TimeZones NONE = new TimeZones(List.of(), TimeZoneSource.NONE);

    public TimeZones {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(source, "source");
        if (candidates.isEmpty() != (source == TimeZoneSource.NONE)) {
            throw new IllegalArgumentException("source " + source + " with " + candidates.size() + " candidates");
        }
    }

    public boolean missing() {
        return candidates.isEmpty();
    }

    public boolean ambiguous() {
        return candidates.size() > 1;
    }

    /** {@code AMBIGUOUS}, {@code MISSING} or {@code null} when exactly one zone is known. */
    public String flag() {
        return missing() ? "MISSING" : ambiguous() ? "AMBIGUOUS" : null;
    }
}
