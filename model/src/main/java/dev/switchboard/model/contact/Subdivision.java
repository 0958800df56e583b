package dev.switchboard.model.contact;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A US state, district or territory, or a Canadian province or territory, with the IANA zones in use in it.
 * US territories carry country {@code US}, as US calling rules treat them.
 *
 * @param zones every zone in use, the most populous first; more than one means an address in it is ambiguous
 */
record Subdivision(String country, String code, String name, List<ZoneId> zones) {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId BOISE = ZoneId.of("America/Boise");
    static final ZoneId INDIANAPOLIS = ZoneId.of("America/Indiana/Indianapolis");
    static final ZoneId DETROIT = ZoneId.of("America/Detroit");
    static final ZoneId ANCHORAGE = ZoneId.of("America/Anchorage");
    static final ZoneId ADAK = ZoneId.of("America/Adak");
    static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");
    static final ZoneId HALIFAX = ZoneId.of("America/Halifax");
    static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");
    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final ZoneId REGINA = ZoneId.of("America/Regina");
    static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
    static final ZoneId PUERTO_RICO = ZoneId.of("America/Puerto_Rico");
    static final ZoneId GUAM = ZoneId.of("Pacific/Guam");

    private static final List<Subdivision> ALL = List.of(
            us("AL", "Alabama", CHICAGO), us("AK", "Alaska", ANCHORAGE, ADAK), us("AZ", "Arizona", PHOENIX),
            us("AR", "Arkansas", CHICAGO), us("CA", "California", LOS_ANGELES), us("CO", "Colorado", DENVER),
            us("CT", "Connecticut", NEW_YORK), us("DE", "Delaware", NEW_YORK),
            us("DC", "District of Columbia", NEW_YORK), us("FL", "Florida", NEW_YORK, CHICAGO),
            us("GA", "Georgia", NEW_YORK), us("HI", "Hawaii", HONOLULU), us("ID", "Idaho", BOISE, LOS_ANGELES),
            us("IL", "Illinois", CHICAGO), us("IN", "Indiana", INDIANAPOLIS, CHICAGO), us("IA", "Iowa", CHICAGO),
            us("KS", "Kansas", CHICAGO, DENVER), us("KY", "Kentucky", NEW_YORK, CHICAGO),
            us("LA", "Louisiana", CHICAGO), us("ME", "Maine", NEW_YORK), us("MD", "Maryland", NEW_YORK),
            us("MA", "Massachusetts", NEW_YORK), us("MI", "Michigan", DETROIT, ZoneId.of("America/Menominee")),
            us("MN", "Minnesota", CHICAGO), us("MS", "Mississippi", CHICAGO), us("MO", "Missouri", CHICAGO),
            us("MT", "Montana", DENVER), us("NE", "Nebraska", CHICAGO, DENVER),
            us("NV", "Nevada", LOS_ANGELES, DENVER), us("NH", "New Hampshire", NEW_YORK),
            us("NJ", "New Jersey", NEW_YORK), us("NM", "New Mexico", DENVER), us("NY", "New York", NEW_YORK),
            us("NC", "North Carolina", NEW_YORK), us("ND", "North Dakota", CHICAGO, DENVER),
            us("OH", "Ohio", NEW_YORK), us("OK", "Oklahoma", CHICAGO), us("OR", "Oregon", LOS_ANGELES, BOISE),
            us("PA", "Pennsylvania", NEW_YORK), us("RI", "Rhode Island", NEW_YORK),
            us("SC", "South Carolina", NEW_YORK), us("SD", "South Dakota", CHICAGO, DENVER),
            us("TN", "Tennessee", CHICAGO, NEW_YORK), us("TX", "Texas", CHICAGO, DENVER), us("UT", "Utah", DENVER),
            us("VT", "Vermont", NEW_YORK), us("VA", "Virginia", NEW_YORK), us("WA", "Washington", LOS_ANGELES),
            us("WV", "West Virginia", NEW_YORK), us("WI", "Wisconsin", CHICAGO), us("WY", "Wyoming", DENVER),
            us("PR", "Puerto Rico", PUERTO_RICO), us("VI", "U.S. Virgin Islands", ZoneId.of("America/St_Thomas")),
            us("GU", "Guam", GUAM), us("MP", "Northern Mariana Islands", ZoneId.of("Pacific/Saipan")),
            us("AS", "American Samoa", ZoneId.of("Pacific/Pago_Pago")),
            ca("AB", "Alberta", EDMONTON), ca("BC", "British Columbia", VANCOUVER, EDMONTON,
                    ZoneId.of("America/Dawson_Creek")),
            ca("MB", "Manitoba", WINNIPEG), ca("NB", "New Brunswick", ZoneId.of("America/Moncton")),
            ca("NL", "Newfoundland and Labrador", ST_JOHNS, ZoneId.of("America/Goose_Bay")),
            ca("NS", "Nova Scotia", HALIFAX), ca("NT", "Northwest Territories", EDMONTON),
            ca("NU", "Nunavut", ZoneId.of("America/Iqaluit"), ZoneId.of("America/Rankin_Inlet"),
                    ZoneId.of("America/Cambridge_Bay")),
            ca("ON", "Ontario", TORONTO, WINNIPEG), ca("PE", "Prince Edward Island", HALIFAX),
            ca("QC", "Quebec", TORONTO, HALIFAX), ca("SK", "Saskatchewan", REGINA, EDMONTON),
            ca("YT", "Yukon", ZoneId.of("America/Whitehorse")));

    private static final Map<String, Subdivision> US_CODES = byCode("US");
    private static final Map<String, Subdivision> CA_CODES = byCode("CA");
    private static final Map<String, Subdivision> NAMES = byName();

    Subdivision {
        zones = List.copyOf(zones);
    }

    private static Map<String, Subdivision> byCode(String country) {
        Map<String, Subdivision> map = new HashMap<>();
        ALL.stream().filter(s -> s.country.equals(country)).forEach(s -> map.put(s.code, s));
        return Map.copyOf(map);
    }

    private static Map<String, Subdivision> byName() {
        Map<String, Subdivision> map = new HashMap<>();
        ALL.forEach(s -> map.put(Text.wordKey(s.name), s));
        String[][] aliases = {
                {"Washington DC", "DC"}, {"Washington D.C.", "DC"}, {"Virgin Islands", "VI"},
                {"US Virgin Islands", "VI"}, {"Northern Marianas", "MP"}, {"Québec", "QC"}, {"Newfoundland", "NL"},
                {"Labrador", "NL"}, {"PEI", "PE"}, {"Yukon Territory", "YT"}, {"NWT", "NT"},
        };
        for (String[] alias : aliases) {
            Subdivision s = ALL.stream().filter(x -> x.code.equals(alias[1])).findFirst().orElseThrow();
            map.put(Text.wordKey(alias[0]), s);
        }
        return Map.copyOf(map);
    }

    private static Subdivision us(String code, String name, ZoneId... zones) {
        return new Subdivision("US", code, name, List.of(zones));
    }

    private static Subdivision ca(String code, String name, ZoneId... zones) {
        return new Subdivision("CA", code, name, List.of(zones));
    }

    /** The US state or territory with this two-letter code (upper case), or null. */
    static Subdivision us(String code) {
        return US_CODES.get(code);
    }

    /** The Canadian province or territory with this two-letter code (upper case), or null. */
    static Subdivision canada(String code) {
        return CA_CODES.get(code);
    }

    /**
     * The subdivision a state/province value names, as a two-letter code or a full name, case-insensitively.
     *
     * @param country {@code US}, {@code CA}, or null to look in both (their codes do not collide)
     */
    static Optional<Subdivision> find(String value, String country) {
        String v = Text.trim(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        // "FL", but also "N.Y." and "D.C."
        String code = v.length() == 2 ? v : Text.compactKey(v);
        Subdivision s = null;
        if (code.length() == 2) {
            code = code.toUpperCase(Locale.ROOT);
            s = "CA".equals(country) ? null : US_CODES.get(code);
            if (s == null && !"US".equals(country)) {
                s = CA_CODES.get(code);
            }
        } else {
            s = NAMES.get(Text.wordKey(v));
            if (s != null && country != null && !country.equals(s.country)) {
                s = null;
            }
        }
        return Optional.ofNullable(s);
    }
}
