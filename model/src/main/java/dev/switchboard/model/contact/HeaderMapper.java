package dev.switchboard.model.contact;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a {@link ColumnMapping} for a list file from its header row, and applies explicit mappings given in a
 * mapping file or on the command line. Stateless; thread-safe.
 */
public final class HeaderMapper {
    /** What a header (or a field name in a spec) maps to. */
    private record Target(ContactField field, PhoneType phoneType) {
        static Target of(ContactField field) {
            return new Target(field, null);
        }

        static Target phone(PhoneType type) {
            return new Target(ContactField.PHONE, type);
        }
    }

    private static final Map<String, Target> HEADERS = headerAliases();
    private static final Map<String, Target> FIELDS = fieldNames();
    private static final String FIELD_LIST = "key, first_name, last_name, full_name, email, phone, phone:mobile, "
            + "phone:home, phone:work, phone:other, address, city, state, postal_code, country, time_zone, "
            + "consent_voice, consent_sms, consent_email, consent_date, consent_source, attribute, ignore";

    private HeaderMapper() {
    }

    private static Map<String, Target> headerAliases() {
        Map<String, Target> map = new HashMap<>();
        alias(map, Target.of(ContactField.EXTERNAL_KEY), "crmleadid", "crmid", "leadid", "customerid", "externalid",
                "contactid", "accountnumber", "id", "externalkey", "key", "crmkey", "recordid", "customernumber",
                "accountid", "clientid", "uniqueid", "accountno", "customerno");
        alias(map, Target.of(ContactField.FIRST_NAME), "firstname", "fname", "givenname", "first", "forename");
        alias(map, Target.of(ContactField.LAST_NAME), "lastname", "surname", "lname", "familyname", "last");
        alias(map, Target.of(ContactField.FULL_NAME), "name", "fullname", "contactname", "customername");
        alias(map, Target.of(ContactField.EMAIL), "email", "emailaddress", "mail", "emailaddr", "primaryemail");
        alias(map, Target.phone(PhoneType.OTHER), "phone", "phonenumber", "telephone", "tel", "telephonenumber",
                "phoneno", "primaryphone", "contactnumber", "altphone", "alternatephone", "otherphone",
                "secondaryphone");
        alias(map, Target.phone(PhoneType.MOBILE), "mobile", "cell", "cellphone", "mobilephone", "mobilenumber",
                "cellnumber", "mobileno", "cellular", "mobilephonenumber", "cellphonenumber");
        alias(map, Target.phone(PhoneType.HOME), "homephone", "home", "homenumber", "hometel", "homephonenumber");
        alias(map, Target.phone(PhoneType.WORK), "workphone", "officephone", "businessphone", "worknumber",
                "businessnumber", "workphonenumber", "officenumber");
        alias(map, Target.of(ContactField.ADDRESS), "address", "street", "addressline1", "streetaddress", "address1",
                "addr1", "mailingaddress", "homeaddress");
        alias(map, Target.of(ContactField.CITY), "city", "town");
        alias(map, Target.of(ContactField.STATE), "state", "province", "region", "st", "stateprovince",
                "stateorprovince", "statecode");
        alias(map, Target.of(ContactField.POSTAL_CODE), "zip", "zipcode", "postalcode", "postcode", "zip4", "zip5",
                "postal");
        alias(map, Target.of(ContactField.COUNTRY), "country", "countrycode");
        alias(map, Target.of(ContactField.TIME_ZONE), "timezone", "tz");
        alias(map, Target.of(ContactField.CONSENT_SMS), "smsconsent", "textoptin", "consentsms", "smsoptin",
                "textconsent", "optinsms", "consenttext", "textmessageconsent");
        alias(map, Target.of(ContactField.CONSENT_VOICE), "voiceconsent", "consentvoice", "calloptin", "voiceoptin",
                "callconsent", "consentcall", "phoneconsent", "optinvoice");
        alias(map, Target.of(ContactField.CONSENT_EMAIL), "emailconsent", "consentemail", "emailoptin",
                "optinemail");
        alias(map, Target.of(ContactField.CONSENT_DATE), "consentdate", "optindate", "consenttimestamp",
                "consentdatetime", "consentgiven", "consentedat");
        alias(map, Target.of(ContactField.CONSENT_SOURCE), "consentsource", "optinsource");
        return Map.copyOf(map);
    }

    private static Map<String, Target> fieldNames() {
        Map<String, Target> map = new HashMap<>();
        for (ContactField f : ContactField.values()) {
            map.put(Text.compactKey(f.name()), f == ContactField.PHONE ? Target.phone(PhoneType.OTHER) : Target.of(f));
        }
        for (PhoneType t : PhoneType.values()) {
            String type = t.name().toLowerCase(Locale.ROOT);
            map.put("phone:" + type, Target.phone(t));
            map.put("phone" + type, Target.phone(t));
        }
        alias(map, Target.of(ContactField.EXTERNAL_KEY), "key", "id");
        alias(map, Target.of(ContactField.FIRST_NAME), "first", "firstname");
        alias(map, Target.of(ContactField.LAST_NAME), "last", "lastname");
        alias(map, Target.of(ContactField.FULL_NAME), "name", "fullname");
        alias(map, Target.phone(PhoneType.MOBILE), "mobile", "cell");
        alias(map, Target.of(ContactField.ADDRESS), "street");
        alias(map, Target.of(ContactField.STATE), "province", "region");
        alias(map, Target.of(ContactField.POSTAL_CODE), "zip", "postcode");
        alias(map, Target.of(ContactField.TIME_ZONE), "tz", "timezone");
        for (String channel : List.of("voice", "sms", "email")) {
            Target t = Target.of(ContactField.valueOf("CONSENT_" + channel.toUpperCase(Locale.ROOT)));
            alias(map, t, "consent:" + channel, channel + "consent");
        }
        alias(map, Target.of(ContactField.ATTRIBUTE), "attr");
        alias(map, Target.of(ContactField.IGNORE), "skip");
        return Map.copyOf(map);
    }

    private static void alias(Map<String, Target> map, Target target, String... keys) {
        for (String key : keys) {
            map.put(key, target);
        }
    }

    /**
     * Maps each header by its usual names, ignoring case, spaces, underscores, dashes and dots ({@code CRM_Lead_ID},
     * {@code E-mail}, {@code Cell Phone}); other headers become attributes, blank ones are ignored. A field that may
     * be bound once (see {@link ContactField#single()}) goes to its first column; later columns that would map to it
     * become attributes. Never fails.
     */
    public static ColumnMapping autoMap(List<String> headers) {
        List<ColumnBinding> columns = new ArrayList<>(headers.size());
        Set<ContactField> used = EnumSet.noneOf(ContactField.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i);
            columns.add(bind(i, header, autoTarget(header), used));
        }
        return new ColumnMapping(columns);
    }

    /**
     * Maps the headers a spec names to the fields it gives, and the others as {@link #autoMap} would (a field the
     * spec binds is not bound again automatically).
     *
     * @param spec header (exactly, or else ignoring case) to field name: a {@link ContactField} name in any case, or
     *             a short form such as {@code key}, {@code email}, {@code phone:mobile}, {@code zip}, {@code tz},
     *             {@code consent:sms}, {@code attribute}, {@code ignore}
     * @throws IllegalArgumentException naming the header and the file's headers when the spec names a header the
     *                                  file lacks; naming the field and the valid names when a field name is
     *                                  unknown; naming both columns when the spec binds a single field twice
     */
    public static ColumnMapping fromSpec(List<String> headers, Map<String, String> spec) {
        Map<Integer, Target> explicit = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : spec.entrySet()) {
            List<Integer> indexes = indexesOf(headers, e.getKey());
            if (indexes.isEmpty()) {
                throw new IllegalArgumentException("the mapping names column '" + e.getKey()
                        + "', which the file does not have; its columns are: " + String.join(", ", headers));
            }
            Target target = FIELDS.get(fieldKey(e.getValue()));
            if (target == null) {
                throw new IllegalArgumentException("unknown field '" + e.getValue() + "' for column '" + e.getKey()
                        + "'; valid fields are: " + FIELD_LIST);
            }
            indexes.forEach(i -> explicit.put(i, target));
        }
        Map<ContactField, Integer> bound = new HashMap<>();
        explicit.forEach((index, target) -> {
            Integer before = target.field().single() ? bound.putIfAbsent(target.field(), index) : null;
            if (before != null) {
                throw new IllegalArgumentException("the mapping binds both '" + headers.get(before) + "' and '"
                        + headers.get(index) + "' to " + target.field().label() + ", which takes one column");
            }
        });
        Set<ContactField> used = EnumSet.noneOf(ContactField.class);
        used.addAll(bound.keySet());
        List<ColumnBinding> columns = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i);
            Target target = explicit.get(i);
            columns.add(target != null ? binding(i, header, target) : bind(i, header, autoTarget(header), used));
        }
        return new ColumnMapping(columns);
    }

    private static List<Integer> indexesOf(List<String> headers, String name) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i) == null ? "" : headers.get(i);
            if (h.equals(name)) {
                exact.add(i);
            } else if (Text.trim(h).equalsIgnoreCase(Text.trim(name))) {
                loose.add(i);
            }
        }
        return exact.isEmpty() ? loose : exact;
    }

    /** Field names compare without case, spaces, underscores and dashes, but keep the colon of {@code phone:mobile}. */
    private static String fieldKey(String name) {
        String v = Text.trim(name).toLowerCase(Locale.ROOT);
        int colon = v.indexOf(':');
        return colon < 0 ? Text.compactKey(v) : Text.compactKey(v.substring(0, colon)) + ":"
                + Text.compactKey(v.substring(colon + 1));
    }

    private static Target autoTarget(String header) {
        String key = Text.compactKey(header);
        if (key.isEmpty()) {
            return Target.of(Text.trim(header).isEmpty() ? ContactField.IGNORE : ContactField.ATTRIBUTE);
        }
        Target t = HEADERS.get(key);
        if (t == null) {
            // "Phone 2", "Mobile1": numbered phone columns; only phones, the one field bound to many columns
            int end = key.length();
            while (end > 0 && Character.isDigit(key.charAt(end - 1))) {
                end--;
            }
            Target base = end < key.length() ? HEADERS.get(key.substring(0, end)) : null;
            t = base != null && base.field() == ContactField.PHONE ? base : null;
        }
        return t == null ? Target.of(ContactField.ATTRIBUTE) : t;
    }

    private static ColumnBinding bind(int index, String header, Target target, Set<ContactField> used) {
        if (target.field().single() && !used.add(target.field())) {
            return ColumnBinding.of(index, header, ContactField.ATTRIBUTE);
        }
        return binding(index, header, target);
    }

    private static ColumnBinding binding(int index, String header, Target target) {
        return new ColumnBinding(index, header, target.field(), target.phoneType());
    }
}
