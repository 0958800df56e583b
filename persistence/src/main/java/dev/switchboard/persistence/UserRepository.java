package dev.switchboard.persistence;

import dev.switchboard.model.user.Role;
import dev.switchboard.model.user.UserProfile;
import dev.switchboard.persistence.jooq.tables.records.AppUserRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.APP_USER;

/** Local profiles and their password hashes (a slow KDF's output; never a password). */
public final class UserRepository {
    private final DSLContext dsl;

    public UserRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** A profile with the hash its password must match. */
    public record Stored(UserProfile profile, String passwordHash) {
    }

    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    public UserProfile create(String name, Role role, String passwordHash, String createdBy, Instant now) {
        AppUserRecord r = dsl.insertInto(APP_USER)
                .set(APP_USER.NAME, name)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(APP_USER.CREATED_BY, createdBy)
                .returning()
                .fetchSingle();
        return toModel(r);
    }

    public Optional<Stored> byName(String name) {
        return dsl.selectFrom(APP_USER).where(APP_USER.NAME.eq(name))
                .fetchOptional(r -> new Stored(toModel(r), r.getPasswordHash()));
    }

    /** Sets a profile's role; false when there is no such profile. */
    public boolean setRole(String name, Role role) {
        return dsl.update(APP_USER).set(APP_USER.ROLE, role.name()).where(APP_USER.NAME.eq(name)).execute() == 1;
    }

    /** Replaces a profile's password hash; false when there is no such profile. */
    public boolean setPasswordHash(String name, String passwordHash) {
        return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).where(APP_USER.NAME.eq(name))
                .execute() == 1;
    }

    /** Every profile with its stored hash, by name. */
    public List<Stored> allStored() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.NAME).fetch(r -> new Stored(toModel(r), r.getPasswordHash()));
    }

    public List<UserProfile> all() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.NAME).fetch(UserRepository::toModel);
    }

    private static UserProfile toModel(AppUserRecord r) {
        return new UserProfile(r.getId(), r.getName(), Role.valueOf(r.getRole()), r.getCreatedAt().toInstant());
    }
}
