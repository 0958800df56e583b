package dev.switchboard.engine.contacts;

import dev.switchboard.model.contact.ImportState;

import java.time.Duration;

/**
 * How an import ended.
 *
 * @param resumedFromLine 0 for a fresh import, else the file line the run took up after an interrupted one
 */
public record ImportSummary(long importId, long listId, String listName, ImportState state, long inserted,
                            long updated, long unchanged, long rejected, long warned, Duration elapsed,
                            long resumedFromLine, String encoding, String delimiter) {

    public long rows() {
        return inserted + updated + unchanged + rejected;
    }
}
