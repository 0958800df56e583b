package dev.switchboard.engine.contacts;

import dev.switchboard.model.contact.ColumnMapping;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An import to run.
 *
 * @param listName      the list to import into; created when it does not exist
 * @param defaultRegion ISO 3166-1 alpha-2 region for numbers without a country code; null keeps the list's
 *                      region (or {@code US} for a new list)
 * @param encoding      null to detect
 * @param delimiter     null to detect
 * @param mapping       null for the automatic mapping of the file's headers
 * @param restart       true to start over instead of resuming an unfinished import of the same file
 */
public record ImportRequest(Path file, String listName, String defaultRegion, Charset encoding, Character delimiter,
                            ColumnMapping mapping, boolean restart) {
    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(listName, "listName");
    }

    public static ImportRequest of(Path file, String listName) {
        return new ImportRequest(file, listName, null, null, null, null, false);
    }

    public ImportRequest withMapping(ColumnMapping newMapping) {
        return new ImportRequest(file, listName, defaultRegion, encoding, delimiter, newMapping, restart);
    }
}
