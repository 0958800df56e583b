package dev.switchboard.model.contact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/** Country values as lists write them ({@code USA}, {@code United States}, {@code ca}) to ISO 3166-1 alpha-2. */
final class Countries {
    /** A country outside the US and Canada, or one no list spelling names. */
    static final String OTHER = "other";

    private static final Map<String, String> BY_KEY = build();
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            map.put(Text.wordKey(code), code);
            map.put(Text.wordKey(locale.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                map.put(Text.wordKey(locale.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // a few codes have no alpha-3 form; the alpha-2 and the name still work
            }
        }
        String[][] aliases = {
                {"U.S.", "US"}, {"U.S.A.", "US"}, {"United States of America", "US"}, {"America", "US"},
                {"UK", "GB"}, {"Great Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"}, {"Wales", "GB"},
                {"Northern Ireland", "GB"},
        };
        for (String[] alias : aliases) {
            map.put(Text.wordKey(alias[0]), alias[1]);
        }
        return Map.copyOf(map);
    }

    /** The ISO alpha-2 code (upper case) a country value names, or null when it names none or is blank. */
    static String normalize(String value) {
        String v = Text.trim(value);
        if (v.isEmpty()) {
            return null;
        }
        // the usual case, asked several times per row: skip building a key
        if (v.length() == 2 && CODES.contains(v)) {
            return v;
        }
        return BY_KEY.get(Text.wordKey(v));
    }

    /**
     * The country whose addresses the resolvers read: {@code US} (territories included), {@code CA}, null when
     * the value is blank (read either, by the form of the values), or {@link #OTHER}: nothing to read.
     */
    static String addressCountry(String value) {
        if (Text.trim(value).isEmpty()) {
            return null;
        }
        String iso = normalize(value);
        return iso == null ? OTHER : switch (iso) {
            case "US", "PR", "VI", "GU", "AS", "MP" -> "US";
            case "CA" -> "CA";
            default -> OTHER;
        };
    }

    /** The US territory a country value names ({@code PR}, {@code Guam} …), which then stands for the state. */
    static Subdivision territory(String value) {
        String iso = normalize(value);
        return iso == null ? null : switch (iso) {
            case "PR", "VI", "GU", "AS", "MP" -> Subdivision.us(iso);
            default -> null;
        };
    }
}
