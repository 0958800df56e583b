package dev.switchboard.engine.templates;

import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ContactDraft;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variables a template may use for a contact: the standard fields ({@code external_key, first_name, last_name,
 * full_name, email, phone, postal_code, state, country}) and every attribute column, by its header and by its
 * snake_case form ("Balance Due" is {@code Balance Due} and {@code balance_due}). Campaign values ({@code
 * company_name}, {@code unsubscribe_url} …) are added by the caller.
 */
public final class ContactVariables {
    static final Set<String> STANDARD = Set.of("external_key", "first_name", "last_name", "full_name", "email",
            "phone", "postal_code", "state", "country");

    // compiled once: a forecast renders templates for a hundred thousand contacts
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^_|_$");

    private ContactVariables() {
    }

    public static Map<String, String> of(ContactDraft c, Map<String, String> extra) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "external_key", c.externalKey());
        put(v, "first_name", c.firstName());
        put(v, "last_name", c.lastName());
        put(v, "full_name", c.displayName());
        put(v, "email", c.email());
        put(v, "phone", c.phones().isEmpty() ? null : c.phones().getFirst().e164());
        put(v, "postal_code", c.postalCode());
        put(v, "state", c.addressRegion());
        put(v, "country", c.country());
        c.attributes().forEach((k, value) -> {
            put(v, k, value);
            put(v, snake(k), value);
        });
        v.putAll(extra);
        return v;
    }

    /** The names a list's contacts can supply, for lint's unknown-variable check. */
    public static Set<String> columns(ColumnMapping mapping, Set<String> extra) {
        Set<String> names = new LinkedHashSet<>(STANDARD);
        mapping.columns().forEach(b -> {
            names.add(b.header());
            names.add(snake(b.header()));
        });
        names.addAll(extra);
        return names;
    }

    static String snake(String header) {
        String words = NON_WORD.matcher(header.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        return EDGES.matcher(words).replaceAll("");
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !key.isEmpty()) {
            v.putIfAbsent(key, value);
        }
    }

    /**
     * A list's contacts as variable maps (with {@code extra} added), read from {@code contacts} a page of
     * {@code pageSize} at a time; {@code beforePage} hears how many were read before each page is fetched (progress,
     * and a place to stop: it may throw).
     */
    public static Iterable<Map<String, String>> ofList(dev.switchboard.engine.contacts.ContactDirectory contacts,
                                                       long listId, Map<String, String> extra, int pageSize,
                                                       java.util.function.LongConsumer beforePage) {
        return () -> new java.util.Iterator<>() {
            private java.util.List<dev.switchboard.model.contact.Contact> page = java.util.List.of();
            private int i;
            private long after;
            private long read;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (i < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                beforePage.accept(read);
                page = contacts.contactsAfter(listId, after, pageSize);
                i = 0;
                if (page.isEmpty()) {
                    done = true;
                    return false;
                }
                after = page.getLast().id();
                return true;
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                read++;
                return of(page.get(i++).data(), extra);
            }
        };
    }
}
