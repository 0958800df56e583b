package dev.switchboard.model.contact;

import java.time.Instant;

/** One import of a file into a list, with its counts so far. */
public record ImportRecord(
        long id,
        long listId,
        String fileName,
        String filePath,
        long fileSize,
        String encoding,
        String delimiter,
        ImportState state,
        Instant startedAt,
        Instant finishedAt,
        long lastRecord,
        long lastLine,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        long warned,
        String message) {

    public long rowsDone() {
        return inserted + updated + unchanged + rejected;
    }
}
