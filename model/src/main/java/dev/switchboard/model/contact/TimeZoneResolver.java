package dev.switchboard.model.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the time zones a contact may be in, from the first source that tells, in this order:
 * <ol>
 *   <li>{@link TimeZoneSource#EXPLICIT}: a time-zone column, read by {@link #parseExplicit};</li>
 *   <li>{@link TimeZoneSource#POSTAL_CODE}: a US ZIP (ZIP+4 too) or Canadian postal code;</li>
 *   <li>{@link TimeZoneSource#STATE}: a US state, district or territory or a Canadian province, by two-letter
 *       code or name;</li>
 *   <li>{@link TimeZoneSource#AREA_CODE}: every zone libphonenumber gives for any of the phones.</li>
 * </ol>
 * Sources 2 and 3 are read only for the US (and its territories), Canada, or a blank country. A source may give
 * several zones (Florida: Eastern and Central); compliance then checks every one. The order of candidates is
 * stable: table order for addresses, phone order then libphonenumber's order for area codes.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimeZoneResolver {
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
    private static final Map<String, ZoneId> IANA = ianaIds();
    private static final Map<String, ZoneId> NAMES = names();
    private static final List<String> NAME_SUFFIXES = List.of(" us canada", " standard time", " daylight time",
            " daylight saving time", " time zone", " time", " zone");

    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();

    private static Map<String, ZoneId> ianaIds() {
        Map<String, ZoneId> map = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Etc/GMT+5 and the like are fixed offsets: no daylight time, so almost never right for a person
            if (id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                map.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
            }
        }
        String[][] legacy = {
                {"us/eastern", "America/New_York"}, {"us/central", "America/Chicago"},
                {"us/mountain", "America/Denver"}, {"us/pacific", "America/Los_Angeles"},
                {"us/alaska", "America/Anchorage"}, {"us/hawaii", "Pacific/Honolulu"},
                {"us/arizona", "America/Phoenix"}, {"us/east-indiana", "America/Indiana/Indianapolis"},
        };
        for (String[] l : legacy) {
            map.put(l[0], ZoneId.of(l[1]));
        }
        return Map.copyOf(map);
    }

    private static Map<String, ZoneId> names() {
        Map<String, ZoneId> map = new HashMap<>();
        put(map, "America/New_York", "eastern", "est", "edt", "et", "us eastern");
        put(map, "America/Chicago", "central", "cst", "cdt", "ct", "us central");
        put(map, "America/Denver", "mountain", "mst", "mdt", "mt");
        put(map, "America/Phoenix", "arizona", "us mountain");
        put(map, "America/Los_Angeles", "pacific", "pst", "pdt", "pt", "us pacific");
        put(map, "America/Anchorage", "alaska", "alaskan", "akst", "akdt", "akt");
        put(map, "Pacific/Honolulu", "hawaii", "hawaiian", "hst", "hawaii aleutian");
        put(map, "America/Indiana/Indianapolis", "indiana east", "us eastern indiana");
        put(map, "America/Puerto_Rico", "puerto rico");
        put(map, "America/St_Johns", "newfoundland", "nst", "ndt");
        put(map, "Pacific/Guam", "chamorro", "chst", "guam");
        put(map, "Pacific/Pago_Pago", "samoa", "american samoa", "sst");
        return Map.copyOf(map);
    }

    private static void put(Map<String, ZoneId> map, String zone, String... keys) {
        for (String key : keys) {
            map.put(key, ZoneId.of(zone));
        }
    }

    /**
     * Reads a time-zone column: an IANA id in any case ({@code America/Chicago}), or a common US name or
     * abbreviation ({@code EST}, {@code Eastern}, {@code Central Standard Time}, {@code Pacific Time (US & Canada)},
     * {@code Arizona}). Abbreviations name the zone, not the season: {@code EDT} and {@code EST} both give
     * America/New_York. Fixed offsets ({@code UTC-5}) are not read, since they ignore daylight time.
     *
     * @return empty for a blank or unknown value
     */
    public Optional<ZoneId> parseExplicit(String value) {
        String v = Text.trim(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = v.indexOf('/') > 0 ? IANA.get(v.toLowerCase(Locale.ROOT)) : null;
        // "Eastern Standard Time", "Pacific Time (US & Canada)": drop the decorations until a name is left
        String key = zone == null ? Text.wordKey(v) : null;
        while (zone == null && key != null) {
            zone = NAMES.get(key);
            key = withoutSuffix(key);
        }
        return Optional.ofNullable(zone);
    }

    private static String withoutSuffix(String key) {
        for (String suffix : NAME_SUFFIXES) {
            if (key.endsWith(suffix)) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return null;
    }

    /**
     * The contact's candidate zones and where they came from; {@link TimeZones#NONE} when no source tells.
     * An explicit value {@link #parseExplicit} cannot read is passed over, as if blank: callers that want to warn
     * about it call {@code parseExplicit} themselves. Any argument may be null.
     */
    public TimeZones resolve(String explicitZone, String postalCode, String stateOrProvince, String country,
                             List<Phone> phones) {
        return resolveWith(parseExplicit(explicitZone).orElse(null), postalCode, stateOrProvince, country, phones);
    }

    /** As {@link #resolve(String, String, String, String, List)}, with the explicit zone already read. */
    TimeZones resolveWith(ZoneId explicit, String postalCode, String stateOrProvince, String country,
                          List<Phone> phones) {
        if (explicit != null) {
            return new TimeZones(List.of(explicit), TimeZoneSource.EXPLICIT);
        }
        String reading = Countries.addressCountry(country);
        if (!Countries.OTHER.equals(reading)) {
            Optional<PostalCodes.Area> area = PostalCodes.find(postalCode, reading);
            if (area.isPresent()) {
                return new TimeZones(area.get().zones(), TimeZoneSource.POSTAL_CODE);
            }
            Subdivision state = Text.trim(stateOrProvince).isEmpty() ? Countries.territory(country)
                    : Subdivision.find(stateOrProvince, reading).orElse(null);
            if (state != null) {
                return new TimeZones(state.zones(), TimeZoneSource.STATE);
            }
        }
        List<ZoneId> byAreaCode = byAreaCode(phones);
        return byAreaCode.isEmpty() ? TimeZones.NONE : new TimeZones(byAreaCode, TimeZoneSource.AREA_CODE);
    }

    private List<ZoneId> byAreaCode(List<Phone> phones) {
        if (phones == null || phones.isEmpty()) {
            return List.of();
        }
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (Phone phone : phones) {
            try {
                for (String id : mapper.getTimeZonesForNumber(PhoneNormalizer.fromE164(phone.e164()))) {
                    if (!UNKNOWN.equals(id)) {
                        zones.add(ZoneId.of(id));
                    }
                }
            } catch (NumberParseException | DateTimeException e) {
                // a number or zone this libphonenumber or JDK does not know tells nothing; the other phones may
            }
        }
        return List.copyOf(zones);
    }
}
