package dev.switchboard.model.contact;

import static dev.switchboard.model.contact.Subdivision.ADAK;
import static dev.switchboard.model.contact.Subdivision.ANCHORAGE;
import static dev.switchboard.model.contact.Subdivision.BOISE;
import static dev.switchboard.model.contact.Subdivision.CHICAGO;
import static dev.switchboard.model.contact.Subdivision.DENVER;
import static dev.switchboard.model.contact.Subdivision.DETROIT;
import static dev.switchboard.model.contact.Subdivision.INDIANAPOLIS;
import static dev.switchboard.model.contact.Subdivision.LOS_ANGELES;
import static dev.switchboard.model.contact.Subdivision.NEW_YORK;
import static dev.switchboard.model.contact.Subdivision.PHOENIX;
import static dev.switchboard.model.contact.Subdivision.TORONTO;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * US ZIP codes and Canadian postal codes to state or province and time zones.
 *
 * <p>A ZIP's first three digits (its sectional center) give the state, from the USPS prefix ranges. In states
 * split across zones, a prefix whose whole area lies in one zone narrows the state's zones to that one; prefixes
 * that straddle a zone line (e.g. TX 798: El Paso County is Mountain, Big Bend is Central) keep all the state's
 * zones. A few single ZIPs across a line from the rest of their prefix are listed on their own.
 */
final class PostalCodes {
    /** A postal code's subdivision and candidate zones (never empty). */
    record Area(Subdivision subdivision, List<ZoneId> zones) {
    }

    // Index = ZIP3; military (AA/AE/AP) and unassigned prefixes stay null
    private static final List<String> ZIP3_STATE = Collections.unmodifiableList(Arrays.asList(states()));
    private static final List<List<ZoneId>> ZIP3_ZONES = Collections.unmodifiableList(Arrays.asList(zones()));

    private static final Map<String, List<ZoneId>> ZIP5_ZONES = Map.of(
            "32456", List.of(NEW_YORK), "32457", List.of(NEW_YORK),   // Port St. Joe, Gulf County FL
            "99546", List.of(ADAK), "99547", List.of(ADAK),            // Adak and Atka, Aleutians AK
            "89883", List.of(DENVER),                                  // West Wendover NV
            "89825", List.of(LOS_ANGELES, DENVER),                     // Jackpot NV keeps Mountain time
            "97907", List.of(LOS_ANGELES, BOISE));                     // Huntington OR keeps Mountain time

    private PostalCodes() {
    }

    private static String[] states() {
        String ranges = """
                005 NY,006-007 PR,008 VI,009 PR,010-027 MA,028-029 RI,030-038 NH,039-049 ME,050-054 VT,055 MA,
                056-059 VT,060-069 CT,070-089 NJ,100-149 NY,150-196 PA,197-199 DE,200 DC,201 VA,202-205 DC,
                206-212 MD,214-219 MD,220-246 VA,247-268 WV,270-289 NC,290-299 SC,300-319 GA,320-339 FL,
                341-349 FL,350-369 AL,370-385 TN,386-397 MS,398-399 GA,400-427 KY,430-459 OH,460-479 IN,
                480-499 MI,500-528 IA,530-549 WI,550-567 MN,569 DC,570-577 SD,580-588 ND,590-599 MT,600-629 IL,
                630-658 MO,660-679 KS,680-693 NE,700-714 LA,716-729 AR,730-731 OK,733 TX,734-749 OK,750-799 TX,
                800-816 CO,820-831 WY,832-838 ID,840-847 UT,850-865 AZ,870-884 NM,885 TX,889-898 NV,900-961 CA,
                967-968 HI,969 GU,970-979 OR,980-994 WA,995-999 AK""";
        String[] states = new String[1000];
        for (String entry : ranges.replace("\n", "").split(",")) {
            int[] r = range(entry.substring(0, entry.indexOf(' ')));
            Arrays.fill(states, r[0], r[1] + 1, entry.substring(entry.indexOf(' ') + 1));
        }
        return states;
    }

    /** Prefixes wholly inside one zone (or, for 865, a known mix) of a state that has several. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ZoneId>[] zones() {
        List<ZoneId>[] zones = new List[1000];
        fill(zones, List.of(NEW_YORK), "320-323", "326-339", "341-349", "374", "376", "378-379", "402-418", "425");
        fill(zones, List.of(CHICAGO), "324-325", "733", "750-797", "660-676", "679", "680-689", "570-574",
                "580-584", "587", "370-372", "375", "380-385", "420-424", "463-464", "476-477");
        fill(zones, List.of(DENVER), "799", "885", "693", "577");
        fill(zones, List.of(PHOENIX), "850-864");
        fill(zones, List.of(PHOENIX, DENVER), "865");                // the Navajo Nation observes daylight time
        fill(zones, List.of(BOISE), "832-834", "836-837", "979");
        fill(zones, List.of(LOS_ANGELES), "838", "970-978", "889-898");
        fill(zones, List.of(INDIANAPOLIS), "460-462", "466-474", "478-479");
        fill(zones, List.of(DETROIT), "480-497");
        fill(zones, List.of(ANCHORAGE), "995-999");
        return zones;
    }

    private static void fill(List<ZoneId>[] table, List<ZoneId> zones, String... ranges) {
        for (String range : ranges) {
            int[] r = range(range);
            Arrays.fill(table, r[0], r[1] + 1, zones);
        }
    }

    private static int[] range(String range) {
        int dash = range.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
        return new int[] {from, dash < 0 ? from : Integer.parseInt(range.substring(dash + 1))};
    }

    /**
     * The area a postal code lies in.
     *
     * @param country {@code US} or {@code CA} to read the code as that country's, null to recognise either by
     *                its form; other countries find nothing. A 4-digit US ZIP (a spreadsheet dropped its leading
     *                zero) is read only when the country is {@code US}.
     */
    static Optional<Area> find(String postalCode, String country) {
        String v = Text.trim(postalCode);
        if (v.isEmpty() || country != null && !"US".equals(country) && !"CA".equals(country)) {
            return Optional.empty();
        }
        if (!"CA".equals(country)) {
            String zip = zip5(v, "US".equals(country));
            if (zip != null) {
                return us(zip);
            }
        }
        return "US".equals(country) ? Optional.empty() : canada(v);
    }

    /** The five-digit ZIP of {@code 12345}, {@code 12345-6789}, {@code 123456789} or {@code 12345 6789}. */
    private static String zip5(String v, boolean padFourDigits) {
        int n = v.length();
        if (padFourDigits && (n == 4 || n == 9 && v.charAt(4) == '-') && Text.isAsciiDigits(v, 0, 4)) {
            return "0" + v.substring(0, 4);
        }
        if (!Text.isAsciiDigits(v, 0, 5)) {
            return null;
        }
        boolean plus4 = n == 10 && (v.charAt(5) == '-' || v.charAt(5) == ' ') && Text.isAsciiDigits(v, 6, 10);
        return n == 5 || n == 9 && Text.isAsciiDigits(v, 5, 9) || plus4 ? v.substring(0, 5) : null;
    }

    private static Optional<Area> us(String zip) {
        int zip3 = Integer.parseInt(zip, 0, 3, 10);
        String state = ZIP3_STATE.get(zip3);
        if (zip3 == 967 && zip.equals("96799")) {
            state = "AS";
        } else if (zip3 == 969) {
            int zip5 = Integer.parseInt(zip);
            // 969 also serves Palau, Micronesia and the Marshall Islands, which are not US jurisdictions
            state = zip5 >= 96910 && zip5 <= 96932 ? "GU" : zip5 >= 96950 && zip5 <= 96952 ? "MP" : null;
        }
        if (state == null) {
            return Optional.empty();
        }
        Subdivision s = Subdivision.us(state);
        List<ZoneId> zones = ZIP5_ZONES.get(zip);
        if (zones == null) {
            zones = ZIP3_ZONES.get(zip3) != null ? ZIP3_ZONES.get(zip3) : s.zones();
        }
        return Optional.of(new Area(s, zones));
    }

    /** {@code K1A 0B1}, {@code k1a0b1} or the three-character forward sortation area alone. */
    private static Optional<Area> canada(String v) {
        String p = v.toUpperCase(Locale.ROOT);
        boolean fsa = p.length() >= 3 && isLetter(p.charAt(0)) && isDigit(p.charAt(1)) && isLetter(p.charAt(2));
        String rest = p.length() == 7 && (p.charAt(3) == ' ' || p.charAt(3) == '-') ? p.substring(4)
                : p.length() == 6 ? p.substring(3) : p.length() == 3 ? null : "invalid";
        if (!fsa || rest != null && !(rest.length() == 3 && isDigit(rest.charAt(0)) && isLetter(rest.charAt(1))
                && isDigit(rest.charAt(2)))) {
            return Optional.empty();
        }
        String province = switch (p.charAt(0)) {
            case 'A' -> "NL";
            case 'B' -> "NS";
            case 'C' -> "PE";
            case 'E' -> "NB";
            case 'G', 'H', 'J' -> "QC";
            case 'K', 'L', 'M', 'N', 'P' -> "ON";
            case 'R' -> "MB";
            case 'S' -> "SK";
            case 'T' -> "AB";
            case 'V' -> "BC";
            case 'X' -> p.startsWith("X0A") || p.startsWith("X0B") || p.startsWith("X0C") ? "NU" : "NT";
            case 'Y' -> "YT";
            default -> null;
        };
        if (province == null) {
            return Optional.empty();
        }
        Subdivision s = Subdivision.canada(province);
        // Southern Ontario (K-N) and Montreal and southern Quebec (H, J) are wholly Eastern; P (northern
        // Ontario) reaches into Central and G (eastern Quebec) into Atlantic time
        char first = p.charAt(0);
        boolean whollyEastern = first >= 'K' && first <= 'N' || first == 'H' || first == 'J';
        return Optional.of(new Area(s, whollyEastern ? List.of(TORONTO) : s.zones()));
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** For tests: the state the ZIP3 prefix belongs to, or null. */
    static String stateOfZip3(int zip3) {
        return ZIP3_STATE.get(zip3);
    }
}
