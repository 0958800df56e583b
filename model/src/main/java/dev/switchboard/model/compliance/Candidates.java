package dev.switchboard.model.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.contact.Phone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A contact's candidate zones and states (compliance-rules §1): every zone libphonenumber gives any of its numbers,
 * plus the address zones; the area-code state and the address state. Computed once per contact, not per decision.
 */
public record Candidates(List<ZoneId> zones, Set<String> states) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public Candidates {
        zones = List.copyOf(zones);
        states = Set.copyOf(states);
    }

    public static Candidates of(ContactDraft contact, JurisdictionResolver resolver) {
        Set<ZoneId> zones = new LinkedHashSet<>(contact.timeZones().candidates());
        String unknown = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
        for (Phone phone : contact.phones()) {
            try {
                for (String id : PhoneNumberToTimeZonesMapper.getInstance()
                        .getTimeZonesForNumber(UTIL.parse(phone.e164(), null))) {
                    if (!unknown.equals(id)) {
                        zones.add(ZoneId.of(id));
                    }
                }
            } catch (NumberParseException | DateTimeException e) {
                // a number libphonenumber cannot place adds no zone
            }
        }
        Set<String> states = new LinkedHashSet<>();
        if (contact.jurisdiction() != null && "US".equals(contact.jurisdiction().country())) {
            states.add(contact.jurisdiction().region());
        }
        resolver.resolve(null, null, null, contact.phones()).ifPresent(j -> {
            if ("US".equals(j.country())) {
                states.add(j.region());
            }
        });
        return new Candidates(List.copyOf(zones), states);
    }
}
