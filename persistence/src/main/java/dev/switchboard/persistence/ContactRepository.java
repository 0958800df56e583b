package dev.switchboard.persistence;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.contact.Consent;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.ContactDraft;
import dev.switchboard.model.contact.Jurisdiction;
import dev.switchboard.model.contact.JurisdictionSource;
import dev.switchboard.model.contact.Phone;
import dev.switchboard.model.contact.PhoneType;
import dev.switchboard.model.contact.TimeZoneSource;
import dev.switchboard.model.contact.TimeZones;
import dev.switchboard.persistence.jooq.tables.records.ContactRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.CONTACT;
import static dev.switchboard.persistence.jooq.Tables.CONTACT_CONSENT;
import static dev.switchboard.persistence.jooq.Tables.CONTACT_PHONE;

/** Reads contacts a page at a time; nothing here loads a whole list. Every method does IO. */
public final class ContactRepository {
    private final DSLContext dsl;

    public ContactRepository(Store store) {
        this.dsl = store.dsl();
    }

    /**
     * @param text matches the start of key, names or email, or digits anywhere in a phone number; null for all
     */
    public long count(long listId, String text) {
        return dsl.fetchCount(CONTACT, CONTACT.LIST_ID.eq(listId).and(filter(text)));
    }

    /**
     * A page in store order (id ascending). H2 walks ix_contact_list_order in order only when the query orders by
     * both its columns and constrains both (the redundant {@code id >= 0} keeps it from picking the foreign key's
     * list_id index and sorting the whole list): page 1 of a million-row list then costs milliseconds, not seconds.
     */
    public List<Contact> page(long listId, String text, long offset, int limit) {
        List<ContactRecord> rows = dsl.selectFrom(CONTACT)
                .where(CONTACT.LIST_ID.eq(listId).and(CONTACT.ID.ge(0L)).and(filter(text)))
                .orderBy(CONTACT.LIST_ID, CONTACT.ID)
                .limit(limit)
                .offset(offset)
                .fetch();
        return withDetails(rows);
    }

    /** Up to {@code limit} contacts with an id above {@code afterId}, in id order: cheap at any depth. */
    public List<Contact> pageAfter(long listId, long afterId, int limit) {
        return withDetails(dsl.selectFrom(CONTACT)
                .where(CONTACT.LIST_ID.eq(listId).and(CONTACT.ID.gt(afterId)))
                .orderBy(CONTACT.LIST_ID, CONTACT.ID)
                .limit(limit)
                .fetch());
    }

    public Optional<Contact> byId(long id) {
        return withDetails(dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetch()).stream().findFirst();
    }

    public Optional<Contact> byKey(long listId, String externalKey) {
        List<ContactRecord> rows = dsl.selectFrom(CONTACT)
                .where(CONTACT.LIST_ID.eq(listId).and(CONTACT.EXTERNAL_KEY.eq(externalKey)))
                .fetch();
        return withDetails(rows).stream().findFirst();
    }

    private static Condition filter(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        String prefix = escapeLike(t) + "%";
        Condition c = DSL.lower(CONTACT.EXTERNAL_KEY).like(prefix, '!')
                .or(DSL.lower(CONTACT.FIRST_NAME).like(prefix, '!'))
                .or(DSL.lower(CONTACT.LAST_NAME).like(prefix, '!'))
                .or(DSL.lower(CONTACT.EMAIL).like(prefix, '!'));
        String digits = t.replaceAll("[^0-9]", "");
        if (digits.length() >= 3) {
            c = c.or(DSL.exists(DSL.selectOne().from(CONTACT_PHONE)
                    .where(CONTACT_PHONE.CONTACT_ID.eq(CONTACT.ID))
                    .and(CONTACT_PHONE.E164.like("%" + digits + "%"))));
        }
        return c;
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<Contact> withDetails(List<ContactRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ContactRecord::getId).toList();
        Map<Long, List<Phone>> phones = new HashMap<>();
        dsl.selectFrom(CONTACT_PHONE).where(CONTACT_PHONE.CONTACT_ID.in(ids))
                .orderBy(CONTACT_PHONE.CONTACT_ID, CONTACT_PHONE.POSITION)
                .forEach(p -> phones.computeIfAbsent(p.getContactId(), k -> new ArrayList<>())
                        .add(new Phone(p.getE164(), PhoneType.valueOf(p.getPhoneType()), p.getRawValue(),
                                p.getSourceColumn())));
        Map<Long, List<Consent>> consents = new HashMap<>();
        dsl.selectFrom(CONTACT_CONSENT).where(CONTACT_CONSENT.CONTACT_ID.in(ids))
                .orderBy(CONTACT_CONSENT.CONTACT_ID, CONTACT_CONSENT.CHANNEL)
                .forEach(c -> consents.computeIfAbsent(c.getContactId(), k -> new ArrayList<>())
                        .add(new Consent(Channel.valueOf(c.getChannel()), c.getGranted(),
                                c.getObtainedAt() == null ? null : c.getObtainedAt().toInstant(), c.getSource())));
        List<Contact> out = new ArrayList<>(rows.size());
        for (ContactRecord r : rows) {
            out.add(toModel(r, phones.getOrDefault(r.getId(), List.of()), consents.getOrDefault(r.getId(), List.of())));
        }
        return out;
    }

    static Contact toModel(ContactRecord r, List<Phone> phones, List<Consent> consents) {
        TimeZones zones = r.getTimeZones() == null || r.getTimeZones().isEmpty()
                ? TimeZones.NONE
                : new TimeZones(Arrays.stream(r.getTimeZones().split(",")).map(ZoneId::of).toList(),
                        TimeZoneSource.valueOf(r.getTimeZoneSource()));
        Jurisdiction jurisdiction = null;
        if (r.getJurisdiction() != null) {
            String[] parts = r.getJurisdiction().split("-", 2);
            jurisdiction = new Jurisdiction(parts[0], parts[1], JurisdictionSource.valueOf(r.getJurisdictionSource()));
        }
        ContactDraft d = new ContactDraft(r.getExternalKey(), r.getFirstName(), r.getLastName(), r.getEmail(),
                r.getEmailRaw(), r.getPostalCode(), r.getAddressRegion(), r.getCountry(), phones, zones, jurisdiction,
                consents, Json.attributes(r.getAttributes()));
        return new Contact(r.getId(), r.getListId(), d, r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant());
    }
}
