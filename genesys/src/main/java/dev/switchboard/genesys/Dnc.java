package dev.switchboard.genesys;

import java.util.ArrayList;
import java.util.List;

/** Public shapes of DNC lists. */
public final class Dnc {

    private Dnc() {
    }

    /**
     * A DNC list. {@code dncSourceType} is rds, rds_custom, dnc.com or gryphon (only rds takes numbers by API);
     * {@code contactMethod} Phone, Email, Any or WhatsApp.
     */
    public record DncList(String id, String name, Integer version, String dncSourceType, String contactMethod,
            Long size) {

        /** A new internal list that the API can write to. */
        public static DncList rds(String name, String contactMethod) {
            return new DncList(null, name, null, "rds", contactMethod, null);
        }
    }

    /** The PATCH action; case-sensitive on the wire. */
    public enum Action {
        Add,
        Remove
    }

    /**
     * A finished DNC export: the CSV's uri, its timestamp, and its text.
     */
    public record Export(String uri, String exportTimestamp, String csv) {

        /**
         * The first column of each data row (the number or address), header and blank lines skipped, quotes
         * removed. Best effort: the exact CSV layout of a real org is unrecorded.
         */
        public List<String> values() {
            List<String> out = new ArrayList<>();
            String[] lines = csv == null ? new String[0] : csv.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                String first = line.split(",", -1)[0].strip();
                if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
                    first = first.substring(1, first.length() - 1);
                }
                boolean header = i == 0 && !first.isEmpty() && !first.startsWith("+") && !first.contains("@")
                        && !Character.isDigit(first.charAt(0));
                if (!header && !first.isEmpty()) {
                    out.add(first);
                }
            }
            return out;
        }
    }
}
