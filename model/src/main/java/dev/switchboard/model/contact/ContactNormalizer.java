package dev.switchboard.model.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one record of a list file into a {@link ContactDraft} with warnings, or a rejection with reasons.
 *
 * <p>Values are trimmed; only blank counts as empty ({@code NULL} or {@code N/A} stay literal, and are then
 * rejected as phones or emails like any other text). A row is rejected when it holds a NUL character, has
 * non-empty values beyond the header's width, has an empty or over-long key in a mapped key column, or has
 * no valid phone and no valid email. Otherwise each value that cannot be used (a bad phone of two, an unknown
 * time zone, an unreadable consent) is dropped with a warning. Without a key column the key is the first valid
 * phone's E.164, else the lower-cased email.
 *
 * <p>Thread-safe: the only state that changes is the jurisdiction resolver's area-code cache, which is concurrent.
 * Meant as one instance per import, called from that import's thread.
 */
public final class ContactNormalizer {
    static final int MAX_KEY = 200;
    static final int MAX_NAME = 200;
    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");

    private final String defaultRegion;
    private final PhoneNormalizer phoneNormalizer;
    private final TimeZoneResolver zones = new TimeZoneResolver();
    private final JurisdictionResolver jurisdictions = new JurisdictionResolver();
    private final Columns cols;

    /**
     * @param mapping       the list file's columns
     * @param defaultRegion ISO 3166-1 alpha-2 region for phone numbers without a country code and for rows
     *                      without a country
     */
    public ContactNormalizer(ColumnMapping mapping, String defaultRegion) {
        Objects.requireNonNull(mapping, "mapping");
        this.phoneNormalizer = new PhoneNormalizer(defaultRegion);
        this.defaultRegion = phoneNormalizer.defaultRegion();
        this.cols = new Columns(mapping);
    }

    /**
     * Normalizes one record.
     *
     * @param fields the record's values in file order, as the CSV reader gives them; fewer than the header's
     *               columns means the rest are empty; null values count as empty
     */
    public RowResult normalize(List<String> fields) {
        int width = cols.width();
        for (int i = width; i < fields.size(); i++) {
            if (!Text.trim(fields.get(i)).isEmpty()) {
                return new RowResult.Rejected(null, List.of(RowIssue.rejected(null, null,
                        "row has " + fields.size() + " fields, the header has " + width)));
            }
        }
        String[] raw = new String[width];
        String[] v = new String[width];
        List<RowIssue> rejections = new ArrayList<>(0);
        for (int i = 0; i < width; i++) {
            raw[i] = i < fields.size() && fields.get(i) != null ? fields.get(i) : "";
            v[i] = Text.trim(raw[i]);
            if (raw[i].indexOf('\u0000') >= 0) {
                rejections.add(RowIssue.rejected(cols.label(i), raw[i].replace('\u0000', '\u2400'),
                        "contains a NUL character"));
            }
        }
        String key = cols.key >= 0 ? v[cols.key] : null;
        if (!rejections.isEmpty()) {
            return new RowResult.Rejected(usable(key), rejections);
        }
        List<RowIssue> warnings = new ArrayList<>(2);
        // bad phones and emails: warnings if the row has another way to reach the person, else the rejection
        List<RowIssue> contactIssues = new ArrayList<>(1);
        List<Phone> phones = phones(raw, v, contactIssues);
        String email = null;
        String emailRaw = null;
        if (cols.email >= 0 && !v[cols.email].isEmpty()) {
            Optional<String> problem = EmailCheck.problem(v[cols.email]);
            if (problem.isPresent()) {
                contactIssues.add(RowIssue.warning(cols.label(cols.email), v[cols.email], problem.get()));
            } else {
                email = EmailCheck.normalize(v[cols.email]);
                emailRaw = raw[cols.email];
            }
        }
        if (cols.key >= 0) {
            if (key.isEmpty()) {
                rejections.add(RowIssue.rejected(cols.label(cols.key), null,
                        "empty external key (" + cols.label(cols.key) + ")"));
            } else if (key.length() > MAX_KEY) {
                rejections.add(RowIssue.rejected(cols.label(cols.key), key,
                        "external key longer than " + MAX_KEY + " characters (" + key.length() + ")"));
            }
        } else {
            key = !phones.isEmpty() ? phones.getFirst().e164() : email != null ? email.toLowerCase(Locale.ROOT) : null;
        }
        if (phones.isEmpty() && email == null) {
            for (RowIssue i : contactIssues) {
                rejections.add(RowIssue.rejected(i.column(), i.value(), i.reason()));
            }
            if (contactIssues.isEmpty()) {
                rejections.add(RowIssue.rejected(null, null, "no phone number or email address"));
            }
        }
        if (!rejections.isEmpty()) {
            return new RowResult.Rejected(usable(key), rejections);
        }
        warnings.addAll(contactIssues);
        ContactDraft contact = draft(key, raw, v, phones, email, emailRaw, warnings);
        return new RowResult.Accepted(contact, warnings);
    }

    /** The key a rejection may carry so the import can report it: null when it is itself the problem. */
    private static String usable(String key) {
        return key == null || key.isEmpty() || key.length() > MAX_KEY || key.indexOf('\u0000') >= 0 ? null : key;
    }

    private List<Phone> phones(String[] raw, String[] v, List<RowIssue> issues) {
        List<Phone> phones = new ArrayList<>(cols.phones.length);
        for (int i : cols.phones) {
            if (v[i].isEmpty()) {
                continue;
            }
            switch (phoneNormalizer.normalize(v[i])) {
                case PhoneCheck.Valid valid -> {
                    if (!contains(phones, valid.e164())) {
                        phones.add(new Phone(valid.e164(), cols.phoneType(i), raw[i], cols.label(i)));
                    }
                }
                case PhoneCheck.Invalid invalid -> issues.add(RowIssue.warning(cols.label(i), v[i], invalid.reason()));
            }
        }
        return phones;
    }

    private static boolean contains(List<Phone> phones, String e164) {
        for (Phone p : phones) {
            if (p.e164().equals(e164)) {
                return true;
            }
        }
        return false;
    }

    private ContactDraft draft(String key, String[] raw, String[] v, List<Phone> phones, String email,
                               String emailRaw, List<RowIssue> warnings) {
        String[] names = names(v, warnings);
        String country = cols.country >= 0 ? v[cols.country] : "";
        if (country.isEmpty()) {
            country = defaultRegion;
        } else {
            String iso = Countries.normalize(country);
            if (iso == null) {
                warnings.add(RowIssue.warning(cols.label(cols.country), country, "unknown country '" + country + "'"));
            } else {
                country = iso;
            }
        }
        String postal = cols.postal >= 0 && !v[cols.postal].isEmpty() ? v[cols.postal] : null;
        String state = cols.state >= 0 && !v[cols.state].isEmpty() ? v[cols.state] : null;
        String reading = Countries.addressCountry(country);
        String region = state == null || Countries.OTHER.equals(reading) ? state
                : Subdivision.find(state, reading).map(Subdivision::code).orElse(state);
        ZoneId explicit = null;
        if (cols.timeZone >= 0 && !v[cols.timeZone].isEmpty()) {
            explicit = zones.parseExplicit(v[cols.timeZone]).orElse(null);
            if (explicit == null) {
                warnings.add(RowIssue.warning(cols.label(cols.timeZone), v[cols.timeZone],
                        "unknown time zone '" + v[cols.timeZone] + "'"));
            }
        }
        TimeZones timeZones = zones.resolveWith(explicit, postal, state, country, phones);
        Jurisdiction jurisdiction = jurisdictions.resolve(state, postal, country, phones).orElse(null);
        List<Consent> consents = consents(v, warnings);
        Map<String, String> attributes = new HashMap<>();
        for (int i : cols.attributes) {
            if (!v[i].isEmpty()) {
                attributes.putIfAbsent(cols.label(i), v[i]);
            }
        }
        return new ContactDraft(key, names[0], names[1], email, emailRaw, postal, region, country, phones,
                timeZones, jurisdiction, consents, ContactDraft.attributesOf(attributes));
    }

    /**
     * First and last name: the name columns, else the full name split at its last space, or at its comma when
     * written "Last, First" (but not "King, Jr.").
     */
    private String[] names(String[] v, List<RowIssue> warnings) {
        String first = cols.firstName >= 0 ? v[cols.firstName] : "";
        String last = cols.lastName >= 0 ? v[cols.lastName] : "";
        int nameColumn = -1;
        if (first.isEmpty() && last.isEmpty() && cols.fullName >= 0 && !v[cols.fullName].isEmpty()) {
            String full = v[cols.fullName];
            nameColumn = cols.fullName;
            int comma = full.indexOf(',');
            boolean suffix = comma > 0 && NAME_SUFFIXES.contains(Text.compactKey(full.substring(comma + 1)));
            int space = full.lastIndexOf(' ', suffix ? comma : full.length());
            if (comma > 0 && comma == full.lastIndexOf(',') && !suffix) {
                last = Text.trim(full.substring(0, comma));
                first = Text.trim(full.substring(comma + 1));
            } else if (space > 0) {
                first = Text.trim(full.substring(0, space));
                last = full.substring(space + 1);
            } else {
                first = full;
            }
        }
        return new String[] {
                name(first, nameColumn >= 0 ? nameColumn : cols.firstName, warnings),
                name(last, nameColumn >= 0 ? nameColumn : cols.lastName, warnings)};
    }

    private String name(String value, int column, List<RowIssue> warnings) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            warnings.add(RowIssue.warning(cols.label(column), value,
                    "name longer than " + MAX_NAME + " characters (" + value.length() + ")"));
            return null;
        }
        return value;
    }

    private List<Consent> consents(String[] v, List<RowIssue> warnings) {
        if (cols.consents.length == 0) {
            return List.of();
        }
        Instant date = null;
        if (cols.consentDate >= 0 && !v[cols.consentDate].isEmpty()) {
            date = ConsentValues.parseInstant(v[cols.consentDate]);
            if (date == null) {
                warnings.add(RowIssue.warning(cols.label(cols.consentDate), v[cols.consentDate],
                        "not a date: use yyyy-MM-dd, M/d/yyyy or an ISO date-time"));
            }
        }
        String source = cols.consentSource >= 0 && !v[cols.consentSource].isEmpty() ? v[cols.consentSource] : null;
        List<Consent> consents = new ArrayList<>(cols.consents.length);
        for (int i : cols.consents) {
            if (v[i].isEmpty()) {
                continue;
            }
            ConsentValues.Reading r = ConsentValues.read(v[i]);
            if (r == null) {
                warnings.add(RowIssue.warning(cols.label(i), v[i],
                        "not a consent value: use yes/no, true/false, 1/0, opted in/opted out or a date"));
                continue;
            }
            Instant at = r.at() != null ? r.at() : r.granted() ? date : null;
            String from = source != null ? source : "column " + cols.label(i);
            consents.add(new Consent(cols.channel(i), r.granted(), at, from));
        }
        return consents;
    }
}
