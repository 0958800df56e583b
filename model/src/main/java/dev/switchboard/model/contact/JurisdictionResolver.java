package dev.switchboard.model.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the US state or Canadian province whose calling rules apply to a contact:
 * <ol>
 *   <li>{@link JurisdictionSource#ADDRESS}: the state/province column (two-letter code or name), else the state of
 *       the US ZIP or Canadian postal code, else a US territory given as the country ({@code PR});</li>
 *   <li>{@link JurisdictionSource#AREA_CODE}: the state or province of the area code of the first phone that has
 *       one, from libphonenumber's geocoder. Toll-free and other non-geographic numbers have none and are passed
 *       over; so are numbers outside the US and Canada.</li>
 * </ol>
 * Addresses are read only for the US (and its territories), Canada, or a blank country.
 *
 * <p>Thread-safe. Keeps a per-instance cache of area code to state, since a NANP area code never crosses a state
 * or province line and the geocoder lookup costs more than the rest of a row.
 */
public final class JurisdictionResolver {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> NON_GEOGRAPHIC = Set.of("500", "521", "522", "523", "524", "525", "526", "527",
            "528", "529", "533", "544", "566", "577", "588", "600", "622", "700", "710", "800", "833", "844", "855",
            "866", "877", "888", "900");

    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final Map<String, Jurisdiction> byAreaCode = new ConcurrentHashMap<>();

    /**
     * The contact's jurisdiction, or empty when neither the address nor an area code tells. Any argument may be
     * null.
     */
    public Optional<Jurisdiction> resolve(String stateOrProvince, String postalCode, String country,
                                          List<Phone> phones) {
        Optional<Subdivision> address = fromAddress(stateOrProvince, postalCode, country);
        if (address.isPresent()) {
            Subdivision s = address.get();
            return Optional.of(new Jurisdiction(s.country(), s.code(), JurisdictionSource.ADDRESS));
        }
        if (phones != null) {
            for (Phone phone : phones) {
                Jurisdiction j = fromAreaCode(phone.e164());
                if (j != null) {
                    return Optional.of(j);
                }
            }
        }
        return Optional.empty();
    }

    /** The state or province an address names, without looking at phones. */
    static Optional<Subdivision> fromAddress(String stateOrProvince, String postalCode, String country) {
        String reading = Countries.addressCountry(country);
        if (Countries.OTHER.equals(reading)) {
            return Optional.empty();
        }
        Optional<Subdivision> state = Subdivision.find(stateOrProvince, reading);
        if (state.isPresent()) {
            return state;
        }
        Optional<PostalCodes.Area> area = PostalCodes.find(postalCode, reading);
        if (area.isPresent()) {
            return Optional.of(area.get().subdivision());
        }
        return Optional.ofNullable(Countries.territory(country));
    }

    private Jurisdiction fromAreaCode(String e164) {
        if (!e164.startsWith("+1") || e164.length() != 12) {
            return null;
        }
        String npa = e164.substring(2, 5);
        if (NON_GEOGRAPHIC.contains(npa)) {
            return null;
        }
        Jurisdiction cached = byAreaCode.get(npa);
        if (cached != null) {
            return cached;
        }
        Jurisdiction found = lookUp(e164);
        // only hits are cached: a miss may be one unassigned exchange in an area code that otherwise resolves
        if (found != null) {
            byAreaCode.put(npa, found);
        }
        return found;
    }

    private Jurisdiction lookUp(String e164) {
        PhoneNumber number;
        try {
            number = PhoneNormalizer.fromE164(e164);
        } catch (NumberParseException e) {
            return null;
        }
        String region = UTIL.getRegionCodeForNumber(number);
        String country = Countries.addressCountry(region);
        if (region == null || !"US".equals(country) && !"CA".equals(country)) {
            return null;
        }
        Subdivision territory = Countries.territory(region);
        if (territory != null) {
            return new Jurisdiction("US", territory.code(), JurisdictionSource.AREA_CODE);
        }
        // English descriptions are "San Francisco, CA" for a known exchange, else the state's name ("Florida")
        String description = geocoder.getDescriptionForNumber(number, Locale.ENGLISH);
        int comma = description.lastIndexOf(", ");
        String state = comma >= 0 ? description.substring(comma + 2) : description;
        return Subdivision.find(state, country)
                .map(s -> new Jurisdiction(s.country(), s.code(), JurisdictionSource.AREA_CODE))
                .orElse(null);
    }
}
