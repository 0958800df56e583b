package dev.switchboard.persistence;

import dev.switchboard.model.contact.ColumnMapping;
import dev.switchboard.model.contact.ContactList;
import dev.switchboard.persistence.jooq.tables.records.ContactListRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.CONTACT;
import static dev.switchboard.persistence.jooq.Tables.CONTACT_LIST;

/** Contact lists. Every method does IO; safe from any thread but the FX thread. */
public final class ContactListRepository {
    private final DSLContext dsl;

    public ContactListRepository(Store store) {
        this.dsl = store.dsl();
    }

    public List<ContactList> all() {
        return dsl.selectFrom(CONTACT_LIST).orderBy(CONTACT_LIST.NAME).fetch(ContactListRepository::toModel);
    }

    public Optional<ContactList> byName(String name) {
        return dsl.selectFrom(CONTACT_LIST).where(CONTACT_LIST.NAME.eq(name)).fetchOptional(ContactListRepository::toModel);
    }

    public Optional<ContactList> byId(long id) {
        return dsl.selectFrom(CONTACT_LIST).where(CONTACT_LIST.ID.eq(id)).fetchOptional(ContactListRepository::toModel);
    }

    /** The list of that name, created with the given region and mapping when it does not exist yet. */
    public ContactList getOrCreate(String name, String defaultRegion, ColumnMapping mapping, Instant now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<ContactList> existing = tx.selectFrom(CONTACT_LIST).where(CONTACT_LIST.NAME.eq(name))
                    .forUpdate().fetchOptional(ContactListRepository::toModel);
            if (existing.isPresent()) {
                return existing.get();
            }
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            ContactListRecord r = tx.insertInto(CONTACT_LIST)
                    .set(CONTACT_LIST.NAME, name)
                    .set(CONTACT_LIST.DEFAULT_REGION, defaultRegion)
                    .set(CONTACT_LIST.COLUMN_MAPPING, Json.mapping(mapping))
                    .set(CONTACT_LIST.CREATED_AT, at)
                    .set(CONTACT_LIST.UPDATED_AT, at)
                    .returning()
                    .fetchSingle();
            return toModel(r);
        });
    }

    public void update(long id, String defaultRegion, ColumnMapping mapping, Instant now) {
        dsl.update(CONTACT_LIST)
                .set(CONTACT_LIST.DEFAULT_REGION, defaultRegion)
                .set(CONTACT_LIST.COLUMN_MAPPING, Json.mapping(mapping))
                .set(CONTACT_LIST.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(CONTACT_LIST.ID.eq(id))
                .execute();
    }

    public long contactCount(long listId) {
        return dsl.fetchCount(CONTACT, CONTACT.LIST_ID.eq(listId));
    }

    static ContactList toModel(ContactListRecord r) {
        return new ContactList(r.getId(), r.getName(), r.getDefaultRegion(), Json.mapping(r.getColumnMapping()),
                r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant());
    }
}
