package dev.switchboard.model.contact;

import java.time.Instant;
import java.util.Objects;

/** A stored contact: one row of one list. */
public record Contact(long id, long listId, ContactDraft data, Instant createdAt, Instant updatedAt) {
    public Contact {
        Objects.requireNonNull(data, "data");
    }
}
