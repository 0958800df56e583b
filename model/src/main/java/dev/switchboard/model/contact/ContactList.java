package dev.switchboard.model.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * A named contact list.
 *
 * @param defaultRegion ISO 3166-1 alpha-2 region used to read phone numbers written without a country code
 * @param mapping       the column mapping of its latest import
 */
public record ContactList(long id, String name, String defaultRegion, ColumnMapping mapping, Instant createdAt,
                          Instant updatedAt) {
    public ContactList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
    }
}
