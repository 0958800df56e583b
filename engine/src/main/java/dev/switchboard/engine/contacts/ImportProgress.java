package dev.switchboard.engine.contacts;

import java.time.Duration;

/**
 * How far an import has got. Rows per second is measured over this run only; the ETA is estimated from the bytes
 * left in the file, and is null until there is a rate to estimate from.
 */
public record ImportProgress(long rowsDone, long bytesRead, long fileSize, double rowsPerSecond, Duration eta,
                             long inserted, long updated, long unchanged, long rejected) {

    /** 0..1 by bytes read. */
    public double fraction() {
        return fileSize <= 0 ? 0 : Math.min(1.0, (double) bytesRead / fileSize);
    }
}
