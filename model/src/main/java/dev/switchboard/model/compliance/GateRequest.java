package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the gate needs about one intended touch. Build the candidate zones and states with
 * {@link Candidates#of} (every zone of every number plus the address zone; the area-code and address states).
 *
 * @param zones             candidate time zones; empty when none can be derived
 * @param states            candidate US state codes ({@code FL}); empty when none can be derived
 * @param consents          the contact's consent records
 * @param address           the normalized address to be used (E.164 or email)
 * @param stepWindow        the sequence step's window, or null
 * @param campaignWindow    the campaign's window for this channel, or null for the pack's product default
 * @param subjectKey        the campaign's subject (FL/OK/MD "same subject"), or null
 * @param debtId            the debt of a collections campaign, or null
 * @param contentHash       the rendered content's hash, recorded on the trace
 * @param personKeys        every person key of the contact (shared normalized phone or email); at least one
 * @param lifeSafetyApproved the two-person approval of a life-safety campaign
 */
public record GateRequest(long contactId, List<ZoneId> zones, Set<String> states, List<Consent> consents,
                          Channel channel, String address, Instant instant, Purpose purpose, DayWindow stepWindow,
                          DayWindow campaignWindow, String subjectKey, String debtId, String contentHash,
                          List<String> personKeys, boolean lifeSafetyApproved) {
    public GateRequest {
        zones = List.copyOf(zones);
        states = Set.copyOf(states);
        consents = List.copyOf(consents);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(purpose, "purpose");
        personKeys = List.copyOf(personKeys);
        if (personKeys.isEmpty()) {
            throw new IllegalArgumentException("no person key");
        }
    }

    /** The same request at another instant. */
    public GateRequest at(Instant other) {
        return new GateRequest(contactId, zones, states, consents, channel, address, other, purpose, stepWindow,
                campaignWindow, subjectKey, debtId, contentHash, personKeys, lifeSafetyApproved);
    }
}
