package dev.switchboard.model.contact;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contact as a list row describes it, normalized, before it has a store id.
 *
 * @param externalKey  the CRM id: unique within a list, the key re-imports update by
 * @param email        the address as it will be used (trimmed; domain lower-cased), or null
 * @param emailRaw     the address exactly as the list had it, or null
 * @param jurisdiction null when neither the address nor an area code tells
 * @param attributes   free columns by header, in header order of the file (sorted here for a stable hash)
 */
public record ContactDraft(
        String externalKey,
        String firstName,
        String lastName,
        String email,
        String emailRaw,
        String postalCode,
        String addressRegion,
        String country,
        List<Phone> phones,
        TimeZones timeZones,
        Jurisdiction jurisdiction,
        List<Consent> consents,
        SortedMap<String, String> attributes) {

    public ContactDraft {
        Objects.requireNonNull(externalKey, "externalKey");
        phones = List.copyOf(phones);
        Objects.requireNonNull(timeZones, "timeZones");
        consents = List.copyOf(consents);
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        if (externalKey.isBlank()) {
            throw new IllegalArgumentException("blank external key");
        }
    }

    public static SortedMap<String, String> attributesOf(Map<String, String> map) {
        return new TreeMap<>(map);
    }

    /**
     * A stable 64-bit hash of everything the row says (FNV-1a over a canonical form), so that a re-import can tell
     * an unchanged row from an updated one without reading the whole contact.
     */
    public long contentHash() {
        StringBuilder sb = new StringBuilder(256);
        field(sb, externalKey);
        field(sb, firstName);
        field(sb, lastName);
        field(sb, email);
        field(sb, emailRaw);
        field(sb, postalCode);
        field(sb, addressRegion);
        field(sb, country);
        for (Phone p : phones) {
            field(sb, p.e164());
            field(sb, p.type().name());
            field(sb, p.raw());
            field(sb, p.sourceColumn());
        }
        sb.append('|');
        for (var z : timeZones.candidates()) {
            field(sb, z.getId());
        }
        field(sb, timeZones.source().name());
        if (jurisdiction != null) {
            field(sb, jurisdiction.code());
            field(sb, jurisdiction.source().name());
        }
        sb.append('|');
        for (Consent c : consents) {
            field(sb, c.channel().name());
            field(sb, Boolean.toString(c.granted()));
            field(sb, c.obtainedAt() == null ? null : c.obtainedAt().toString());
        }
        sb.append('|');
        attributes.forEach((k, v) -> {
            field(sb, k);
            field(sb, v);
        });
        long h = 0xcbf29ce484222325L;
        for (byte b : sb.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append('\u0000');
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append(';');
    }

    /** "First Last", or whichever is known, or the key. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? externalKey : name;
    }
}
