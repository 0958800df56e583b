package dev.switchboard.model.throughput;

import java.util.Locale;
import java.util.Map;

/**
 * The recipient's carrier, where the list says (a {@code carrier} column, kept as an attribute). An unknown carrier
 * counts against every carrier limit, so that none can be exceeded.
 */
public enum Carrier {
    ATT, TMOBILE, OTHER, UNKNOWN;

    /** The attribute that names a contact's carrier. */
    public static final String ATTRIBUTE = "carrier";

    public boolean countsForAtt() {
        return this == ATT || this == UNKNOWN;
    }

    public boolean countsForTmobile() {
        return this == TMOBILE || this == UNKNOWN;
    }

    public static Carrier parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9&]", "");
        if (v.startsWith("at&t") || v.equals("att") || v.startsWith("attmobility") || v.startsWith("cricket")) {
            return ATT;
        }
        if (v.startsWith("tmobile") || v.startsWith("sprint") || v.startsWith("metro")) {
            return TMOBILE;
        }
        if (v.equals("unknown") || v.equals("na")) {
            return UNKNOWN;
        }
        return OTHER;
    }

    /** The carrier named by a contact's attributes (key compared without case), else UNKNOWN. */
    public static Carrier of(Map<String, String> attributes) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(ATTRIBUTE)) {
                return parse(e.getValue());
            }
        }
        return UNKNOWN;
    }
}
