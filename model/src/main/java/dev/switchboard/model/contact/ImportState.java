package dev.switchboard.model.contact;

/** Where an import stands. A RUNNING import whose process died is resumed by running it again. */
public enum ImportState {
    RUNNING, COMPLETED, CANCELLED, FAILED
}
